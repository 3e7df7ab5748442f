extension HCLParser {
    /// Where a template ends: at an unescaped `"`, or at a precomputed heredoc end offset.
    enum TemplateTerminator {
        case quote
        case heredoc(end: Int, strip: Int)
    }

    /// A directive block being filled while a template is read.
    private struct TemplateFrame {
        enum Kind {
            case root
            case ifThen(HCLExpression)
            case ifElse(HCLExpression, [HCLTemplatePart])
            case loop(key: String?, value: String, collection: HCLExpression)
        }
        var kind: Kind
        var parts: [HCLTemplatePart] = []
        var start: Int
    }

    /// Reads template text after the opening quote (or the heredoc header) into parts.
    mutating func parseTemplate(terminator: TemplateTerminator) -> [HCLTemplatePart] {
        let templateStart = position
        var frames = [TemplateFrame(kind: .root, start: position)]
        var literal: [UInt8] = []
        var literalStart = -1
        var stripLeading = false
        var quoted = false
        var end = bytes.count
        var strip = 0
        switch terminator {
        case .quote: quoted = true
        case .heredoc(let heredocEnd, let indent): end = heredocEnd; strip = indent
        }

        func flush(_ frames: inout [TemplateFrame], _ literal: inout [UInt8], _ literalStart: inout Int, _ parser: HCLParser) {
            guard !literal.isEmpty, literalStart >= 0, !frames.isEmpty else { literal.removeAll(); return }
            frames[frames.count - 1].parts.append(.literal(String(decoding: literal, as: UTF8.self), parser.location(literalStart)))
            literal.removeAll(keepingCapacity: true)
            literalStart = -1
        }

        while true {
            if quoted {
                if atEnd || peek() == 0x0A {
                    report("unterminated string", at: max(templateStart - 1, 0))
                    break
                }
                if peek() == UInt8(ascii: "\"") { position += 1; break }
            } else {
                if position >= end { break }
                if strip > 0, position > 0, bytes[position - 1] == 0x0A {
                    var skipped = 0
                    while skipped < strip, position < end, bytes[position] == 0x20 || bytes[position] == 0x09 {
                        position += 1
                        skipped += 1
                    }
                    if position >= end { break }
                }
            }
            let byte = peek()
            let next = peek(1)
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%")) && next == byte && peek(2) == UInt8(ascii: "{") {
                appendLiteral([byte, UInt8(ascii: "{")], at: position, &literal, &literalStart, &stripLeading)
                position += 3
                continue
            }
            if (byte == UInt8(ascii: "$") || byte == UInt8(ascii: "%")) && next == UInt8(ascii: "{") {
                position += 2
                if peek() == UInt8(ascii: "~") {
                    position += 1
                    while let last = literal.last, last == 0x20 || last == 0x09 || last == 0x0A || last == 0x0D { literal.removeLast() }
                }
                flush(&frames, &literal, &literalStart, self)
                if byte == UInt8(ascii: "$") {
                    let expression = nested(ignoringNewlines: true) { parser in parser.parseExpression() }
                    frames[frames.count - 1].parts.append(.interpolation(expression))
                } else {
                    parseDirective(&frames)
                }
                if peek() == UInt8(ascii: "~") {
                    position += 1
                    stripLeading = true
                }
                expect(UInt8(ascii: "}"), "expected } to close the template sequence")
                continue
            }
            if quoted && byte == UInt8(ascii: "\\") {
                let escapeStart = position
                let decoded = readEscape()
                appendLiteral(decoded, at: escapeStart, &literal, &literalStart, &stripLeading)
                continue
            }
            appendLiteral([byte], at: position, &literal, &literalStart, &stripLeading)
            position += 1
        }
        flush(&frames, &literal, &literalStart, self)
        while frames.count > 1 {
            let open = frames.removeLast()
            report("template directive is not closed", at: open.start)
        }
        return frames.first?.parts ?? []
    }

    private func appendLiteral(_ text: [UInt8], at offset: Int, _ literal: inout [UInt8], _ literalStart: inout Int, _ stripLeading: inout Bool) {
        for byte in text {
            if stripLeading {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { continue }
                stripLeading = false
            }
            if literalStart < 0 { literalStart = offset }
            literal.append(byte)
        }
    }

    /// Decodes one backslash escape of a quoted string.
    private mutating func readEscape() -> [UInt8] {
        let start = position
        position += 1
        let byte = peek()
        position += 1
        switch byte {
        case UInt8(ascii: "n"): return [0x0A]
        case UInt8(ascii: "r"): return [0x0D]
        case UInt8(ascii: "t"): return [0x09]
        case UInt8(ascii: "\""): return [0x22]
        case UInt8(ascii: "\\"): return [0x5C]
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = byte == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for _ in 0..<count {
                guard let digit = HCLParser.hexValue(peek()) else {
                    report("invalid unicode escape", at: start)
                    return []
                }
                value = value &* 16 &+ UInt32(digit)
                position += 1
            }
            guard let scalar = Unicode.Scalar(value) else {
                report("invalid unicode escape", at: start)
                return []
            }
            return Array(String(Character(scalar)).utf8)
        default:
            position -= 1
            report("invalid escape sequence in string", at: start)
            return [0x5C]
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: byte - 0x30
        case 0x61...0x66: byte - 0x61 + 10
        case 0x41...0x46: byte - 0x41 + 10
        default: nil
        }
    }

    /// Parses the inside of `%{ ... }` (without the closing brace) and updates the frames.
    private mutating func parseDirective(_ frames: inout [TemplateFrame]) {
        let saved = ignoreNewlines
        ignoreNewlines = true
        defer { ignoreNewlines = saved }
        skipTrivia()
        let start = position
        if atKeyword("if") {
            position += 2
            skipTrivia()
            let condition = parseExpression()
            frames.append(TemplateFrame(kind: .ifThen(condition), start: start))
        } else if atKeyword("else") {
            position += 4
            if frames.count > 1, case .ifThen(let condition) = frames[frames.count - 1].kind {
                let thenParts = frames[frames.count - 1].parts
                frames[frames.count - 1] = TemplateFrame(kind: .ifElse(condition, thenParts), start: start)
            } else {
                report("else without a matching if", at: start)
            }
        } else if atKeyword("endif") {
            position += 5
            if frames.count > 1, let frame = frames.last {
                switch frame.kind {
                case .ifThen(let condition):
                    frames.removeLast()
                    frames[frames.count - 1].parts.append(.conditional(condition, then: frame.parts, else: []))
                case .ifElse(let condition, let thenParts):
                    frames.removeLast()
                    frames[frames.count - 1].parts.append(.conditional(condition, then: thenParts, else: frame.parts))
                default:
                    report("endif without a matching if", at: start)
                }
            } else {
                report("endif without a matching if", at: start)
            }
        } else if atKeyword("for") {
            position += 3
            skipTrivia()
            let first = readIdentifier() ?? ""
            var second: String?
            skipTrivia()
            if peek() == UInt8(ascii: ",") {
                position += 1
                skipTrivia()
                second = readIdentifier()
                skipTrivia()
            }
            if atKeyword("in") { position += 2 } else { report("expected in after the for variables", at: position) }
            skipTrivia()
            let collection = parseExpression()
            let kind: TemplateFrame.Kind = second.map { .loop(key: first, value: $0, collection: collection) }
                ?? .loop(key: nil, value: first, collection: collection)
            frames.append(TemplateFrame(kind: kind, start: start))
        } else if atKeyword("endfor") {
            position += 6
            if frames.count > 1, let frame = frames.last, case .loop(let key, let value, let collection) = frame.kind {
                frames.removeLast()
                frames[frames.count - 1].parts.append(.loop(key: key, value: value, collection: collection, body: frame.parts))
            } else {
                report("endfor without a matching for", at: start)
            }
        } else {
            report("expected if, else, endif, for or endfor in the template directive", at: start)
            while !atEnd, peek() != UInt8(ascii: "}"), peek() != 0x0A { position += 1 }
        }
        skipTrivia()
    }

    /// Parses `<<MARKER` / `<<-MARKER` heredocs; the cursor is on the first `<`.
    mutating func parseHeredoc() -> HCLExpression {
        let start = position
        position += 2
        let stripsIndent = peek() == UInt8(ascii: "-")
        if stripsIndent { position += 1 }
        guard let marker = readIdentifier() else {
            report("expected a heredoc marker after <<", at: position)
            return HCLExpression(.invalid, at: location(start))
        }
        if peek() == 0x0D { position += 1 }
        guard peek() == 0x0A else {
            report("a heredoc marker must be followed by a newline", at: position)
            return HCLExpression(.invalid, at: location(start))
        }
        position += 1
        let contentStart = position
        let markerBytes = Array(marker.utf8)
        var lineStart = contentStart
        var contentEnd = bytes.count
        var resume = bytes.count
        var minimumIndent = Int.max
        var found = false
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            var textStart = lineStart
            while textStart < lineEnd, bytes[textStart] == 0x20 || bytes[textStart] == 0x09 { textStart += 1 }
            var textEnd = lineEnd
            while textEnd > textStart, bytes[textEnd - 1] == 0x0D || bytes[textEnd - 1] == 0x20 || bytes[textEnd - 1] == 0x09 { textEnd -= 1 }
            if textEnd - textStart == markerBytes.count, bytes[textStart..<textEnd].elementsEqual(markerBytes) {
                contentEnd = lineStart
                resume = textEnd
                found = true
                break
            }
            if textStart < textEnd { minimumIndent = min(minimumIndent, textStart - lineStart) }
            lineStart = lineEnd + 1
        }
        if !found { report("heredoc \(marker) is not closed", at: start) }
        let strip = stripsIndent && minimumIndent != Int.max ? minimumIndent : 0
        position = contentStart
        let parts = parseTemplate(terminator: .heredoc(end: contentEnd, strip: strip))
        position = resume
        return HCLExpression(.heredoc(marker: marker, indentStripped: strip, parts: parts), at: location(start))
    }
}
