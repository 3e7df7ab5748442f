/// Finds YAML comments in raw bytes (Yams drops them), so `# greenlight:ignore`
/// suppressions can be matched to lines. A `#` starts a comment at the start of a line or
/// after a blank, outside quoted scalars and block scalars (`|`, `>`).
enum ComposeCommentScanner {
    static func comments(in source: SourceText) -> [Located<String>] {
        var scanner = Scanner(bytes: source.bytes)
        scanner.run()
        return scanner.commentRanges.map { range in
            Located(String(decoding: source.bytes[range], as: UTF8.self), at: source.location(ofOffset: range.lowerBound))
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var commentRanges: [Range<Int>] = []
        private var index = 0
        /// The open quote of a flow scalar that continues past the end of a line.
        private var quote: UInt8?
        /// The indentation of the line that opened a block scalar still being read.
        private var blockIndent: Int?

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        mutating func run() {
            while index < bytes.count {
                line()
            }
        }

        /// Scans one line starting at `index` and leaves `index` after its newline.
        private mutating func line() {
            var indent = 0
            while index < bytes.count, bytes[index] == ComposeASCII.space { index += 1; indent += 1 }
            let lineEnd = bytes[index...].firstIndex(of: ComposeASCII.newline) ?? bytes.count
            defer { index = lineEnd + 1 }
            if let parent = blockIndent {
                let blank = bytes[index..<lineEnd].allSatisfy(ComposeASCII.isBlank)
                if blank || indent > parent { return }
                blockIndent = nil
            }
            var tokenStart = true
            var position = index
            while position < lineEnd {
                let byte = bytes[position]
                if let open = quote {
                    position = closeQuote(open, from: position, end: lineEnd)
                    tokenStart = false
                    continue
                }
                switch byte {
                case ComposeASCII.hash where position == index || ComposeASCII.isBlank(bytes[position - 1]):
                    var stop = lineEnd
                    while stop > position, bytes[stop - 1] == ComposeASCII.carriageReturn { stop -= 1 }
                    commentRanges.append(position..<stop)
                    return
                case ComposeASCII.space, ComposeASCII.tab, ComposeASCII.carriageReturn:
                    break
                case ComposeASCII.singleQuote where tokenStart, ComposeASCII.doubleQuote where tokenStart:
                    quote = byte
                    position += 1
                    continue
                case UInt8(ascii: "|") where tokenStart, UInt8(ascii: ">") where tokenStart:
                    if opensBlockScalar(from: position + 1, end: lineEnd) { blockIndent = indent }
                    tokenStart = false
                case UInt8(ascii: "-"), UInt8(ascii: "?"), ComposeASCII.colon:
                    let next = position + 1 < lineEnd ? bytes[position + 1] : ComposeASCII.space
                    tokenStart = ComposeASCII.isBlank(next) || (byte == ComposeASCII.colon && tokenStart)
                case UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","):
                    tokenStart = true
                case UInt8(ascii: "&") where tokenStart, UInt8(ascii: "!") where tokenStart, UInt8(ascii: "*") where tokenStart:
                    while position < lineEnd, !ComposeASCII.isBlank(bytes[position]) { position += 1 }
                    continue
                default:
                    tokenStart = false
                }
                position += 1
            }
        }

        /// Moves past the closing quote on this line, or to the line end if it stays open.
        private mutating func closeQuote(_ open: UInt8, from start: Int, end: Int) -> Int {
            var position = start
            while position < end {
                let byte = bytes[position]
                if open == ComposeASCII.doubleQuote, byte == ComposeASCII.backslash {
                    position += 2
                    continue
                }
                if byte == open {
                    if open == ComposeASCII.singleQuote, position + 1 < end, bytes[position + 1] == open {
                        position += 2
                        continue
                    }
                    quote = nil
                    return position + 1
                }
                position += 1
            }
            return end
        }

        /// After `|` or `>`: only indicators (`-`, `+`, a digit), then blanks or a comment.
        private func opensBlockScalar(from start: Int, end: Int) -> Bool {
            var position = start
            while position < end, bytes[position] == UInt8(ascii: "-") || bytes[position] == UInt8(ascii: "+")
                || ComposeASCII.isDigit(bytes[position]) {
                position += 1
            }
            while position < end, ComposeASCII.isBlank(bytes[position]) { position += 1 }
            return position == end || bytes[position] == ComposeASCII.hash
        }
    }
}
