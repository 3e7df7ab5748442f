/// Renders a report as GitHub Actions workflow commands, so findings appear as
/// annotations on the pull request's changed files: one `::error`, `::warning` or
/// `::notice` line per finding, then a plain summary line.
public struct GitHubReporter: Reporter {
    public init() {}

    /// `color` is ignored: annotations are never coloured.
    public func render(_ report: Report, color: Bool) -> String {
        var out = ""
        for finding in report.findings {
            out += Self.command(finding) + "\n"
        }
        out += SummaryLine.plain(report.summary) + "\n"
        return out
    }

    /// One workflow command: `::error file=…,line=…,col=…,title=<rule>::<message>`,
    /// the message followed by the fix and related locations on their own lines.
    static func command(_ finding: Finding) -> String {
        var properties: [String] = []
        if let location = finding.location {
            properties.append("file=" + escapeProperty(location.file))
            if location.line >= 1 {
                properties.append("line=\(location.line)")
                if location.column >= 1 { properties.append("col=\(location.column)") }
            }
        }
        properties.append("title=" + escapeProperty(finding.ruleID))
        var message = finding.message
        if let fix = finding.fix { message += "\nfix: " + fix }
        for item in finding.related {
            message += "\n↳ " + item.location.description + (item.message.isEmpty ? "" : ": " + item.message)
        }
        return "::" + level(finding.severity) + " " + properties.joined(separator: ",") + "::" + escapeData(message)
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "notice"
        }
    }

    /// GitHub's escaping for the message part: `%`, CR and LF.
    static func escapeData(_ value: String) -> String {
        escape(value, property: false)
    }

    /// GitHub's escaping for `key=value` properties: also `:` and `,`.
    static func escapeProperty(_ value: String) -> String {
        escape(value, property: true)
    }

    private static func escape(_ value: String, property: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 8)
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "%"): out.append(contentsOf: "%25".utf8)
            case 0x0D: out.append(contentsOf: "%0D".utf8)
            case 0x0A: out.append(contentsOf: "%0A".utf8)
            case UInt8(ascii: ":") where property: out.append(contentsOf: "%3A".utf8)
            case UInt8(ascii: ",") where property: out.append(contentsOf: "%2C".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
