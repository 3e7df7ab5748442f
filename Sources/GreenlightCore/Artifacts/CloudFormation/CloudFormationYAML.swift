import Yams

/// Turns a CloudFormation YAML document into the same `LocatedValue` a JSON template
/// gives: short-form tags become their long forms (`!Sub x` → `{"Fn::Sub": x}`,
/// `!Ref x` → `{"Ref": x}`), so one resolver handles both syntaxes.
enum CloudFormationYAML {
    /// Deeper nodes are cut off (kept unknown) rather than risking the stack.
    static let maximumDepth = 256

    static func value(of node: Node, in source: SourceText, depth: Int = 0) -> LocatedValue {
        let location = YAMLLoading.location(of: node, in: source)
        guard depth < maximumDepth else { return LocatedValue(.unknown("nested too deeply"), at: location) }
        let plain = untaggedValue(of: node, in: source, location: location, depth: depth)
        let tag = node.tag.rawValue
        guard tag.hasPrefix("!"), !tag.hasPrefix("!!"), tag.count > 1 else { return plain }
        let name = String(tag.dropFirst())
        let key = name == "Ref" || name == "Condition" ? name : "Fn::\(name)"
        return LocatedValue(.object([StructuredMember(key: key, keyLocation: location, value: plain)]), at: location)
    }

    private static func untaggedValue(of node: Node, in source: SourceText, location: SourceLocation, depth: Int) -> LocatedValue {
        switch node {
        case .scalar(let scalar):
            return LocatedValue(scalarValue(scalar), at: location)
        case .sequence(let sequence):
            return LocatedValue(.array(sequence.map { value(of: $0, in: source, depth: depth + 1) }), at: location)
        case .mapping(let mapping):
            var members: [StructuredMember] = []
            members.reserveCapacity(mapping.count)
            for pair in mapping {
                guard case .scalar(let key) = pair.key else { continue }
                members.append(StructuredMember(
                    key: key.string,
                    keyLocation: YAMLLoading.location(of: pair.key, in: source),
                    value: value(of: pair.value, in: source, depth: depth + 1)))
            }
            return LocatedValue(.object(members), at: location)
        case .alias:
            return LocatedValue(.unknown("YAML alias"), at: location)
        }
    }

    /// Plain scalars are typed the way CloudFormation reads them; quoted ones are strings.
    private static func scalarValue(_ scalar: Node.Scalar) -> StructuredValue {
        let text = scalar.string
        guard scalar.style == .plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default:
            let bytes = Array(text.utf8)
            return LocatedJSONNumberGrammar.isValid(bytes[...]) ? .number(text) : .string(text)
        }
    }
}
