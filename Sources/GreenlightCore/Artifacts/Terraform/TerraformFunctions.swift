extension TerraformEvaluator {
    /// Calls a Terraform built-in function. Unknown functions, and any input that is
    /// not known where the function needs it, give `.unknown(reason)`.
    func call(_ name: String, _ argumentExpressions: [HCLExpression], expands: Bool, at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        switch name {
        case "try":
            for expression in argumentExpressions {
                let value = evaluate(expression, in: scope)
                if let unknown = TerraformValues.firstUnknown(value.value) {
                    if case .unknown(let reason) = unknown, TerraformEvaluator.isErrorReason(reason) { continue }
                    return LocatedValue(.unknown("try: \(TerraformValues.reason(unknown))"), at: here)
                }
                return relocated(value, to: here)
            }
            return LocatedValue(.unknown("no argument of try could be evaluated"), at: here)
        case "can":
            guard argumentExpressions.count == 1 else { return LocatedValue(.unknown("can needs one argument"), at: here) }
            let value = evaluate(argumentExpressions[0], in: scope)
            if let unknown = TerraformValues.firstUnknown(value.value) {
                if case .unknown(let reason) = unknown, TerraformEvaluator.isErrorReason(reason) { return LocatedValue(.bool(false), at: here) }
                return LocatedValue(.unknown("can: \(TerraformValues.reason(unknown))"), at: here)
            }
            return LocatedValue(.bool(true), at: here)
        default:
            break
        }
        var arguments = argumentExpressions.map { evaluate($0, in: scope) }
        if expands, let last = arguments.last {
            guard case .array(let items) = last.value else {
                return LocatedValue(.unknown("expanded argument of \(name) is not a known list"), at: here)
            }
            arguments.removeLast()
            arguments.append(contentsOf: items)
        }
        let result = TerraformFunctionCall(evaluator: self, name: name, arguments: arguments, here: here).run()
        return LocatedValue(result, at: here)
    }

    /// Whether an unknown's reason is an evaluation error (which `try` skips and `can` reports as false)
    /// rather than a value that only exists after apply.
    static func isErrorReason(_ reason: String) -> Bool {
        errorReasonPrefixes.contains { reason.hasPrefix($0) }
    }

    static let errorReasonPrefixes = [
        "object has no attribute", "map has no key", "index ", "cannot ", "invalid ", "file not found",
        "wrong number of arguments", "division by zero", "modulo by zero", "expression has a syntax error",
    ]
}

/// One function call with its evaluated arguments.
struct TerraformFunctionCall {
    let evaluator: TerraformEvaluator
    let name: String
    let arguments: [LocatedValue]
    let here: SourceLocation

    func run() -> StructuredValue {
        switch name {
        case "jsonencode":
            guard arguments.count == 1 else { return arity() }
            if let unknown = TerraformValues.firstUnknown(arguments[0].value) {
                return .unknown("jsonencode of a value that is not fully known (\(TerraformValues.reason(unknown)))")
            }
            return TerraformJSON.encode(arguments[0].value).map(StructuredValue.string) ?? .unknown("jsonencode failed")
        case "jsondecode":
            guard arguments.count == 1 else { return arity() }
            guard case .string(let text) = arguments[0].value else { return notKnown(arguments[0]) }
            let location = arguments[0].location
            switch TerraformJSON.decode(Array(text.utf8), locate: { _ in location }) {
            case .success(let value): return value.value
            case .failure(let failure): return .unknown("invalid JSON in jsondecode: \(failure.message)")
            }
        case "file":
            guard arguments.count == 1 else { return arity() }
            guard case .string(let path) = arguments[0].value else { return notKnown(arguments[0]) }
            guard let bytes = evaluator.context.tree.read(evaluator.resolvePath(path)) else { return .unknown("file not found: \(path)") }
            return .string(String(decoding: bytes, as: UTF8.self))
        case "templatefile":
            guard arguments.count == 2 else { return arity() }
            switch evaluator.renderTemplateFile(arguments[0], variables: arguments[1]) {
            case .success(let rendered): return .string(String(decoding: rendered.text.bytes, as: UTF8.self))
            case .failure(let failure): return .unknown(failure.reason)
            }
        default:
            return collectionFunction() ?? stringFunction() ?? numericFunction() ?? .unknown("function \(name) is not evaluated")
        }
    }

    func arity() -> StructuredValue { .unknown("wrong number of arguments to \(name)") }

    func notKnown(_ value: LocatedValue) -> StructuredValue {
        switch value.value {
        case .unknown, .reference: .unknown("\(name): \(TerraformValues.reason(value.value))")
        default: .unknown("invalid argument to \(name)")
        }
    }

    /// The arguments as known primitive strings, or the unknown that prevents it.
    func strings() -> Result<[String], UnknownArgument> {
        var result: [String] = []
        for argument in arguments {
            guard let text = TerraformValues.string(argument.value) else { return .failure(UnknownArgument(value: notKnown(argument))) }
            result.append(text)
        }
        return .success(result)
    }

    struct UnknownArgument: Error {
        var value: StructuredValue
    }
}

extension TerraformEvaluator {
    /// A path as Terraform resolves it: relative to the root module directory.
    func resolvePath(_ path: String) -> String {
        PathUtilities.join(context.rootDirectory, path)
    }

    struct RenderedFile {
        var text: TerraformRenderedText
        var source: SourceText
    }

    /// Reads a template file and renders it with `variables` (an object) as its only names.
    func renderTemplateFile(_ pathValue: LocatedValue, variables: LocatedValue) -> Result<RenderedFile, RenderFailure> {
        guard case .string(let path) = pathValue.value else {
            return .failure(RenderFailure(reason: "templatefile path is not known"))
        }
        guard case .object(let members) = variables.value else {
            return .failure(RenderFailure(reason: "templatefile variables are not a known object"))
        }
        let resolved = resolvePath(path)
        guard let source = context.tree.sourceText(resolved) else {
            return .failure(RenderFailure(reason: "file not found: \(path)"))
        }
        var parser = HCLParser(source: source)
        let parts = parser.parseTemplate(terminator: .heredoc(end: source.bytes.count, strip: 0))
        if let issue = parser.issues.first {
            return .failure(RenderFailure(reason: "invalid template \(resolved): \(issue.message)"))
        }
        var scope = TerraformScope()
        for member in members { scope.symbols[member.key] = member.value }
        return render(parts, heredocIndent: 0, in: scope).map { RenderedFile(text: $0, source: source) }
    }
}
