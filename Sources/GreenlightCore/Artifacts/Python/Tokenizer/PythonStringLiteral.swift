/// A piece of an f-string: literal text, or the byte range of a replacement
/// field's expression (without its `!r` conversion or `:spec`).
enum PythonFStringPart {
    case text(String)
    case field(Range<Int>)
}

/// Decodes the value of STRING tokens: prefixes, quotes, escapes and f-string
/// replacement fields. Works on the file's bytes; never traps.
enum PythonStringLiteral {
    struct Shape {
        var prefix: PythonStringPrefix
        var body: Range<Int>
    }

    /// The prefix and the byte range between the quotes of a string token.
    static func shape(of token: PythonToken, in bytes: [UInt8]) -> Shape? {
        guard token.kind == .string, token.start < token.end, token.end <= bytes.count else { return nil }
        var quoteAt = token.start
        while quoteAt < token.end, !PythonByte.isQuote(bytes[quoteAt]) { quoteAt += 1 }
        guard quoteAt < token.end else { return nil }
        let prefix: PythonStringPrefix
        if quoteAt == token.start {
            prefix = PythonStringPrefix()
        } else {
            guard let parsed = PythonStringPrefix(bytes[token.start..<quoteAt]) else { return nil }
            prefix = parsed
        }
        let quote = bytes[quoteAt]
        let triple = quoteAt + 2 < token.end && bytes[quoteAt + 1] == quote && bytes[quoteAt + 2] == quote
        let open = triple ? 3 : 1
        let bodyStart = min(quoteAt + open, token.end)
        var bodyEnd = token.end
        let closeLength = triple ? 3 : 1
        if bodyEnd - bodyStart >= closeLength {
            var closes = true
            for index in (bodyEnd - closeLength)..<bodyEnd where bytes[index] != quote { closes = false }
            if closes { bodyEnd -= closeLength }
        }
        return Shape(prefix: prefix, body: bodyStart..<max(bodyStart, bodyEnd))
    }

    /// The literal value, or nil for an f-string with replacement fields.
    static func value(of token: PythonToken, in bytes: [UInt8]) -> String? {
        guard let shape = shape(of: token, in: bytes) else { return nil }
        if shape.prefix.isFormatted {
            guard let parts = formattedParts(of: token, in: bytes) else { return nil }
            var text = ""
            for part in parts {
                guard case .text(let piece) = part else { return nil }
                text += piece
            }
            return text
        }
        return decode(bytes, shape.body, raw: shape.prefix.isRaw)
    }

    /// The pieces of an f-string, or nil when the token is not an f-string.
    static func formattedParts(of token: PythonToken, in bytes: [UInt8]) -> [PythonFStringPart]? {
        guard let shape = shape(of: token, in: bytes), shape.prefix.isFormatted else { return nil }
        var parts: [PythonFStringPart] = []
        var literal: [UInt8] = []
        let raw = shape.prefix.isRaw
        var p = shape.body.lowerBound
        let end = shape.body.upperBound
        while p < end {
            let byte = bytes[p]
            if byte == PythonByte.openBrace, p + 1 < end, bytes[p + 1] == PythonByte.openBrace {
                literal.append(byte)
                p += 2
            } else if byte == PythonByte.closeBrace, p + 1 < end, bytes[p + 1] == PythonByte.closeBrace {
                literal.append(byte)
                p += 2
            } else if byte == PythonByte.openBrace {
                if !literal.isEmpty {
                    parts.append(.text(String(decoding: decodeBytes(literal[...], raw: raw), as: UTF8.self)))
                    literal.removeAll()
                }
                let field = scanField(bytes, from: p + 1, end: end)
                parts.append(.field(field.expression))
                p = field.stop
            } else {
                literal.append(byte)
                p += 1
            }
        }
        if !literal.isEmpty {
            parts.append(.text(String(decoding: decodeBytes(literal[...], raw: raw), as: UTF8.self)))
        }
        return parts
    }

