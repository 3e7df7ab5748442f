/// Where one physical piece of a logical instruction line came from, so offsets in
/// the joined line can be mapped back to file positions.
struct DockerLineSegment {
    var logicalStart: Int
    var physicalStart: Int
    /// 0-based physical line.
    var line: Int
}

/// Turns physical lines into instructions the way BuildKit's parser does: parser
/// directives at the top, comment lines, escape-character line continuations
/// (with empty and comment lines allowed inside), and heredoc bodies.
struct DockerfileParser {
    let source: SourceText
    let bytes: [UInt8]
    let lineCount: Int
    let bomLength: Int
    let locator: DockerLineLocator
    var escape: UInt8 = DockerBytes.backslash
    var syntax: String?
    var directivesDone = false
    var seenDirectives: [String] = []
    var comments: [Located<String>] = []
    var issues: [ParseIssue] = []
    var instructions: [DockerInstruction] = []

    init(source: SourceText) {
        self.source = source
        self.bytes = source.bytes
        self.lineCount = max(1, source.lineCount)
        let bytes = source.bytes
        let bomLength = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        self.bomLength = bomLength
        self.locator = DockerLineLocator(source: source, bomLength: bomLength)
    }

    mutating func parse() -> Dockerfile {
        var index = 0
        // Reused for every instruction to avoid an allocation per line.
        var logical: [UInt8] = []
        var segments: [DockerLineSegment] = []
        instructions.reserveCapacity(min(lineCount, 64))
        while index < lineCount {
            let content = DockerBytes.trimmedLeft(bytes[lineRange(index)])
            if content.first == DockerBytes.hash {
                recordComment(content, line: index)
                checkDirective(content, line: index)
                index += 1
                continue
            }
            checkDirective(content, line: index)
            index += 1
            let (first, firstContinues) = trimContinuation(content)
            if !firstContinues && first.isEmpty { continue }
            var continues = firstContinues
            logical.removeAll(keepingCapacity: true)
            logical.append(contentsOf: first)
            segments.removeAll(keepingCapacity: true)
            segments.append(DockerLineSegment(logicalStart: 0, physicalStart: first.startIndex, line: index - 1))
            while continues && index < lineCount {
                let raw = bytes[lineRange(index)]
                let lead = DockerBytes.trimmedLeft(raw)
                if lead.first == DockerBytes.hash {
                    recordComment(lead, line: index)
                    index += 1
                    continue
                }
                index += 1
                if lead.isEmpty { continue }
                let (piece, more) = trimContinuation(raw)
                segments.append(DockerLineSegment(logicalStart: logical.count, physicalStart: piece.startIndex, line: index - 1))
                logical.append(contentsOf: piece)
                continues = more
            }
            var instruction = readInstruction(logical, segments: segments, endLine: index)
            if instruction.kind?.acceptsHeredocs == true,
               !instruction.arguments.isExec,
               DockerBytes.contains(logical[...], DockerBytes.lessThan, DockerBytes.lessThan) {
                let markers = DockerHeredocMarkers.find(in: logical[...])
                for marker in markers {
                    instruction.heredocs.append(readHeredocBody(marker, index: &index, at: instruction.location))
                }
                instruction.endLine = index
            }
            instructions.append(instruction)
        }
        return DockerfileAssembler.assemble(
            path: source.path,
            escape: escape,
            syntax: syntax,
            instructions: instructions,
            issues: issues,
            comments: comments
        )
    }

    func location(line: Int, offset: Int) -> SourceLocation {
        locator.location(line: line, offset: offset)
    }

    func lineStart(_ line: Int) -> Int {
        locator.lineStart(line)
    }

    /// Byte range of a 0-based physical line without its terminator (trailing CR/LF dropped, BOM skipped).
    func lineRange(_ index: Int) -> Range<Int> {
        let start = lineStart(index)
        var end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : bytes.count
        while end > start, bytes[end - 1] == DockerBytes.newline || bytes[end - 1] == DockerBytes.carriageReturn {
            end -= 1
        }
        return start..<end
    }

    /// Removes a trailing escape character (and blanks after it); reports whether the line continues.
    func trimContinuation(_ line: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, Bool) {
        var end = line.endIndex
        while end > line.startIndex, DockerBytes.isBlank(line[end - 1]) { end -= 1 }
        if end > line.startIndex, line[end - 1] == escape {
            return (line[line.startIndex..<(end - 1)], true)
        }
        return (line, false)
    }

    mutating func recordComment(_ content: ArraySlice<UInt8>, line: Int) {
        let text = DockerBytes.trimmed(content.dropFirst())
        comments.append(Located(DockerBytes.string(text), at: location(line: line, offset: content.startIndex)))
    }

