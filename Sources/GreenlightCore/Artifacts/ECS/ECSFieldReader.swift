/// Reads typed, located fields out of JSON-shaped objects for the task definition
/// readers, collecting type errors as issues and present-but-unknown fields as
/// unresolved paths instead of guessing.
struct ECSFieldReader {
    var issues: [ParseIssue] = []
    var unresolved: [String] = []
    /// Put before field paths in issue messages (`containerDefinitions[0].`).
    var prefix = ""

    /// Issues in file order, the order a person reads them.
    var sortedIssues: [ParseIssue] { issues.sorted { $0.location < $1.location } }

    /// The member value, or nil when absent or JSON null.
    func member(_ object: LocatedValue, _ key: String) -> LocatedValue? {
        guard let value = object[key] else { return nil }
        if case .null = value.value { return nil }
        return value
    }

    mutating func typeIssue(_ path: String, expected: String, found value: LocatedValue) {
        issues.append(ParseIssue("task definition: \(prefix)\(path) must be \(expected), found \(Self.describe(value.value))", at: value.location))
    }

    /// True (and the path recorded) when the value is a reference or unknown.
    mutating func isUnresolved(_ value: LocatedValue, path: String) -> Bool {
        if value.value.isKnown { return false }
        unresolved.append(path)
        return true
    }

    mutating func string(_ object: LocatedValue, _ key: String, path: String) -> Located<String>? {
        guard let value = member(object, key), !isUnresolved(value, path: path) else { return nil }
        switch value.value {
        case .string(let text), .number(let text): return Located(text, at: value.location)
        default:
            typeIssue(path, expected: "a string", found: value)
            return nil
        }
    }

    /// An integer field; `convert` reads unit forms (`"1 vCPU"`) where they are allowed.
    mutating func int(_ object: LocatedValue, _ key: String, path: String, convert: (String) -> Int? = { Int($0) }) -> Located<Int>? {
        guard let value = member(object, key), !isUnresolved(value, path: path) else { return nil }
        switch value.value {
        case .number(let text), .string(let text):
            if let number = convert(text) ?? value.value.intValue { return Located(number, at: value.location) }
            typeIssue(path, expected: "an integer", found: value)
        default:
            typeIssue(path, expected: "an integer", found: value)
        }
        return nil
    }

    mutating func bool(_ object: LocatedValue, _ key: String, path: String) -> Located<Bool>? {
        guard let value = member(object, key), !isUnresolved(value, path: path) else { return nil }
        switch value.value {
        case .bool(let flag): return Located(flag, at: value.location)
        case .string("true"): return Located(true, at: value.location)
        case .string("false"): return Located(false, at: value.location)
        default:
            typeIssue(path, expected: "true or false", found: value)
            return nil
        }
    }

    /// A value kept as written (strings, references, unknowns); objects and arrays are type errors.
    mutating func scalar(_ object: LocatedValue, _ key: String, path: String) -> LocatedValue? {
        guard let value = member(object, key) else { return nil }
        switch value.value {
        case .object, .array:
            typeIssue(path, expected: "a string", found: value)
            return nil
        default:
            return value
        }
    }

    /// The items of an array field; a single string is read as a one-item list only where ECS allows it.
    mutating func array(_ object: LocatedValue, _ key: String, path: String) -> [LocatedValue]? {
        guard let value = member(object, key), !isUnresolved(value, path: path) else { return nil }
        guard case .array(let items) = value.value else {
            typeIssue(path, expected: "an array", found: value)
            return nil
        }
        return items
    }

    /// The object items of an array field, reporting items that are not objects.
    mutating func objects(_ object: LocatedValue, _ key: String, path: String) -> [(index: Int, value: LocatedValue)] {
        guard let items = array(object, key, path: path) else { return [] }
        var result: [(index: Int, value: LocatedValue)] = []
        for (index, item) in items.enumerated() {
            if isUnresolved(item, path: "\(path)[\(index)]") { continue }
            guard case .object = item.value else {
                typeIssue("\(path)[\(index)]", expected: "an object", found: item)
                continue
            }
            result.append((index, item))
        }
        return result
    }

    /// A nested object field.
    mutating func object(_ object: LocatedValue, _ key: String, path: String) -> LocatedValue? {
        guard let value = member(object, key), !isUnresolved(value, path: path) else { return nil }
        guard case .object = value.value else {
            typeIssue(path, expected: "an object", found: value)
            return nil
        }
        return value
    }

    static func describe(_ value: StructuredValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .number(let text): text
        case .string(let text): "\"\(text.count > 40 ? String(text.prefix(40)) + "…" : text)\""
        case .array: "an array"
        case .object: "an object"
        case .reference(let name): "a reference to \(name)"
        case .unknown(let why): "an unknown value (\(why))"
        }
    }
}
