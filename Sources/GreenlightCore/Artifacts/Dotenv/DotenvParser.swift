/// The byte-level reader behind `DotenvFile.parse`, following the rules of compose's
/// dotenv loader: `export` prefix, `KEY=value` or `KEY: value`, bare `KEY` (inherited),
/// quotes that may span lines, inline ` #` comments on unquoted values.
struct DotenvParser {
    let source: SourceText
    var entries: [DotenvEntry] = []
    var issues: [ParseIssue] = []
    var comments: [Located<String>] = []
    /// Values defined so far, for interpolating later values.
    private var defined: [String: ComposeVariable] = [:]
    private var position = 0

    init(source: SourceText) {
        self.source = source
        let bytes = source.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { position = 3 }
    }

    private var bytes: [UInt8] { source.bytes }

    mutating func run() {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte == ComposeASCII.newline || ComposeASCII.isBlank(byte) {
                position += 1
            } else if byte == ComposeASCII.hash {
                readComment()
            } else if !statement() {
                return
            }
        }
    }

    /// Reads one statement starting at a non-blank byte. Returns false when the rest of the
    /// file cannot be read reliably (an unterminated quote).
    private mutating func statement() -> Bool {
        var exported = false
        if startsWithExport() {
            exported = true
            position += 6
            skipBlanks()
        }
        let keyStart = position
        var keyEnd = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == ComposeASCII.equals || byte == ComposeASCII.colon || byte == ComposeASCII.newline { break }
            if ComposeASCII.isBlank(byte) {
                position += 1
                continue
            }
            guard Self.isKeyByte(byte) else {
                let character = String(decoding: [byte], as: UTF8.self)
                issue("unexpected character '\(character)' in variable name; expected KEY=value", at: position)
                skipLine()
                return true
            }
            position += 1
            keyEnd = position
        }
        let key = String(decoding: bytes[keyStart..<keyEnd], as: UTF8.self)
        if bytes[keyStart..<keyEnd].contains(where: ComposeASCII.isBlank) {
            issue("variable name '\(key)' contains a space; expected KEY=value", at: keyStart)
            skipLine()
            return true
        }
        let keyLocation = source.location(ofOffset: keyStart)
        if position >= bytes.count || bytes[position] == ComposeASCII.newline {
            guard !key.isEmpty else { return true }
            entries.append(DotenvEntry(
                key: key, value: "", rawValue: "", location: keyLocation, valueLocation: keyLocation,
                quoted: .unquoted, isExported: exported, isInherited: true
            ))
            return true
        }
        guard !key.isEmpty else {
            issue("missing variable name before '\(String(decoding: [bytes[position]], as: UTF8.self))'", at: position)
            skipLine()
            return true
        }
        position += 1
        skipBlanks()
        let valueStart = position
        let quote: UInt8? = position < bytes.count && ComposeASCII.isQuote(bytes[position]) ? bytes[position] : nil
        guard let quote else {
            unquotedValue(key: key, keyLocation: keyLocation, valueStart: valueStart, exported: exported)
            return true
        }
        return quotedValue(quote, key: key, keyLocation: keyLocation, valueStart: valueStart, exported: exported)
    }

    private mutating func unquotedValue(key: String, keyLocation: SourceLocation, valueStart: Int, exported: Bool) {
        var lineEnd = valueStart
        while lineEnd < bytes.count, bytes[lineEnd] != ComposeASCII.newline { lineEnd += 1 }
        var valueEnd = lineEnd
        var index = valueStart
        while index + 1 < lineEnd {
            if bytes[index] == ComposeASCII.space, bytes[index + 1] == ComposeASCII.hash {
                valueEnd = index
                recordComment(from: index + 1, to: lineEnd)
                break
            }
            index += 1
        }
        while valueEnd > valueStart, ComposeASCII.isBlank(bytes[valueEnd - 1]) { valueEnd -= 1 }
        let raw = String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
        position = lineEnd
        add(key: key, raw: raw, text: raw, interpolate: true, keyLocation: keyLocation,
            valueStart: valueStart, quoted: .unquoted, exported: exported)
    }

    private mutating func quotedValue(
        _ quote: UInt8, key: String, keyLocation: SourceLocation, valueStart: Int, exported: Bool
    ) -> Bool {
        var index = valueStart + 1
        var escaped = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote, !escaped { break }
            escaped = !escaped && byte == ComposeASCII.backslash
            index += 1
        }
        guard index < bytes.count else {
            issue("unterminated quoted value for \(key); the rest of the file cannot be read", at: valueStart)
            return false
        }
        var content = Array(bytes[(valueStart + 1)..<index])
        content = Self.removingCarriageReturns(content)
        let raw = String(decoding: content, as: UTF8.self)
        position = index + 1
        if quote == ComposeASCII.doubleQuote {
            let text = String(decoding: DotenvEscapes.expand(content), as: UTF8.self)
            add(key: key, raw: raw, text: text, interpolate: true, keyLocation: keyLocation,
                valueStart: valueStart, quoted: .double, exported: exported)
        } else {
            add(key: key, raw: raw, text: raw, interpolate: false, keyLocation: keyLocation,
                valueStart: valueStart, quoted: .single, exported: exported)
        }
        skipBlanks()
        guard position < bytes.count, bytes[position] != ComposeASCII.newline else { return true }
        if bytes[position] == ComposeASCII.hash {
            readComment()
        } else {
            issue("unexpected text after the closing quote of \(key)", at: position)
            skipLine()
        }
        return true
    }

    private mutating func add(
        key: String, raw: String, text: String, interpolate: Bool, keyLocation: SourceLocation,
        valueStart: Int, quoted: DotenvEntry.QuoteStyle, exported: Bool
    ) {
        var value = text
        var variables: [String] = []
        let valueLocation = source.location(ofOffset: valueStart)
        if interpolate, ComposeTemplate.needsExpansion(text) {
            let known = defined
            let result = ComposeTemplate.expand(text) { known[$0] }
            value = result.value
            variables = result.uses.map(\.name)
            for message in result.errors {
                issues.append(ParseIssue("\(key): \(message)", at: valueLocation))
            }
        }
        defined[key] = ComposeVariable(value: value, location: keyLocation)
        entries.append(DotenvEntry(
            key: key, value: value, rawValue: raw, location: keyLocation, valueLocation: valueLocation,
            quoted: quoted, isExported: exported, isInherited: false, variables: variables
        ))
    }

    private mutating func readComment() {
        let start = position
        skipLine()
        recordComment(from: start, to: position)
    }

    private mutating func recordComment(from start: Int, to end: Int) {
        var stop = end
        while stop > start, bytes[stop - 1] == ComposeASCII.carriageReturn { stop -= 1 }
        comments.append(Located(String(decoding: bytes[start..<stop], as: UTF8.self), at: source.location(ofOffset: start)))
    }

    private mutating func issue(_ message: String, at offset: Int) {
        issues.append(ParseIssue(message, at: source.location(ofOffset: offset)))
    }

    private mutating func skipLine() {
        while position < bytes.count, bytes[position] != ComposeASCII.newline { position += 1 }
    }

    private mutating func skipBlanks() {
        while position < bytes.count, ComposeASCII.isBlank(bytes[position]) { position += 1 }
    }

    private func startsWithExport() -> Bool {
        let word: [UInt8] = Array("export".utf8)
        guard position + word.count < bytes.count else { return false }
        for offset in 0..<word.count where bytes[position + offset] != word[offset] { return false }
        return ComposeASCII.isBlank(bytes[position + word.count])
    }

    /// Key characters compose accepts: letters, digits, `_ . - [ ]` (non-ASCII letters pass through).
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        ComposeTemplate.isNameCharacter(byte) || byte >= 0x80
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
    }

    private static func removingCarriageReturns(_ content: [UInt8]) -> [UInt8] {
        guard content.contains(ComposeASCII.carriageReturn) else { return content }
        var result: [UInt8] = []
        result.reserveCapacity(content.count)
        for (index, byte) in content.enumerated() {
            if byte == ComposeASCII.carriageReturn, index + 1 < content.count, content[index + 1] == ComposeASCII.newline { continue }
            result.append(byte)
        }
        return result
    }
}
