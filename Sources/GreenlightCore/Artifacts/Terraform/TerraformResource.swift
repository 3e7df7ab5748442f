/// One `resource` or `data` block of a module, with its raw attributes and a way
/// to evaluate them in the module they were written in.
public struct TerraformResource: Sendable {
    public enum Mode: String, Sendable {
        case managed
        case data
    }

    public let mode: Mode
    public let type: String
    public let name: String
    /// Names of the enclosing module calls, outermost first (`["ecs"]` for `module.ecs.…`).
    public let modulePath: [String]
    /// Where the block starts.
    public let location: SourceLocation
    /// The attributes as written, by name.
    public let attributes: [String: HCLAttribute]
    /// Nested blocks (`runtime_platform`, `volume`, ...) in source order.
    public let blocks: [HCLBlock]
    let evaluator: TerraformEvaluator

    /// The address Terraform uses: `module.ecs.aws_ecs_task_definition.api`, `data.aws_iam_policy_document.x`.
    public var address: String {
        let modulePrefix = modulePath.map { "module.\($0)." }.joined()
        return modulePrefix + (mode == .data ? "data." : "") + type + "." + name
    }

    /// The evaluated value of an attribute, or nil when the block does not set it.
    public func value(_ attribute: String) -> LocatedValue? {
        attributes[attribute].map { evaluator.evaluate($0.expression) }
    }

    /// The structured JSON value of an attribute written as `jsonencode(...)`, a heredoc,
    /// `file(...)` or `templatefile(...)` of JSON, keeping the line of every field.
    public func decodedJSON(_ attribute: String) -> LocatedValue? {
        attributes[attribute].flatMap { evaluator.decodedJSON($0.expression) }
    }

    /// Nested blocks of one type (`runtime_platform`).
    public func blocks(ofType type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }

    /// Evaluates any expression of this resource (for example an attribute of a nested block).
    public func evaluate(_ expression: HCLExpression, in scope: TerraformScope = TerraformScope()) -> LocatedValue {
        evaluator.evaluate(expression, in: scope)
    }
}

extension TerraformEvaluator {
    /// The structured value behind JSON text: the argument of `jsonencode`, or the
    /// decoded heredoc, template, `file` or `templatefile` content with line numbers
    /// mapped back to where the JSON was written. Nil when the expression is not JSON text.
    public func decodedJSON(_ expression: HCLExpression, in scope: TerraformScope = TerraformScope()) -> LocatedValue? {
        var depthScope = scope
        depthScope.depth += 1
        guard depthScope.depth < TerraformEvaluator.maximumDepth else { return nil }
        switch expression.kind {
        case .parenthesized(let inner):
            return decodedJSON(inner, in: depthScope)
        case .call("jsonencode", let arguments, false) where arguments.count == 1:
            return evaluate(arguments[0], in: depthScope)
        case .heredoc(_, let indent, let parts):
            return decode(render(parts, heredocIndent: indent, in: depthScope), fallback: expression.location)
        case .template(let parts):
            return decode(render(parts, heredocIndent: nil, in: depthScope), fallback: expression.location)
        case .call("templatefile", let arguments, false) where arguments.count == 2:
            let rendered = renderTemplateFile(evaluate(arguments[0], in: depthScope), variables: evaluate(arguments[1], in: depthScope))
            return decode(rendered.map(\.text), fallback: expression.location)
        case .call("file", let arguments, false) where arguments.count == 1:
            guard case .string(let path) = evaluate(arguments[0], in: depthScope).value else {
                return LocatedValue(.unknown("file path is not known"), at: expression.location)
            }
            guard let source = context.tree.sourceText(resolvePath(path)) else {
                return LocatedValue(.unknown("file not found: \(path)"), at: expression.location)
            }
            return decodeJSON(source.bytes, fallback: expression.location) { source.location(ofOffset: $0) }
        case .attribute(let base, let name):
            if case .variable("local") = base.kind, let local = context.localExpressions[name] {
                return decodedJSON(local, in: depthScope)
            }
        default:
            break
        }
        let value = evaluate(expression, in: depthScope)
        switch value.value {
        case .string(let text):
            return decodeJSON(Array(text.utf8), fallback: expression.location) { _ in expression.location }
        case .unknown, .reference:
            return value
        default:
            return nil
        }
    }

    private func decode(_ rendered: Result<TerraformRenderedText, RenderFailure>, fallback: SourceLocation) -> LocatedValue {
        switch rendered {
        case .success(let text):
            let index = SourceText(path: fallback.file, bytes: text.bytes)
            return decodeJSON(text.bytes, fallback: fallback) { text.locate($0, index: index, fallback: fallback) }
        case .failure(let failure):
            return LocatedValue(.unknown(failure.reason), at: fallback)
        }
    }

    private func decodeJSON(_ bytes: [UInt8], fallback: SourceLocation, locate: (Int) -> SourceLocation) -> LocatedValue {
        switch TerraformJSON.decode(bytes, locate: locate) {
        case .success(let value): return value
        case .failure(let failure): return LocatedValue(.unknown("invalid JSON: \(failure.message)"), at: locate(failure.offset))
        }
    }
}
