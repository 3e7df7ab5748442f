/// The letters that may precede a string's opening quote (`r`, `b`, `f`, `u`,
/// `t` and their two-letter combinations, any case).
struct PythonStringPrefix {
    var isRaw = false
    var isFormatted = false
    var isBytes = false

    /// No prefix: a plain string.
    init() {}

    init?(_ letters: ArraySlice<UInt8>) {
        guard letters.count >= 1, letters.count <= 2 else { return nil }
        for byte in letters {
            switch byte | 0x20 {
            case UInt8(ascii: "r"):
                if isRaw { return nil }
                isRaw = true
            case UInt8(ascii: "f"), UInt8(ascii: "t"):
                if isFormatted || isBytes { return nil }
                isFormatted = true
            case UInt8(ascii: "b"):
                if isBytes || isFormatted { return nil }
                isBytes = true
            case UInt8(ascii: "u"):
                if letters.count != 1 { return nil }
            default:
                return nil
            }
        }
    }
}

extension PythonScanner {
    /// Scans a string literal whose prefix starts at `tokenStart` and whose
    /// opening quote is at `quoteAt`, emitting one STRING token.
    mutating func scanString(tokenStart: Int, quoteAt: Int, line: Int, column: Int, raw: Bool, formatted: Bool) {
        let quote = bytes[quoteAt]
        let triple = quoteAt + 2 < end && bytes[quoteAt + 1] == quote && bytes[quoteAt + 2] == quote
        let bodyStart = quoteAt + (triple ? 3 : 1)
        let outcome = formatted
            ? skipFormattedBody(from: bodyStart, quote: quote, triple: triple, raw: raw)
            : skipPlainBody(from: bodyStart, quote: quote, triple: triple, raw: raw)
        emit(.string, tokenStart, outcome.stop, line: line, column: column)
        if !outcome.terminated {
            report(triple ? "unterminated triple-quoted string literal" : "unterminated string literal", line: line, column: column)
        }
        pos = outcome.stop
    }

    /// Skips the body of a non-f-string; returns the offset after the closing
    /// quote, or where scanning stopped when the literal is unterminated.
    mutating func skipPlainBody(from start: Int, quote: UInt8, triple: Bool, raw: Bool) -> (stop: Int, terminated: Bool) {
        var p = start
        while p < end {
            let byte = bytes[p]
            if byte == PythonByte.backslash {
                // Even in raw strings a backslash keeps the next quote or newline in the literal.
                if p + 1 < end {
                    if bytes[p + 1] == PythonByte.newline { passNewline(at: p + 1) }
                    p += 2
                } else {
                    p += 1
                }
                continue
            }
            if byte == quote {
                if !triple { return (p + 1, true) }
                if p + 2 < end, bytes[p + 1] == quote, bytes[p + 2] == quote { return (p + 3, true) }
                p += 1
                continue
            }
            if byte == PythonByte.newline {
                if !triple { return (p, false) }
                passNewline(at: p)
            }
            p += 1
        }
        return (end, false)
    }

