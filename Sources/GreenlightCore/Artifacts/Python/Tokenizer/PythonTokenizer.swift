/// Splits Python source into tokens the way CPython's tokenizer does (logical
/// lines, INDENT/DEDENT, implicit joining inside brackets, `\` continuations),
/// working on UTF-8 bytes. It never traps: unterminated strings, stray
/// characters and bad dedents become `ParseIssue`s and scanning goes on.
public enum PythonTokenizer {
    /// Tokenizes a whole file.
    public static func tokenize(_ source: SourceText) -> PythonTokenStream {
        tokenize(source, keepingComments: true)
    }

    /// Tokenizes a whole file; the analyzer leaves comments out to save a copy.
    static func tokenize(_ source: SourceText, keepingComments: Bool) -> PythonTokenStream {
        var scanner = PythonScanner(
            bytes: source.bytes, path: source.path, range: 0..<source.bytes.count,
            line: 1, lineStart: 0, tracksLayout: true
        )
        scanner.keepsComments = keepingComments
        scanner.run()
        return PythonTokenStream(tokens: scanner.tokens, issues: scanner.issues)
    }

    /// Tokenizes an expression embedded in a file (an f-string replacement field):
    /// no layout tokens, positions reported in the enclosing file. `anchor` is the
    /// token the fragment lies in; positions are counted from it, so the cost is the
    /// token's length, not the line's.
    static func tokenizeFragment(_ source: SourceText, range: Range<Int>, anchor: PythonToken) -> [PythonToken] {
        let count = source.bytes.count
        let clamped = max(0, min(range.lowerBound, count))..<max(0, min(range.upperBound, count))
        var line = anchor.line
        var lineStart = min(max(0, anchor.start), clamped.lowerBound)
        var column = anchor.column
        var offset = lineStart
        while offset < clamped.lowerBound {
            if source.bytes[offset] == PythonByte.newline {
                line += 1
                lineStart = offset + 1
                column = 1
            }
            offset += 1
        }
        var scanner = PythonScanner(
            bytes: source.bytes, path: source.path, range: clamped,
            line: line, lineStart: lineStart, lineStartColumn: column, tracksLayout: false
        )
        scanner.run()
        return scanner.tokens
    }
}

/// The mutable state of one tokenizer run. Internal: use `PythonTokenizer`.
struct PythonScanner {
    let bytes: [UInt8]
    let path: String
    let end: Int
    /// False for expression fragments: newlines are plain whitespace there.
    let tracksLayout: Bool
    /// False when COMMENT tokens are not wanted.
    var keepsComments = true
    var pos: Int
    var line: Int
    var lineStart: Int
    /// The column of `lineStart` (1 except where a fragment starts mid-line).
    private var lineStartColumn: Int
    private var cacheOffset: Int
    private var cacheColumn: Int
    var tokens: [PythonToken] = []
    var issues: [ParseIssue] = []
    private var indents: [(width: Int, emitted: Bool)] = [(0, true)]
    var brackets: [PythonToken] = []
    private var atLineStart = true
    private var lineHasTokens = false

    /// More issues than this in one file means it is not Python; stop collecting.
    static let issueLimit = 50

    init(
        bytes: [UInt8], path: String, range: Range<Int>, line: Int, lineStart: Int, lineStartColumn: Int = 1,
        tracksLayout: Bool
    ) {
        self.bytes = bytes
        self.path = path
        self.end = range.upperBound
        self.pos = range.lowerBound
        self.line = line
        self.lineStart = lineStart
        self.lineStartColumn = lineStartColumn
        self.cacheOffset = lineStart
        self.cacheColumn = lineStartColumn
        self.tracksLayout = tracksLayout
        self.atLineStart = tracksLayout
    }

    mutating func run() {
        tokens.reserveCapacity((end - pos) / 5 + 8)
        while pos < end {
            if atLineStart {
                atLineStart = false
                if brackets.isEmpty { handleIndentation() } else { recoverFromUnclosedBracket() }
                if pos >= end { break }
            }
            let byte = bytes[pos]
            switch byte {
            case PythonByte.space, PythonByte.tab, PythonByte.formFeed, PythonByte.carriageReturn:
                pos += 1
            case PythonByte.newline:
                endPhysicalLine()
            case PythonByte.hash:
                scanComment()
            case PythonByte.backslash:
                scanContinuation()
            case PythonByte.singleQuote, PythonByte.doubleQuote:
                let column = column(at: pos)
                scanString(tokenStart: pos, quoteAt: pos, line: line, column: column, raw: false, formatted: false)
            default:
                if PythonByte.isIdentifierStart(byte) {
                    scanNameOrPrefixedString()
                } else if PythonByte.isDigit(byte)
                    || (byte == PythonByte.dot && pos + 1 < end && PythonByte.isDigit(bytes[pos + 1])) {
                    scanNumber()
                } else {
                    scanOperator()
                }
            }
        }
        finish()
    }

