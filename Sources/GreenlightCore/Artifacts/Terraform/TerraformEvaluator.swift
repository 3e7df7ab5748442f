/// Local names bound while evaluating: for-expression symbols, template variables,
/// and `count` / `each` when evaluating one specific instance of a resource.
public struct TerraformScope: Sendable {
    public var symbols: [String: LocatedValue]
    var depth: Int = 0

    public init(symbols: [String: LocatedValue] = [:]) {
        self.symbols = symbols
    }

    /// The scope of instance `index` of a resource with `count`.
    public static func countInstance(_ index: Int, at location: SourceLocation) -> TerraformScope {
        let member = StructuredMember(key: "index", keyLocation: location, value: LocatedValue(.number(String(index)), at: location))
        return TerraformScope(symbols: ["count": LocatedValue(.object([member]), at: location)])
    }

    /// The scope of instance `key` of a resource with `for_each`.
    public static func eachInstance(key: String, value: LocatedValue, at location: SourceLocation) -> TerraformScope {
        let members = [
            StructuredMember(key: "key", keyLocation: location, value: LocatedValue(.string(key), at: location)),
            StructuredMember(key: "value", keyLocation: location, value: value),
        ]
        return TerraformScope(symbols: ["each": LocatedValue(.object(members), at: location)])
    }

    func binding(_ name: String, _ value: LocatedValue) -> TerraformScope {
        var copy = self
        copy.symbols[name] = value
        return copy
    }
}

/// What one module's expressions can refer to.
struct TerraformModuleContext: Sendable {
    var tree: any FileTree
    /// The directory of the root module; `file()` paths are relative to it, like Terraform's working directory.
    var rootDirectory: String
    var moduleDirectory: String
    /// `path.module`: the module directory relative to the root module.
    var pathModule: String
    /// `module.x.` for resources of child module `x`, `""` in the root module.
    var addressPrefix: String
    var variables: [String: LocatedValue] = [:]
    var locals: [String: LocatedValue] = [:]
    /// The expressions of `locals`, so `decodedJSON(local.x)` can see through to `jsonencode(...)`.
    var localExpressions: [String: HCLExpression] = [:]
    /// Resource and data blocks by `type.name` / `data.type.name`.
    var resources: [String: TerraformResourceDefinition] = [:]
    /// Evaluated outputs of loaded child modules by module name.
    var moduleOutputs: [String: [String: LocatedValue]] = [:]
}

/// The raw parts of a resource or data block, without evaluation.
struct TerraformResourceDefinition: Sendable {
    var attributes: [String: HCLAttribute]
    var location: SourceLocation
}

/// Evaluates HCL expressions of one module to located JSON-shaped values.
/// Anything that cannot be known statically becomes `.unknown(reason)` or a
/// symbolic `.reference(address)`; nothing is guessed and nothing traps.
public struct TerraformEvaluator: Sendable {
    var context: TerraformModuleContext

    static let maximumDepth = 96
    /// Attributes only the provider knows after apply; never read from the block.
    static let computedAttributes: Set<String> = ["arn", "id"]

    /// Evaluates `expression`; the result's location is where the expression was written.
    public func evaluate(_ expression: HCLExpression, in scope: TerraformScope = TerraformScope()) -> LocatedValue {
        let here = expression.location
        guard scope.depth < TerraformEvaluator.maximumDepth else {
            return LocatedValue(.unknown("expression is nested too deeply to evaluate"), at: here)
        }
        var inner = scope
        inner.depth += 1
        switch expression.kind {
        case .null: return LocatedValue(.null, at: here)
        case .bool(let flag): return LocatedValue(.bool(flag), at: here)
        case .number(let text): return LocatedValue(.number(text), at: here)
        case .template(let parts), .heredoc(_, _, let parts):
            return evaluateTemplate(parts, at: here, in: inner)
        case .tuple(let items):
            return LocatedValue(.array(items.map { evaluate($0, in: inner) }), at: here)
        case .object(let items):
            return evaluateObject(items, at: here, in: inner)
        case .variable, .attribute, .index:
            return evaluateTraversal(expression, in: inner)
        case .splat(let source, let steps):
            return evaluateSplat(source, steps, at: here, in: inner)
        case .call(let name, let arguments, let expands):
            return call(name, arguments, expands: expands, at: here, in: inner)
        case .unary(let op, let operand):
            return TerraformOperators.unary(op, evaluate(operand, in: inner), at: here)
        case .binary(let op, let left, let right):
            return TerraformOperators.binary(op, evaluate(left, in: inner), evaluate(right, in: inner), at: here)
        case .conditional(let condition, let whenTrue, let whenFalse):
            let test = evaluate(condition, in: inner)
            guard let flag = TerraformValues.bool(test.value) else {
                return LocatedValue(.unknown("condition is not known: \(TerraformValues.reason(test.value))"), at: here)
            }
            return relocated(evaluate(flag ? whenTrue : whenFalse, in: inner), to: here)
        case .forTuple(let clause):
            return evaluateForTuple(clause, at: here, in: inner)
        case .forObject(let clause, let key, let grouped):
            return evaluateForObject(clause, key: key, grouped: grouped, at: here, in: inner)
        case .parenthesized(let inner2):
            return evaluate(inner2, in: inner)
        case .invalid:
            return LocatedValue(.unknown("expression has a syntax error"), at: here)
        }
    }

    /// The value at a new top-level location (where it is used), keeping the inner locations.
    func relocated(_ value: LocatedValue, to location: SourceLocation) -> LocatedValue {
        LocatedValue(value.value, at: location)
    }

    private func evaluateObject(_ items: [HCLObjectItem], at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        var members: [StructuredMember] = []
        members.reserveCapacity(items.count)
        for item in items {
            let key: String
            switch item.key {
            case .name(let name, _):
                key = name
            case .expression(let expression):
                let value = evaluate(expression, in: scope)
                guard let text = TerraformValues.string(value.value) else {
                    return LocatedValue(.unknown("object key is not known: \(TerraformValues.reason(value.value))"), at: here)
                }
                key = text
            }
            members.append(StructuredMember(key: key, keyLocation: item.key.location, value: evaluate(item.value, in: scope)))
        }
        return LocatedValue(.object(members), at: here)
    }

    private func evaluateSplat(_ source: HCLExpression, _ steps: [HCLTraversalStep], at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        let base = evaluate(source, in: scope)
        let elements: [LocatedValue]
        switch base.value {
        case .array(let items): elements = items
        case .null: elements = []
        case .reference(let address):
            return LocatedValue(.reference(address + "[*]" + TerraformEvaluator.describe(steps)), at: here)
        case .unknown: return base
        default: elements = [base]
        }
        let mapped = elements.map { element in
            steps.reduce(element) { value, step in apply(step, to: value, in: scope) }
        }
        return LocatedValue(.array(mapped), at: here)
    }

    static func describe(_ steps: [HCLTraversalStep]) -> String {
        steps.map { step in
            switch step {
            case .attribute(let name): "." + name
            case .index(let key):
                if case .number(let text) = key.kind { "[\(text)]" } else { "[...]" }
            }
        }.joined()
    }
}
