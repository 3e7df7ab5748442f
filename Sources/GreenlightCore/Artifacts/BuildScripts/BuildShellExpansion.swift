extension BuildShellLexer {
    /// Where the expansion starting at `start` (`$...` or a backtick) ends.
    static func expansionEnd(_ bytes: [UInt8], from start: Int) -> (index: Int, unterminated: Bool) {
        let count = bytes.count
        if bytes[start] == UInt8(ascii: "`") {
            var index = start + 1
            while index < count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "`") { return (index + 1, false) }
                index += 1
            }
            return (count, true)
        }
        guard start + 1 < count else { return (start + 1, false) }
        let next = bytes[start + 1]
        switch next {
        case UInt8(ascii: "("):
            return balancedEnd(bytes, from: start + 2, open: UInt8(ascii: "("), close: UInt8(ascii: ")"))
        case UInt8(ascii: "{"):
            return balancedEnd(bytes, from: start + 2, open: UInt8(ascii: "{"), close: UInt8(ascii: "}"))
        case UInt8(ascii: "'"):
            var index = start + 2
            while index < count {
                if bytes[index] == UInt8(ascii: "\\") { index += 2; continue }
                if bytes[index] == UInt8(ascii: "'") { return (index + 1, false) }
                index += 1
            }
            return (count, true)
        default:
            if isNameStart(next) {
                var index = start + 2
                while index < count, isNameByte(bytes[index]) { index += 1 }
                return (index, false)
            }
            if (0x30...0x39).contains(next) || "@*#?$!-".utf8.contains(next) { return (start + 2, false) }
            return (start + 1, false)
        }
    }

    /// The end of a `$( ... )` / `${ ... }` body starting after the opener,
    /// skipping quoted text and nested pairs.
    private static func balancedEnd(_ bytes: [UInt8], from start: Int, open: UInt8, close: UInt8) -> (index: Int, unterminated: Bool) {
        var depth = 1
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "'"):
                guard let end = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "'")) else { return (bytes.count, true) }
                index = end + 1
                continue
            case UInt8(ascii: "\""):
                var inner = index + 1
                while inner < bytes.count, bytes[inner] != UInt8(ascii: "\"") {
                    inner += bytes[inner] == UInt8(ascii: "\\") ? 2 : 1
                }
                if inner >= bytes.count { return (bytes.count, true) }
                index = inner + 1
                continue
            default:
                if byte == open {
                    depth += 1
                } else if byte == close {
                    depth -= 1
                    if depth == 0 { return (index + 1, false) }
                }
            }
            index += 1
        }
        return (bytes.count, true)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "_")
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (0x30...0x39).contains(byte)
    }

    /// Whether `text` is exactly one expansion (`$X`, `${X}`, `$(cmd)`, `` `cmd` ``).
    static func isSingleExpansion(_ text: [UInt8]) -> Bool {
        guard text.count > 1, text[0] == UInt8(ascii: "$") || text[0] == UInt8(ascii: "`") else { return false }
        let end = expansionEnd(text, from: 0)
        return !end.unterminated && end.index == text.count
    }
}