    /// Finds the expression of a replacement field starting after `{` and the
    /// offset after its closing `}`.
    private static func scanField(_ bytes: [UInt8], from start: Int, end: Int) -> (expression: Range<Int>, stop: Int) {
        var p = start
        var nesting = 0
        var expressionEnd: Int?
        var depth = 1
        while p < end {
            let byte = bytes[p]
            if expressionEnd == nil {
                switch byte {
                case PythonByte.singleQuote, PythonByte.doubleQuote:
                    p = skipNestedString(bytes, from: p, end: end)
                    continue
                case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace:
                    nesting += 1
                case PythonByte.closeParen, PythonByte.closeBracket:
                    nesting = max(0, nesting - 1)
                case PythonByte.closeBrace:
                    if nesting > 0 {
                        nesting -= 1
                    } else {
                        return (start..<p, p + 1)
                    }
                case UInt8(ascii: "!"):
                    if nesting == 0, !(p + 1 < end && bytes[p + 1] == UInt8(ascii: "=")) { expressionEnd = p }
                case PythonByte.colon:
                    if nesting == 0 { expressionEnd = p }
                case UInt8(ascii: "="):
                    let previous = p > start ? bytes[p - 1] : 0
                    let next = p + 1 < end ? bytes[p + 1] : 0
                    if nesting == 0, next != UInt8(ascii: "="), !"=<>!".utf8.contains(previous) { expressionEnd = p }
                default:
                    break
                }
                p += 1
                continue
            }
            // In the conversion or format spec: nested fields may open and close.
            if byte == PythonByte.openBrace {
                depth += 1
            } else if byte == PythonByte.closeBrace {
                depth -= 1
                if depth == 0 { return (start..<(expressionEnd ?? p), p + 1) }
            }
            p += 1
        }
        return (start..<(expressionEnd ?? end), end)
    }

    private static func skipNestedString(_ bytes: [UInt8], from start: Int, end: Int) -> Int {
        let quote = bytes[start]
        let triple = start + 2 < end && bytes[start + 1] == quote && bytes[start + 2] == quote
        var p = start + (triple ? 3 : 1)
        while p < end {
            let byte = bytes[p]
            if byte == PythonByte.backslash {
                p += 2
                continue
            }
            if byte == quote {
                if !triple { return p + 1 }
                if p + 2 < end, bytes[p + 1] == quote, bytes[p + 2] == quote { return p + 3 }
            }
            p += 1
        }
        return end
    }

    /// Decodes a literal body with Python's escape rules (raw: verbatim).
    static func decode(_ bytes: [UInt8], _ range: Range<Int>, raw: Bool) -> String {
        guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
        if raw || !bytes[range].contains(PythonByte.backslash) {
            return String(decoding: bytes[range], as: UTF8.self)
        }
        return String(decoding: decodeBytes(bytes[range], raw: false), as: UTF8.self)
    }

    private static func decodeBytes(_ input: ArraySlice<UInt8>, raw: Bool) -> [UInt8] {
        if raw { return Array(input) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var p = input.startIndex
        let end = input.endIndex
        while p < end {
            let byte = input[p]
            guard byte == PythonByte.backslash, p + 1 < end else {
                output.append(byte)
                p += 1
                continue
            }
            let next = input[p + 1]
            p += 2
            switch next {
            case PythonByte.newline: break
            case UInt8(ascii: "n"): output.append(PythonByte.newline)
            case UInt8(ascii: "t"): output.append(PythonByte.tab)
            case UInt8(ascii: "r"): output.append(PythonByte.carriageReturn)
            case UInt8(ascii: "a"): output.append(0x07)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "v"): output.append(0x0B)
            case PythonByte.backslash, PythonByte.singleQuote, PythonByte.doubleQuote: output.append(next)
            case UInt8(ascii: "x"):
                p = appendHex(input, from: p, digits: 2, into: &output, fallback: [PythonByte.backslash, next])
            case UInt8(ascii: "u"):
                p = appendHex(input, from: p, digits: 4, into: &output, fallback: [PythonByte.backslash, next])
            case UInt8(ascii: "U"):
                p = appendHex(input, from: p, digits: 8, into: &output, fallback: [PythonByte.backslash, next])
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = UInt32(next - UInt8(ascii: "0"))
                var count = 1
                while count < 3, p < end, input[p] >= UInt8(ascii: "0"), input[p] <= UInt8(ascii: "7") {
                    value = value * 8 + UInt32(input[p] - UInt8(ascii: "0"))
                    p += 1
                    count += 1
                }
                appendScalar(value, into: &output)
            default:
                output.append(PythonByte.backslash)
                output.append(next)
            }
        }
        return output
    }

    private static func appendHex(
        _ input: ArraySlice<UInt8>, from start: Int, digits: Int, into output: inout [UInt8], fallback: [UInt8]
    ) -> Int {
        var value: UInt32 = 0
        var p = start
        while p < input.endIndex, p - start < digits, let digit = hexValue(input[p]) {
            value = value * 16 + UInt32(digit)
            p += 1
        }
        guard p - start == digits else {
            output.append(contentsOf: fallback)
            return start
        }
        appendScalar(value, into: &output)
        return p
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func appendScalar(_ value: UInt32, into output: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        output.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
