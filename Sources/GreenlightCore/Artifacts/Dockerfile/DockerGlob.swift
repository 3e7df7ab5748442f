/// The shell patterns of `${VAR#pattern}`, `${VAR%pattern}` and `${VAR/pattern/x}`:
/// `*` matches any run, `?` one byte, the escape character makes the next byte literal.
struct DockerGlob {
    private enum Token: Equatable {
        case anyRun
        case anyOne
        case literal(UInt8)
    }

    private let tokens: [Token]
    /// Values longer than this are left alone so a pathological value cannot make expansion slow.
    private static let maximumLength = 1024

    init(_ pattern: [UInt8], escape: UInt8) {
        var tokens: [Token] = []
        var index = 0
        while index < pattern.count {
            let byte = pattern[index]
            if byte == escape || byte == DockerBytes.backslash, index + 1 < pattern.count {
                tokens.append(.literal(pattern[index + 1]))
                index += 2
                continue
            }
            switch byte {
            case 0x2A: if tokens.last != .anyRun { tokens.append(.anyRun) }
            case 0x3F: tokens.append(.anyOne)
            default: tokens.append(.literal(byte))
            }
            index += 1
        }
        self.tokens = tokens
    }

    /// Whether the whole of `text` matches (iterative wildcard matching, no backtracking blow-up).
    func matches(_ text: ArraySlice<UInt8>) -> Bool {
        var textIndex = text.startIndex
        var tokenIndex = 0
        var starToken = -1
        var starText = text.startIndex
        while textIndex < text.endIndex {
            if tokenIndex < tokens.count {
                switch tokens[tokenIndex] {
                case .anyRun:
                    starToken = tokenIndex
                    starText = textIndex
                    tokenIndex += 1
                    continue
                case .anyOne:
                    tokenIndex += 1
                    textIndex += 1
                    continue
                case .literal(let byte) where byte == text[textIndex]:
                    tokenIndex += 1
                    textIndex += 1
                    continue
                default:
                    break
                }
            }
            guard starToken >= 0 else { return false }
            tokenIndex = starToken + 1
            starText += 1
            textIndex = starText
        }
        while tokenIndex < tokens.count, tokens[tokenIndex] == .anyRun { tokenIndex += 1 }
        return tokenIndex == tokens.count
    }

    func trimPrefix(_ value: [UInt8], longest: Bool) -> [UInt8] {
        guard value.count <= Self.maximumLength else { return value }
        let lengths = longest ? Array((0...value.count).reversed()) : Array(0...value.count)
        for length in lengths where matches(value[0..<length]) {
            return Array(value[length...])
        }
        return value
    }

    func trimSuffix(_ value: [UInt8], longest: Bool) -> [UInt8] {
        guard value.count <= Self.maximumLength else { return value }
        let lengths = longest ? Array((0...value.count).reversed()) : Array(0...value.count)
        for length in lengths where matches(value[(value.count - length)...]) {
            return Array(value[0..<(value.count - length)])
        }
        return value
    }

    /// Replaces the first (or every) leftmost-longest non-empty match.
    func replace(in value: [UInt8], with replacement: [UInt8], all: Bool) -> [UInt8] {
        guard value.count <= Self.maximumLength, !tokens.isEmpty else { return value }
        var result: [UInt8] = []
        var start = 0
        var replaced = false
        while start < value.count {
            if !(replaced && !all), let end = longestMatch(in: value, from: start) {
                result.append(contentsOf: replacement)
                start = end
                replaced = true
                continue
            }
            result.append(value[start])
            start += 1
        }
        return result
    }

    private func longestMatch(in value: [UInt8], from start: Int) -> Int? {
        var end = value.count
        while end > start {
            if matches(value[start..<end]) { return end }
            end -= 1
        }
        return nil
    }
}
