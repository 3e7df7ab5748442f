/// Plain ANSI SGR escapes for the text format; a no-op when colour is off, so the
/// rendering code does not branch on it.
public struct ANSIStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    private static let reset = "\u{1B}[0m"

    public func bold(_ text: String) -> String { paint(text, "1") }
    public func dim(_ text: String) -> String { paint(text, "2") }
    public func green(_ text: String) -> String { paint(text, "32") }

    /// Red for errors, yellow for warnings, blue for notes.
    public func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: paint(text, "31")
        case .warning: paint(text, "33")
        case .note: paint(text, "34")
        }
    }

    /// Bold and in the colour of `severity`.
    public func strong(_ severity: Severity, _ text: String) -> String {
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
