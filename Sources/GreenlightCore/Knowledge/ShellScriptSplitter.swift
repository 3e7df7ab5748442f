/// A small quote-aware shell splitter over UTF-8 bytes: cuts text into simple commands on
/// `&&`, `||`, `;`, `|`, `&`, parentheses and newlines; keeps words with their quoting
/// and `$` expansions; records redirections and here-document bodies. It never traps:
/// unbalanced quotes or substitutions are reported and the rest of the text is kept.
struct ShellScriptSplitter {
    private let bytes: [UInt8]
    private var index = 0
    private var script = ShellScript()
    private var command = ShellCommand()
    private var commandStart: Int?
    private var word = ShellWord()
    private var literal: [UInt8] = []
    private var wordStarted = false
    private var pendingRedirect: String?
    private var nextReadsPipe = false
    private var pendingHeredocs: [(delimiter: [UInt8], stripTabs: Bool, commandIndex: Int, offset: Int)] = []

    static func split(_ text: String) -> ShellScript {
        var splitter = ShellScriptSplitter(bytes: Array(text.utf8))
        splitter.run()
        return splitter.script
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private func peek(_ offset: Int = 1) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    private mutating func run() {
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                endWord()
                index += 1
            case UInt8(ascii: "\n"):
                endWord()
                endCommand()
                index += 1
                readHeredocBodies()
            case UInt8(ascii: "\\"):
                if peek() == UInt8(ascii: "\n") {
                    index += 2
                } else if let next = peek() {
                    appendLiteral(next)
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "#") where !wordStarted:
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            case UInt8(ascii: "'"):
                singleQuoted()
            case UInt8(ascii: "\""):
                doubleQuoted()
            case UInt8(ascii: "$"):
                dollar()
            case UInt8(ascii: "`"):
                backtick()
            case UInt8(ascii: ";"), UInt8(ascii: "("), UInt8(ascii: ")"):
                endWord()
                endCommand()
                index += (byte == UInt8(ascii: ";") && peek() == UInt8(ascii: ";")) ? 2 : 1
            case UInt8(ascii: "&"):
                if peek() == UInt8(ascii: ">") {
                    endWord()
                    let append = peek(2) == UInt8(ascii: ">")
                    beginRedirect(append ? "&>>" : "&>")
                    index += append ? 3 : 2
                } else {
                    endWord()
                    endCommand()
                    index += peek() == UInt8(ascii: "&") ? 2 : 1
                }
            case UInt8(ascii: "|"):
                endWord()
                if peek() == UInt8(ascii: "|") {
                    endCommand()
                    index += 2
                } else {
                    command.writesPipe = true
                    endCommand()
                    nextReadsPipe = true
                    index += peek() == UInt8(ascii: "&") ? 2 : 1
                }
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                redirect()
            default:
                appendLiteral(byte)
                index += 1
            }
        }
        endWord()
        endCommand()
        for heredoc in pendingHeredocs {
            script.issues.append(("here-document is not terminated by '\(String(decoding: heredoc.delimiter, as: UTF8.self))'",
                                  heredoc.offset))
        }
    }

    // MARK: Words and commands

    private mutating func startWordIfNeeded() {
        if !wordStarted, commandStart == nil { commandStart = index }
        wordStarted = true
    }

    private mutating func appendLiteral(_ byte: UInt8) {
        startWordIfNeeded()
        literal.append(byte)
    }

    private mutating func flushLiteral() {
        guard !literal.isEmpty else { return }
        word.parts.append(.literal(String(decoding: literal, as: UTF8.self)))
        literal.removeAll(keepingCapacity: true)
    }

    private mutating func appendPart(_ part: ShellWord.Part) {
        startWordIfNeeded()
        flushLiteral()
        word.parts.append(part)
    }

    private mutating func endWord() {
        flushLiteral()
        defer {
            word = ShellWord()
            wordStarted = false
        }
        guard wordStarted else { return }
        if let op = pendingRedirect {
            command.redirects.append(ShellRedirect(op: op, target: word))
            pendingRedirect = nil
            if op == "<<" || op == "<<-" {
                pendingHeredocs.append((Array(word.raw.utf8), op == "<<-", script.commands.count, commandStart ?? index))
            }
        } else {
            command.words.append(word)
        }
    }

    private mutating func endCommand() {
        if let op = pendingRedirect {
            command.redirects.append(ShellRedirect(op: op, target: nil))
            pendingRedirect = nil
        }
        if !command.words.isEmpty || !command.redirects.isEmpty {
            command.offset = commandStart ?? 0
            command.readsPipe = nextReadsPipe
            script.commands.append(command)
        }
        nextReadsPipe = false
        command = ShellCommand()
        commandStart = nil
    }

    // MARK: Quotes and expansions

    private mutating func singleQuoted() {
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

    private mutating func doubleQuoted() {
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

    private mutating func dollar() {
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

    private mutating func backtick() {
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
    private func matching(from: Int, open: UInt8, close: UInt8) -> Int? {
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
    private static func parameter(inner: [UInt8], raw: String) -> ShellWord.Part {
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

    private static func isNameStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    // MARK: Redirections and here-documents

    private mutating func redirect() {
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

    private func matches(_ op: String) -> Bool {
        var position = index
        for byte in op.utf8 {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
        }
        return true
    }

    private mutating func beginRedirect(_ op: String) {
        if commandStart == nil { commandStart = index }
        if let previous = pendingRedirect {
            command.redirects.append(ShellRedirect(op: previous, target: nil))
        }
        pendingRedirect = op
    }

    private mutating func readHeredocBodies() {
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
