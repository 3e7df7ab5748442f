/// The syntax check Docker runs on every `.dockerignore` pattern before using
/// it: Go's `filepath.Match(pattern, ".")`, which rejects malformed bracket
/// expressions and a trailing `\`. A pattern that fails it makes
/// `docker build` stop with "syntax error in pattern".
enum DockerignoreSyntax {
    private static let star = UInt8(ascii: "*")
    private static let backslash = UInt8(ascii: "\\")
    private static let open = UInt8(ascii: "[")
    private static let close = UInt8(ascii: "]")
    private static let caret = UInt8(ascii: "^")
    private static let dash = UInt8(ascii: "-")

    /// True when Go's `filepath.Match` accepts the pattern (on a `/` system).
    static func isValid(_ pattern: [UInt8]) -> Bool {
        var rest = pattern[...]
        while !rest.isEmpty {
            while rest.first == star { rest = rest.dropFirst() }
            var inRange = false
            var index = rest.startIndex
            scan: while index < rest.endIndex {
                switch rest[index] {
                case backslash:
                    if index + 1 < rest.endIndex { index += 1 }
                case open:
                    inRange = true
                case close:
                    inRange = false
                case star:
                    if !inRange { break scan }
                default:
                    break
                }
                index += 1
            }
            let chunk = rest[rest.startIndex..<index]
            rest = rest[index...]
            if !isValidChunk(chunk) { return false }
        }
        return true
    }

    private static func isValidChunk(_ chunk: ArraySlice<UInt8>) -> Bool {
        var rest = chunk
        while let first = rest.first {
            switch first {
            case open:
                rest = rest.dropFirst()
                if rest.first == caret { rest = rest.dropFirst() }
                var ranges = 0
                while true {
                    if rest.first == close, ranges > 0 {
                        rest = rest.dropFirst()
                        break
                    }
                    guard let afterLow = escapedCharacter(rest) else { return false }
                    rest = afterLow
                    if rest.first == dash {
                        guard let afterHigh = escapedCharacter(rest.dropFirst()) else { return false }
                        rest = afterHigh
                    }
                    ranges += 1
                }
            case backslash:
                rest = rest.dropFirst()
                if rest.isEmpty { return false }
                rest = rest.dropFirst()
            default:
                rest = rest.dropFirst()
            }
        }
        return true
    }

    /// Go's `getEsc`: one (possibly escaped) character of a bracket expression,
    /// which must be followed by more pattern text.
    private static func escapedCharacter(_ chunk: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let first = chunk.first, first != dash, first != close else { return nil }
        var rest = chunk
        if first == backslash {
            rest = rest.dropFirst()
            if rest.isEmpty { return nil }
        }
        let decoded = IgnoreUTF8.decode(rest, at: rest.startIndex)
        if !decoded.valid { return nil }
        rest = rest.dropFirst(decoded.width)
        return rest.isEmpty ? nil : rest
    }
}
