/// A token of POSIX shell text.
enum ShellToken {
    /// A word with quotes and backslashes removed; `$VAR`, `$(...)` and backticks kept as written.
    /// `assignable` is true when its `NAME=` prefix (if any) was written unquoted.
    case word(text: [UInt8], assignable: Bool)
    /// A control operator that ends a simple command: `&&`, `||`, `;`, `;;`, `|`, `|&`, `&`, newline, `(`, `)`.
    case separator
    /// A redirection operator (`>`, `2>`, `>>`, `<`, `<<`, `<<-`, `<<<`, `>&`, `&>`...); the next word is its target.
    case redirect(heredoc: Bool, stripsTabs: Bool)
}

/// Splits shell text into words and operators on UTF-8 bytes. Handles single and
/// double quotes, backslashes, line continuations, `#` comments, `$(...)`, `${...}`
/// and backticks (kept inside one word) and skips here-document bodies.
struct ShellLexer {
    private let bytes: [UInt8]
    private var position = 0
    /// When false only words are produced (operators are ordinary characters).
    private let operators: Bool
    /// Set when a quote, `$(`, `${` or backtick is never closed.
    private(set) var unbalanced = false
    private var pendingHeredocs: [(delimiter: [UInt8], stripsTabs: Bool)] = []

    init(_ text: String, operators: Bool) {
        self.bytes = Array(text.utf8)
        self.operators = operators
    }

    /// Registers a here-document whose body starts after the next newline.
    mutating func expectHeredoc(_ delimiter: [UInt8], stripsTabs: Bool) {
        pendingHeredocs.append((delimiter, stripsTabs))
    }

    mutating func next() -> ShellToken? {
        while position < bytes.count {
            let byte = bytes[position]
            if DockerBytes.isBlank(byte) || byte == DockerBytes.carriageReturn {
                position += 1
                continue
            }
            if byte == DockerBytes.backslash, position + 1 < bytes.count, bytes[position + 1] == DockerBytes.newline {
                position += 2
                continue
            }
            if byte == DockerBytes.hash {
                while position < bytes.count, bytes[position] != DockerBytes.newline { position += 1 }
                continue
            }
            if byte == DockerBytes.newline {
                position += 1
                skipHeredocBodies()
                if operators { return .separator }
                continue
            }
            if operators, let token = readOperator() { return token }
            return readWord()
        }
        return nil
    }

    private mutating func readOperator() -> ShellToken? {
        let byte = bytes[position]
        let next: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
        switch byte {
        case 0x3B, 0x28, 0x29:  // ; ( )
            position += (byte == 0x3B && next == 0x3B) ? 2 : 1
            return .separator
        case 0x7C:  // |
            position += (next == 0x7C || next == 0x26) ? 2 : 1
            return .separator
        case 0x26:  // &
            if next == 0x3E {  // &> and &>>
                position += 2
                if position < bytes.count, bytes[position] == 0x3E { position += 1 }
                return .redirect(heredoc: false, stripsTabs: false)
            }
            position += next == 0x26 ? 2 : 1
            return .separator
        case 0x3C, 0x3E:  // < >
            return readRedirect()
        default:
            if DockerBytes.isDigit(byte) {
                var end = position
                while end < bytes.count, DockerBytes.isDigit(bytes[end]) { end += 1 }
                if end < bytes.count, bytes[end] == 0x3C || bytes[end] == 0x3E {
                    position = end
                    return readRedirect()
                }
            }
            return nil
        }
    }

    private mutating func readRedirect() -> ShellToken {
        let first = bytes[position]
        position += 1
        let next: UInt8 = position < bytes.count ? bytes[position] : 0
        if first == 0x3C, next == 0x3C {
            position += 1
            if position < bytes.count, bytes[position] == 0x3C {
                position += 1
                return .redirect(heredoc: false, stripsTabs: false)  // <<< here-string
            }
            let strips = position < bytes.count && bytes[position] == DockerBytes.dash
            if strips { position += 1 }
            return .redirect(heredoc: true, stripsTabs: strips)
        }
        if next == 0x3E || next == 0x26 || next == 0x7C || (first == 0x3C && next == 0x3E) {
            position += 1
        }
        return .redirect(heredoc: false, stripsTabs: false)
    }

