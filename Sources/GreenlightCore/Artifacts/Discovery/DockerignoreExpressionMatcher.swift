/// Matches an anchored token list against a path with a table of reachable
/// (position, token) states, so no pattern can make matching slower than
/// path length × pattern length × path length, whatever its stars.
enum DockerignoreExpressionMatcher {
    private static let slash = UInt8(ascii: "/")
    private static let newline = UInt8(ascii: "\n")

    static func matches(_ tokens: [DockerignoreToken], _ path: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(path)
        let count = bytes.count
        let width = tokens.count + 1
        var reachable = [Bool](repeating: false, count: (count + 1) * width)
        reachable[0] = true
        for position in 0...count {
            for tokenIndex in 0..<tokens.count where reachable[position * width + tokenIndex] {
                let next = tokenIndex + 1
                switch tokens[tokenIndex] {
                case .byte(let byte):
                    if position < count && bytes[position] == byte {
                        reachable[(position + 1) * width + next] = true
                    }
                case .star:
                    reachable[position * width + next] = true
                    if position < count && bytes[position] != slash {
                        let decoded = IgnoreUTF8.decode(bytes, at: position)
                        reachable[(position + decoded.width) * width + tokenIndex] = true
                    }
                case .anyCharacter:
                    if position < count && bytes[position] != slash {
                        let decoded = IgnoreUTF8.decode(bytes, at: position)
                        reachable[(position + decoded.width) * width + next] = true
                    }
                case .characterClass(let characterClass):
                    if position < count {
                        let decoded = IgnoreUTF8.decode(bytes, at: position)
                        if characterClass.contains(decoded.scalar) {
                            reachable[(position + decoded.width) * width + next] = true
                        }
                    }
                case .anyDirectories:
                    reachable[position * width + next] = true
                    var end = position
                    while end < count && bytes[end] != newline {
                        if bytes[end] == slash { reachable[(end + 1) * width + next] = true }
                        end += 1
                    }
                case .anything:
                    var end = position
                    reachable[end * width + next] = true
                    while end < count && bytes[end] != newline {
                        end += 1
                        reachable[end * width + next] = true
                    }
                case .startAnchor:
                    if position == 0 { reachable[next] = true }
                }
            }
        }
        return reachable[count * width + tokens.count]
    }
}