    // MARK: - Positions and output

    /// The 1-based column (in Unicode scalars) of `offset` on the current line.
    /// Linear overall: it counts on from the last position asked for.
    mutating func column(at offset: Int) -> Int {
        if offset < cacheOffset || cacheOffset < lineStart {
            cacheOffset = lineStart
            cacheColumn = lineStartColumn
        }
        var index = cacheOffset
        var column = cacheColumn
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cacheOffset = offset
        cacheColumn = column
        return column
    }

    /// Records that the byte at `offset` is a line break the scan has passed.
    mutating func passNewline(at offset: Int) {
        line += 1
        lineStart = offset + 1
        lineStartColumn = 1
        cacheOffset = lineStart
        cacheColumn = 1
    }

    mutating func emit(_ kind: PythonTokenKind, _ start: Int, _ stop: Int, line: Int, column: Int) {
        if kind == .comment {
            if keepsComments { tokens.append(PythonToken(kind: kind, start: start, end: stop, line: line, column: column)) }
            return
        }
        tokens.append(PythonToken(kind: kind, start: start, end: stop, line: line, column: column))
        lineHasTokens = true
    }

    mutating func report(_ message: String, line: Int, column: Int) {
        guard issues.count < PythonScanner.issueLimit else { return }
        issues.append(ParseIssue(message, at: SourceLocation(file: path, line: line, column: column)))
    }

    // MARK: - Layout

    private mutating func handleIndentation() {
        guard tracksLayout else { return }
        var width = 0
        var p = pos
        while p < end {
            let byte = bytes[p]
            if byte == PythonByte.space {
                width += 1
            } else if byte == PythonByte.tab {
                width = (width / 8 + 1) * 8
            } else if byte == PythonByte.formFeed {
                width = 0
            } else {
                break
            }
            p += 1
        }
        pos = p
        if p >= end { return }
        let byte = bytes[p]
        if byte == PythonByte.newline || byte == PythonByte.hash { return }
        if byte == PythonByte.carriageReturn, p + 1 < end, bytes[p + 1] == PythonByte.newline { return }
        let column = column(at: p)
        if let top = indents.last, width > top.width {
            indents.append((width, true))
            emit(.indent, p, p, line: line, column: column)
            return
        }
        while indents.count > 1, let top = indents.last, width < top.width {
            indents.removeLast()
            if top.emitted { emit(.dedent, p, p, line: line, column: column) }
        }
        if let top = indents.last, width != top.width {
            report("unindent does not match any outer indentation level", line: line, column: column)
            indents.append((width, false))
        }
    }

    /// Inside brackets, a physical line starting with `def`, `class` or `import`
    /// cannot continue an expression: the bracket was never closed. Report it and
    /// resume at statement level so the rest of the file is still understood.
    private mutating func recoverFromUnclosedBracket() {
        guard tracksLayout else { return }
        var p = pos
        while p < end, bytes[p] == PythonByte.space || bytes[p] == PythonByte.tab { p += 1 }
        guard startsStatementKeyword(at: p), let opener = brackets.first else { return }
        report("'\(String(UnicodeScalar(bytes[opener.start])))' was never closed", line: opener.line, column: opener.column)
        brackets.removeAll()
        if lineHasTokens {
            emit(.newline, pos, pos, line: line, column: column(at: pos))
            lineHasTokens = false
        }
        handleIndentation()
    }

    private func startsStatementKeyword(at p: Int) -> Bool {
        for keyword in PythonScanner.statementOnlyKeywords where p + keyword.count < end {
            var matches = true
            for (index, byte) in keyword.enumerated() where bytes[p + index] != byte {
                matches = false
                break
            }
            if matches {
                let after = bytes[p + keyword.count]
                if after == PythonByte.space || after == PythonByte.tab { return true }
            }
        }
        return false
    }

    private static let statementOnlyKeywords: [[UInt8]] = [Array("def".utf8), Array("class".utf8), Array("import".utf8)]

    private mutating func endPhysicalLine() {
        if tracksLayout, brackets.isEmpty, lineHasTokens {
            emit(.newline, pos, pos + 1, line: line, column: column(at: pos))
            lineHasTokens = false
        }
        passNewline(at: pos)
        pos += 1
        atLineStart = tracksLayout
    }

    private mutating func finish() {
        if tracksLayout {
            if let opener = brackets.first {
                report("'\(String(UnicodeScalar(bytes[opener.start])))' was never closed", line: opener.line, column: opener.column)
            }
            let column = column(at: end)
            if lineHasTokens { emit(.newline, end, end, line: line, column: column) }
            while indents.count > 1, let top = indents.last {
                indents.removeLast()
                if top.emitted { emit(.dedent, end, end, line: line, column: column) }
            }
        }
        emit(.endOfFile, end, end, line: line, column: column(at: end))
    }
}
