/// A small quote-aware shell splitter over UTF-8 bytes: cuts text into simple commands on
/// `&&`, `||`, `;`, `|`, `&`, parentheses and newlines; keeps words with their quoting
/// and `$` expansions; records redirections and here-document bodies. It never traps:
/// unbalanced quotes or substitutions are reported and the rest of the text is kept.
struct ShellScriptSplitter {
    let bytes: [UInt8]
    var index = 0
    var script = ShellScript()
    var command = ScriptCommand()
    var commandStart: Int?
    var word = ShellWord()
    var literal: [UInt8] = []
    var wordStarted = false
    var pendingRedirect: String?
    var nextReadsPipe = false
    var pendingHeredocs: [(delimiter: [UInt8], stripTabs: Bool, commandIndex: Int, offset: Int)] = []

    static func split(_ text: String) -> ShellScript {
        var splitter = ShellScriptSplitter(bytes: Array(text.utf8))
        splitter.run()
        return splitter.script
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    func peek(_ offset: Int = 1) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    mutating func run() {
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
                if byte == UInt8(ascii: ")") { command.closesParenthesis = true }
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

    mutating func startWordIfNeeded() {
        if !wordStarted, commandStart == nil { commandStart = index }
        wordStarted = true
    }

    mutating func appendLiteral(_ byte: UInt8) {
        startWordIfNeeded()
        literal.append(byte)
    }

    mutating func flushLiteral() {
        guard !literal.isEmpty else { return }
        word.parts.append(.literal(String(decoding: literal, as: UTF8.self)))
        literal.removeAll(keepingCapacity: true)
    }

    mutating func appendPart(_ part: ShellWord.Part) {
        startWordIfNeeded()
        flushLiteral()
        word.parts.append(part)
    }

    mutating func endWord() {
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

    mutating func endCommand() {
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
        command = ScriptCommand()
        commandStart = nil
    }
}
