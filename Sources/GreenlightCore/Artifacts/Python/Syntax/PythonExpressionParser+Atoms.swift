extension PythonExpressionParser {
    /// Parses a name, number, string(s), bracketed display or `...`; returns
    /// `.other` without consuming at anything else (a keyword, a delimiter).
    mutating func parseAtom() -> PythonExpression {
        let start = index < tokens.count ? tokens[index].start : (tokens.last?.end ?? 0)
        guard index < limit else { return .other(at: start) }
        let token = tokens[index]
        switch token.kind {
        case .name:
            let text = token.text(in: source.bytes)
            if PythonKeywords.mayBeKeyword(token, in: source.bytes), PythonKeywords.reserved.contains(text) {
                return .other(at: start)
            }
            index += 1
            return .name(text, at: start)
        case .number:
            index += 1
            return .number(token.text(in: source.bytes), at: start)
        case .string:
            return parseStrings()
        case .op:
            if isOp(PythonByte.openParen) {
                index += 1
                let display = parseDisplay(closer: PythonByte.closeParen, start: start)
                if display.items.count == 1, !display.trailingComma, !display.isComprehension, let only = display.items.first {
                    return only
                }
                return display.isComprehension ? .other(at: start) : .tuple(display.items, at: start)
            }
            if isOp(PythonByte.openBracket) {
                index += 1
                let display = parseDisplay(closer: PythonByte.closeBracket, start: start)
                return display.isComprehension ? .other(at: start) : .list(display.items, at: start)
            }
            if isOp(PythonByte.openBrace) {
                index += 1
                return parseBraces(start: start)
            }
            if isText("...") {
                index += 1
                return .ellipsis(at: start)
            }
            return .other(at: start)
        default:
            return .other(at: start)
        }
    }

    private struct Display {
        var items: [PythonExpression] = []
        var trailingComma = false
        var isComprehension = false
    }

    /// Parses the inside of `( ... )` or `[ ... ]` after the opener, consuming the closer.
    private mutating func parseDisplay(closer: UInt8, start: Int) -> Display {
        var display = Display()
        while index < limit, !isOp(closer) {
            let before = index
            if isOp(UInt8(ascii: "*")) {
                index += 1
                _ = parseExpression()
                display.items.append(.other(at: start))
            } else if isWord("yield") {
                skip(to: closer)
                display.isComprehension = true
                break
            } else {
                display.items.append(parseExpression())
            }
            if isWord("for") || isWord("async") {
                display.isComprehension = true
                skip(to: closer)
                break
            }
            display.trailingComma = false
            if isOp(UInt8(ascii: ",")) {
                index += 1
                display.trailingComma = true
                continue
            }
            if !isOp(closer) {
                if index == before { index += 1 }
                skip(to: closer)
            }
            break
        }
        if isOp(closer) { index += 1 }
        return display
    }

    /// Parses a dict display after `{`; sets and comprehensions become `.other`.
    private mutating func parseBraces(start: Int) -> PythonExpression {
        var entries: [PythonDictEntry] = []
        var isDict = true
        while index < limit, !isOp(PythonByte.closeBrace) {
            let before = index
            if isText("**") {
                index += 1
                entries.append(PythonDictEntry(key: nil, value: parseExpression()))
            } else {
                let key = parseExpression()
                if isOp(PythonByte.colon) {
                    index += 1
                    entries.append(PythonDictEntry(key: key, value: parseExpression()))
                } else {
                    isDict = false
                }
            }
            if isWord("for") || isWord("async") {
                isDict = false
                skip(to: PythonByte.closeBrace)
                break
            }
            if isOp(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if !isOp(PythonByte.closeBrace) {
                if index == before { index += 1 }
                skip(to: PythonByte.closeBrace)
            }
            break
        }
        if isOp(PythonByte.closeBrace) { index += 1 }
        return isDict ? .dict(entries, at: start) : .other(at: start)
    }

    /// Adjacent string tokens, concatenated; f-string fields are parsed as expressions.
    private mutating func parseStrings() -> PythonExpression {
        let start = tokens[index].start
        var pieces: [PythonFormattedPiece] = []
        var formatted = false
        while index < limit, tokens[index].kind == .string {
            let token = tokens[index]
            index += 1
            if let parts = PythonStringLiteral.formattedParts(of: token, in: source.bytes) {
                for part in parts {
                    switch part {
                    case .text(let text):
                        pieces.append(.text(text))
                    case .field(let range):
                        formatted = true
                        pieces.append(.expression(parseFragment(range, anchor: token)))
                    }
                }
            } else if let value = PythonStringLiteral.value(of: token, in: source.bytes) {
                pieces.append(.text(value))
            } else {
                return .other(at: start)
            }
        }
        if !formatted {
            var text = ""
            for case .text(let piece) in pieces { text += piece }
            return .string(text, at: start)
        }
        return .formattedString(pieces, at: start)
    }

    private func parseFragment(_ range: Range<Int>, anchor: PythonToken) -> PythonExpression {
        let fragment = PythonTokenizer.tokenizeFragment(source, range: range, anchor: anchor)
        var parser = PythonExpressionParser(
            tokens: fragment, source: source, start: 0, limit: fragment.count, depth: depth + 1
        )
        return parser.parseExpression()
    }

    // MARK: - Skipping

    /// Skips balanced tokens until the matching `closer` (not consumed) or the limit.
    mutating func skip(to closer: UInt8) {
        var nesting = 0
        while index < limit {
            let token = tokens[index]
            if token.kind == .op, token.end - token.start == 1 {
                let byte = source.bytes[token.start]
                if nesting == 0, byte == closer { return }
                if byte == PythonByte.openParen || byte == PythonByte.openBracket || byte == PythonByte.openBrace {
                    nesting += 1
                } else if byte == PythonByte.closeParen || byte == PythonByte.closeBracket || byte == PythonByte.closeBrace {
                    if nesting == 0 { return }
                    nesting -= 1
                }
            }
            index += 1
        }
    }

    /// Skips one token, or a whole bracketed group when it is an opener.
    mutating func skipBalancedToken() {
        guard index < limit else { return }
        let token = tokens[index]
        index += 1
        guard token.kind == .op, token.end - token.start == 1 else { return }
        switch source.bytes[token.start] {
        case PythonByte.openParen:
            skip(to: PythonByte.closeParen)
            if isOp(PythonByte.closeParen) { index += 1 }
        case PythonByte.openBracket:
            skip(to: PythonByte.closeBracket)
            if isOp(PythonByte.closeBracket) { index += 1 }
        case PythonByte.openBrace:
            skip(to: PythonByte.closeBrace)
            if isOp(PythonByte.closeBrace) { index += 1 }
        default:
            break
        }
    }

    /// Skips to the end of the current expression (a top-level delimiter).
    mutating func skipExpression() {
        while index < limit, !atExpressionEnd { skipBalancedToken() }
    }
}
