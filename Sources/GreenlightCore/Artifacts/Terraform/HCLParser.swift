/// Recursive-descent parser for HCL2 native syntax working directly on UTF-8
/// bytes. Newlines end attributes and object items, and are ignored inside
/// parentheses, brackets and for-expressions, as the hclsyntax spec says.
struct HCLParser {
    let source: SourceText
    let bytes: [UInt8]
    var position = 0
    var issues: [ParseIssue] = []
    var comments: [Located<String>] = []
    /// Whether newlines are whitespace at the current nesting level.
    var ignoreNewlines = false
    /// Nesting depth of expressions and blocks, bounded so hostile input cannot exhaust the stack.
    var depth = 0
    private var lastCommentOffset = -1

    static let maximumDepth = 160
    static let maximumIssues = 200

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
    }

    // MARK: Bytes

    func peek(_ ahead: Int = 0) -> UInt8 {
        let index = position + ahead
        return index < bytes.count ? bytes[index] : 0
    }

    var atEnd: Bool { position >= bytes.count }

    func location(_ offset: Int) -> SourceLocation {
        source.location(ofOffset: offset)
    }

    mutating func report(_ message: String, at offset: Int) {
        guard issues.count < HCLParser.maximumIssues else { return }
        issues.append(ParseIssue(message, at: location(offset)))
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F || byte >= 0x80
    }

    static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Reads an identifier at the cursor (letters, digits, `_`, `-`), or nil.
    mutating func readIdentifier() -> String? {
        guard HCLParser.isIdentifierStart(peek()) else { return nil }
        let start = position
        while position < bytes.count, HCLParser.isIdentifierByte(bytes[position]) { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    /// Whether the identifier `word` is at the cursor and not followed by an identifier byte.
    func atKeyword(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        let matches = word.withUTF8Buffer { buffer in
            var index = 0
            while index < count {
                if bytes[position + index] != buffer[index] { return false }
                index += 1
            }
            return true
        }
        return matches && !HCLParser.isIdentifierByte(peek(count))
    }

    // MARK: Trivia

    /// Skips spaces, tabs, comments, and newlines when they are insignificant here.
    mutating func skipTrivia() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                position += 1
            } else if byte == 0x0A {
                guard ignoreNewlines else { return }
                position += 1
            } else if byte == 0x23 || (byte == 0x2F && peek(1) == 0x2F) {
                skipLineComment()
            } else if byte == 0x2F && peek(1) == 0x2A {
                skipBlockComment()
            } else {
                return
            }
        }
    }

    /// Skips every kind of whitespace and comment, newlines included.
    mutating func skipTriviaAndNewlines() {
        let saved = ignoreNewlines
        ignoreNewlines = true
        skipTrivia()
        ignoreNewlines = saved
    }

    private mutating func skipLineComment() {
        let start = position
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
        recordComment(start, position)
    }

    private mutating func skipBlockComment() {
        let start = position
        position += 2
        while position < bytes.count, !(bytes[position] == 0x2A && peek(1) == 0x2F) { position += 1 }
        if position >= bytes.count {
            report("unterminated /* comment", at: start)
        } else {
            position += 2
        }
        recordComment(start, position)
    }

    private mutating func recordComment(_ start: Int, _ end: Int) {
        guard start > lastCommentOffset else { return }
        lastCommentOffset = start
        comments.append(Located(String(decoding: bytes[start..<end], as: UTF8.self), at: location(start)))
    }

    /// Moves past the rest of the current line, to resume after an error.
    mutating func skipToNextLine() {
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
        if position < bytes.count { position += 1 }
    }
}
