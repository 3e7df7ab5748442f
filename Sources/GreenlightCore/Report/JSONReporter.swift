/// Renders a report as one stable JSON object for scripts and dashboards:
/// `version`, `tool`, `findings` (rule, severity, message, file, line, column,
/// service, fix — absent values are `null`) and `summary`, keys always in that order.
public struct JSONReporter: Reporter {
    /// Bumped only when the shape of the document changes incompatibly.
    public static let formatVersion = 1

    public init() {}

    /// `color` is ignored: JSON is never coloured.
    public func render(_ report: Report, color: Bool) -> String {
        JSONSerializer.pretty(document(report))
    }

    func document(_ report: Report) -> JSONValue {
        .object([
            JSONMember("version", .int(Self.formatVersion)),
            JSONMember("tool", .object([
                JSONMember("name", .string(report.toolName)),
                JSONMember("version", .string(report.toolVersion)),
            ])),
            JSONMember("findings", .array(report.findings.map(finding))),
            JSONMember("summary", .object([
                JSONMember("errors", .int(report.summary.errors)),
                JSONMember("warnings", .int(report.summary.warnings)),
                JSONMember("notes", .int(report.summary.notes)),
                JSONMember("services", .int(report.summary.services)),
                JSONMember("files", .int(report.summary.files)),
            ])),
        ])
    }

    private func finding(_ finding: Finding) -> JSONValue {
        .object([
            JSONMember("rule", .string(finding.ruleID)),
            JSONMember("severity", .string(finding.severity.rawValue)),
            JSONMember("message", .string(finding.message)),
            JSONMember("file", .string(finding.location?.file)),
            JSONMember("line", .int(finding.location?.line)),
            JSONMember("column", .int(finding.location?.column)),
            JSONMember("service", .string(finding.service)),
            JSONMember("fix", .string(finding.fix)),
        ])
    }
}
