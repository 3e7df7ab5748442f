/// Everything a reporter needs to render one run of `greenlight check`.
public struct Report: Sendable {
    public struct Summary: Hashable, Sendable {
        public var errors: Int
        public var warnings: Int
        public var notes: Int
        public var services: Int
        public var files: Int

        public init(errors: Int = 0, warnings: Int = 0, notes: Int = 0, services: Int = 0, files: Int = 0) {
            self.errors = errors
            self.warnings = warnings
            self.notes = notes
            self.services = services
            self.files = files
        }
    }

    /// Name and version of the tool, as printed in machine formats.
    public var toolName: String
    public var toolVersion: String
    /// Findings in report order (see `Finding.reportOrder`).
    public var findings: [Finding]
    public var summary: Summary
    /// Descriptions of the rules that ran, for formats that carry rule metadata (SARIF).
    public var rules: [RuleDescription]
    /// Text of the scanned files by relative path, for source excerpts. May be partial.
    public var sources: [String: SourceText]

    public init(
        toolName: String = "greenlight",
        toolVersion: String = Greenlight.version,
        findings: [Finding],
        summary: Summary,
        rules: [RuleDescription],
        sources: [String: SourceText] = [:]
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.findings = findings.sorted(by: Finding.reportOrder)
        self.summary = summary
        self.rules = rules
        self.sources = sources
    }
}

/// Renders a report in one output format. One type per format.
public protocol Reporter: Sendable {
    /// Renders the whole report. `color` is only honoured by human formats.
    func render(_ report: Report, color: Bool) -> String
}

/// The output formats `greenlight check --format` accepts.
public enum OutputFormat: String, Sendable, CaseIterable {
    case text
    case json
    case sarif
    case junit
    case github

}
