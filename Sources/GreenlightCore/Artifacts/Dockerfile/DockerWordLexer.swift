/// Docker's single-word shell processing (`ProcessWord` in BuildKit's shell lexer):
/// removes quotes and escape characters and, when given variable values, expands
/// `$VAR`, `${VAR}` and the `${VAR:-x}`-style forms in one pass. Whitespace is kept.
///
/// With `values == nil` it only removes quotes and escapes and copies every `$`
/// reference through verbatim, which is how the typed views present text.
struct DockerWordLexer {
    private let bytes: [UInt8]
    private var position = 0
    private let escape: UInt8
    private let values: [String: String]?
    /// Referenced names that were unset where no default applied, in order of appearance.
    private(set) var unresolved: [String] = []
    /// Set when the text has a syntax error Docker would reject (unterminated quote, missing `}`).
    private(set) var failed = false

    init(_ bytes: [UInt8], escape: UInt8, values: [String: String]?) {
        self.bytes = bytes
        self.escape = escape
        self.values = values
    }

    /// Quote and escape removal without expansion.
    static func unquote(_ bytes: [UInt8], escape: UInt8) -> String {
        var lexer = DockerWordLexer(bytes, escape: escape, values: nil)
        return DockerBytes.string(lexer.processWord())
    }

    static func unquote(_ text: String, escape: UInt8) -> String {
        unquote(Array(text.utf8), escape: escape)
    }

    mutating func processWord() -> [UInt8] {
        position = 0
        return processStopOn(nil, rawEscapes: false)
    }

