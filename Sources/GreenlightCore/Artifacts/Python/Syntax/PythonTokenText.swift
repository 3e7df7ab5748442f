/// Byte-level comparisons on tokens, so the analyzer can test for keywords and
/// operators without building strings.
extension PythonToken {
    /// True for a one-byte operator token equal to `byte`.
    @inline(__always)
    func isOp(_ byte: UInt8, in bytes: [UInt8]) -> Bool {
        kind == .op && end - start == 1 && bytes[start] == byte
    }

    /// True when the token's text is exactly `text` (ASCII).
    func matches(_ text: String, in bytes: [UInt8]) -> Bool {
        let utf8 = text.utf8
        guard end - start == utf8.count else { return false }
        var index = start
        for byte in utf8 {
            if bytes[index] != byte { return false }
            index += 1
        }
        return true
    }

    /// True for a NAME token spelling `word`.
    @inline(__always)
    func isWord(_ word: String, in bytes: [UInt8]) -> Bool {
        kind == .name && matches(word, in: bytes)
    }

    /// The token's text.
    func text(in bytes: [UInt8]) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where the token starts, for facts and issues.
    func location(in source: SourceText) -> SourceLocation {
        SourceLocation(file: source.path, line: line, column: column)
    }
}

/// Python's reserved words that can never be a plain name in an expression.
enum PythonKeywords {
    static let reserved: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}
