/// The one-line verdict that ends the human formats, e.g.
/// `✖ 3 errors, 1 warning, 0 notes in 4 services (12 files)`.
enum SummaryLine {
    /// The verdict without colour.
    static func plain(_ summary: Report.Summary) -> String {
        symbol(summary) + " " + body(summary)
    }

    /// `✔` when nothing was found, `✖` otherwise.
    static func symbol(_ summary: Report.Summary) -> String {
        isClean(summary) ? "✔" : "✖"
    }

    /// Everything after the symbol.
    static func body(_ summary: Report.Summary) -> String {
        let scope = "in \(count(summary.services, "service")) (\(count(summary.files, "file")))"
        if isClean(summary) { return "no problems " + scope }
        return "\(count(summary.errors, "error")), \(count(summary.warnings, "warning")), "
            + "\(count(summary.notes, "note")) " + scope
    }

    /// True when the run found nothing at all.
    static func isClean(_ summary: Report.Summary) -> Bool {
        summary.errors == 0 && summary.warnings == 0 && summary.notes == 0
    }

    /// The most serious severity counted, or nil for a clean run.
    static func worst(_ summary: Report.Summary) -> Severity? {
        if summary.errors > 0 { return .error }
        if summary.warnings > 0 { return .warning }
        if summary.notes > 0 { return .note }
        return nil
    }

    /// `1 error`, `0 errors`, `3 errors`.
    static func count(_ value: Int, _ noun: String) -> String {
        value == 1 ? "1 \(noun)" : "\(value) \(noun)s"
    }
}
