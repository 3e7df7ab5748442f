/// A small Python expression tree: enough to read call arguments, constants,
/// f-strings and attribute chains statically. Every node keeps the byte offset it
/// starts at (valid in f-string fields too) for locations; anything the
/// parser does not model is `.other`.
indirect enum PythonExpression {
    case name(String, at: Int)
    case attribute(PythonExpression, String, at: Int)
    case call(PythonCallExpression)
    case index(PythonExpression, PythonExpression, at: Int)
    /// A literal string (adjacent literals already concatenated).
    case string(String, at: Int)
    /// An f-string (or a concatenation involving one) as text and expressions.
    case formattedString([PythonFormattedPiece], at: Int)
    case number(String, at: Int)
    /// A binary, boolean (`or`, `and`) or comparison operator applied to two operands.
    case binary(String, PythonExpression, PythonExpression, at: Int)
    case unary(String, PythonExpression, at: Int)
    case tuple([PythonExpression], at: Int)
    case list([PythonExpression], at: Int)
    case dict([PythonDictEntry], at: Int)
    case ellipsis(at: Int)
    /// `body if test else orElse`.
    case conditional(PythonExpression, PythonExpression, at: Int)
    case other(at: Int)

    /// The byte offset the expression starts at.
    var offset: Int {
        switch self {
        case .name(_, let at), .attribute(_, _, let at), .index(_, _, let at), .string(_, let at),
            .formattedString(_, let at), .number(_, let at), .binary(_, _, _, let at), .unary(_, _, let at),
            .tuple(_, let at), .list(_, let at), .dict(_, let at), .ellipsis(let at),
            .conditional(_, _, let at), .other(let at):
            at
        case .call(let call):
            call.offset
        }
    }

    /// `a.b.c` as `["a", "b", "c"]` when the expression is a plain dotted name.
    var dottedParts: [String]? {
        switch self {
        case .name(let name, _):
            return [name]
        case .attribute(let base, let member, _):
            guard var parts = base.dottedParts else { return nil }
            parts.append(member)
            return parts
        default:
            return nil
        }
    }

    /// The literal string value, when the expression is one.
    var stringValue: String? {
        if case .string(let value, _) = self { return value }
        return nil
    }

    var isNoneLiteral: Bool {
        if case .name("None", _) = self { return true }
        return false
    }
}

/// A call `callee(positional..., name=value...)`.
struct PythonCallExpression {
    var callee: PythonExpression
    var positional: [PythonExpression]
    var keywords: [(name: String, value: PythonExpression)]
    /// True when the call passes `*args` or `**kwargs`, so missing arguments may be supplied.
    var hasUnpacking: Bool
    var offset: Int

    /// The argument bound to a parameter given by keyword or by position.
    func argument(_ name: String, position: Int?) -> PythonExpression? {
        if let keyword = keywords.first(where: { $0.name == name }) { return keyword.value }
        if let position, position < positional.count { return positional[position] }
        return nil
    }

    func keyword(_ name: String) -> PythonExpression? {
        keywords.first(where: { $0.name == name })?.value
    }
}

/// One `key: value` of a dict display; `key` is nil for `**other`.
struct PythonDictEntry {
    var key: PythonExpression?
    var value: PythonExpression
}

/// A piece of an f-string: literal text or a replacement field's expression.
enum PythonFormattedPiece {
    case text(String)
    case expression(PythonExpression)
}
