/// Renders a report for people reading a terminal or a CI log: findings grouped by
/// file, each with the offending source line and a caret, the fix and related
/// places, then a one-line summary. Findings without a location come last under
/// `(project)`. Colours (plain ANSI) only when `color` is true; nothing is wrapped.
public struct TextReporter: Reporter {
    /// The group heading for findings that have no location.
    public static let projectGroup = "(project)"

    private static let detailIndent = "      "

    public init() {}

    public func render(_ report: Report, color: Bool) -> String {
        let style = ANSIStyle(enabled: color)
        var out = ""
        for (index, group) in Self.groups(report.findings).enumerated() {
            if index > 0 { out += "\n" }
            out += style.bold(TerminalText.clean(group.file ?? Self.projectGroup)) + "\n"
            for finding in group.findings {
                out += Self.entry(finding, sources: report.sources, style: style)
            }
        }
        if !out.isEmpty { out += "\n" }
        out += Self.summary(report.summary, style: style) + "\n"
        return out
    }

    struct Group {
        var file: String?
        var findings: [Finding]
    }

    /// Files in the order their first finding appears, findings in report order,
    /// the location-less group last.
    static func groups(_ findings: [Finding]) -> [Group] {
        var groups: [Group] = []
        var position: [String: Int] = [:]
        var project: [Finding] = []
        for finding in findings {
            guard let file = finding.location?.file else {
                project.append(finding)
                continue
            }
            if let index = position[file] {
                groups[index].findings.append(finding)
            } else {
                position[file] = groups.count
                groups.append(Group(file: file, findings: [finding]))
            }
        }
        if !project.isEmpty { groups.append(Group(file: nil, findings: project)) }
        return groups
    }

    /// The header line, excerpt, fix and related lines of one finding.
    static func entry(_ finding: Finding, sources: [String: SourceText], style: ANSIStyle) -> String {
        var out = "  "
        if let location = finding.location { out += "\(location.line):\(location.column)  " }
        out += style.severity(finding.severity, finding.severity.rawValue) + "  "
        out += TerminalText.indentContinuation(TerminalText.clean(finding.message), detailIndent)
        out += "  [" + TerminalText.clean(finding.ruleID) + "]"
        if let service = finding.service { out += " (service " + TerminalText.clean(service) + ")" }
        out += "\n"
        if let location = finding.location { out += excerpt(location, finding.severity, sources, style) }
        if let fix = finding.fix {
            let text = TerminalText.indentContinuation(TerminalText.clean(fix), detailIndent + "     ")
            out += detailIndent + "fix: " + text + "\n"
        }
        for item in finding.related {
            var line = "↳ " + item.location.description
            if !item.message.isEmpty { line += ": " + item.message }
            out += detailIndent + TerminalText.indentContinuation(TerminalText.clean(line), detailIndent + "  ") + "\n"
        }
        return out
    }

    /// `    7 | EXPOSE 50050` and `      | ^`, or nothing when the line is unknown.
    static func excerpt(
        _ location: SourceLocation, _ severity: Severity, _ sources: [String: SourceText], _ style: ANSIStyle
    ) -> String {
        guard location.line >= 1, let source = sources[location.file],
              let raw = source.lineText(location.line) else { return "" }
        let text = TerminalText.clean(raw)
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        let padding = TerminalText.caretPadding(line: text, column: location.column)
        var out = "    " + style.dim(text.isEmpty ? number + " |" : number + " | " + text) + "\n"
        out += "    " + style.dim(gutter + " |") + " " + padding + style.severity(severity, "^") + "\n"
        return out
    }

    /// `✖ 3 errors, 1 warning, 0 notes in 4 services (12 files)` in the colour of the
    /// worst severity, or a green `✔ no problems ...`.
    static func summary(_ summary: Report.Summary, style: ANSIStyle) -> String {
        let line = SummaryLine.plain(summary)
        guard let worst = SummaryLine.worst(summary) else { return style.green(line) }
        return style.strong(worst, line)
    }
}
