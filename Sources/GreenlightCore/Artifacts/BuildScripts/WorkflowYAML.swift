import Yams

/// Maps YAML scalars and errors back to places in the workflow file.
enum WorkflowYAML {
    /// The byte offset of a libyaml mark (1-based line, column in scalars).
    static func offset(of mark: Mark, in source: SourceText) -> Int {
        let line = max(1, min(mark.line, source.lineStarts.count))
        var offset = source.lineStarts[line - 1]
        var column = 1
        while column < mark.column, offset < source.bytes.count, source.bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            while offset < source.bytes.count, source.bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// The shell text of a `run:` scalar with each byte mapped to the file:
    /// line by line for literal blocks (`run: |`), character by character for
    /// single-line scalars found verbatim, otherwise all at the scalar's start.
    static func fragment(_ scalar: Node.Scalar, source: SourceText) -> BuildShellFragment {
        let text = Array(scalar.string.utf8)
        guard let mark = scalar.mark else { return BuildShellFragment(text: text, origin: 0) }
        let start = offset(of: mark, in: source)
        let fallback = BuildShellFragment(text: text, origin: start)
        switch scalar.style {
        case .literal:
            return literalBlock(text, afterLine: mark.line, source: source) ?? fallback
        case .plain, .singleQuoted, .doubleQuoted:
            let contentStart = scalar.style == .plain ? start : start + 1
            let end = contentStart + text.count
            guard end <= source.bytes.count, source.bytes[contentStart..<end].elementsEqual(text) else { return fallback }
            return BuildShellFragment(bytes: text, origins: Array(contentStart..<end))
        default:
            return fallback
        }
    }

    private static func literalBlock(_ text: [UInt8], afterLine markLine: Int, source: SourceText) -> BuildShellFragment? {
        var lines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var bytes: [UInt8] = []
        var origins: [Int] = []
        let ranges = RecipeLines.lines(source)
        for (number, line) in lines.enumerated() {
            let lineIndex = markLine + number
            guard lineIndex < ranges.count else { return nil }
            let range = ranges[lineIndex]
            let sourceLine = source.bytes[range]
            guard sourceLine.count >= line.count, sourceLine.suffix(line.count).elementsEqual(line),
                  sourceLine.prefix(sourceLine.count - line.count).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) else { return nil }
            let contentStart = range.upperBound - line.count
            bytes.append(contentsOf: line)
            origins.append(contentsOf: contentStart..<range.upperBound)
            bytes.append(UInt8(ascii: "\n"))
            origins.append(range.upperBound)
        }
        return BuildShellFragment(bytes: bytes, origins: origins)
    }

    /// A located issue for a Yams parse error.
    static func issue(_ error: any Error, source: SourceText) -> ParseIssue {
        YAMLLoading.issue(for: error, source: source, text: source.string)
    }
}
