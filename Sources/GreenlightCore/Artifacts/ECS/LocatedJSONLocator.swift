/// Turns byte offsets of a JSON text into located positions, optionally shifted by
/// the place the text starts in an enclosing file (a Terraform heredoc).
///
/// The parser asks for locations in almost increasing order, so the column of the
/// last answer is cached: a 1 MB single-line (minified) file then costs one pass
/// over its bytes instead of one pass per value.
struct LocatedJSONLocator {
    private let text: SourceText
    private let base: SourceLocation?
    private var cachedLine = 0
    private var cachedOffset = -1
    private var cachedColumn = 1

    init(text: SourceText, base: SourceLocation?) {
        self.text = text
        self.base = base
    }

    /// The 1-based line of `offset`: a short walk forward from the last answer in the
    /// usual case, a binary search when the parser looks back.
    private func line(ofOffset offset: Int) -> Int {
        let starts = text.lineStarts
        guard cachedLine >= 1, cachedLine <= starts.count, starts[cachedLine - 1] <= offset else {
            return text.line(ofOffset: offset)
        }
        var line = cachedLine
        while line < starts.count, starts[line] <= offset {
            line += 1
            if line - cachedLine > 64 { return text.line(ofOffset: offset) }
        }
        return line
    }

    /// The location of the byte at `offset`, in the enclosing file when there is a base.
    mutating func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, text.bytes.count))
        let line = line(ofOffset: clamped)
        let lineStart = text.lineStarts[line - 1]
        var index = lineStart
        var column = 1
        let bytes = text.bytes
        if line == cachedLine, cachedOffset >= lineStart {
            index = cachedOffset
            column = cachedColumn
            // Issues are sometimes reported a little behind the last value: walk back.
            while index > clamped {
                index -= 1
                if bytes[index] & 0xC0 != 0x80 { column -= 1 }
            }
        }
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cachedLine = line
        cachedOffset = clamped
        cachedColumn = column
        guard let base else { return SourceLocation(file: text.path, line: line, column: column) }
        if line == 1 {
            return SourceLocation(file: base.file, line: base.line, column: base.column + column - 1)
        }
        return SourceLocation(file: base.file, line: base.line + line - 1, column: column)
    }
}
