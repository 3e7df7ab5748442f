import Testing
@testable import GreenlightCore

@Suite("ReporterGolden")
struct ReporterGoldenTests {
    @Test func textWithoutColor() throws {
        try GoldenFile.check(TextReporter().render(ReportFixture.report, color: false), "report.txt")
    }

    @Test func textWithColor() throws {
        try GoldenFile.check(TextReporter().render(ReportFixture.report, color: true), "report.color.txt")
    }

    @Test func json() throws {
        try GoldenFile.check(JSONReporter().render(ReportFixture.report, color: true), "report.json")
    }

    @Test func sarif() throws {
        try GoldenFile.check(SARIFReporter().render(ReportFixture.report, color: true), "report.sarif")
    }

    @Test func junit() throws {
        try GoldenFile.check(JUnitReporter().render(ReportFixture.report, color: true), "report.junit.xml")
    }

    @Test func github() throws {
        try GoldenFile.check(GitHubReporter().render(ReportFixture.report, color: true), "report.github.txt")
    }

    @Test func cleanRunText() throws {
        try GoldenFile.check(TextReporter().render(ReportFixture.cleanReport, color: false), "clean.txt")
    }

    @Test func cleanRunJSON() throws {
        try GoldenFile.check(JSONReporter().render(ReportFixture.cleanReport, color: false), "clean.json")
    }

    @Test(arguments: OutputFormat.allCases)
    func formatPicksItsReporter(format: OutputFormat) {
        let rendered = format.reporter.render(ReportFixture.report, color: false)
        let expected: String = switch format {
        case .text: TextReporter().render(ReportFixture.report, color: false)
        case .json: JSONReporter().render(ReportFixture.report, color: false)
        case .sarif: SARIFReporter().render(ReportFixture.report, color: false)
        case .junit: JUnitReporter().render(ReportFixture.report, color: false)
        case .github: GitHubReporter().render(ReportFixture.report, color: false)
        }
        #expect(rendered == expected)
    }

    @Test func machineFormatsIgnoreColor() {
        let report = ReportFixture.report
        let reporters: [any Reporter] = [JSONReporter(), SARIFReporter(), JUnitReporter(), GitHubReporter()]
        for reporter in reporters {
            let output = reporter.render(report, color: true)
            #expect(output == reporter.render(report, color: false))
            #expect(!output.contains("\u{1B}["))
        }
    }
}