    /// Skips the body of an f-string, following replacement fields (including
    /// nested strings and format specs as Python 3.12 allows) so quotes inside
    /// `{...}` do not end the literal.
    mutating func skipFormattedBody(from start: Int, quote: UInt8, triple: Bool, raw: Bool) -> (stop: Int, terminated: Bool) {
        // Each entry is an open replacement field: whether it is in its format
        // spec, and how many brackets are open inside its expression.
        var fields: [(inSpec: Bool, nesting: Int)] = []
        var p = start
        while p < end {
            let byte = bytes[p]
            if byte == PythonByte.newline {
                if !triple { return (p, false) }
                passNewline(at: p)
                p += 1
                continue
            }
            if fields.isEmpty || fields[fields.count - 1].inSpec {
                if byte == PythonByte.backslash && !raw {
                    if p + 1 < end, bytes[p + 1] == PythonByte.newline { passNewline(at: p + 1) }
                    p += 2
                    continue
                }
                if byte == quote {
                    if !triple { return (p + 1, true) }
                    if p + 2 < end, bytes[p + 1] == quote, bytes[p + 2] == quote { return (p + 3, true) }
                    p += 1
                    continue
                }
                if byte == PythonByte.openBrace {
                    if fields.isEmpty, p + 1 < end, bytes[p + 1] == PythonByte.openBrace {
                        p += 2
                    } else {
                        fields.append((false, 0))
                        p += 1
                    }
                    continue
                }
                if byte == PythonByte.closeBrace {
                    if !fields.isEmpty {
                        fields.removeLast()
                        p += 1
                    } else if p + 1 < end, bytes[p + 1] == PythonByte.closeBrace {
                        p += 2
                    } else {
                        report("f-string: single '}' is not allowed", line: line, column: column(at: p))
                        p += 1
                    }
                    continue
                }
                p += 1
                continue
            }
            // Inside a replacement field's expression.
            let top = fields.count - 1
            switch byte {
            case PythonByte.singleQuote, PythonByte.doubleQuote:
                // Python 3.12 lets a field hold any string, even one using the outer quote.
                let nestedTriple = p + 2 < end && bytes[p + 1] == byte && bytes[p + 2] == byte
                let nested = skipPlainBody(from: p + (nestedTriple ? 3 : 1), quote: byte, triple: nestedTriple, raw: false)
                if !nested.terminated { return (nested.stop, false) }
                p = nested.stop
            case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace:
                fields[top].nesting += 1
                p += 1
            case PythonByte.closeParen, PythonByte.closeBracket:
                fields[top].nesting = max(0, fields[top].nesting - 1)
                p += 1
            case PythonByte.closeBrace:
                if fields[top].nesting > 0 {
                    fields[top].nesting -= 1
                } else {
                    fields.removeLast()
                }
                p += 1
            case PythonByte.colon:
                if fields[top].nesting == 0 { fields[top].inSpec = true }
                p += 1
            default:
                p += 1
            }
        }
        return (end, false)
    }
}

/// Python's operators and delimiters, matched longest first.
enum PythonOperators {
    /// The length of the operator starting at `offset`, or 0 when the byte starts none.
    static func length(_ bytes: [UInt8], at offset: Int, end: Int) -> Int {
        let first = bytes[offset]
        let second: UInt8 = offset + 1 < end ? bytes[offset + 1] : 0
        let third: UInt8 = offset + 2 < end ? bytes[offset + 2] : 0
        let equals = UInt8(ascii: "=")
        switch first {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "~"):
            return 1
        case UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: ">"), UInt8(ascii: "<"):
            if second == first { return third == equals ? 3 : 2 }
            if second == equals { return 2 }
            return 1
        case UInt8(ascii: "."):
            return second == PythonByte.dot && third == PythonByte.dot ? 3 : 1
        case UInt8(ascii: "-"):
            return second == equals || second == UInt8(ascii: ">") ? 2 : 1
        case UInt8(ascii: "+"), UInt8(ascii: "%"), UInt8(ascii: "&"), UInt8(ascii: "|"), UInt8(ascii: "^"),
             UInt8(ascii: "@"), UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: ":"):
            return second == equals ? 2 : 1
        default:
            return 0
        }
    }

    static func closer(of opener: UInt8) -> UInt8 {
        switch opener {
        case PythonByte.openParen: PythonByte.closeParen
        case PythonByte.openBracket: PythonByte.closeBracket
        default: PythonByte.closeBrace
        }
    }

    static func describe(_ byte: UInt8) -> String {
        if byte >= 0x20 && byte < 0x7F { return String(UnicodeScalar(byte)) }
        let hex = String(byte, radix: 16, uppercase: true)
        return "\\x" + (hex.count < 2 ? "0" + hex : hex)
    }
}
