import Testing
@testable import GreenlightCore

@Suite("TextReporter")
struct TextReporterTests {
    @Test func groupsFilesInOrderWithProjectLast() {
        let groups = TextReporter.groups(ReportFixture.report.findings)
        #expect(groups.map(\.file) == ["api/Dockerfile", "api/app/main.py", "docker-compose.yml", nil])
        #expect(groups.map(\.findings.count) == [1, 3, 1, 1])
    }

    @Test func caretSitsUnderTheColumnCountedInScalars() {
        let source = SourceText(path: "main.py", string: "x = 1\nnom_données = os.environ[\"DB\"]\n")
        let finding = Finding(ruleID: "r", severity: .error, message: "m",
                              location: SourceLocation(file: "main.py", line: 2, column: 15))
        let report = Report(findings: [finding], summary: Report.Summary(errors: 1), rules: [], sources: ["main.py": source])
        let lines = TextReporter().render(report, color: false).split(separator: "\n").map(String.init)
        #expect(lines[2] == "    2 | nom_données = os.environ[\"DB\"]")
        #expect(lines[3] == "      |               ^")
    }

    @Test func caretKeepsTabsAndClampsPastTheEnd() {
        #expect(TerminalText.caretPadding(line: "\tEXPOSE\t80", column: 9) == "\t      \t")
        #expect(TerminalText.caretPadding(line: "abc", column: 50) == "   ")
        #expect(TerminalText.caretPadding(line: "abc", column: 0) == "")
    }

    @Test func noExcerptWhenTheSourceOrLineIsUnknown() {
        let findings = [
            Finding(ruleID: "r", severity: .warning, message: "unknown file", location: SourceLocation(file: "gone.yml", line: 1)),
            Finding(ruleID: "r", severity: .warning, message: "past the end", location: SourceLocation(file: "a.yml", line: 99)),
        ]
        let report = Report(findings: findings, summary: Report.Summary(warnings: 2), rules: [],
                            sources: ["a.yml": SourceText(path: "a.yml", string: "services: {}\n")])
        let output = TextReporter().render(report, color: false)
        #expect(!output.contains(" | "))
        #expect(output.contains("  99:1  warning  past the end  [r]\n"))
    }

    @Test func colourOnlyWhenAsked() {
        let plain = TextReporter().render(ReportFixture.report, color: false)
        let coloured = TextReporter().render(ReportFixture.report, color: true)
        #expect(!plain.contains("\u{1B}"))
        #expect(coloured.contains("\u{1B}[31merror\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[33mwarning\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[34mnote\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1mapi/Dockerfile\u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[2m9 | EXPOSE\t8000\u{1B}[0m"))
        #expect(coloured.hasSuffix("\u{1B}[1;31m✖ 2 errors, 3 warnings, 1 note in 4 services (5 files)\u{1B}[0m\n"))
    }

    @Test func terminalControlSequencesFromScannedFilesAreNeutralised() {
        let source = SourceText(path: "Dockerfile", string: "FROM x\u{1B}[2J\r\n")
        let finding = Finding(ruleID: "r", severity: .error, message: "evil \u{1B}]0;title\u{07} \u{9B}31m",
                              location: SourceLocation(file: "Dockerfile", line: 1), fix: "a\r\nb")
        let report = Report(findings: [finding], summary: Report.Summary(errors: 1), rules: [], sources: ["Dockerfile": source])
        let output = TextReporter().render(report, color: false)
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("\u{07}"))
        #expect(!output.contains("\u{9B}"))
        #expect(!output.contains("\r"))
        #expect(output.contains("    1 | FROM x\u{FFFD}[2J\n"))
        #expect(output.contains("      fix: a\n           b\n"))
    }

    @Test func summaryWordsAndSymbols() {
        #expect(SummaryLine.plain(Report.Summary(errors: 1, warnings: 0, notes: 2, services: 1, files: 1))
            == "✖ 1 error, 0 warnings, 2 notes in 1 service (1 file)")
        #expect(SummaryLine.plain(Report.Summary(warnings: 1, services: 4, files: 12))
            == "✖ 0 errors, 1 warning, 0 notes in 4 services (12 files)")
        #expect(SummaryLine.plain(Report.Summary(services: 0, files: 0)) == "✔ no problems in 0 services (0 files)")
        let style = ANSIStyle(enabled: true)
        #expect(TextReporter.summary(Report.Summary(services: 1, files: 1), style: style)
            == "\u{1B}[32m✔ no problems in 1 service (1 file)\u{1B}[0m")
        #expect(TextReporter.summary(Report.Summary(notes: 1), style: style).hasPrefix("\u{1B}[1;34m"))
    }
}
