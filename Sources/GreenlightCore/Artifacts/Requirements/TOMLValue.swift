/// A TOML value with the place it was written.
public struct TOMLNode: Hashable, Sendable {
    public var value: TOMLValue
    public var location: SourceLocation

    public init(_ value: TOMLValue, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    public var string: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    public var array: [TOMLNode]? {
        if case .array(let items) = value { return items }
        return nil
    }

    public var table: TOMLTable? {
        if case .table(let table) = value { return table }
        return nil
    }

    public var boolean: Bool? {
        if case .boolean(let flag) = value { return flag }
        return nil
    }
}

/// The TOML data model. Dates and times are kept as written.
public enum TOMLValue: Hashable, Sendable {
    case string(String)
    case integer(Int64)
    case float(Double)
    case boolean(Bool)
    case dateTime(String)
    case array([TOMLNode])
    case table(TOMLTable)
}

/// A TOML table: keys in the order they were first written.
public struct TOMLTable: Hashable, Sendable {
    public private(set) var keys: [String]
    public private(set) var entries: [String: TOMLNode]

    public init() {
        keys = []
        entries = [:]
    }

    public subscript(key: String) -> TOMLNode? {
        entries[key]
    }

    /// Follows dotted keys through nested tables: `table[path: ["tool", "poetry"]]`.
    public subscript(path path: [String]) -> TOMLNode? {
        guard let first = path.first, let node = entries[first] else { return nil }
        if path.count == 1 { return node }
        return node.table?[path: Array(path.dropFirst())]
    }

    mutating func set(_ key: String, _ node: TOMLNode) {
        if entries[key] == nil { keys.append(key) }
        entries[key] = node
    }
}

/// A parsed TOML document and the problems met while reading it.
public struct TOMLDocument: Sendable {
    public var root: TOMLTable
    public var issues: [ParseIssue]

    /// Reads TOML 1.0 (plus 1.1's newlines in inline tables and `\e`/`\x` escapes).
    public static func parse(_ source: SourceText) -> TOMLDocument {
        var reader = TOMLReader(source: source)
        return reader.read()
    }
}
