extension HCLParser {
    /// Parses the top-level body of a file up to its end.
    mutating func parseFileBody() -> HCLBody {
        // Skip a UTF-8 byte order mark.
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
        return parseBody(closing: false)
    }

    /// Parses attributes and blocks until the end of input or (when `closing`) the matching `}`.
    mutating func parseBody(closing: Bool) -> HCLBody {
        var body = HCLBody()
        var seen: Set<String> = []
        let savedNewlines = ignoreNewlines
        ignoreNewlines = false
        defer { ignoreNewlines = savedNewlines }
        while true {
            skipTriviaAndNewlines()
            if atEnd {
                if closing { report("missing } to close the block", at: max(0, bytes.count - 1)) }
                return body
            }
            if peek() == UInt8(ascii: "}") {
                position += 1
                if closing { return body }
                report("unexpected }", at: position - 1)
                continue
            }
            let start = position
            guard let name = readIdentifier() else {
                report("expected an attribute or a block", at: start)
                skipToNextLine()
                continue
            }
            skipTrivia()
            if peek() == UInt8(ascii: "="), peek(1) != UInt8(ascii: "=") {
                position += 1
                skipTrivia()
                let expression = parseExpression()
                if seen.contains(name) {
                    report("attribute \(name) is defined more than once", at: start)
                } else {
                    seen.insert(name)
                    body.attributes.append(HCLAttribute(name: name, nameLocation: location(start), expression: expression))
                }
                finishLine()
            } else if let block = parseBlock(type: name, start: start) {
                body.blocks.append(block)
            }
        }
    }

    /// After an attribute: only a comment, a newline, the end or a closing `}` may follow.
    private mutating func finishLine() {
        skipTrivia()
        if atEnd || peek() == 0x0A || peek() == UInt8(ascii: "}") { return }
        report("unexpected text after the attribute value", at: position)
        skipToNextLine()
    }

    /// Parses the labels and body of a block whose type name was just read.
    private mutating func parseBlock(type: String, start: Int) -> HCLBlock? {
        var labels: [String] = []
        while true {
            skipTrivia()
            if peek() == UInt8(ascii: "\"") {
                let labelStart = position
                position += 1
                let parts = parseTemplate(terminator: .quote)
                var text = ""
                for part in parts {
                    if case .literal(let literal, _) = part { text += literal } else {
                        report("block labels cannot contain interpolations", at: labelStart)
                    }
                }
                labels.append(text)
            } else if let label = readIdentifier() {
                labels.append(label)
            } else {
                break
            }
        }
        guard peek() == UInt8(ascii: "{") else {
            report("expected = for an attribute or { to open a block after \(type)", at: position)
            skipToNextLine()
            return nil
        }
        position += 1
        guard depth < HCLParser.maximumDepth else {
            report("blocks are nested too deeply", at: start)
            position = bytes.count
            return nil
        }
        depth += 1
        let body = parseBody(closing: true)
        depth -= 1
        return HCLBlock(type: type, labels: labels, location: location(start), body: body)
    }
}
