/// A JSON document whose object members keep the order they were built in, so the
/// machine formats are stable byte for byte (Foundation's encoders do not promise
/// key order). Only what the reporters need: no floating point numbers.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([JSONMember])

    /// A string, or `null` when absent.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// An integer, or `null` when absent.
    public static func int(_ value: Int?) -> JSONValue {
        value.map { .int($0) } ?? .null
    }
}

/// One `"key": value` pair of a JSON object.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var value: JSONValue

    public init(_ key: String, _ value: JSONValue) {
        self.key = key
        self.value = value
    }
}
