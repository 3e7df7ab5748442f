import Foundation

/// Markdown for text the journal did not write itself: step titles, messages and command
/// output. Such text must read the same raw and rendered, and must never start a heading,
/// a link, emphasis or a code span, or break out of a table cell or a code block.
enum MarkdownText {
    /// One line for a list item, paragraph or heading: line breaks become spaces,
    /// terminal escapes and control characters go, and the characters that would start
    /// emphasis, code, links, HTML or strikethrough are backslash-escaped. An underscore
    /// inside a word (`my_service`) cannot start emphasis and is left alone.
    static func inline(_ text: String) -> String {
        let line = plainLine(text)
        guard line.utf8.contains(where: { escaped.contains($0) }) else { return line }
        let scalars = Array(line.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\", "`", "*", "[", "<", "~":
                result.append("\\")
            case "_":
                let inWord = index > 0 && index + 1 < scalars.count
                    && isWordCharacter(scalars[index - 1]) && isWordCharacter(scalars[index + 1])
                if !inWord { result.append("\\") }
            default:
                break
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// The bytes `inline` escapes (all ASCII, so a byte scan finds them).
    private static let escaped: Set<UInt8> = Set("\\`*[<~_".utf8)

    /// Inline text for a heading: also escapes `#`, which at the end of a heading would
    /// be read as its closing sequence.
    static func heading(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "#", with: "\\#")
    }

    /// Inline text for a table cell: also escapes `|`, which would end the cell; "—" for
    /// an empty cell so the row keeps its columns when read raw.
    static func tableCell(_ text: String) -> String {
        let escaped = inline(text).replacingOccurrences(of: "|", with: "\\|")
        return escaped.trimmingCharacters(in: .whitespaces).isEmpty ? "—" : escaped
    }

    /// A fenced code block of `lines`, each line prefixed with `indent` (to keep the block
    /// inside a list item). The fence is one backtick longer than the longest run of
    /// backticks in the text, so no line of it can close the block early.
    static func fencedBlock(_ lines: [String], indent: String) -> [String] {
        let fence = String(repeating: "`", count: max(3, longestBacktickRun(in: lines) + 1))
        return [indent + fence] + lines.map { $0.isEmpty ? "" : indent + $0 } + [indent + fence]
    }

    /// Lines of terminal output as a terminal would have shown them: CRLF read as a line
    /// break, a carriage return inside a line (progress bars) keeping only what was drawn
    /// last, escape sequences and control characters other than tabs removed, trailing
    /// blank lines dropped.
    static func terminalLines(_ output: String) -> [String] {
        var lines = output.replacingOccurrences(of: "\r\n", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { line -> String in
                let shown = line.split(separator: "\r", omittingEmptySubsequences: false).last ?? line
                return stripControls(String(shown), keepTabs: true)
            }
        while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
        return lines
    }

    /// Text the runbook's author wrote (descriptions, notes), kept as their Markdown,
    /// with surrounding blank lines trimmed, a code block left open closed, and what
    /// would start a heading (`#`, a `---`/`===` underline) or an HTML block (`<`) at the
    /// start of a line escaped, so it cannot add a section or swallow the ones after it.
    static func authored(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map {
            let line = plainLine(String($0)).trimmingTrailingSpaces()
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            let underline = !rest.isEmpty && (rest.allSatisfy { $0 == "-" } || rest.allSatisfy { $0 == "=" })
            return rest.hasPrefix("#") || rest.hasPrefix("<") || underline ? String(indent) + "\\" + String(rest) : line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        // Block scalars may arrive indented; the first line starts a list item, so the
        // shared indentation goes.
        let shared = lines.filter { !$0.isEmpty }.map { $0.prefix { $0 == " " }.count }.min() ?? 0
        lines = lines.map { String($0.dropFirst(shared)) }
        if let open = unclosedFence(lines) { lines.append(open) }
        return lines
    }

    /// The fence (three or more backticks or tildes) a code block in `lines` opened and
    /// never closed.
    private static func unclosedFence(_ lines: [String]) -> String? {
        var open: String?
        for line in lines {
            let trimmed = line.drop { $0 == " " }
            guard let mark = trimmed.first, mark == "`" || mark == "~" else { continue }
            let fence = String(trimmed.prefix { $0 == mark })
            guard fence.count >= 3, line.count - trimmed.count <= 3 else { continue }
            if let current = open {
                let closes = fence.first == current.first && fence.count >= current.count
                    && trimmed.dropFirst(fence.count).allSatisfy { $0 == " " }
                if closes { open = nil }
            } else if mark == "~" || !trimmed.dropFirst(fence.count).contains("`") {
                // A backtick in the info string makes the line inline code, not a fence.
                open = fence
            }
        }
        return open
    }

    /// `text` on one line with escapes and control characters removed (no Markdown escaping).
    static func plainLine(_ text: String) -> String {
        stripControls(text, keepTabs: false)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func longestBacktickRun(in lines: [String]) -> Int {
        var longest = 0
        for line in lines {
            var run = 0
            for character in line {
                run = character == "`" ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return longest
    }

    /// Removes ANSI escape sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, and
    /// two-character `ESC x`) and other control characters. Unless tabs are kept (lines of
    /// a code block), tabs and line breaks (CR, LF, CRLF) become one space each.
    private static func stripControls(_ text: String, keepTabs: Bool) -> String {
        // C1 controls (U+0080–U+009F) start with the byte 0xC2 in UTF-8.
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { return text }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var previousWasReturn = false
        while let scalar = scalars.next() {
            let afterReturn = previousWasReturn
            previousWasReturn = false
            switch scalar.value {
            case 0x1B:
                skipEscapeSequence(&scalars)
            case 0x09:
                result.append(keepTabs ? scalar : " ")
            case 0x0D where !keepTabs:
                result.append(" ")
                previousWasReturn = true
            case 0x0A where !keepTabs:
                if !afterReturn { result.append(" ") }
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                continue
            default:
                result.append(scalar)
            }
        }
        return String(result)
    }

    private static func skipEscapeSequence(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = scalars.next() else { return }
        switch introducer {
        case "[":
            while let scalar = scalars.next(), !(0x40...0x7E).contains(scalar.value) {}
        case "]":
            var previousWasEscape = false
            while let scalar = scalars.next() {
                if scalar.value == 0x07 || (previousWasEscape && scalar == "\\") { break }
                previousWasEscape = scalar.value == 0x1B
            }
        default:
            break
        }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
