extension HCLParser {
    /// Parses a full expression: a conditional over the operator levels.
    mutating func parseExpression() -> HCLExpression {
        let start = position
        guard depth < HCLParser.maximumDepth else {
            report("expression is nested too deeply", at: start)
            position = bytes.count
            return HCLExpression(.invalid, at: location(start))
        }
        depth += 1
        defer { depth -= 1 }
        let condition = parseBinary(level: 0)
        skipTrivia()
        guard peek() == UInt8(ascii: "?") else { return condition }
        position += 1
        skipTrivia()
        let whenTrue = parseExpression()
        skipTrivia()
        guard peek() == UInt8(ascii: ":") else {
            report("expected : in the conditional expression", at: position)
            return HCLExpression(.conditional(condition, whenTrue, HCLExpression(.invalid, at: location(position))), at: condition.location)
        }
        position += 1
        skipTrivia()
        let whenFalse = parseExpression()
        return HCLExpression(.conditional(condition, whenTrue, whenFalse), at: condition.location)
    }

    /// Binary operators from lowest (level 0, `||`) to highest (level 5, `* / %`).
    private mutating func parseBinary(level: Int) -> HCLExpression {
        if level > 5 { return parseUnary() }
        var left = parseBinary(level: level + 1)
        while true {
            skipTrivia()
            guard let (op, width) = binaryOperator(level: level) else { return left }
            position += width
            skipTrivia()
            let right = parseBinary(level: level + 1)
            left = HCLExpression(.binary(op, left, right), at: left.location)
        }
    }

    /// The operator of `level` at the cursor and its byte width, if any.
    private func binaryOperator(level: Int) -> (HCLBinaryOperator, Int)? {
        let first = peek()
        let second = peek(1)
        switch level {
        case 0: return first == 0x7C && second == 0x7C ? (.or, 2) : nil
        case 1: return first == 0x26 && second == 0x26 ? (.and, 2) : nil
        case 2:
            if first == 0x3D && second == 0x3D { return (.equal, 2) }
            if first == 0x21 && second == 0x3D { return (.notEqual, 2) }
            return nil
        case 3:
            if first == 0x3C { return second == 0x3D ? (.lessOrEqual, 2) : (second == 0x3C ? nil : (.less, 1)) }
            if first == 0x3E { return second == 0x3D ? (.greaterOrEqual, 2) : (.greater, 1) }
            return nil
        case 4:
            if first == 0x2B { return (.add, 1) }
            if first == 0x2D { return (.subtract, 1) }
            return nil
        default:
            if first == 0x2A { return (.multiply, 1) }
            // `//` starts a comment, not a division.
            if first == 0x2F && second != 0x2F && second != 0x2A { return (.divide, 1) }
            if first == 0x25 && second != 0x7B { return (.modulo, 1) }
            return nil
        }
    }

    private mutating func parseUnary() -> HCLExpression {
        let start = position
        let byte = peek()
        if byte == UInt8(ascii: "!") || (byte == UInt8(ascii: "-") && !HCLParser.isDigit(peek(1))) {
            position += 1
            skipTrivia()
            guard depth < HCLParser.maximumDepth else {
                report("expression is nested too deeply", at: start)
                position = bytes.count
                return HCLExpression(.invalid, at: location(start))
            }
            depth += 1
            defer { depth -= 1 }
            let operand = parseUnary()
            return HCLExpression(.unary(byte == UInt8(ascii: "!") ? .not : .negate, operand), at: location(start))
        }
        if byte == UInt8(ascii: "-") {
            // A negative number literal.
            position += 1
            let number = parsePostfix(parseTerm())
            return HCLExpression(.unary(.negate, number), at: location(start))
        }
        return parsePostfix(parseTerm())
    }

    /// Attribute access, indexes and splats after a term.
    private mutating func parsePostfix(_ term: HCLExpression) -> HCLExpression {
        var expression = term
        while true {
            let saved = position
            skipTrivia()
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "*") {
                position += 2
                expression = HCLExpression(.splat(expression, parseSplatSteps(full: false)), at: expression.location)
            } else if peek() == UInt8(ascii: "["), peekSkippingSpace(1) == UInt8(ascii: "*") {
                position += 1
                skipTriviaAndNewlines()
                position += 1
                skipTriviaAndNewlines()
                if peek() == UInt8(ascii: "]") { position += 1 } else { report("expected ] after [*", at: position) }
                expression = HCLExpression(.splat(expression, parseSplatSteps(full: true)), at: expression.location)
            } else if let step = parseTraversalStep() {
                switch step {
                case .attribute(let name): expression = HCLExpression(.attribute(expression, name), at: expression.location)
                case .index(let key): expression = HCLExpression(.index(expression, key), at: expression.location)
                }
            } else {
                position = saved
                return expression
            }
        }
    }

    private func peekSkippingSpace(_ ahead: Int) -> UInt8 {
        var index = position + ahead
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
            index += 1
        }
        return index < bytes.count ? bytes[index] : 0
    }

    /// The `.name`, `.0` or `[key]` step at the cursor, or nil (cursor unchanged).
    private mutating func parseTraversalStep() -> HCLTraversalStep? {
        let start = position
        if peek() == UInt8(ascii: "."), peek(1) != UInt8(ascii: ".") {
            position += 1
            if let name = readIdentifier() { return .attribute(name) }
            if HCLParser.isDigit(peek()) {
                let digitsStart = position
                while HCLParser.isDigit(peek()) { position += 1 }
                let text = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
                return .index(HCLExpression(.number(text), at: location(digitsStart)))
            }
            report("expected an attribute name after .", at: position)
            return .attribute("")
        }
        if peek() == UInt8(ascii: "[") {
            position += 1
            let saved = ignoreNewlines
            ignoreNewlines = true
            skipTrivia()
            let key = parseExpression()
            skipTrivia()
            ignoreNewlines = saved
            if peek() == UInt8(ascii: "]") { position += 1 } else { report("expected ] to close the index", at: position) }
            return .index(key)
        }
        position = start
        return nil
    }

    /// The traversal applied to each element after `[*]` (any steps) or `.*` (attributes only).
    private mutating func parseSplatSteps(full: Bool) -> [HCLTraversalStep] {
        var steps: [HCLTraversalStep] = []
        while true {
            let saved = position
            skipTrivia()
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "*") { position = saved; return steps }
            if !full && peek() == UInt8(ascii: "[") { position = saved; return steps }
            if peek() == UInt8(ascii: "["), peekSkippingSpace(1) == UInt8(ascii: "*") { position = saved; return steps }
            guard let step = parseTraversalStep() else { position = saved; return steps }
            steps.append(step)
        }
    }
}
