/// String literals of `LocatedJSONParser`: escapes, surrogate pairs and UTF-8 checks.
extension LocatedJSONParser {
    /// Reads a string starting at the opening quote. Escapes are decoded (surrogate pairs
    /// joined); bad escapes, raw control characters and invalid UTF-8 are reported and
    /// replaced, so the rest of the file can still be read.
    mutating func parseString() throws(LocatedJSONStop) -> String {
        let start = position
        position += 1
        let contentStart = position
        var isASCII = true
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let slice = bytes[contentStart..<position]
                position += 1
                return decode(slice, isASCII: isASCII, at: contentStart)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 {
                if byte == 0x0A { throw stop("unterminated string (a line break inside a string must be written \\n)", at: start) }
                issue("control character 0x\(String(byte, radix: 16, uppercase: true)) in a string must be escaped", at: position)
            }
            if byte >= 0x80 { isASCII = false }
            position += 1
        }
        guard position < bytes.count else { throw stop("unterminated string", at: start) }
        var buffer = Array(bytes[contentStart..<position])
        return try parseEscapedRest(into: &buffer, stringStart: start)
    }

    mutating func decode(_ slice: ArraySlice<UInt8>, isASCII: Bool, at offset: Int) -> String {
        if isASCII { return String(decoding: slice, as: UTF8.self) }
        if let text = String(validating: slice, as: UTF8.self) { return text }
        issue("string is not valid UTF-8", at: offset)
        return String(decoding: slice, as: UTF8.self)
    }

    /// Continues a string after its first backslash, building the decoded bytes.
    mutating func parseEscapedRest(into buffer: inout [UInt8], stringStart: Int) throws(LocatedJSONStop) -> String {
        let contentStart = position
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case UInt8(ascii: "\""):
                position += 1
                return decode(buffer[...], isASCII: false, at: contentStart)
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0x0A:
                throw stop("unterminated string (a line break inside a string must be written \\n)", at: stringStart)
            default:
                if byte < 0x20 {
                    issue("control character 0x\(String(byte, radix: 16, uppercase: true)) in a string must be escaped", at: position)
                }
                buffer.append(byte)
                position += 1
            }
        }
        throw stop("unterminated string", at: stringStart)
    }

    /// Decodes one escape sequence at `position` (a backslash).
    mutating func parseEscape(into buffer: inout [UInt8]) throws(LocatedJSONStop) {
        let escapeStart = position
        position += 1
        guard position < bytes.count else { throw stop("unterminated string", at: escapeStart) }
        let letter = bytes[position]
        position += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(letter)
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "u"):
            guard let unit = readHex4() else {
                issue("\\u must be followed by four hexadecimal digits", at: escapeStart)
                appendScalar(0xFFFD, to: &buffer)
                return
            }
            appendCodeUnit(unit, escapeStart: escapeStart, to: &buffer)
        default:
            issue("invalid escape '\\\(Character(Unicode.Scalar(letter)))'", at: escapeStart)
            buffer.append(letter)
        }
    }

    /// Appends a `\uXXXX` code unit, joining a high surrogate with the `\uXXXX` low one after it.
    mutating func appendCodeUnit(_ unit: UInt32, escapeStart: Int, to buffer: inout [UInt8]) {
        switch unit {
        case 0xD800...0xDBFF:
            let save = position
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u") {
                position += 2
                if let low = readHex4(), (0xDC00...0xDFFF).contains(low) {
                    appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &buffer)
                    return
                }
                position = save
            }
            issue("unpaired surrogate \\u\(String(unit, radix: 16, uppercase: true))", at: escapeStart)
            appendScalar(0xFFFD, to: &buffer)
        case 0xDC00...0xDFFF:
            issue("unpaired surrogate \\u\(String(unit, radix: 16, uppercase: true))", at: escapeStart)
            appendScalar(0xFFFD, to: &buffer)
        default:
            appendScalar(unit, to: &buffer)
        }
    }

    mutating func readHex4() -> UInt32? {
        guard position + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in position..<(position + 4) {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        position += 4
        return value
    }

    func appendScalar(_ value: UInt32, to buffer: inout [UInt8]) {
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        UTF8.encode(scalar) { buffer.append($0) }
    }
}
