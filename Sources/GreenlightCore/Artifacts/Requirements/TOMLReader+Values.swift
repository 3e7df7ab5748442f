extension TOMLReader {
    /// One value at the cursor.
    mutating func value() throws(TOMLError) -> TOMLNode {
        let start = index
        let here = location(start)
        guard let byte = peek else { throw TOMLError(message: "expected a value", offset: index) }
        switch byte {
        case UInt8(ascii: "\""):
            if self.byte(at: index + 1) == UInt8(ascii: "\""), self.byte(at: index + 2) == UInt8(ascii: "\"") {
                index += 3
                return TOMLNode(.string(try multilineString(literal: false)), at: here)
            }
            index += 1
            return TOMLNode(.string(try basicString()), at: here)
        case UInt8(ascii: "'"):
            if self.byte(at: index + 1) == UInt8(ascii: "'"), self.byte(at: index + 2) == UInt8(ascii: "'") {
                index += 3
                return TOMLNode(.string(try multilineString(literal: true)), at: here)
            }
            index += 1
            return TOMLNode(.string(try literalString()), at: here)
        case UInt8(ascii: "["):
            return TOMLNode(.array(try array()), at: here)
        case UInt8(ascii: "{"):
            return TOMLNode(.table(try inlineTable()), at: here)
        default:
            return TOMLNode(try scalar(), at: here)
        }
    }

    private mutating func enterNesting() throws(TOMLError) {
        depth += 1
        if depth > Self.maximumDepth { throw TOMLError(message: "values are nested too deeply", offset: index) }
    }

    private mutating func array() throws(TOMLError) -> [TOMLNode] {
        try enterNesting()
        defer { depth -= 1 }
        index += 1
        var items: [TOMLNode] = []
        while true {
            skipBlank()
            if peek == UInt8(ascii: "]") { index += 1; return items }
            items.append(try value())
            skipBlank()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            if peek == UInt8(ascii: "]") { index += 1; return items }
            throw TOMLError(message: "expected ',' or ']' in an array", offset: index)
        }
    }

    private mutating func inlineTable() throws(TOMLError) -> TOMLTable {
        try enterNesting()
        defer { depth -= 1 }
        let table = TOMLBuilderTable(origin: .inline, location: location(index))
        index += 1
        skipBlank()
        if peek == UInt8(ascii: "}") { index += 1; return table.freeze() }
        while true {
            skipBlank()
            if peek == UInt8(ascii: "}") { index += 1; return table.freeze() }
            try keyValue(into: table)
            skipBlank()
            if peek == UInt8(ascii: ",") { index += 1; continue }
            if peek == UInt8(ascii: "}") { index += 1; return table.freeze() }
            throw TOMLError(message: "expected ',' or '}' in an inline table", offset: index)
        }
    }

    // MARK: Strings

    /// After the opening `"`: a single-line basic string with escapes.
    mutating func basicString() throws(TOMLError) -> String {
        var result: [UInt8] = []
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: result, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &result)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw TOMLError(message: "unterminated string", offset: index)
            default:
                if byte < 0x20 && byte != 0x09 || byte == 0x7F {
                    throw TOMLError(message: "control character in a string", offset: index)
                }
                result.append(byte)
                index += 1
            }
        }
        throw TOMLError(message: "unterminated string", offset: index)
    }

    /// After the opening `'`: a literal string, no escapes.
    mutating func literalString() throws(TOMLError) -> String {
        let start = index
        while let byte = peek {
            if byte == UInt8(ascii: "'") {
                index += 1
                return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            index += 1
        }
        throw TOMLError(message: "unterminated string", offset: index)
    }

    /// After the opening `"""` or `'''`.
    private mutating func multilineString(literal: Bool) throws(TOMLError) -> String {
        let quote = literal ? UInt8(ascii: "'") : UInt8(ascii: "\"")
        _ = consumeNewline()
        var result: [UInt8] = []
        while let byte = peek {
            if byte == quote {
                var run = 0
                while self.byte(at: index + run) == quote { run += 1 }
                if run >= 3 {
                    if run > 5 { throw TOMLError(message: "too many quotes at the end of a string", offset: index) }
                    result.append(contentsOf: [UInt8](repeating: quote, count: run - 3))
                    index += run
                    return String(decoding: result, as: UTF8.self)
                }
                result.append(contentsOf: [UInt8](repeating: quote, count: run))
                index += run
                continue
            }
            if !literal && byte == UInt8(ascii: "\\") {
                if try lineEndingBackslash() { continue }
                try escape(into: &result)
                continue
            }
            if byte == UInt8(ascii: "\r"), self.byte(at: index + 1) == UInt8(ascii: "\n") {
                result.append(UInt8(ascii: "\n"))
                index += 2
                continue
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x7F {
                throw TOMLError(message: "control character in a string", offset: index)
            }
            result.append(byte)
            index += 1
        }
        throw TOMLError(message: "unterminated multi-line string", offset: index)
    }

    /// `\` followed by optional spaces and a newline: trims up to the next
    /// non-blank character. Returns false when the backslash is an escape.
    private mutating func lineEndingBackslash() throws(TOMLError) -> Bool {
        var probe = index + 1
        while let byte = byte(at: probe), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { probe += 1 }
        let atNewline = byte(at: probe) == UInt8(ascii: "\n")
            || (byte(at: probe) == UInt8(ascii: "\r") && byte(at: probe + 1) == UInt8(ascii: "\n"))
        guard atNewline else { return false }
        index = probe
        while let byte = peek, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r") {
            index += 1
        }
        return true
    }

    private mutating func escape(into result: inout [UInt8]) throws(TOMLError) {
        let start = index
        index += 1
        guard let code = peek else { throw TOMLError(message: "unterminated escape", offset: start) }
        index += 1
        switch code {
        case UInt8(ascii: "b"): result.append(0x08)
        case UInt8(ascii: "t"): result.append(0x09)
        case UInt8(ascii: "n"): result.append(0x0A)
        case UInt8(ascii: "f"): result.append(0x0C)
        case UInt8(ascii: "r"): result.append(0x0D)
        case UInt8(ascii: "e"): result.append(0x1B)
        case UInt8(ascii: "\""): result.append(0x22)
        case UInt8(ascii: "\\"): result.append(0x5C)
        case UInt8(ascii: "x"): try unicodeEscape(digits: 2, start: start, into: &result)
        case UInt8(ascii: "u"): try unicodeEscape(digits: 4, start: start, into: &result)
        case UInt8(ascii: "U"): try unicodeEscape(digits: 8, start: start, into: &result)
        default: throw TOMLError(message: "invalid escape sequence", offset: start)
        }
    }

    private mutating func unicodeEscape(digits: Int, start: Int, into result: inout [UInt8]) throws(TOMLError) {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek, let digit = Self.hexValue(byte) else {
                throw TOMLError(message: "invalid unicode escape", offset: start)
            }
            value = value &* 16 &+ UInt32(digit)
            index += 1
        }
        guard let scalar = Unicode.Scalar(value) else { throw TOMLError(message: "invalid unicode scalar", offset: start) }
        result.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