    private mutating func readWord() -> ShellToken {
        var output: [UInt8] = []
        var firstQuoted: Int?
        func markQuoted() { if firstQuoted == nil { firstQuoted = output.count } }
        while position < bytes.count {
            let byte = bytes[position]
            if DockerBytes.isBlank(byte) || byte == DockerBytes.newline || byte == DockerBytes.carriageReturn { break }
            if operators, Self.operatorBytes.contains(byte) { break }
            switch byte {
            case DockerBytes.backslash:
                if position + 1 < bytes.count {
                    if bytes[position + 1] != DockerBytes.newline {
                        markQuoted()
                        output.append(bytes[position + 1])
                    }
                    position += 2
                } else {
                    output.append(byte)
                    position += 1
                }
            case DockerBytes.singleQuote:
                markQuoted()
                position += 1
                let start = position
                while position < bytes.count, bytes[position] != DockerBytes.singleQuote { position += 1 }
                output.append(contentsOf: bytes[start..<position])
                if position < bytes.count { position += 1 } else { unbalanced = true }
            case DockerBytes.doubleQuote:
                markQuoted()
                readDoubleQuoted(into: &output)
            case DockerBytes.dollar:
                copyExpansion(into: &output)
            case DockerBytes.backtick:
                copyBackticks(into: &output)
            default:
                output.append(byte)
                position += 1
            }
        }
        let assignable = output.firstIndex(of: DockerBytes.equals).map { equals in
            firstQuoted.map { $0 > equals } ?? true
        } ?? false
        return .word(text: output, assignable: assignable)
    }

    /// Bytes that start an operator outside quotes: `; & | ( ) < >`.
    private static let operatorBytes: Set<UInt8> = [0x3B, 0x26, 0x7C, 0x28, 0x29, 0x3C, 0x3E]

    private mutating func readDoubleQuoted(into output: inout [UInt8]) {
        position += 1
        while position < bytes.count {
            let byte = bytes[position]
            switch byte {
            case DockerBytes.doubleQuote:
                position += 1
                return
            case DockerBytes.backslash where position + 1 < bytes.count:
                let next = bytes[position + 1]
                if next == DockerBytes.newline {
                    position += 2
                } else if next == DockerBytes.dollar || next == DockerBytes.backtick
                            || next == DockerBytes.doubleQuote || next == DockerBytes.backslash {
                    output.append(next)
                    position += 2
                } else {
                    output.append(byte)
                    position += 1
                }
            case DockerBytes.dollar:
                copyExpansion(into: &output)
            case DockerBytes.backtick:
                copyBackticks(into: &output)
            default:
                output.append(byte)
                position += 1
            }
        }
        unbalanced = true
    }

    /// Copies `$name`, `${...}`, `$(...)` or `$((...))` verbatim.
    private mutating func copyExpansion(into output: inout [UInt8]) {
        let next: UInt8 = position + 1 < bytes.count ? bytes[position + 1] : 0
        guard next == 0x28 || next == DockerBytes.openBrace else {
            output.append(DockerBytes.dollar)
            position += 1
            return
        }
        let open = next
        let close: UInt8 = open == 0x28 ? 0x29 : DockerBytes.closeBrace
        let start = position
        position += 2
        var depth = 1
        while position < bytes.count, depth > 0 {
            let byte = bytes[position]
            if byte == DockerBytes.backslash {
                position += 2
                continue
            }
            if byte == DockerBytes.singleQuote || byte == DockerBytes.doubleQuote {
                position += 1
                while position < bytes.count, bytes[position] != byte {
                    if byte == DockerBytes.doubleQuote, bytes[position] == DockerBytes.backslash { position += 1 }
                    position += 1
                }
                if position >= bytes.count { break }
            } else if byte == open {
                depth += 1
            } else if byte == close {
                depth -= 1
            }
            position += 1
        }
        position = min(position, bytes.count)
        if depth > 0 { unbalanced = true }
        output.append(contentsOf: bytes[start..<position])
    }

    private mutating func copyBackticks(into output: inout [UInt8]) {
        let start = position
        position += 1
        while position < bytes.count, bytes[position] != DockerBytes.backtick {
            position += bytes[position] == DockerBytes.backslash ? 2 : 1
        }
        if position < bytes.count { position += 1 } else { unbalanced = true }
        position = min(position, bytes.count)
        output.append(contentsOf: bytes[start..<position])
    }

    /// Skips the bodies of here-documents opened on the line just ended.
    private mutating func skipHeredocBodies() {
        for heredoc in pendingHeredocs {
            while position < bytes.count {
                var end = position
                while end < bytes.count, bytes[end] != DockerBytes.newline { end += 1 }
                var line = bytes[position..<end]
                if line.last == DockerBytes.carriageReturn { line = line.dropLast() }
                if heredoc.stripsTabs {
                    while line.first == DockerBytes.tab { line = line.dropFirst() }
                }
                position = min(end + 1, bytes.count)
                if line.elementsEqual(heredoc.delimiter) { break }
            }
        }
        pendingHeredocs.removeAll()
    }
}
