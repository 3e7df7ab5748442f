/// One `$VAR` / `${VAR...}` reference met while interpolating a value, so a rule can
/// explain where a deployed value came from ("PORT=8000 from ${API_PORT:-8000}").
public struct ComposeVariableUse: Hashable, Sendable {
    /// The operator written after the variable name (`${NAME:-x}` is `.defaultIfUnsetOrEmpty`).
    public enum Modifier: String, Hashable, Sendable {
        case none = ""
        case defaultIfUnsetOrEmpty = ":-"
        case defaultIfUnset = "-"
        case errorIfUnsetOrEmpty = ":?"
        case errorIfUnset = "?"
        case alternativeIfSetAndNonEmpty = ":+"
        case alternativeIfSet = "+"
    }

    public var name: String
    public var modifier: Modifier
    /// The variable's value in the environment, nil when it is not set.
    public var value: String?
    /// Where the variable was defined (a `.env` line), nil when unset or from the process.
    public var definedAt: SourceLocation?
    /// True when the text after the operator (default or alternative) was used.
    public var usedFallback: Bool

    public init(
        name: String, modifier: Modifier, value: String?, definedAt: SourceLocation?, usedFallback: Bool
    ) {
        self.name = name
        self.modifier = modifier
        self.value = value
        self.definedAt = definedAt
        self.usedFallback = usedFallback
    }
}

/// A value that contained `$`: what was written, what it became, and which variables it used.
public struct ComposeInterpolation: Hashable, Sendable {
    /// The text as written in the file.
    public var raw: String
    /// The text after interpolation.
    public var value: String
    public var uses: [ComposeVariableUse]
    /// Where the value was written.
    public var location: SourceLocation

    public init(raw: String, value: String, uses: [ComposeVariableUse], location: SourceLocation) {
        self.raw = raw
        self.value = value
        self.uses = uses
        self.location = location
    }
}

/// The compose-spec interpolation language (`$VAR`, `${VAR}`, `${VAR:-d}`, `${VAR-d}`,
/// `${VAR:?e}`, `${VAR?e}`, `${VAR:+a}`, `${VAR+a}`, nesting in defaults, `$$`), over UTF-8 bytes.
enum ComposeTemplate {
    struct Result {
        var value: String
        var uses: [ComposeVariableUse] = []
        /// Messages for `:?`/`?` failures and malformed templates.
        var errors: [String] = []
        /// Variables referenced without any operator while unset (compose warns about these).
        var missing: [String] = []
    }

    private static let dollar = UInt8(ascii: "$")
    private static let openBrace = UInt8(ascii: "{")
    private static let closeBrace = UInt8(ascii: "}")
    private static let maximumDepth = 32

    /// Whether `text` contains anything interpolation could change.
    static func needsExpansion(_ text: String) -> Bool {
        text.utf8.contains(dollar)
    }

