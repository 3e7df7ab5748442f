/// A JSON-shaped value with the location of every part, as read from an ECS task
/// definition (JSON), a CloudFormation template (YAML/JSON) or a Terraform
/// expression after evaluation. Terraform values that cannot be known statically
/// stay `unknown` or a symbolic `reference`, so rules can stay silent about them.
public indirect enum StructuredValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// Numbers keep their text so `512` and `"512"` can both be read as integers.
    case number(String)
    case string(String)
    case array([LocatedValue])
    case object([StructuredMember])
    /// A reference to another resource or value kept symbolic:
    /// `aws_ssm_parameter.supabase_url.arn`, `!Ref DatabaseUrl`.
    case reference(String)
    /// Not knowable statically, and why (`var.image_tag has no default`).
    case unknown(String)

    /// The member of an object with this key (the last one wins).
    public subscript(key: String) -> LocatedValue? {
        guard case .object(let members) = self else { return nil }
        return members.last { $0.key == key }?.value
    }

    public var stringValue: String? {
        switch self {
        case .string(let text), .number(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    public var intValue: Int? {
        switch self {
        case .number(let text), .string(let text): Int(text) ?? Double(text).flatMap { $0 == $0.rounded() ? Int($0) : nil }
        default: nil
        }
    }

    public var arrayValue: [LocatedValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    public var isKnown: Bool {
        switch self {
        case .unknown, .reference: false
        default: true
        }
    }
}

/// A value and where it was written.
public struct LocatedValue: Sendable, Hashable {
    public var value: StructuredValue
    public var location: SourceLocation

    public init(_ value: StructuredValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public subscript(key: String) -> LocatedValue? { value[key] }
}

/// One `"key": value` of an object, with the key's location.
public struct StructuredMember: Sendable, Hashable {
    public var key: String
    public var keyLocation: SourceLocation
    public var value: LocatedValue

    public init(key: String, keyLocation: SourceLocation, value: LocatedValue) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
