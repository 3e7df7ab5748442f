import Testing
@testable import GreenlightCore

@Suite("GitHubReporter")
struct GitHubReporterTests {
    @Test func oneCommandPerFindingThenSummary() {
        let lines = GitHubReporter().render(ReportFixture.report, color: false)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == ReportFixture.findings.count + 2)
        #expect(lines.last == "")
        #expect(lines[lines.count - 2] == "✖ 2 errors, 3 warnings, 1 note in 4 services (5 files)")
        #expect(lines.dropLast(2).allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
    }

    @Test func commandCarriesFileLineColumnAndTitle() {
        let finding = ReportFixture.findings[1]
        #expect(GitHubReporter.command(finding)
            == "::error file=api/Dockerfile,line=9,col=8,title=port-mismatch::EXPOSE 8000, but uvicorn listens on 8080%0Afix: EXPOSE 8080")
    }

    @Test func notesBecomeNoticesAndLocationlessFindingsHaveOnlyATitle() {
        let note = Finding(ruleID: "env-var-unset", severity: .note, message: "m", location: nil)
        #expect(GitHubReporter.command(note) == "::notice title=env-var-unset::m")
    }

    @Test func dataAndPropertiesAreEscaped() {
        #expect(GitHubReporter.escapeData("100% a,b: c\r\nd") == "100%25 a,b: c%0D%0Ad")
        #expect(GitHubReporter.escapeProperty("100% a,b: c\r\nd") == "100%25 a%2Cb%3A c%0D%0Ad")
        let finding = Finding(ruleID: "r", severity: .warning, message: "line one\nline two: 50%",
                              location: SourceLocation(file: "deploy/a,b:c.yml", line: 3, column: 2))
        #expect(GitHubReporter.command(finding)
            == "::warning file=deploy/a%2Cb%3Ac.yml,line=3,col=2,title=r::line one%0Aline two: 50%25")
    }

    @Test func cleanRunPrintsOnlyTheSummary() {
        #expect(GitHubReporter().render(ReportFixture.cleanReport, color: true) == "✔ no problems in 4 services (12 files)\n")
    }
}
