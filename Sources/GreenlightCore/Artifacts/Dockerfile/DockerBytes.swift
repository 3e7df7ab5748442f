/// Byte constants and small byte-slice helpers shared by the Dockerfile and
/// shell readers, which work on UTF-8 bytes for speed.
enum DockerBytes {
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let doubleQuote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let dollar: UInt8 = 0x24
    static let singleQuote: UInt8 = 0x27
    static let comma: UInt8 = 0x2C
    static let dash: UInt8 = 0x2D
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let lessThan: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let openBracket: UInt8 = 0x5B
    static let backslash: UInt8 = 0x5C
    static let closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F
    static let backtick: UInt8 = 0x60
    static let openBrace: UInt8 = 0x7B
    static let closeBrace: UInt8 = 0x7D

    /// ASCII whitespace as Go's `unicode.IsSpace` sees it for single bytes (space, \t \n \v \f \r).
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= tab && byte <= carriageReturn)
    }

    /// Space or tab: the only whitespace allowed after a line-continuation character.
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// A byte that may appear in a shell variable name after its first character.
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || isDigit(byte) || byte == underscore
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    static func string(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// The slice without leading and trailing ASCII whitespace.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The slice without leading ASCII whitespace.
    static func trimmedLeft(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        while start < bytes.endIndex, isSpace(bytes[start]) { start += 1 }
        return bytes[start..<bytes.endIndex]
    }

    /// Splits on runs of ASCII whitespace, dropping empty pieces (Go's `reWhitespace.Split` on trimmed text).
    static func fields(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var result: [ArraySlice<UInt8>] = []
        result.reserveCapacity(4)
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            while index < end, isSpace(bytes[index]) { index += 1 }
            let start = index
            while index < end, !isSpace(bytes[index]) { index += 1 }
            if index > start { result.append(bytes[start..<index]) }
        }
        return result
    }

    /// ASCII upper-casing; other bytes are kept.
    static func uppercased(_ bytes: ArraySlice<UInt8>) -> String {
        if !bytes.contains(where: { $0 >= 0x61 && $0 <= 0x7A }) { return string(bytes) }
        var copy = Array(bytes)
        for index in copy.indices where copy[index] >= 0x61 && copy[index] <= 0x7A {
            copy[index] -= 0x20
        }
        return string(copy)
    }

    /// ASCII lower-casing; other bytes are kept.
    static func lowercased(_ text: String) -> String {
        var copy = Array(text.utf8)
        for index in copy.indices where copy[index] >= 0x41 && copy[index] <= 0x5A {
            copy[index] += 0x20
        }
        return string(copy)
    }

    /// ASCII case-insensitive comparison with an upper-case ASCII word.
    static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ upper: StaticString) -> Bool {
        guard bytes.count == upper.utf8CodeUnitCount else { return false }
        return upper.withUTF8Buffer { expected in
            var index = bytes.startIndex
            for byte in expected {
                var actual = bytes[index]
                if actual >= 0x61 && actual <= 0x7A { actual -= 0x20 }
                if actual != byte { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether `bytes` contains the two-byte sequence `first second`.
    static func contains(_ bytes: ArraySlice<UInt8>, _ first: UInt8, _ second: UInt8) -> Bool {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == first, bytes[index + 1] == second { return true }
            index += 1
        }
        return false
    }
}
