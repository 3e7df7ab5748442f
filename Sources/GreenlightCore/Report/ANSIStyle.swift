/// Plain ANSI SGR escapes for the text format; a no-op when colour is off, so the
/// rendering code does not branch on it.
struct ANSIStyle: Sendable {
    var enabled: Bool

    private static let reset = "\u{1B}[0m"

    func bold(_ text: String) -> String { paint(text, "1") }
    func dim(_ text: String) -> String { paint(text, "2") }
    func green(_ text: String) -> String { paint(text, "32") }

    /// Red for errors, yellow for warnings, blue for notes.
    func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: paint(text, "31")
        case .warning: paint(text, "33")
        case .note: paint(text, "34")
        }
    }

    /// Bold and in the colour of `severity`.
    func strong(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: paint(text, "1;31")
        case .warning: paint(text, "1;33")
        case .note: paint(text, "1;34")
        }
    }

    private func paint(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[" + code + "m" + text + Self.reset
    }
}