    /// Expands `text`, looking variables up with `lookup`.
    static func expand(_ text: String, lookup: (String) -> ComposeVariable?) -> Result {
        guard needsExpansion(text) else { return Result(value: text) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var result = Result(value: "")
        expand(bytes, bytes.startIndex, bytes.endIndex, depth: 0, lookup: lookup, into: &output, result: &result)
        result.value = String(decoding: output, as: UTF8.self)
        return result
    }

    private static func expand(
        _ bytes: [UInt8], _ start: Int, _ end: Int, depth: Int,
        lookup: (String) -> ComposeVariable?, into output: inout [UInt8], result: inout Result
    ) {
        var index = start
        while index < end {
            let byte = bytes[index]
            guard byte == dollar, index + 1 < end else {
                output.append(byte)
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == dollar {
                output.append(dollar)
                index += 2
            } else if isNameStart(next) {
                var nameEnd = index + 2
                while nameEnd < end, isNameCharacter(bytes[nameEnd]) { nameEnd += 1 }
                let name = String(decoding: bytes[(index + 1)..<nameEnd], as: UTF8.self)
                substitute(name, lookup: lookup, into: &output, result: &result)
                index = nameEnd
            } else if next == openBrace {
                guard let close = closingBrace(bytes, from: index + 2, end: end) else {
                    result.errors.append("invalid interpolation format: \"\(text(bytes, index, end))\" has no closing brace")
                    output.append(contentsOf: bytes[index..<end])
                    return
                }
                braced(bytes, index, close, depth: depth, lookup: lookup, into: &output, result: &result)
                index = close + 1
            } else {
                output.append(dollar)
                index += 1
            }
        }
    }

    /// Handles `${...}` spanning `dollarIndex...close`.
    private static func braced(
        _ bytes: [UInt8], _ dollarIndex: Int, _ close: Int, depth: Int,
        lookup: (String) -> ComposeVariable?, into output: inout [UInt8], result: inout Result
    ) {
        let nameStart = dollarIndex + 2
        guard nameStart < close, isNameStart(bytes[nameStart]) else {
            result.errors.append("invalid interpolation format: \"\(text(bytes, dollarIndex, close + 1))\"")
            output.append(contentsOf: bytes[dollarIndex...close])
            return
        }
        var nameEnd = nameStart + 1
        while nameEnd < close, isNameCharacter(bytes[nameEnd]) { nameEnd += 1 }
        let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self)
        if nameEnd == close {
            substitute(name, lookup: lookup, into: &output, result: &result)
            return
        }
        var operatorEnd = nameEnd
        var colon = false
        if bytes[operatorEnd] == UInt8(ascii: ":") {
            colon = true
            operatorEnd += 1
        }
        guard operatorEnd < close, let modifier = modifier(bytes[operatorEnd], colon: colon) else {
            result.errors.append("invalid interpolation format: \"\(text(bytes, dollarIndex, close + 1))\"")
            output.append(contentsOf: bytes[dollarIndex...close])
            return
        }
        let argumentStart = operatorEnd + 1
        let variable = lookup(name)
        let isSet = variable != nil
        let isNonEmpty = !(variable?.value.isEmpty ?? true)
        var use = ComposeVariableUse(
            name: name, modifier: modifier, value: variable?.value, definedAt: variable?.location, usedFallback: false
        )
        switch modifier {
        case .defaultIfUnsetOrEmpty, .defaultIfUnset:
            let useDefault = modifier == .defaultIfUnset ? !isSet : !isNonEmpty
            use.usedFallback = useDefault
            result.uses.append(use)
            if useDefault {
                argument(bytes, argumentStart, close, depth: depth, lookup: lookup, into: &output, result: &result)
            } else if let variable {
                output.append(contentsOf: variable.value.utf8)
            }
        case .alternativeIfSetAndNonEmpty, .alternativeIfSet:
            let useAlternative = modifier == .alternativeIfSet ? isSet : isNonEmpty
            use.usedFallback = useAlternative
            result.uses.append(use)
            if useAlternative {
                argument(bytes, argumentStart, close, depth: depth, lookup: lookup, into: &output, result: &result)
            }
        case .errorIfUnsetOrEmpty, .errorIfUnset:
            result.uses.append(use)
            let fails = modifier == .errorIfUnset ? !isSet : !isNonEmpty
            if fails {
                let reason = text(bytes, min(argumentStart, close), close)
                result.errors.append(
                    reason.isEmpty
                        ? "required variable \(name) is missing a value"
                        : "required variable \(name) is missing a value: \(reason)"
                )
            } else if let variable {
                output.append(contentsOf: variable.value.utf8)
            }
        case .none:
            substitute(name, lookup: lookup, into: &output, result: &result)
        }
    }

    private static func argument(
        _ bytes: [UInt8], _ start: Int, _ end: Int, depth: Int,
        lookup: (String) -> ComposeVariable?, into output: inout [UInt8], result: inout Result
    ) {
        guard start < end else { return }
        guard depth < maximumDepth else {
            result.errors.append("interpolation nested more than \(maximumDepth) levels deep")
            return
        }
        expand(bytes, start, end, depth: depth + 1, lookup: lookup, into: &output, result: &result)
    }

    private static func substitute(
        _ name: String, lookup: (String) -> ComposeVariable?, into output: inout [UInt8], result: inout Result
    ) {
        let variable = lookup(name)
        result.uses.append(ComposeVariableUse(
            name: name, modifier: .none, value: variable?.value, definedAt: variable?.location, usedFallback: false
        ))
        if let variable {
            output.append(contentsOf: variable.value.utf8)
        } else {
            result.missing.append(name)
        }
    }

    private static func modifier(_ byte: UInt8, colon: Bool) -> ComposeVariableUse.Modifier? {
        switch byte {
        case UInt8(ascii: "-"): colon ? .defaultIfUnsetOrEmpty : .defaultIfUnset
        case UInt8(ascii: "?"): colon ? .errorIfUnsetOrEmpty : .errorIfUnset
        case UInt8(ascii: "+"): colon ? .alternativeIfSetAndNonEmpty : .alternativeIfSet
        default: nil
        }
    }

    /// The index of the `}` closing a `${` whose content starts at `start`; nested `${` count.
    private static func closingBrace(_ bytes: [UInt8], from start: Int, end: Int) -> Int? {
        var open = 1
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == closeBrace {
                open -= 1
                if open == 0 { return index }
            } else if byte == dollar, index + 1 < end, bytes[index + 1] == openBrace {
                open += 1
                index += 1
            }
            index += 1
        }
        return nil
    }

    private static func text(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == UInt8(ascii: "_")
    }

    static func isNameCharacter(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }
}
