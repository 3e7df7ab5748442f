/// Line-level helpers for Makefiles and justfiles.
enum RecipeLines {
    /// Byte ranges of the physical lines of `source` (without `\n` or `\r\n`).
    static func lines(_ source: SourceText) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for index in 0..<source.lineStarts.count {
            let start = source.lineStarts[index]
            var end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] - 1 : source.bytes.count
            if start >= end && index + 1 == source.lineStarts.count { break }
            if end > start && source.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            result.append(start..<max(start, end))
        }
        return result
    }

    /// Whether a line ends with an odd number of backslashes (a continuation).
    static func continues(_ bytes: ArraySlice<UInt8>) -> Bool {
        var count = 0
        var index = bytes.endIndex
        while index > bytes.startIndex, bytes[index - 1] == UInt8(ascii: "\\") {
            count += 1
            index -= 1
        }
        return count % 2 == 1
    }

    /// Builds the shell text of one recipe line from its physical lines: the
    /// leading recipe prefix is removed from every line, `@`/`-`/`+` markers
    /// from the first, and make's `$$` becomes `$` when `unescapeDollars`.
    static func fragment(
        _ source: SourceText, _ ranges: [Range<Int>], stripLeadingWhitespace: Bool, unescapeDollars: Bool
    ) -> BuildShellFragment {
        var bytes: [UInt8] = []
        var origins: [Int] = []
        for (number, range) in ranges.enumerated() {
            var start = range.lowerBound
            if stripLeadingWhitespace {
                while start < range.upperBound, source.bytes[start] == 0x20 || source.bytes[start] == 0x09 { start += 1 }
            } else if start < range.upperBound, source.bytes[start] == 0x09 {
                start += 1
            }
            if number == 0 {
                while start < range.upperBound, [UInt8(ascii: "@"), UInt8(ascii: "-"), UInt8(ascii: "+"), 0x20, 0x09]
                        .contains(source.bytes[start]) {
                    start += 1
                }
            }
            var index = start
            while index < range.upperBound {
                let byte = source.bytes[index]
                bytes.append(byte)
                origins.append(index)
                if unescapeDollars, byte == UInt8(ascii: "$"), index + 1 < range.upperBound,
                   source.bytes[index + 1] == UInt8(ascii: "$") {
                    index += 2
                } else {
                    index += 1
                }
            }
            if number + 1 < ranges.count {
                bytes.append(UInt8(ascii: "\n"))
                origins.append(range.upperBound)
            }
        }
        return BuildShellFragment(bytes: bytes, origins: origins)
    }
}

/// `docker build` in Makefile recipes. Every recipe line is its own shell
/// started in the Makefile's directory; Makefile variables assigned to plain
/// text are expanded when resolving paths, tags keep `$(VAR)` as written.
enum MakefileBuildScanner {
    static func scan(_ source: SourceText) -> DockerBuildScan {
        let lines = RecipeLines.lines(source)
        let logical = logicalLines(source, lines)
        let variables = MakefileVariables.collect(source, logical.filter { !$0.isRecipe }.map(\.ranges))
        let directory = PathUtilities.dirname(source.path)
        var scan = DockerBuildScan()
        for line in logical where line.isRecipe {
            let fragment = RecipeLines.fragment(source, line.ranges, stripLeadingWhitespace: false, unescapeDollars: true)
            let state = BuildShellState(cwd: directory, scriptDirectory: directory, makeVariables: variables)
            let result = DockerBuildScanner.scanShell(fragment, state: state, source: source)
            scan.invocations += result.invocations
            scan.issues += result.issues
        }
        return scan
    }

    struct LogicalLine {
        var ranges: [Range<Int>]
        var isRecipe: Bool
    }

    /// Groups continuation lines and marks recipe lines (tab-indented lines
    /// after a rule); `define` blocks are skipped.
    private static func logicalLines(_ source: SourceText, _ lines: [Range<Int>]) -> [LogicalLine] {
        var result: [LogicalLine] = []
        var inRule = false
        var inDefine = false
        var index = 0
        while index < lines.count {
            var ranges = [lines[index]]
            while RecipeLines.continues(source.bytes[ranges[ranges.count - 1]]), index + 1 < lines.count {
                index += 1
                ranges.append(lines[index])
            }
            index += 1
            let first = source.bytes[ranges[0]]
            let text = String(decoding: first, as: UTF8.self)
            let trimmed = RequirementsText.trim(text)
            if inDefine {
                if trimmed == "endef" || trimmed.hasPrefix("endef ") { inDefine = false }
                continue
            }
            if first.first == 0x09 && inRule {
                result.append(LogicalLine(ranges: ranges, isRecipe: true))
                continue
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let words = trimmed.split(separator: " ")
            if words.first == "define" || (words.count > 1 && ["export", "override"].contains(words[0]) && words[1] == "define") {
                inDefine = true
                continue
            }
            inRule = MakefileVariables.isRule(trimmed)
            result.append(LogicalLine(ranges: ranges, isRecipe: false))
        }
        return result
    }
}
