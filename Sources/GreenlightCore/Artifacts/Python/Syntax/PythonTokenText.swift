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

    /// True when the token's bytes contain `needle` (ASCII).
    func contains(_ needle: String, in bytes: [UInt8]) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first, end - start >= pattern.count else { return false }
        var index = start
        while index + pattern.count <= end {
            if bytes[index] == first, bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return true }
            index += 1
        }
        return false
    }

    /// True when the token's bytes end with `suffix` (ASCII).
    func hasSuffix(_ suffix: String, in bytes: [UInt8]) -> Bool {
        let utf8 = suffix.utf8
        guard end - start >= utf8.count else { return false }
        return bytes[(end - utf8.count)..<end].elementsEqual(utf8)
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
    /// A cheap test that rules out most names before a string is built: every
    /// keyword is 2–8 ASCII lowercase letters starting with one of these.
    @inline(__always)
    static func mayBeKeyword(_ token: PythonToken, in bytes: [UInt8]) -> Bool {
        let length = token.end - token.start
        guard length >= 2, length <= 8 else { return false }
        switch bytes[token.start] {
        case UInt8(ascii: "a"), UInt8(ascii: "b"), UInt8(ascii: "c"), UInt8(ascii: "d"), UInt8(ascii: "e"),
             UInt8(ascii: "f"), UInt8(ascii: "g"), UInt8(ascii: "i"), UInt8(ascii: "l"), UInt8(ascii: "m"),
             UInt8(ascii: "n"), UInt8(ascii: "o"), UInt8(ascii: "p"), UInt8(ascii: "r"), UInt8(ascii: "t"),
             UInt8(ascii: "w"), UInt8(ascii: "y"):
            return true
        default:
            return false
        }
    }

    static let reserved: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
}

/// A 1,024-bit membership filter over names, keyed by an FNV-1a hash of their
/// bytes: it answers "certainly not present" for a token without building a String.
struct PythonNameFilter {
    private var bits = [UInt64](repeating: 0, count: 16)

    init() {}

    init<Names: Sequence>(_ names: Names) where Names.Element == String {
        for name in names { insert(name) }
    }

    mutating func insert(_ name: String) {
        let hash = PythonNameFilter.hash(name.utf8)
        bits[Int(hash >> 6 & 15)] |= 1 << (hash & 63)
    }

    @inline(__always)
    func mayContain(_ token: PythonToken, in bytes: [UInt8]) -> Bool {
        let hash = PythonNameFilter.hash(bytes[token.start..<token.end])
        return bits[Int(hash >> 6 & 15)] & (1 << (hash & 63)) != 0
    }

    @inline(__always)
    static func hash<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }
}