    private mutating func processStopOn(_ stop: UInt8?, rawEscapes: Bool) -> [UInt8] {
        var result: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if let stop, byte == stop {
                position += 1
                return result
            }
            switch byte {
            case DockerBytes.singleQuote:
                result.append(contentsOf: singleQuote())
            case DockerBytes.doubleQuote:
                result.append(contentsOf: doubleQuote())
            case DockerBytes.dollar:
                result.append(contentsOf: dollar())
            default:
                position += 1
                if byte == escape {
                    if rawEscapes { result.append(byte) }
                    guard position < bytes.count else { return finishUnstopped(result, stop) }
                    result.append(bytes[position])
                    position += 1
                } else {
                    result.append(byte)
                }
            }
        }
        return finishUnstopped(result, stop)
    }

    private mutating func finishUnstopped(_ result: [UInt8], _ stop: UInt8?) -> [UInt8] {
        if stop != nil { failed = true }
        return result
    }

    private mutating func singleQuote() -> [UInt8] {
        position += 1
        let start = position
        while position < bytes.count, bytes[position] != DockerBytes.singleQuote { position += 1 }
        let inner = Array(bytes[start..<position])
        if position < bytes.count { position += 1 } else { failed = true }
        return inner
    }

    private mutating func doubleQuote() -> [UInt8] {
        position += 1
        var result: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == DockerBytes.doubleQuote {
                position += 1
                return result
            }
            if byte == DockerBytes.dollar {
                result.append(contentsOf: dollar())
                continue
            }
            position += 1
            var output = byte
            if byte == escape {
                guard position < bytes.count else { break }
                let next = bytes[position]
                if next == DockerBytes.doubleQuote || next == DockerBytes.dollar || next == escape {
                    output = next
                    position += 1
                }
            }
            result.append(output)
        }
        failed = true
        return result
    }

    private mutating func dollar() -> [UInt8] {
        let start = position
        let value = dollarValue()
        if values == nil { return Array(bytes[start..<position]) }
        return value
    }

    private mutating func dollarValue() -> [UInt8] {
        position += 1
        guard position < bytes.count, bytes[position] == DockerBytes.openBrace else {
            let name = readName()
            if name.isEmpty { return [DockerBytes.dollar] }
            return lookup(name, report: true) ?? []
        }
        position += 1
        guard position < bytes.count else {
            failed = true
            return []
        }
        let first = bytes[position]
        if first == DockerBytes.openBrace || first == DockerBytes.closeBrace || first == DockerBytes.colon {
            return badSubstitution()
        }
        let name = readName()
        guard position < bytes.count else {
            failed = true
            return []
        }
        let operation = bytes[position]
        position += 1
        switch operation {
        case DockerBytes.closeBrace:
            return lookup(name, report: true) ?? []
        case 0x3F:  // ?
            _ = processStopOn(DockerBytes.closeBrace, rawEscapes: false)
            return lookup(name, report: true) ?? []
        case DockerBytes.colon:
            guard position < bytes.count else {
                failed = true
                return []
            }
            let modifier = bytes[position]
            position += 1
            let word = processStopOn(DockerBytes.closeBrace, rawEscapes: false)
            let value = lookup(name, report: false)
            switch modifier {
            case 0x2B:  // :+
                return (value?.isEmpty == false) ? word : []
            case DockerBytes.dash:  // :-
                if let value, !value.isEmpty { return value }
                return word
            case 0x3F:  // :?
                if value == nil || value?.isEmpty == true { report(name) }
                return value ?? []
            default:
                failed = true
                return []
            }
        case 0x2B:  // +
            let word = processStopOn(DockerBytes.closeBrace, rawEscapes: false)
            return lookup(name, report: false) != nil ? word : []
        case DockerBytes.dash:
            let word = processStopOn(DockerBytes.closeBrace, rawEscapes: false)
            return lookup(name, report: false) ?? word
        case DockerBytes.hash, 0x25:  // # and %
            let longest = position < bytes.count && bytes[position] == operation
            if longest { position += 1 }
            let pattern = processStopOn(DockerBytes.closeBrace, rawEscapes: true)
            guard let value = lookup(name, report: true) else { return [] }
            let glob = DockerGlob(pattern, escape: escape)
            return operation == DockerBytes.hash
                ? glob.trimPrefix(value, longest: longest)
                : glob.trimSuffix(value, longest: longest)
        case DockerBytes.slash:
            let all = position < bytes.count && bytes[position] == DockerBytes.slash
            if all { position += 1 }
            let pattern = processStopOn(DockerBytes.slash, rawEscapes: true)
            let replacement = processStopOn(DockerBytes.closeBrace, rawEscapes: true)
            guard let value = lookup(name, report: true) else { return [] }
            return DockerGlob(pattern, escape: escape).replace(in: value, with: replacement, all: all)
        default:
            return badSubstitution()
        }
    }

    private mutating func badSubstitution() -> [UInt8] {
        failed = true
        while position < bytes.count, bytes[position] != DockerBytes.closeBrace { position += 1 }
        if position < bytes.count { position += 1 }
        return []
    }

    /// A name: digits only, one special parameter character, or `[A-Za-z0-9_]*`.
    private mutating func readName() -> [UInt8] {
        guard position < bytes.count else { return [] }
        let start = position
        let first = bytes[position]
        if DockerBytes.isDigit(first) {
            while position < bytes.count, DockerBytes.isDigit(bytes[position]) { position += 1 }
            return Array(bytes[start..<position])
        }
        if Self.specialParameters.contains(first) {
            position += 1
            return [first]
        }
        while position < bytes.count, DockerBytes.isNameByte(bytes[position]) { position += 1 }
        return Array(bytes[start..<position])
    }

    /// `@ * # ? - $ ! 0`, the one-character shell parameters.
    private static let specialParameters: Set<UInt8> = [0x40, 0x2A, 0x23, 0x3F, 0x2D, 0x24, 0x21, 0x30]

    private mutating func lookup(_ name: [UInt8], report shouldReport: Bool) -> [UInt8]? {
        guard let values else { return nil }
        let key = DockerBytes.string(name)
        if let value = values[key] { return Array(value.utf8) }
        if shouldReport { report(name) }
        return nil
    }

    /// Records an unset name; positional and special parameters are never Docker variables, so they are skipped.
    private mutating func report(_ name: [UInt8]) {
        guard values != nil, let first = name.first, DockerBytes.isLetter(first) || first == DockerBytes.underscore else { return }
        let key = DockerBytes.string(name)
        if !unresolved.contains(key) { unresolved.append(key) }
    }
}
