/// One shell word after quote removal. Expansions (`$VAR`, `${VAR}`,
/// `$(cmd)`, backticks) are kept as written, since their values are unknown.
struct BuildShellWord: Equatable {
    var text: String
    /// Fragment offset of the first byte.
    var start: Int
    /// Contains an expansion outside single quotes.
    var hasExpansion: Bool
    /// Contains an expansion outside any quotes (subject to word splitting).
    var hasUnquotedExpansion: Bool
    /// Some part of it was quoted or escaped (so it is never a keyword).
    var isQuoted: Bool

    /// An unquoted word made only of one expansion (`$ARGS`, `$(FLAGS)`),
    /// which the shell may split into several arguments.
    var isBareExpansion: Bool {
        hasUnquotedExpansion && !isQuoted && text.utf8.first == UInt8(ascii: "$")
            && BuildShellLexer.isSingleExpansion(Array(text.utf8))
    }
}

enum BuildShellOperator: Equatable {
    case and, or, semicolon, doubleSemicolon, pipe, background, openParen, closeParen
}

enum BuildShellToken: Equatable {
    case word(BuildShellWord)
    case op(BuildShellOperator, Int)
    case newline(Int)
}

/// Splits shell text into words and control operators. Redirections and
/// their targets are dropped, here-document bodies are skipped, comments
/// are removed, and `\`-newline continuations are joined.
struct BuildShellLexer {
    private let bytes: [UInt8]
    private var index = 0
    private(set) var tokens: [BuildShellToken] = []
    /// Fragment ranges of the bodies of command substitutions (`$(...)`,
    /// backticks), which are commands in their own right.
    private(set) var substitutions: [Range<Int>] = []
    /// Unterminated quotes or substitutions, at fragment offsets.
    private(set) var problems: [(message: String, offset: Int)] = []
    private var pendingHeredocs: [(delimiter: String, stripTabs: Bool)] = []
    /// Recipe text from a Makefile: make's automatic variables `$<` and `$|`
    /// are single references, not a `$` followed by a redirection or pipe.
    private let makeSyntax: Bool

    init(_ bytes: [UInt8], makeSyntax: Bool = false) {
        self.bytes = bytes
        self.makeSyntax = makeSyntax
    }

    static func tokenize(_ bytes: [UInt8], makeSyntax: Bool = false) -> BuildShellLexer {
        var lexer = BuildShellLexer(bytes, makeSyntax: makeSyntax)
        lexer.run()
        return lexer
    }

