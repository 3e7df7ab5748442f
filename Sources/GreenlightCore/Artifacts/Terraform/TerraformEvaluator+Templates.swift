/// Template output together with where each of its lines came from, so JSON
/// written in a heredoc or template file keeps the lines of the `.tf` file.
struct TerraformRenderedText {
    var bytes: [UInt8] = []
    /// The source location of the first byte of each rendered line.
    var lineOrigins: [SourceLocation] = []
    var atLineStart = true

    mutating func append(_ byte: UInt8, origin: SourceLocation) {
        if atLineStart {
            lineOrigins.append(origin)
            atLineStart = false
        }
        bytes.append(byte)
        if byte == 0x0A { atLineStart = true }
    }

    /// Where the rendered byte at `offset` was written; `index` is a `SourceText` of
    /// `bytes` (for its line table). Columns are approximate after interpolations.
    func locate(_ offset: Int, index: SourceText, fallback: SourceLocation) -> SourceLocation {
        guard !lineOrigins.isEmpty else { return fallback }
        let line = index.line(ofOffset: offset) - 1
        guard line < lineOrigins.count else { return lineOrigins[lineOrigins.count - 1] }
        var origin = lineOrigins[line]
        origin.column += max(0, offset - index.lineStarts[line])
        return origin
    }
}

extension TerraformEvaluator {
    /// A string template's value: a lone `"${x}"` keeps x's type, anything else renders to a string.
    func evaluateTemplate(_ parts: [HCLTemplatePart], at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        if parts.count == 1, case .interpolation(let expression) = parts[0] {
            return relocated(evaluate(expression, in: scope), to: here)
        }
        if parts.isEmpty { return LocatedValue(.string(""), at: here) }
        if parts.count == 1, case .literal(let text, _) = parts[0] { return LocatedValue(.string(text), at: here) }
        switch render(parts, heredocIndent: nil, in: scope) {
        case .success(let text): return LocatedValue(.string(String(decoding: text.bytes, as: UTF8.self)), at: here)
        case .failure(let failure): return LocatedValue(.unknown(failure.reason), at: here)
        }
    }

    struct RenderFailure: Error {
        var reason: String
    }

    /// Renders template parts; `heredocIndent` is set for heredocs, whose literal
    /// newlines are newlines of the source file.
    func render(_ parts: [HCLTemplatePart], heredocIndent: Int?, in scope: TerraformScope) -> Result<TerraformRenderedText, RenderFailure> {
        var output = TerraformRenderedText()
        if let failure = render(parts, heredocIndent: heredocIndent, in: scope, into: &output) { return .failure(failure) }
        return .success(output)
    }

    private func render(_ parts: [HCLTemplatePart], heredocIndent: Int?, in scope: TerraformScope, into output: inout TerraformRenderedText) -> RenderFailure? {
        for part in parts {
            switch part {
            case .literal(let text, let location):
                var origin = location
                for byte in text.utf8 {
                    output.append(byte, origin: origin)
                    if byte == 0x0A, let indent = heredocIndent {
                        origin = SourceLocation(file: origin.file, line: origin.line + 1, column: 1 + indent)
                    }
                }
            case .interpolation(let expression):
                let value = evaluate(expression, in: scope)
                guard let text = TerraformValues.string(value.value) else {
                    switch value.value {
                    case .null: return RenderFailure(reason: "template interpolates null")
                    case .array, .object: return RenderFailure(reason: "template interpolates a collection")
                    default: return RenderFailure(reason: "template interpolates a value that is not known (\(TerraformValues.reason(value.value)))")
                    }
                }
                for byte in text.utf8 { output.append(byte, origin: expression.location) }
            case .conditional(let condition, let whenTrue, let whenFalse):
                let test = evaluate(condition, in: scope)
                guard let flag = TerraformValues.bool(test.value) else {
                    return RenderFailure(reason: "template condition is not known")
                }
                if let failure = render(flag ? whenTrue : whenFalse, heredocIndent: heredocIndent, in: scope, into: &output) { return failure }
            case .loop(let key, let value, let collection, let body):
                let items = evaluate(collection, in: scope)
                guard let pairs = TerraformEvaluator.iterationPairs(items) else {
                    return RenderFailure(reason: "template for collection is not known")
                }
                for (pairKey, pairValue) in pairs {
                    var inner = scope.binding(value, pairValue)
                    if let key { inner = inner.binding(key, pairKey) }
                    if let failure = render(body, heredocIndent: heredocIndent, in: inner, into: &output) { return failure }
                }
            }
        }
        return nil
    }

