/// A JSON document whose object members keep the order they were built in, so the
/// machine formats are stable byte for byte (Foundation's encoders do not promise
/// key order). Only what the reporters need.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A fractional number (a rate, seconds). Written without a fraction when whole,
    /// otherwise in the shortest form that reads back as the same `Double`;
    /// infinities and NaN are written as `null`.
    case number(Double)
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

    /// A number, or `null` when absent.
    public static func number(_ value: Double?) -> JSONValue {
        value.map { .number($0) } ?? .null
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
