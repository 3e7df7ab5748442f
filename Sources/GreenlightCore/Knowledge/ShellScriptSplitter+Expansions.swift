/// Quotes, `$` expansions, command substitutions, redirections and here-documents.
extension ShellScriptSplitter {
    mutating func singleQuoted() {
        let start = index
        startWordIfNeeded()
        word.quoted = true
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "'") {
            literal.append(bytes[index])
            index += 1
        }
        if index >= bytes.count {
            script.issues.append(("unterminated single quote", start))
        } else {
            index += 1
        }
    }

    mutating func doubleQuoted() {
        let start = index
        startWordIfNeeded()
        word.quoted = true
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return
            }
            if byte == UInt8(ascii: "\\"), let next = peek() {
                if next == UInt8(ascii: "\n") {
                    index += 2
                } else if next == UInt8(ascii: "$") || next == UInt8(ascii: "`") || next == UInt8(ascii: "\"")
                    || next == UInt8(ascii: "\\") {
                    literal.append(next)
                    index += 2
                } else {
                    literal.append(byte)
                    index += 1
                }
            } else if byte == UInt8(ascii: "$") {
                dollar()
            } else if byte == UInt8(ascii: "`") {
                backtick()
            } else {
                literal.append(byte)
                index += 1
            }
        }
        script.issues.append(("unterminated double quote", start))
    }

    mutating func dollar() {
        let start = index
        guard let next = peek() else {
            appendLiteral(UInt8(ascii: "$"))
            index += 1
            return
        }
        if next == UInt8(ascii: "{") {
            guard let end = matching(from: index + 1, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) else {
                script.issues.append(("unterminated ${ expansion", start))
                appendPart(.opaque(String(decoding: bytes[start...], as: UTF8.self)))
                index = bytes.count
                return
            }
            let raw = String(decoding: bytes[start..<end], as: UTF8.self)
            appendPart(ShellScriptSplitter.parameter(inner: Array(bytes[(start + 2)..<(end - 1)]), raw: raw))
            index = end
        } else if next == UInt8(ascii: "(") {
            guard let end = matching(from: index + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")")) else {
                script.issues.append(("unterminated $( command substitution", start))
                appendPart(.opaque(String(decoding: bytes[start...], as: UTF8.self)))
                index = bytes.count
                return
            }
            appendPart(.opaque(String(decoding: bytes[start..<end], as: UTF8.self)))
            index = end
        } else if ShellScriptSplitter.isNameStart(next) {
            var end = index + 1
            while end < bytes.count, ShellScriptSplitter.isNameByte(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            appendPart(.parameter(name: name, fallback: nil, raw: "$" + name))
            index = end
        } else if (next >= UInt8(ascii: "0") && next <= UInt8(ascii: "9")) || "@*#?$!-".utf8.contains(next) {
            appendPart(.opaque(String(decoding: bytes[index...(index + 1)], as: UTF8.self)))
            index += 2
        } else {
            appendLiteral(UInt8(ascii: "$"))
            index += 1
        }
    }

    mutating func backtick() {
        let start = index
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "`") {
            end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1
        }
        if end >= bytes.count {
            script.issues.append(("unterminated backtick substitution", start))
            appendPart(.opaque(String(decoding: bytes[start...], as: UTF8.self)))
            index = bytes.count
        } else {
            appendPart(.opaque(String(decoding: bytes[start...end], as: UTF8.self)))
            index = end + 1
        }
    }

    /// The index just past the bracket closing the one at `from`, skipping quoted text;
    /// nil when it is never closed.
    func matching(from: Int, open: UInt8, close: UInt8) -> Int? {
        var depth = 0
        var position = from
        var quote: UInt8?
        while position < bytes.count {
            let byte = bytes[position]
            if let active = quote {
                if byte == UInt8(ascii: "\\"), active == UInt8(ascii: "\"") {
                    position += 2
                    continue
                }
                if byte == active { quote = nil }
            } else if byte == UInt8(ascii: "\\") {
                position += 2
                continue
            } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                quote = byte
            } else if byte == open {
                depth += 1
            } else if byte == close {
                depth -= 1
                if depth == 0 { return position + 1 }
            }
            position += 1
        }
        return nil
    }

    /// `${NAME}`, `${NAME:-default}`, `${NAME-default}`; anything else is opaque.
    static func parameter(inner: [UInt8], raw: String) -> ShellWord.Part {
        guard let first = inner.first, isNameStart(first) else { return .opaque(raw) }
        var end = 1
        while end < inner.count, isNameByte(inner[end]) { end += 1 }
        let name = String(decoding: inner[..<end], as: UTF8.self)
        if end == inner.count { return .parameter(name: name, fallback: nil, raw: raw) }
        var rest = inner[end...]
        if rest.first == UInt8(ascii: ":") { rest = rest.dropFirst() }
        guard rest.first == UInt8(ascii: "-") else { return .opaque(raw) }
        let fallback = String(decoding: rest.dropFirst(), as: UTF8.self)
        guard !fallback.contains("$"), !fallback.contains("\""), !fallback.contains("'") else { return .opaque(raw) }
        return .parameter(name: name, fallback: fallback, raw: raw)
    }

    static func isNameStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    // MARK: Redirections and here-documents

    mutating func redirect() {
        // A word made only of digits right before the operator is its file descriptor.
        if wordStarted, !word.quoted, word.parts.isEmpty, !literal.isEmpty,
           literal.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            literal.removeAll()
            word = ShellWord()
            wordStarted = false
        } else {
            endWord()
        }
        let operators = [">>", ">|", ">&", "<<<", "<<-", "<<", "<&", "<>", ">", "<"]
        for op in operators where matches(op) {
            beginRedirect(op)
            index += op.utf8.count
            return
        }
        index += 1
    }

    func matches(_ op: String) -> Bool {
        var position = index
        for byte in op.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        return true
    }

    mutating func beginRedirect(_ op: String) {
        if commandStart == nil { commandStart = index }
        if let previous = pendingRedirect {
            command.redirects.append(ShellRedirect(op: previous, target: nil))
        }
        pendingRedirect = op
    }

    mutating func readHeredocBodies() {
        guard !pendingHeredocs.isEmpty else { return }
        let heredocs = pendingHeredocs
        pendingHeredocs.removeAll()
        for (position, heredoc) in heredocs.enumerated() {
            var body: [UInt8] = []
            var terminated = false
            while index < bytes.count {
                var lineEnd = index
                while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var lineStart = index
                if heredoc.stripTabs {
                    while lineStart < lineEnd, bytes[lineStart] == UInt8(ascii: "\t") { lineStart += 1 }
                }
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                index = min(lineEnd + 1, bytes.count)
                if bytes[lineStart..<contentEnd].elementsEqual(heredoc.delimiter) {
                    terminated = true
                    break
                }
                body.append(contentsOf: bytes[lineStart..<lineEnd])
                body.append(UInt8(ascii: "\n"))
            }
            if heredoc.commandIndex < script.commands.count {
                script.commands[heredoc.commandIndex].heredocs.append(String(decoding: body, as: UTF8.self))
            }
            if !terminated {
                let name = String(decoding: heredoc.delimiter, as: UTF8.self)
                script.issues.append(("here-document is not terminated by '\(name)'", heredoc.offset))
                for rest in heredocs[(position + 1)...] {
                    script.issues.append(("here-document is not terminated by '\(String(decoding: rest.delimiter, as: UTF8.self))'",
                                          rest.offset))
                }
                return
            }
        }
    }
}
