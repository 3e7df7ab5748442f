/// One HCL2 expression with the location of its first byte, so every value
/// evaluated from it can point back to the line a person wrote it on.
public struct HCLExpression: Sendable, Hashable {
    public var kind: HCLExpressionKind
    public var location: SourceLocation

    public init(_ kind: HCLExpressionKind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The forms of the HCL2 native expression syntax.
public indirect enum HCLExpressionKind: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number literal, kept as written (`512`, `1.5e3`).
    case number(String)
    /// A quoted string, possibly with `${}` interpolations and `%{}` directives.
    case template([HCLTemplatePart])
    /// A heredoc (`<<EOF` / `<<-EOF`); `indentStripped` is the number of leading
    /// whitespace bytes removed from every line by the `<<-` form.
    case heredoc(marker: String, indentStripped: Int, parts: [HCLTemplatePart])
    case tuple([HCLExpression])
    case object([HCLObjectItem])
    /// A root name: `var`, `local`, `aws_ssm_parameter`, a for-expression symbol.
    case variable(String)
    /// `.name` traversal.
    case attribute(HCLExpression, String)
    /// `[key]` index, or the legacy `.0` form.
    case index(HCLExpression, HCLExpression)
    /// `source[*].a.b` (or legacy `source.*.a`): `steps` apply to every element.
    case splat(HCLExpression, [HCLTraversalStep])
    /// `name(arguments...)`; `expandsFinal` when the last argument ends in `...`.
    case call(String, [HCLExpression], expandsFinal: Bool)
    case unary(HCLUnaryOperator, HCLExpression)
    case binary(HCLBinaryOperator, HCLExpression, HCLExpression)
    case conditional(HCLExpression, HCLExpression, HCLExpression)
    /// `[for k, v in collection : value if condition]`.
    case forTuple(HCLForClause)
    /// `{for k, v in collection : key => value... if condition}`.
    case forObject(HCLForClause, key: HCLExpression, grouped: Bool)
    case parenthesized(HCLExpression)
    /// What could not be parsed (an issue was reported for it).
    case invalid
}

/// One step of a traversal applied to each element of a splat.
public enum HCLTraversalStep: Sendable, Hashable {
    case attribute(String)
    case index(HCLExpression)
}

public enum HCLUnaryOperator: String, Sendable, Hashable {
    case not = "!"
    case negate = "-"
}

public enum HCLBinaryOperator: String, Sendable, Hashable {
    case or = "||", and = "&&"
    case equal = "==", notEqual = "!="
    case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-"
    case multiply = "*", divide = "/", modulo = "%"
}

/// The shared part of both for-expression forms.
public struct HCLForClause: Sendable, Hashable {
    public var keyVariable: String?
    public var valueVariable: String
    public var collection: HCLExpression
    /// The element value (tuple form) or the object value (object form).
    public var value: HCLExpression
    public var condition: HCLExpression?
}

/// One `key = value` (or `key: value`) of an object constructor.
public struct HCLObjectItem: Sendable, Hashable {
    public var key: HCLObjectKey
    public var value: HCLExpression
}

/// An object key: a bare identifier is a literal name, anything else an expression.
public enum HCLObjectKey: Sendable, Hashable {
    case name(String, SourceLocation)
    case expression(HCLExpression)

    public var location: SourceLocation {
        switch self {
        case .name(_, let location): location
        case .expression(let expression): expression.location
        }
    }
}

/// A piece of a string template.
public indirect enum HCLTemplatePart: Sendable, Hashable {
    /// Literal text after escapes were decoded, and where it starts.
    case literal(String, SourceLocation)
    case interpolation(HCLExpression)
    case conditional(HCLExpression, then: [HCLTemplatePart], else: [HCLTemplatePart])
    case loop(key: String?, value: String, collection: HCLExpression, body: [HCLTemplatePart])
}

/// `name = expression` in a body.
public struct HCLAttribute: Sendable, Hashable {
    public var name: String
    public var nameLocation: SourceLocation
    public var expression: HCLExpression
}

/// `type "label" { ... }` in a body.
public struct HCLBlock: Sendable, Hashable {
    public var type: String
    public var labels: [String]
    public var location: SourceLocation
    public var body: HCLBody
}

/// The attributes and blocks of a file or block, in source order.
public struct HCLBody: Sendable, Hashable {
    public var attributes: [HCLAttribute]
    public var blocks: [HCLBlock]

    public init(attributes: [HCLAttribute] = [], blocks: [HCLBlock] = []) {
        self.attributes = attributes
        self.blocks = blocks
    }

    /// The attribute with this name (the first one; duplicates are reported by the parser).
    public func attribute(_ name: String) -> HCLAttribute? {
        attributes.first { $0.name == name }
    }

    /// The nested blocks of one type, in order.
    public func blocks(ofType type: String) -> [HCLBlock] {
        blocks.filter { $0.type == type }
    }
}