    private func at(_ offset: Int) -> UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    private static func isOperatorStart(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ";") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "|")
            || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
    }

    private mutating func run() {
        var dropNextWord = false
        var heredocStripTabs: Bool?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), at(index + 1) == UInt8(ascii: "\n") { index += 2; continue }
            if Self.isBlank(byte) { index += 1; continue }
            if byte == UInt8(ascii: "\n") {
                tokens.append(.newline(index))
                index += 1
                skipHeredocBodies()
                continue
            }
            if byte == UInt8(ascii: "#") {
                while let next = at(index), next != UInt8(ascii: "\n") { index += 1 }
                continue
            }
            if let redirect = redirection() {
                if redirect.isHeredoc { heredocStripTabs = redirect.stripTabs }
                dropNextWord = redirect.takesTarget
                continue
            }
            if Self.isOperatorStart(byte) {
                controlOperator()
                continue
            }
            let word = readWord()
            if let stripTabs = heredocStripTabs {
                pendingHeredocs.append((word.text, stripTabs))
                heredocStripTabs = nil
                dropNextWord = false
                continue
            }
            if dropNextWord {
                dropNextWord = false
                continue
            }
            // An all-digit word glued to `<` or `>` is a file descriptor number.
            if let next = at(index), next == UInt8(ascii: "<") || next == UInt8(ascii: ">"),
               !word.isQuoted, !word.text.isEmpty, word.text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
                continue
            }
            tokens.append(.word(word))
        }
    }

    private struct Redirection { var takesTarget: Bool; var isHeredoc: Bool; var stripTabs: Bool }

    /// Consumes a redirection operator at the cursor, if there is one.
    private mutating func redirection() -> Redirection? {
        let byte = bytes[index]
        if byte == UInt8(ascii: "&"), at(index + 1) == UInt8(ascii: ">") {
            index += at(index + 2) == UInt8(ascii: ">") ? 3 : 2
            return Redirection(takesTarget: true, isHeredoc: false, stripTabs: false)
        }
        guard byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") else { return nil }
        if byte == UInt8(ascii: "<"), at(index + 1) == UInt8(ascii: "<") {
            if at(index + 2) == UInt8(ascii: "<") {
                index += 3
                return Redirection(takesTarget: true, isHeredoc: false, stripTabs: false)
            }
            let stripTabs = at(index + 2) == UInt8(ascii: "-")
            index += stripTabs ? 3 : 2
            return Redirection(takesTarget: true, isHeredoc: true, stripTabs: stripTabs)
        }
        index += 1
        if let next = at(index), next == UInt8(ascii: ">") || next == UInt8(ascii: "&") || next == UInt8(ascii: "|")
            || (byte == UInt8(ascii: "<") && next == UInt8(ascii: ">")) {
            index += 1
        }
        return Redirection(takesTarget: true, isHeredoc: false, stripTabs: false)
    }

    private mutating func controlOperator() {
        let start = index
        let byte = bytes[index]
        let next = at(index + 1)
        switch byte {
        case UInt8(ascii: "&"):
            if next == UInt8(ascii: "&") { index += 2; tokens.append(.op(.and, start)) } else { index += 1; tokens.append(.op(.background, start)) }
        case UInt8(ascii: "|"):
            if next == UInt8(ascii: "|") { index += 2; tokens.append(.op(.or, start)) } else {
                index += next == UInt8(ascii: "&") ? 2 : 1
                tokens.append(.op(.pipe, start))
            }
        case UInt8(ascii: ";"):
            if next == UInt8(ascii: ";") || next == UInt8(ascii: "&") {
                index += at(index + 2) == UInt8(ascii: "&") ? 3 : 2
                tokens.append(.op(.doubleSemicolon, start))
            } else {
                index += 1
                tokens.append(.op(.semicolon, start))
            }
        case UInt8(ascii: "("):
            index += 1
            tokens.append(.op(.openParen, start))
        default:
            index += 1
            tokens.append(.op(.closeParen, start))
        }
    }

    /// Skips the bodies of here-documents opened on the line just ended.
    private mutating func skipHeredocBodies() {
        for heredoc in pendingHeredocs {
            while index < bytes.count {
                var end = index
                while end < bytes.count, bytes[end] != UInt8(ascii: "\n") { end += 1 }
                var line = bytes[index..<end]
                if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                if heredoc.stripTabs { while line.first == 0x09 { line = line.dropFirst() } }
                index = min(end + 1, bytes.count)
                if String(decoding: line, as: UTF8.self) == heredoc.delimiter { break }
            }
        }
        pendingHeredocs = []
    }

    private mutating func readWord() -> BuildShellWord {
        var word = BuildShellWord(text: "", start: index, hasExpansion: false, hasUnquotedExpansion: false, isQuoted: false)
        var text: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isBlank(byte) || byte == UInt8(ascii: "\n") || Self.isOperatorStart(byte) { break }
            switch byte {
            case UInt8(ascii: "\\"):
                word.isQuoted = true
                if let next = at(index + 1) {
                    if next != UInt8(ascii: "\n") { text.append(next) }
                    index += 2
                } else {
                    index += 1
                }
            case UInt8(ascii: "'"):
                word.isQuoted = true
                let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "'"))
                if close == nil { problems.append(("unterminated single quote", index)) }
                let end = close ?? bytes.count
                text.append(contentsOf: bytes[(index + 1)..<end])
                index = min(end + 1, bytes.count)
            case UInt8(ascii: "\""):
                word.isQuoted = true
                doubleQuoted(into: &text, word: &word)
            case UInt8(ascii: "$"), UInt8(ascii: "`"):
                if expansion(into: &text) {
                    word.hasExpansion = true
                    word.hasUnquotedExpansion = true
                }
            default:
                text.append(byte)
                index += 1
            }
        }
        word.text = String(decoding: text, as: UTF8.self)
        return word
    }

    private mutating func doubleQuoted(into text: inout [UInt8], word: inout BuildShellWord) {
        let open = index
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                guard let next = at(index + 1) else { index += 1; continue }
                if next == UInt8(ascii: "\n") {
                    index += 2
                } else if next == UInt8(ascii: "$") || next == UInt8(ascii: "`") || next == UInt8(ascii: "\"")
                            || next == UInt8(ascii: "\\") {
                    text.append(next)
                    index += 2
                } else {
                    text.append(byte)
                    index += 1
                }
            case UInt8(ascii: "$"), UInt8(ascii: "`"):
                if expansion(into: &text) { word.hasExpansion = true }
            default:
                text.append(byte)
                index += 1
            }
        }
        problems.append(("unterminated double quote", open))
    }

    /// Copies an expansion at the cursor verbatim. Returns false for a lone `$`.
    private mutating func expansion(into text: inout [UInt8]) -> Bool {
        let start = index
        if makeSyntax, bytes[start] == UInt8(ascii: "$"), let next = at(start + 1),
           next == UInt8(ascii: "<") || next == UInt8(ascii: "|") {
            text.append(contentsOf: bytes[start...(start + 1)])
            index += 2
            return true
        }
        let end = BuildShellLexer.expansionEnd(bytes, from: index)
        if end.unterminated {
            problems.append(("unterminated substitution", start))
        } else if bytes[start] == UInt8(ascii: "`") {
            if end.index - 1 > start + 1 { substitutions.append((start + 1)..<(end.index - 1)) }
        } else if at(start + 1) == UInt8(ascii: "("), at(start + 2) != UInt8(ascii: "("), end.index - 1 > start + 2 {
            substitutions.append((start + 2)..<(end.index - 1))
        }
        text.append(contentsOf: bytes[start..<end.index])
        index = end.index
        return end.index - start > 1 || bytes[start] == UInt8(ascii: "`")
    }
}
