/// Renders a report as JUnit XML, which most CI systems (GitLab, Jenkins, Azure
/// Pipelines, CircleCI) show as a test summary: one `<testsuite>` per rule that ran,
/// one `<testcase>` per finding. Errors and warnings are `<failure>`s; notes are
/// passing test cases whose text is in `<system-out>`; a rule with no findings is
/// one passing test case named after the rule.
public struct JUnitReporter: Reporter {
    public init() {}

    /// `color` is ignored: XML is never coloured.
    public func render(_ report: Report, color: Bool) -> String {
        let suites = Self.suites(report)
        let tests = suites.reduce(0) { $0 + max($1.findings.count, 1) }
        let failures = suites.reduce(0) { $0 + Self.failureCount($1.findings) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"\(XMLEscaping.attribute(report.toolName))\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
        for suite in suites {
            let name = XMLEscaping.attribute(suite.ruleID)
            let classname = XMLEscaping.attribute("\(report.toolName).\(suite.ruleID)")
            out += "  <testsuite name=\"\(name)\" tests=\"\(max(suite.findings.count, 1))\""
                + " failures=\"\(Self.failureCount(suite.findings))\">\n"
            if suite.findings.isEmpty {
                out += "    <testcase name=\"\(name)\" classname=\"\(classname)\"/>\n"
            }
            for finding in suite.findings {
                out += "    <testcase name=\"\(XMLEscaping.attribute(Self.caseName(finding)))\" classname=\"\(classname)\">\n"
                let details = XMLEscaping.text(Self.details(finding))
                switch finding.severity {
                case .error, .warning:
                    out += "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(XMLEscaping.attribute(finding.message))\">"
                        + details + "</failure>\n"
                case .note:
                    out += "      <system-out>" + details + "</system-out>\n"
                }
                out += "    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    struct Suite {
        var ruleID: String
        var findings: [Finding]
    }

    /// The rules that ran in their order, then any rule that reported findings but
    /// has no description (so no finding is ever dropped), in order of appearance.
    static func suites(_ report: Report) -> [Suite] {
        var suites: [Suite] = []
        var position: [String: Int] = [:]
        for rule in report.rules where position[rule.id] == nil {
            position[rule.id] = suites.count
            suites.append(Suite(ruleID: rule.id, findings: []))
        }
        for finding in report.findings {
            if let index = position[finding.ruleID] {
                suites[index].findings.append(finding)
            } else {
                position[finding.ruleID] = suites.count
                suites.append(Suite(ruleID: finding.ruleID, findings: [finding]))
            }
        }
        return suites
    }

    private static func failureCount(_ findings: [Finding]) -> Int {
        findings.reduce(0) { $0 + ($1.severity == .note ? 0 : 1) }
    }

    /// `<file>:<line> <service>`; `(project)` stands in for a missing location.
    static func caseName(_ finding: Finding) -> String {
        var name = finding.location.map { "\($0.file):\($0.line)" } ?? "(project)"
        if let service = finding.service { name += " " + service }
        return name
    }

    /// The full text of a finding: position, severity, message, service, fix and
    /// related locations, one per line.
    static func details(_ finding: Finding) -> String {
        var lines: [String] = []
        let position = finding.location.map { "\($0.file):\($0.line):\($0.column): " } ?? ""
        lines.append(position + finding.severity.rawValue + ": " + finding.message)
        if let service = finding.service { lines.append("service: " + service) }
        if let fix = finding.fix { lines.append("fix: " + fix) }
        for item in finding.related {
            lines.append("↳ " + item.location.description + (item.message.isEmpty ? "" : ": " + item.message))
        }
        return lines.joined(separator: "\n")
    }
}
