extension TerraformFunctionCall {
    /// String functions; nil when `name` is not one of them.
    func stringFunction() -> StructuredValue? {
        switch name {
        case "lower", "upper", "trimspace", "tostring":
            guard arguments.count == 1 else { return arity() }
            if name == "tostring", case .null = arguments[0].value { return .null }
            guard let text = TerraformValues.string(arguments[0].value) else { return notKnown(arguments[0]) }
            switch name {
            case "lower": return .string(text.lowercased())
            case "upper": return .string(text.uppercased())
            case "trimspace": return .string(TerraformValues.trim(text))
            default: return .string(text)
            }
        case "startswith", "endswith":
            guard arguments.count == 2 else { return arity() }
            return withStrings { values in .bool(name == "startswith" ? values[0].hasPrefix(values[1]) : values[0].hasSuffix(values[1])) }
        case "replace":
            guard arguments.count == 3 else { return arity() }
            return withStrings { values in
                let pattern = values[1]
                if pattern.count >= 2, pattern.hasPrefix("/"), pattern.hasSuffix("/") {
                    return .unknown("replace with a regular expression is not evaluated")
                }
                guard !pattern.isEmpty else { return .unknown("replace with an empty search string is not evaluated") }
                return .string(values[0].replacing(pattern, with: values[2]))
            }
        case "split":
            guard arguments.count == 2 else { return arity() }
            return withStrings { values in
                guard !values[0].isEmpty else { return .unknown("split with an empty separator is not evaluated") }
                let location = arguments[1].location
                return .array(values[1].split(separator: values[0], omittingEmptySubsequences: false).map {
                    LocatedValue(.string(String($0)), at: location)
                })
            }
        case "join":
            guard arguments.count >= 2 else { return arity() }
            guard let separator = TerraformValues.string(arguments[0].value) else { return notKnown(arguments[0]) }
            var parts: [String] = []
            for list in arguments.dropFirst() {
                guard case .array(let items) = list.value else { return notKnown(list) }
                for item in items {
                    guard let text = TerraformValues.string(item.value) else { return notKnown(item) }
                    parts.append(text)
                }
            }
            return .string(parts.joined(separator: separator))
        case "substr":
            guard arguments.count == 3 else { return arity() }
            guard let text = TerraformValues.string(arguments[0].value) else { return notKnown(arguments[0]) }
            guard let offset = TerraformValues.double(arguments[1].value), let length = TerraformValues.double(arguments[2].value),
                  abs(offset) < 1e9, abs(length) < 1e9 else { return .unknown("substr offset or length is not known") }
            let characters = Array(text)
            var start = Int(offset)
            if start < 0 { start += characters.count }
            guard start >= 0, start <= characters.count else { return .unknown("invalid substr offset") }
            let end = length < 0 ? characters.count : min(characters.count, start + Int(length))
            return .string(String(characters[start..<max(start, end)]))
        case "format":
            guard let first = arguments.first else { return arity() }
            guard case .string(let pattern) = first.value else { return notKnown(first) }
            return format(pattern, Array(arguments.dropFirst()))
        default:
            return nil
        }
    }

    private func withStrings(_ body: ([String]) -> StructuredValue) -> StructuredValue {
        switch strings() {
        case .success(let values): body(values)
        case .failure(let failure): failure.value
        }
    }

    /// `format` with the verbs `%s`, `%d`, `%v`, `%q` and `%%`; other verbs and flags are not evaluated.
    private func format(_ pattern: String, _ values: [LocatedValue]) -> StructuredValue {
        let bytes = Array(pattern.utf8)
        var output: [UInt8] = []
        var next = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                index += 1
                continue
            }
            guard index + 1 < bytes.count else { return .unknown("invalid format string") }
            let verb = bytes[index + 1]
            index += 2
            if verb == UInt8(ascii: "%") {
                output.append(verb)
                continue
            }
            guard next < values.count else { return .unknown("invalid format: too few arguments") }
            let value = values[next]
            next += 1
            if !value.value.isKnown { return notKnown(value) }
            switch verb {
            case UInt8(ascii: "s"), UInt8(ascii: "v"):
                guard let text = TerraformValues.string(value.value) else { return .unknown("format %\(Character(Unicode.Scalar(verb))) of a collection or null is not evaluated") }
                output.append(contentsOf: Array(text.utf8))
            case UInt8(ascii: "d"):
                guard let number = TerraformValues.double(value.value), number == number.rounded(), abs(number) < 1e15 else {
                    return .unknown("invalid format: %d needs a whole number")
                }
                output.append(contentsOf: Array(String(Int(number)).utf8))
            case UInt8(ascii: "q"):
                guard let text = TerraformValues.string(value.value), let quoted = TerraformJSON.encode(.string(text)) else {
                    return .unknown("invalid format: %q needs a string")
                }
                output.append(contentsOf: Array(quoted.utf8))
            default:
                return .unknown("format verb %\(Character(Unicode.Scalar(verb))) is not evaluated")
            }
        }
        return .string(String(decoding: output, as: UTF8.self))
    }

    /// Numeric functions; nil when `name` is not one of them.
    func numericFunction() -> StructuredValue? {
        switch name {
        case "tonumber":
            guard arguments.count == 1 else { return arity() }
            if case .null = arguments[0].value { return .null }
            guard let number = TerraformValues.double(arguments[0].value) else { return notKnown(arguments[0]) }
            return TerraformValues.number(number)
        case "min", "max":
            guard !arguments.isEmpty else { return arity() }
            var numbers: [Double] = []
            for argument in arguments {
                guard let number = TerraformValues.double(argument.value) else { return notKnown(argument) }
                numbers.append(number)
            }
            let result = name == "min" ? numbers.min() : numbers.max()
            return result.map(TerraformValues.number) ?? arity()
        case "abs":
            guard arguments.count == 1 else { return arity() }
            guard let number = TerraformValues.double(arguments[0].value) else { return notKnown(arguments[0]) }
            return TerraformValues.number(abs(number))
        default:
            return nil
        }
    }
}