    /// The (key, value) pairs a for expression iterates: index/element or key/member. Nil when not iterable.
    static func iterationPairs(_ collection: LocatedValue) -> [(LocatedValue, LocatedValue)]? {
        switch collection.value {
        case .array(let items):
            return items.enumerated().map { (LocatedValue(.number(String($0.offset)), at: $0.element.location), $0.element) }
        case .object(let members):
            return TerraformValues.uniqueMembers(members).sorted { $0.key < $1.key }.map {
                (LocatedValue(.string($0.key), at: $0.keyLocation), $0.value)
            }
        default:
            return nil
        }
    }

    func evaluateForTuple(_ clause: HCLForClause, at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        let collection = evaluate(clause.collection, in: scope)
        guard let pairs = TerraformEvaluator.iterationPairs(collection) else {
            return LocatedValue(.unknown("for collection is not known: \(TerraformValues.reason(collection.value))"), at: here)
        }
        var items: [LocatedValue] = []
        for (key, value) in pairs {
            let inner = bind(clause, key, value, scope)
            if let condition = clause.condition {
                guard let keep = TerraformValues.bool(evaluate(condition, in: inner).value) else {
                    return LocatedValue(.unknown("for condition is not known"), at: here)
                }
                if !keep { continue }
            }
            items.append(evaluate(clause.value, in: inner))
        }
        return LocatedValue(.array(items), at: here)
    }

    func evaluateForObject(_ clause: HCLForClause, key keyExpression: HCLExpression, grouped: Bool, at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        let collection = evaluate(clause.collection, in: scope)
        guard let pairs = TerraformEvaluator.iterationPairs(collection) else {
            return LocatedValue(.unknown("for collection is not known: \(TerraformValues.reason(collection.value))"), at: here)
        }
        var members: [StructuredMember] = []
        for (key, value) in pairs {
            let inner = bind(clause, key, value, scope)
            if let condition = clause.condition {
                guard let keep = TerraformValues.bool(evaluate(condition, in: inner).value) else {
                    return LocatedValue(.unknown("for condition is not known"), at: here)
                }
                if !keep { continue }
            }
            let evaluatedKey = evaluate(keyExpression, in: inner)
            guard let name = TerraformValues.string(evaluatedKey.value) else {
                return LocatedValue(.unknown("for key is not known"), at: here)
            }
            let element = evaluate(clause.value, in: inner)
            if grouped {
                if let index = members.firstIndex(where: { $0.key == name }), case .array(var group) = members[index].value.value {
                    group.append(element)
                    members[index].value = LocatedValue(.array(group), at: members[index].value.location)
                } else {
                    members.append(StructuredMember(key: name, keyLocation: evaluatedKey.location, value: LocatedValue(.array([element]), at: element.location)))
                }
            } else if members.contains(where: { $0.key == name }) {
                return LocatedValue(.unknown("for expression produces the key \(name) twice"), at: here)
            } else {
                members.append(StructuredMember(key: name, keyLocation: evaluatedKey.location, value: element))
            }
        }
        return LocatedValue(.object(members), at: here)
    }

    private func bind(_ clause: HCLForClause, _ key: LocatedValue, _ value: LocatedValue, _ scope: TerraformScope) -> TerraformScope {
        var inner = scope.binding(clause.valueVariable, value)
        if let keyVariable = clause.keyVariable { inner = inner.binding(keyVariable, key) }
        return inner
    }
}
