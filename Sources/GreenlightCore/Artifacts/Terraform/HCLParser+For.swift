extension HCLParser {
    /// What a for expression header and body parsed into.
    struct ParsedFor {
        var clause: HCLForClause
        var key: HCLExpression
        var grouped: Bool
    }

    /// Parses `for k, v in collection : [key =>] value [...] [if condition]`; the cursor is on `for`.
    mutating func parseForClause(objectForm: Bool) -> ParsedFor {
        let start = position
        position += 3
        skipTrivia()
        let first = readIdentifier() ?? ""
        var second: String?
        if first.isEmpty { report("expected a variable name after for", at: position) }
        skipTrivia()
        if peek() == UInt8(ascii: ",") {
            position += 1
            skipTrivia()
            second = readIdentifier()
            if second == nil { report("expected a second variable name after ,", at: position) }
            skipTrivia()
        }
        if atKeyword("in") {
            position += 2
        } else {
            report("expected in after the for variables", at: position)
        }
        skipTrivia()
        let collection = parseExpression()
        skipTrivia()
        expect(UInt8(ascii: ":"), "expected : after the for collection")
        skipTrivia()
        var key = HCLExpression(.invalid, at: location(start))
        var value = parseExpression()
        var grouped = false
        skipTrivia()
        if objectForm {
            key = value
            if peek() == UInt8(ascii: "="), peek(1) == UInt8(ascii: ">") {
                position += 2
                skipTrivia()
                value = parseExpression()
                skipTrivia()
            } else {
                report("expected => in the object for expression", at: position)
            }
            if peek() == UInt8(ascii: "."), peek(1) == UInt8(ascii: "."), peek(2) == UInt8(ascii: ".") {
                position += 3
                grouped = true
                skipTrivia()
            }
        }
        var condition: HCLExpression?
        if atKeyword("if") {
            position += 2
            skipTrivia()
            condition = parseExpression()
            skipTrivia()
        }
        let keyVariable: String?
        let valueVariable: String
        if let second {
            keyVariable = first
            valueVariable = second
        } else {
            keyVariable = nil
            valueVariable = first
        }
        let clause = HCLForClause(keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
                                  value: value, condition: condition)
        return ParsedFor(clause: clause, key: key, grouped: grouped)
    }
}
