/// The scanners for single tokens: comments, continuations, names, numbers,
/// operators and bracket tracking. Strings are in `PythonTokenizer+Strings.swift`.
extension PythonScanner {
    mutating func scanComment() {
        let start = pos
        let column = column(at: pos)
        var p = pos
        while p < end, bytes[p] != PythonByte.newline { p += 1 }
        var stop = p
        if stop > start, bytes[stop - 1] == PythonByte.carriageReturn { stop -= 1 }
        emit(.comment, start, stop, line: line, column: column)
        pos = p
    }

    mutating func scanContinuation() {
        let next = pos + 1
        if next < end, bytes[next] == PythonByte.newline {
            passNewline(at: next)
            pos = next + 1
        } else if next + 1 < end, bytes[next] == PythonByte.carriageReturn, bytes[next + 1] == PythonByte.newline {
            passNewline(at: next + 1)
            pos = next + 2
        } else {
            let message = next >= end
                ? "unexpected end of file after line continuation character"
                : "unexpected character after line continuation character"
            report(message, line: line, column: column(at: pos))
            pos += 1
        }
    }

    mutating func scanNameOrPrefixedString() {
        let start = pos
        let column = column(at: pos)
        var p = pos + 1
        while p < end, PythonByte.isIdentifierContinue(bytes[p]) { p += 1 }
        if p < end, PythonByte.isQuote(bytes[p]), let prefix = PythonStringPrefix(bytes[start..<p]) {
            scanString(tokenStart: start, quoteAt: p, line: line, column: column, raw: prefix.isRaw, formatted: prefix.isFormatted)
            return
        }
        emit(.name, start, p, line: line, column: column)
        pos = p
    }

    mutating func scanNumber() {
        let start = pos
        let column = column(at: pos)
        var p = pos
        func isLetterOrDigit(_ byte: UInt8) -> Bool { PythonByte.isIdentifierContinue(byte) && byte < 0x80 }
        if bytes[p] == UInt8(ascii: "0"), p + 1 < end, "xXoObB".utf8.contains(bytes[p + 1]) {
            p += 2
            while p < end, isLetterOrDigit(bytes[p]) { p += 1 }
        } else {
            while p < end, PythonByte.isDigit(bytes[p]) || bytes[p] == PythonByte.underscore { p += 1 }
            if p < end, bytes[p] == PythonByte.dot {
                p += 1
                while p < end, PythonByte.isDigit(bytes[p]) || bytes[p] == PythonByte.underscore { p += 1 }
            }
            if p < end, bytes[p] | 0x20 == UInt8(ascii: "e") {
                var q = p + 1
                if q < end, bytes[q] == UInt8(ascii: "+") || bytes[q] == UInt8(ascii: "-") { q += 1 }
                if q < end, PythonByte.isDigit(bytes[q]) {
                    p = q
                    while p < end, PythonByte.isDigit(bytes[p]) || bytes[p] == PythonByte.underscore { p += 1 }
                }
            }
            if p < end, bytes[p] | 0x20 == UInt8(ascii: "j") { p += 1 }
        }
        emit(.number, start, p, line: line, column: column)
        pos = p
    }

    mutating func scanOperator() {
        let start = pos
        let column = column(at: pos)
        let byte = bytes[pos]
        let length = PythonOperators.length(bytes, at: pos, end: end)
        guard length > 0 else {
            report("invalid character '\(PythonOperators.describe(byte))' in source", line: line, column: column)
            pos += 1
            return
        }
        let token = PythonToken(kind: .op, start: start, end: start + length, line: line, column: column)
        emit(.op, start, start + length, line: line, column: column)
        pos += length
        if length == 1 { trackBracket(byte, token) }
    }

    mutating func trackBracket(_ byte: UInt8, _ token: PythonToken) {
        switch byte {
        case PythonByte.openParen, PythonByte.openBracket, PythonByte.openBrace:
            if tracksLayout { brackets.append(token) }
        case PythonByte.closeParen, PythonByte.closeBracket, PythonByte.closeBrace:
            guard tracksLayout else { return }
            guard let opener = brackets.popLast() else {
                report("unmatched '\(String(UnicodeScalar(byte)))'", line: token.line, column: token.column)
                return
            }
            let expected = PythonOperators.closer(of: bytes[opener.start])
            if expected != byte {
                report(
                    "closing '\(String(UnicodeScalar(byte)))' does not match opening '\(String(UnicodeScalar(bytes[opener.start])))'",
                    line: token.line, column: token.column
                )
            }
        default:
            break
        }
    }
}
