/// Evaluates CloudFormation intrinsic functions as far as the template alone allows:
/// `Ref` to a parameter with a `Default` becomes that default, `Fn::Sub` with known
/// parts becomes a string, `Fn::Join`/`Fn::Select`/`Fn::Split`/`Fn::FindInMap` work on
/// known values. What depends on the deploy (pseudo parameters, other resources,
/// conditions) stays a `.reference` or `.unknown`, so rules stay silent about it.
struct CloudFormationIntrinsics {
    /// Parameter defaults by name (only parameters that have one).
    var parameterDefaults: [String: LocatedValue]
    /// The template's `Mappings` section, if any.
    var mappings: LocatedValue?

    static let maximumDepth = 256

    func resolve(_ value: LocatedValue, depth: Int = 0) -> LocatedValue {
        guard depth < Self.maximumDepth else { return LocatedValue(.unknown("nested too deeply"), at: value.location) }
        switch value.value {
        case .array(let items):
            return LocatedValue(.array(items.map { resolve($0, depth: depth + 1) }), at: value.location)
        case .object(let members):
            if members.count == 1, let member = members.first, member.key == "Ref" || member.key.hasPrefix("Fn::") {
                return evaluate(member.key, member.value, at: value.location, depth: depth + 1)
            }
            return LocatedValue(.object(members.map {
                StructuredMember(key: $0.key, keyLocation: $0.keyLocation, value: resolve($0.value, depth: depth + 1))
            }), at: value.location)
        default:
            return value
        }
    }

    private func evaluate(_ function: String, _ argument: LocatedValue, at location: SourceLocation, depth: Int) -> LocatedValue {
        func unknown(_ why: String) -> LocatedValue { LocatedValue(.unknown(why), at: location) }
        switch function {
        case "Ref":
            guard case .string(let name) = argument.value else { return unknown("Ref to a computed name") }
            if let value = parameterDefaults[name] { return value }
            if name == "AWS::NoValue" { return LocatedValue(.null, at: location) }
            return LocatedValue(.reference("Ref:\(name)"), at: location)
        case "Fn::GetAtt":
            let parts: [String]?
            switch argument.value {
            case .string(let text): parts = [text]
            case .array(let items): parts = items.map { resolve($0, depth: depth).value.stringValue ?? "?" }
            default: parts = nil
            }
            guard let parts else { return unknown("Fn::GetAtt with a computed name") }
            return LocatedValue(.reference("GetAtt:\(parts.joined(separator: "."))"), at: location)
        case "Fn::Sub":
            return substitute(argument, at: location, depth: depth)
        case "Fn::Join":
            let arguments = resolve(argument, depth: depth).value.arrayValue ?? []
            guard arguments.count == 2, let delimiter = arguments[0].value.stringValue,
                  let parts = arguments[1].value.arrayValue?.knownStrings
            else { return unknown("Fn::Join with parts known only at deploy time") }
            return LocatedValue(.string(parts.map(\.value).joined(separator: delimiter)), at: location)
        case "Fn::Select":
            let arguments = resolve(argument, depth: depth).value.arrayValue ?? []
            guard arguments.count == 2, let index = arguments[0].value.intValue,
                  let list = arguments[1].value.arrayValue, index >= 0, index < list.count
            else { return unknown("Fn::Select on a list known only at deploy time") }
            return list[index]
        case "Fn::Split":
            let arguments = resolve(argument, depth: depth).value.arrayValue ?? []
            guard arguments.count == 2, let delimiter = arguments[0].value.stringValue, !delimiter.isEmpty,
                  let text = arguments[1].value.stringValue
            else { return unknown("Fn::Split of a value known only at deploy time") }
            let pieces = text.split(separator: delimiter, omittingEmptySubsequences: false)
            return LocatedValue(.array(pieces.map { LocatedValue(.string(String($0)), at: location) }), at: location)
        case "Fn::FindInMap":
            return findInMap(resolve(argument, depth: depth), at: location)
        case "Fn::ImportValue":
            guard let name = resolve(argument, depth: depth).value.stringValue else { return unknown("Fn::ImportValue of a computed name") }
            return LocatedValue(.reference("ImportValue:\(name)"), at: location)
        case "Fn::If":
            let condition = argument.value.arrayValue?.first?.value.stringValue ?? "?"
            return unknown("Fn::If on condition \(condition)")
        default:
            return unknown("\(function) is not evaluated")
        }
    }

    private func findInMap(_ arguments: LocatedValue, at location: SourceLocation) -> LocatedValue {
        guard let keys = arguments.value.arrayValue?.knownStrings, keys.count == 3,
              let found = mappings?[keys[0].value]?[keys[1].value]?[keys[2].value]
        else { return LocatedValue(.unknown("Fn::FindInMap with keys known only at deploy time"), at: location) }
        return found
    }

    /// `Fn::Sub` in both forms: `"text ${Name}"` and `["text ${Var}", {Var: value}]`.
    private func substitute(_ argument: LocatedValue, at location: SourceLocation, depth: Int) -> LocatedValue {
        var template: String?
        var variables: [String: LocatedValue] = [:]
        switch argument.value {
        case .string(let text):
            template = text
        case .array(let items) where items.count == 2:
            template = items[0].value.stringValue
            if case .object(let members) = items[1].value {
                for member in members { variables[member.key] = resolve(member.value, depth: depth + 1) }
            }
        default:
            break
        }
        guard let template else { return LocatedValue(.unknown("Fn::Sub with a computed template"), at: location) }
        var known = true
        let text = CloudFormationSubTemplate.expand(template) { name in
            if let value = variables[name] ?? parameterDefaults[name], let text = value.value.stringValue, value.value.isKnown {
                return text
            }
            known = false
            return nil
        }
        return LocatedValue(known ? .string(text) : .unknown("Fn::Sub \(text)"), at: location)
    }
}

/// Expands `${Name}` placeholders of an `Fn::Sub` template; `${!Literal}` writes `${Literal}`.
/// Placeholders the lookup cannot fill are kept as written.
enum CloudFormationSubTemplate {
    static func expand(_ template: String, lookup: (String) -> String?) -> String {
        let bytes = Array(template.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                  let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}"))
            else {
                output.append(bytes[index])
                index += 1
                continue
            }
            let name = bytes[(index + 2)..<close]
            if name.first == UInt8(ascii: "!") {
                output.append(contentsOf: Array("${".utf8) + Array(name.dropFirst()) + [UInt8(ascii: "}")])
            } else if let value = lookup(String(decoding: name, as: UTF8.self).trimmingSpaces) {
                output.append(contentsOf: Array(value.utf8))
            } else {
                output.append(contentsOf: bytes[index...close])
            }
            index = close + 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        var view = Substring(self)
        while view.first == " " { view.removeFirst() }
        while view.last == " " { view.removeLast() }
        return String(view)
    }
}
