/// A forgiving recursive-descent parser for Python expressions over tokens. It
/// always makes progress and never traps: what it cannot model becomes
/// `.other`, and nesting deeper than `maxDepth` is skipped, not recursed into.
struct PythonExpressionParser {
    let tokens: [PythonToken]
    let source: SourceText
    let limit: Int
    var index: Int
    /// How deeply the parse is nested; past `maxDepth` input is skipped.
    var depth: Int

    static let maxDepth = 48

    init(tokens: [PythonToken], source: SourceText, start: Int, limit: Int, depth: Int = 0) {
        self.tokens = tokens
        self.source = source
        self.index = start
        self.limit = min(limit, tokens.count)
        self.depth = depth
    }

    private var bytes: [UInt8] { source.bytes }

    // MARK: - Token tests

    func isOp(_ byte: UInt8, at position: Int? = nil) -> Bool {
        let at = position ?? index
        return at < limit && tokens[at].isOp(byte, in: bytes)
    }

    func isText(_ text: String, at position: Int? = nil) -> Bool {
        let at = position ?? index
        return at < limit && tokens[at].kind != .string && tokens[at].matches(text, in: bytes)
    }

    func isWord(_ word: String, at position: Int? = nil) -> Bool {
        let at = position ?? index
        return at < limit && tokens[at].isWord(word, in: bytes)
    }

    private var offset: Int { index < tokens.count ? tokens[index].start : (tokens.last?.end ?? 0) }

    /// True at a token that ends an expression (a delimiter or a keyword that
    /// starts the next clause).
    var atExpressionEnd: Bool {
        guard index < limit else { return true }
        let token = tokens[index]
        switch token.kind {
        case .newline, .endOfFile, .indent, .dedent: return true
        case .op:
            return isOp(UInt8(ascii: ",")) || isOp(PythonByte.closeParen) || isOp(PythonByte.closeBracket)
                || isOp(PythonByte.closeBrace) || isOp(PythonByte.colon) || isOp(UInt8(ascii: ";"))
                || isOp(UInt8(ascii: "="))
        default: return false
        }
    }

    // MARK: - Expressions

    /// Parses one expression (no bare tuple).
    mutating func parseExpression() -> PythonExpression {
        let start = offset
        guard index < limit else { return .other(at: start) }
        if depth > PythonExpressionParser.maxDepth {
            skipExpression()
            return .other(at: start)
        }
        depth += 1
        defer { depth -= 1 }
        if isWord("lambda") {
            index += 1
            while index < limit, !isOp(PythonByte.colon) { skipBalancedToken() }
            if isOp(PythonByte.colon) { index += 1 }
            _ = parseExpression()
            return .other(at: start)
        }
        if isWord("yield") {
            skipExpression()
            return .other(at: start)
        }
        if index + 1 < limit, tokens[index].kind == .name, isText(":=", at: index + 1) {
            index += 2
            return parseExpression()
        }
        let body = parseBinary(minimum: 1)
        if isWord("if") {
            let mark = index
            index += 1
            _ = parseBinary(minimum: 1)
            if isWord("else") {
                index += 1
                let orElse = parseExpression()
                return .conditional(body, orElse, at: start)
            }
            index = mark
        }
        return body
    }

    /// Parses `a, b, *c` (a tuple when there is a comma) as on the right of `=`.
    mutating func parseExpressionList() -> PythonExpression {
        let start = offset
        var items: [PythonExpression] = []
        var sawComma = false
        while index < limit {
            let before = index
            if isOp(UInt8(ascii: "*")) {
                index += 1
                _ = parseExpression()
                items.append(.other(at: start))
            } else {
                items.append(parseExpression())
            }
            guard isOp(UInt8(ascii: ",")) else { break }
            sawComma = true
            index += 1
            if atExpressionEnd || index == before { break }
        }
        if !sawComma, let only = items.first { return only }
        return .tuple(items, at: start)
    }

    private mutating func parseBinary(minimum: Int) -> PythonExpression {
        var left = parseUnary()
        while let (op, precedence, width) = binaryOperator(), precedence >= minimum {
            index += width
            let right = parseBinary(minimum: precedence + 1)
            left = .binary(op, left, right, at: left.offset)
        }
        return left
    }

