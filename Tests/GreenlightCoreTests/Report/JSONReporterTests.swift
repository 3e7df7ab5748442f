import Foundation
import Testing
@testable import GreenlightCore

@Suite("JSONReporter")
struct JSONReporterTests {
    private func parse(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func parsesBackWithTheDocumentedShape() throws {
        let document = try parse(JSONReporter().render(ReportFixture.report, color: false))
        #expect(document["version"] as? Int == 1)
        let tool = try #require(document["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "greenlight")
        #expect(tool["version"] as? String == "1.2.3")
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == ReportFixture.findings.count)
        for finding in findings {
            #expect(Set(finding.keys) == ["rule", "severity", "message", "file", "line", "column", "service", "fix"])
        }
        let summary = try #require(document["summary"] as? [String: Int])
        #expect(summary == ["errors": 2, "warnings": 3, "notes": 1, "services": 4, "files": 5])
    }

    @Test func missingValuesAreNull() throws {
        let document = try parse(JSONReporter().render(ReportFixture.report, color: false))
        let findings = try #require(document["findings"] as? [[String: Any]])
        let projectWide = try #require(findings.first { $0["service"] as? String == "worker" })
        #expect(projectWide["file"] is NSNull)
        #expect(projectWide["line"] is NSNull)
        #expect(projectWide["column"] is NSNull)
        let parseError = try #require(findings.first { $0["rule"] as? String == "parse-error" })
        #expect(parseError["service"] is NSNull)
        #expect(parseError["fix"] is NSNull)
        #expect(parseError["file"] as? String == "api/app/main.py")
        #expect(parseError["line"] as? Int == 12)
    }

    @Test func keysComeInTheDocumentedOrder() {
        let output = JSONReporter().render(ReportFixture.report, color: false)
        func offset(_ key: String) -> Int {
            output.range(of: "\"\(key)\":").map { output.distance(from: output.startIndex, to: $0.lowerBound) } ?? -1
        }
        let top = ["version", "tool", "findings", "summary"].map(offset)
        #expect(top == top.sorted() && !top.contains(-1))
        let finding = ["rule", "severity", "message", "file", "line", "column", "service", "fix"].map(offset)
        #expect(finding == finding.sorted() && !finding.contains(-1))
        #expect(!output.contains("\"related\""))
    }

    @Test func escapesControlCharactersAndKeepsUnicode() throws {
        let message = "quote \" backslash \\ tab\t cr\r nl\n bell\u{07} esc\u{1B} del\u{7F} é → 日本 😀 /slash"
        let report = Report(
            findings: [Finding(ruleID: "r", severity: .warning, message: message, location: nil)],
            summary: Report.Summary(warnings: 1), rules: [])
        let output = JSONReporter().render(report, color: false)
        #expect(output.contains(#"quote \" backslash \\ tab\t cr\r nl\n bell\u0007 esc\u001b"#))
        #expect(output.contains("é → 日本 😀 /slash"))
        let document = try parse(output)
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.first?["message"] as? String == message)
    }

    @Test func outputIsTwoSpaceIndentedAndEndsWithNewline() {
        let output = JSONReporter().render(ReportFixture.cleanReport, color: false)
        #expect(output.hasPrefix("{\n  \"version\": 1,\n  \"tool\": {\n    \"name\": \"greenlight\","))
        #expect(output.hasSuffix("}\n"))
        #expect(output.contains("\"findings\": [],"))
    }
}
