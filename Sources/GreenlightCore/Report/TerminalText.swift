/// Makes text from scanned files safe to print on a terminal and lays out the
/// source excerpt with its caret.
enum TerminalText {
    private static let replacement = "\u{FFFD}"

    /// Replaces control characters (C0 except tab and newline, DEL, C1) with U+FFFD
    /// so a crafted file cannot move the cursor or recolour the terminal; CRLF and
    /// lone CR become LF.
    static func clean(_ text: String) -> String {
        guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A) || $0 == 0x7F || $0 == 0xC2 })
        else { return text }
        var out = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { previousWasCR = value == 0x0D }
            if value == 0x0A, previousWasCR { continue }
            if value == 0x0D {
                out.append("\n")
            } else if (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value) {
                out.append(contentsOf: replacement.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Continuation lines of a multi-line text, indented by `indent` so they stay
    /// under the first one.
    static func indentContinuation(_ text: String, _ indent: String) -> String {
        guard text.utf8.contains(0x0A) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
    }

    /// The whitespace that puts a caret under 1-based `column` (counted in Unicode
    /// scalars) of `line`: tabs where the line has tabs, spaces elsewhere. A column
    /// past the end puts the caret just after the last character.
    static func caretPadding(line: String, column: Int) -> String {
        let wanted = max(column, 1) - 1
        var padding = ""
        var count = 0
        for scalar in line.unicodeScalars {
            if count >= wanted { break }
            padding.append(scalar == "\t" ? "\t" : " ")
            count += 1
        }
        return padding
    }
}
