/// Conversions and comparisons between Terraform values, following Terraform's
/// automatic conversions (`"5"` is a number where one is needed, `true` prints as `"true"`).
enum TerraformValues {
    /// A number's shortest canonical text (`1.50` → `1.5`, `1e3` → `1000`).
    static func canonicalNumber(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        return format(value)
    }

    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func number(_ value: Double) -> StructuredValue { .number(format(value)) }

    /// The number a value converts to, if any.
    static func double(_ value: StructuredValue) -> Double? {
        switch value {
        case .number(let text): Double(text)
        case .string(let text): Double(trim(text))
        default: nil
        }
    }

    /// The bool a value converts to, if any.
    static func bool(_ value: StructuredValue) -> Bool? {
        switch value {
        case .bool(let flag): flag
        case .string("true"): true
        case .string("false"): false
        default: nil
        }
    }

    /// The string a primitive converts to; nil for null, collections and unknowns.
    static func string(_ value: StructuredValue) -> String? {
        switch value {
        case .string(let text): text
        case .number(let text): canonicalNumber(text)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// The first unknown or reference inside a value, which makes anything derived from it unknown.
    static func firstUnknown(_ value: StructuredValue) -> StructuredValue? {
        switch value {
        case .unknown, .reference: return value
        case .array(let items):
            for item in items { if let found = firstUnknown(item.value) { return found } }
            return nil
        case .object(let members):
            for member in members { if let found = firstUnknown(member.value.value) { return found } }
            return nil
        default: return nil
        }
    }

    /// Why a value is not known, for `unknown` results derived from it.
    static func reason(_ value: StructuredValue) -> String {
        switch value {
        case .unknown(let why): why
        case .reference(let address): "depends on \(address)"
        default: "not known"
        }
    }

    /// Members with duplicate keys collapsed (the last one wins, in first-seen order).
    static func uniqueMembers(_ members: [StructuredMember]) -> [StructuredMember] {
        var index: [String: Int] = [:]
        var result: [StructuredMember] = []
        for member in members {
            if let existing = index[member.key] {
                result[existing] = member
            } else {
                index[member.key] = result.count
                result.append(member)
            }
        }
        return result
    }

    /// Structural equality that ignores where values were written. Nil when not decidable.
    static func equal(_ left: StructuredValue, _ right: StructuredValue) -> Bool? {
        if firstUnknown(left) != nil || firstUnknown(right) != nil { return nil }
        switch (left, right) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return Double(a) == Double(b)
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            guard a.count == b.count else { return false }
            for (x, y) in zip(a, b) where equal(x.value, y.value) != true { return false }
            return true
        case (.object(let a), .object(let b)):
            let first = uniqueMembers(a)
            let second = uniqueMembers(b)
            guard first.count == second.count else { return false }
            for member in first {
                guard let other = second.first(where: { $0.key == member.key }),
                      equal(member.value.value, other.value.value) == true else { return false }
            }
            return true
        default: return false
        }
    }

    /// The string without leading and trailing ASCII whitespace.
    static func trim(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