    /// Handles `# syntax=`, `# escape=` and `# check=` while they may still appear (before
    /// any other line), following Docker: an unknown directive, a plain comment, an empty
    /// line or an instruction ends the directive block.
    mutating func checkDirective(_ content: ArraySlice<UInt8>, line: Int) {
        guard !directivesDone else { return }
        guard let directive = DockerDirective.parse(content) else {
            directivesDone = true
            return
        }
        let location = location(line: line, offset: content.startIndex)
        guard directive.name == "syntax" || directive.name == "escape" || directive.name == "check" else {
            directivesDone = true
            return
        }
        if seenDirectives.contains(directive.name) {
            issues.append(ParseIssue("only one \(directive.name) parser directive can be used", at: location))
            return
        }
        seenDirectives.append(directive.name)
        switch directive.name {
        case "syntax":
            syntax = directive.value
        case "escape":
            if directive.value == "`" {
                escape = DockerBytes.backtick
            } else if directive.value == "\\" {
                escape = DockerBytes.backslash
            } else {
                issues.append(ParseIssue(
                    "invalid escape token '\(directive.value)' does not match ` or \\", at: location))
            }
        default:
            break
        }
    }

    mutating func readInstruction(_ logical: [UInt8], segments: [DockerLineSegment], endLine: Int) -> DockerInstruction {
        let locator = self.locator
        let (instruction, problems) = DockerInstructionReader.read(
            logical[...], escape: escape, endLine: endLine, issues: &issues
        ) { offset in
            var chosen = segments[0]
            for segment in segments where segment.logicalStart <= offset { chosen = segment }
            return locator.location(line: chosen.line, offset: chosen.physicalStart + (offset - chosen.logicalStart))
        }
        for problem in problems {
            issues.append(ParseIssue(problem, at: instruction.location))
        }
        return instruction
    }

    /// Reads heredoc body lines up to the terminator line. Lines are compared without
    /// their CR/LF; with `<<-` leading tabs are ignored on the terminator and stripped from the body.
    mutating func readHeredocBody(_ marker: DockerHeredocMarker, index: inout Int, at location: SourceLocation) -> DockerHeredoc {
        var content: [UInt8] = []
        var terminated = false
        let terminator = Array(marker.name.utf8)
        while index < lineCount {
            let range = lineRange(index)
            index += 1
            var candidate = bytes[range]
            if marker.stripsTabs {
                while candidate.first == DockerBytes.tab { candidate = candidate.dropFirst() }
            }
            if candidate.elementsEqual(terminator) {
                terminated = true
                break
            }
            content.append(contentsOf: marker.stripsTabs ? candidate : bytes[range])
            content.append(DockerBytes.newline)
        }
        if !terminated {
            issues.append(ParseIssue(
                "unterminated heredoc: no line '\(marker.name)' closes <<\(marker.stripsTabs ? "-" : "")\(marker.name)",
                at: location))
        }
        return DockerHeredoc(
            delimiter: marker.name,
            content: DockerBytes.string(content),
            stripsTabs: marker.stripsTabs,
            expands: marker.expands
        )
    }
}

/// Turns a byte offset on a known line into a location, without searching for the line.
struct DockerLineLocator {
    let source: SourceText
    let bomLength: Int

    func lineStart(_ line: Int) -> Int {
        let start = source.lineStarts[line]
        return line == 0 ? min(start + bomLength, source.bytes.count) : start
    }

    /// Columns count Unicode scalars from the start of the line (after a byte order mark).
    func location(line: Int, offset: Int) -> SourceLocation {
        let bytes = source.bytes
        var index = lineStart(line)
        var column = 1
        while index < offset {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: source.path, line: line + 1, column: column)
    }
}

/// A `# name=value` parser directive line.
struct DockerDirective {
    var name: String
    var value: String

    /// Matches Docker's `^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$`; the name is lower-cased.
    static func parse(_ line: ArraySlice<UInt8>) -> DockerDirective? {
        var index = line.startIndex
        let end = line.endIndex
        guard index < end, line[index] == DockerBytes.hash else { return nil }
        index += 1
        while index < end, DockerBytes.isSpace(line[index]) { index += 1 }
        let nameStart = index
        guard index < end, DockerBytes.isLetter(line[index]) else { return nil }
        while index < end, DockerBytes.isLetter(line[index]) || DockerBytes.isDigit(line[index]) { index += 1 }
        let name = line[nameStart..<index]
        while index < end, DockerBytes.isSpace(line[index]) { index += 1 }
        guard index < end, line[index] == DockerBytes.equals else { return nil }
        index += 1
        let value = DockerBytes.trimmed(line[index..<end])
        guard !value.isEmpty else { return nil }
        return DockerDirective(name: DockerBytes.lowercased(DockerBytes.string(name)), value: DockerBytes.string(value))
    }
}
