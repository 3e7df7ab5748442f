extension HCLParser {
    /// Parses a term: literal, template, heredoc, collection, for, call, variable or `(expr)`.
    mutating func parseTerm() -> HCLExpression {
        let start = position
        let byte = peek()
        if HCLParser.isDigit(byte) { return parseNumber() }
        switch byte {
        case UInt8(ascii: "\""):
            position += 1
            return HCLExpression(.template(parseTemplate(terminator: .quote)), at: location(start))
        case UInt8(ascii: "<") where peek(1) == UInt8(ascii: "<"):
            return parseHeredoc()
        case UInt8(ascii: "["):
            return parseTuple()
        case UInt8(ascii: "{"):
            return parseObject()
        case UInt8(ascii: "("):
            position += 1
            let inner = nested(ignoringNewlines: true) { parser in parser.parseExpression() }
            expect(UInt8(ascii: ")"), "expected ) to close the parenthesis")
            return HCLExpression(.parenthesized(inner), at: location(start))
        default:
            break
        }
        guard let name = readIdentifier() else {
            report("expected an expression", at: start)
            if !atEnd && peek() != 0x0A && peek() != UInt8(ascii: "}") && peek() != UInt8(ascii: "]")
                && peek() != UInt8(ascii: ")") && peek() != UInt8(ascii: ",") {
                position += 1
            }
            return HCLExpression(.invalid, at: location(start))
        }
        switch name {
        case "true": return HCLExpression(.bool(true), at: location(start))
        case "false": return HCLExpression(.bool(false), at: location(start))
        case "null": return HCLExpression(.null, at: location(start))
        default: break
        }
        var functionName = name
        // Provider-defined functions: provider::namespace::name(...).
        while peek() == UInt8(ascii: ":"), peek(1) == UInt8(ascii: ":") {
            position += 2
            functionName += "::" + (readIdentifier() ?? "")
        }
        let afterName = position
        skipTrivia()
        if peek() == UInt8(ascii: "(") {
            position += 1
            return parseCall(functionName, start: start)
        }
        position = afterName
        return HCLExpression(.variable(functionName), at: location(start))
    }

    /// Runs `body` with newline handling set for a bracketed construct, then restores it.
    mutating func nested<T>(ignoringNewlines: Bool, _ body: (inout HCLParser) -> T) -> T {
        let saved = ignoreNewlines
        ignoreNewlines = ignoringNewlines
        skipTrivia()
        let result = body(&self)
        skipTrivia()
        ignoreNewlines = saved
        return result
    }

    mutating func expect(_ byte: UInt8, _ message: String) {
        if peek() == byte { position += 1 } else { report(message, at: position) }
    }

    private mutating func parseNumber() -> HCLExpression {
        let start = position
        while HCLParser.isDigit(peek()) { position += 1 }
        if peek() == UInt8(ascii: "."), HCLParser.isDigit(peek(1)) {
            position += 1
            while HCLParser.isDigit(peek()) { position += 1 }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let sign = peek(1) == UInt8(ascii: "+") || peek(1) == UInt8(ascii: "-") ? 1 : 0
            if HCLParser.isDigit(peek(1 + sign)) {
                position += 1 + sign
                while HCLParser.isDigit(peek()) { position += 1 }
            }
        }
        return HCLExpression(.number(String(decoding: bytes[start..<position], as: UTF8.self)), at: location(start))
    }

    private mutating func parseCall(_ name: String, start: Int) -> HCLExpression {
        var arguments: [HCLExpression] = []
        var expands = false
        let saved = ignoreNewlines
        ignoreNewlines = true
        defer { ignoreNewlines = saved }
        skipTrivia()
        while !atEnd, peek() != UInt8(ascii: ")") {
            let before = position
            arguments.append(parseExpression())
            skipTrivia()
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "."), peek(2) == UInt8(ascii: ".") {
                position += 3
                expands = true
                skipTrivia()
            }
            if peek() == UInt8(ascii: ",") {
                position += 1
                skipTrivia()
            } else if peek() != UInt8(ascii: ")") {
                report("expected , or ) in the arguments of \(name)", at: position)
                if position == before { position += 1 }
                break
            }
        }
        expect(UInt8(ascii: ")"), "expected ) to close the call to \(name)")
        return HCLExpression(.call(name, arguments, expandsFinal: expands), at: location(start))
    }

    private mutating func parseTuple() -> HCLExpression {
        let start = position
        position += 1
        let saved = ignoreNewlines
        ignoreNewlines = true
        defer { ignoreNewlines = saved }
        skipTrivia()
        if atKeyword("for") && isForHeader() {
            let clause = parseForClause(objectForm: false)
            expect(UInt8(ascii: "]"), "expected ] to close the for expression")
            return HCLExpression(.forTuple(clause.clause), at: location(start))
        }
        var items: [HCLExpression] = []
        while !atEnd, peek() != UInt8(ascii: "]") {
            let before = position
            items.append(parseExpression())
            skipTrivia()
            if peek() == UInt8(ascii: ",") {
                position += 1
                skipTrivia()
            } else if peek() != UInt8(ascii: "]") {
                report("expected , or ] in the tuple", at: position)
                if position == before { position += 1 }
                break
            }
        }
        expect(UInt8(ascii: "]"), "expected ] to close the tuple")
        return HCLExpression(.tuple(items), at: location(start))
    }

    /// Whether `for` at the cursor starts a for expression (and is not an object key named `for`).
    private func isForHeader() -> Bool {
        var index = position + 3
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
        return index < bytes.count && HCLParser.isIdentifierStart(bytes[index])
    }

    private mutating func parseObject() -> HCLExpression {
        let start = position
        position += 1
        skipTriviaAndNewlines()
        if atKeyword("for") && isForHeader() {
            let saved = ignoreNewlines
            ignoreNewlines = true
            let clause = parseForClause(objectForm: true)
            ignoreNewlines = saved
            expect(UInt8(ascii: "}"), "expected } to close the for expression")
            return HCLExpression(.forObject(clause.clause, key: clause.key, grouped: clause.grouped), at: location(start))
        }
        let saved = ignoreNewlines
        ignoreNewlines = false
        defer { ignoreNewlines = saved }
        var items: [HCLObjectItem] = []
        while true {
            skipTriviaAndNewlines()
            if atEnd || peek() == UInt8(ascii: "}") { break }
            let keyStart = position
            let keyExpression = nested(ignoringNewlines: false) { parser in parser.parseExpression() }
            let key: HCLObjectKey
            if case .variable(let name) = keyExpression.kind {
                key = .name(name, keyExpression.location)
            } else {
                key = .expression(keyExpression)
            }
            guard peek() == UInt8(ascii: "=") || peek() == UInt8(ascii: ":") else {
                report("expected = or : after the object key", at: position)
                if position == keyStart { position += 1 }
                skipToNextLine()
                continue
            }
            position += 1
            skipTrivia()
            let value = parseExpression()
            items.append(HCLObjectItem(key: key, value: value))
            skipTrivia()
            if peek() == UInt8(ascii: ",") {
                position += 1
            } else if !(peek() == 0x0A || peek() == UInt8(ascii: "}") || atEnd) {
                report("expected a newline, , or } after the object item", at: position)
                skipToNextLine()
            }
        }
        expect(UInt8(ascii: "}"), "expected } to close the object")
        return HCLExpression(.object(items), at: location(start))
    }
}