    private func binaryOperator() -> (String, Int, Int)? {
        guard index < limit else { return nil }
        let token = tokens[index]
        if token.kind == .name {
            if token.matches("or", in: bytes) { return ("or", 1, 1) }
            if token.matches("and", in: bytes) { return ("and", 2, 1) }
            if token.matches("in", in: bytes) { return ("in", 4, 1) }
            if token.matches("is", in: bytes) { return isWord("not", at: index + 1) ? ("is not", 4, 2) : ("is", 4, 1) }
            if token.matches("not", in: bytes), isWord("in", at: index + 1) { return ("not in", 4, 2) }
            return nil
        }
        guard token.kind == .op else { return nil }
        let first = bytes[token.start]
        let length = token.end - token.start
        if length == 1 {
            switch first {
            case UInt8(ascii: "<"): return ("<", 4, 1)
            case UInt8(ascii: ">"): return (">", 4, 1)
            case UInt8(ascii: "|"): return ("|", 5, 1)
            case UInt8(ascii: "^"): return ("^", 6, 1)
            case UInt8(ascii: "&"): return ("&", 7, 1)
            case UInt8(ascii: "+"): return ("+", 9, 1)
            case UInt8(ascii: "-"): return ("-", 9, 1)
            case UInt8(ascii: "*"): return ("*", 10, 1)
            case UInt8(ascii: "/"): return ("/", 10, 1)
            case UInt8(ascii: "%"): return ("%", 10, 1)
            case UInt8(ascii: "@"): return ("@", 10, 1)
            default: return nil
            }
        }
        guard length == 2 else { return nil }
        let second = bytes[token.start + 1]
        switch (first, second) {
        case (UInt8(ascii: "="), UInt8(ascii: "=")): return ("==", 4, 1)
        case (UInt8(ascii: ">"), UInt8(ascii: "=")): return (">=", 4, 1)
        case (UInt8(ascii: "<"), UInt8(ascii: "=")): return ("<=", 4, 1)
        case (UInt8(ascii: "!"), UInt8(ascii: "=")): return ("!=", 4, 1)
        case (UInt8(ascii: "<"), UInt8(ascii: "<")): return ("<<", 8, 1)
        case (UInt8(ascii: ">"), UInt8(ascii: ">")): return (">>", 8, 1)
        case (UInt8(ascii: "/"), UInt8(ascii: "/")): return ("//", 10, 1)
        default: return nil
        }
    }

    private mutating func parseUnary() -> PythonExpression {
        let start = offset
        if isWord("not") {
            index += 1
            return .unary("not", parseBinary(minimum: 4), at: start)
        }
        if isOp(UInt8(ascii: "-")) || isOp(UInt8(ascii: "+")) || isOp(UInt8(ascii: "~")) {
            let op = tokens[index].text(in: bytes)
            index += 1
            guard depth <= PythonExpressionParser.maxDepth else { return .other(at: start) }
            depth += 1
            defer { depth -= 1 }
            return .unary(op, parseUnary(), at: start)
        }
        if isWord("await") { index += 1 }
        let base = parsePostfix()
        if isText("**") {
            index += 1
            return .binary("**", base, parseUnary(), at: start)
        }
        return base
    }

    /// Parses an atom followed by `.name`, `(...)` and `[...]` trailers.
    mutating func parsePostfix() -> PythonExpression {
        var expression = parseAtom()
        while index < limit {
            if isOp(PythonByte.dot), index + 1 < limit, tokens[index + 1].kind == .name {
                let name = tokens[index + 1].text(in: bytes)
                index += 2
                expression = .attribute(expression, name, at: expression.offset)
            } else if isOp(PythonByte.openParen) {
                expression = .call(parseCall(callee: expression))
            } else if isOp(PythonByte.openBracket) {
                index += 1
                let subscriptIndex = parseSubscriptIndex()
                expression = .index(expression, subscriptIndex, at: expression.offset)
            } else {
                break
            }
        }
        return expression
    }

    private mutating func parseSubscriptIndex() -> PythonExpression {
        let start = offset
        let value = isOp(PythonByte.colon) ? PythonExpression.other(at: start) : parseExpressionList()
        if isOp(PythonByte.closeBracket) {
            index += 1
            return value
        }
        skip(to: PythonByte.closeBracket)
        return .other(at: start)
    }

    /// Parses the arguments of a call whose `(` is the current token.
    mutating func parseCall(callee: PythonExpression) -> PythonCallExpression {
        var call = PythonCallExpression(callee: callee, positional: [], keywords: [], hasUnpacking: false, offset: callee.offset)
        index += 1
        while index < limit, !isOp(PythonByte.closeParen) {
            let before = index
            if isText("**") || isOp(UInt8(ascii: "*")) {
                call.hasUnpacking = true
                index += 1
                _ = parseExpression()
            } else if index + 1 < limit, tokens[index].kind == .name, isOp(UInt8(ascii: "="), at: index + 1) {
                let name = tokens[index].text(in: bytes)
                index += 2
                call.keywords.append((name, parseExpression()))
            } else {
                let argument = parseExpression()
                if isWord("for") || isWord("async") {
                    skip(to: PythonByte.closeParen)
                    call.positional.append(.other(at: argument.offset))
                    break
                }
                call.positional.append(argument)
            }
            if isOp(UInt8(ascii: ",")) {
                index += 1
                continue
            }
            if !isOp(PythonByte.closeParen) {
                if index == before { index += 1 }
                skip(to: PythonByte.closeParen)
            }
            break
        }
        if isOp(PythonByte.closeParen) { index += 1 }
        return call
    }
}
