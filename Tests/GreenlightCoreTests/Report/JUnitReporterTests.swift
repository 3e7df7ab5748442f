import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GreenlightCore

@Suite("JUnitReporter")
struct JUnitReporterTests {
    #if canImport(FoundationXML) || os(macOS)
    @Test func parsesAsXMLWithCountsThatAddUp() throws {
        let output = JUnitReporter().render(ReportFixture.report, color: false)
        let document = try XMLDocument(data: Data(output.utf8))
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "name")?.stringValue == "greenlight")
        #expect(root.attribute(forName: "tests")?.stringValue == "7")
        #expect(root.attribute(forName: "failures")?.stringValue == "5")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.compactMap { $0.attribute(forName: "name")?.stringValue }
            == ["port-mismatch", "env-var-unset", "entrypoint-module-missing", "parse-error"])
        let passing = try #require(suites.first { $0.attribute(forName: "name")?.stringValue == "entrypoint-module-missing" })
        let lone = passing.elements(forName: "testcase")
        #expect(lone.count == 1)
        #expect(lone.first?.attribute(forName: "name")?.stringValue == "entrypoint-module-missing")
        #expect(lone.first?.elements(forName: "failure").isEmpty == true)
    }

    @Test func escapedTextRoundTrips() throws {
        let output = JUnitReporter().render(ReportFixture.report, color: false)
        let document = try XMLDocument(data: Data(output.utf8))
        let failures = try document.nodes(forXPath: "//failure").compactMap { $0 as? XMLElement }
        let messages = failures.compactMap { $0.attribute(forName: "message")?.stringValue }
        let tricky = ReportFixture.findings[2].message
        #expect(messages.contains(tricky))
        let notes = try document.nodes(forXPath: "//system-out")
        #expect(notes.count == 1)
        #expect(notes.first?.stringValue?.contains("falls back to 'info'") == true)
        let names = try document.nodes(forXPath: "//testcase/@name").compactMap(\.stringValue)
        #expect(names.contains("(project) worker"))
        #expect(names.contains("api/app/main.py:12"))
        #expect(names.contains("docker-compose.yml:14 api"))
    }

    @Test func controlCharactersAreRemovedSoTheDocumentStaysWellFormed() throws {
        let finding = Finding(ruleID: "r", severity: .error, message: "bell\u{07} esc\u{1B} nul\u{0} \u{FFFE}ok\u{FFFF} tab\t",
                              location: SourceLocation(file: "a<b>.yml", line: 1))
        let report = Report(findings: [finding], summary: Report.Summary(errors: 1), rules: [])
        let output = JUnitReporter().render(report, color: false)
        let document = try XMLDocument(data: Data(output.utf8))
        let failure = try #require(try document.nodes(forXPath: "//failure").first as? XMLElement)
        #expect(failure.attribute(forName: "message")?.stringValue == "bell esc nul ok tab\t")
        let testcase = try #require(try document.nodes(forXPath: "//testcase").first as? XMLElement)
        #expect(testcase.attribute(forName: "name")?.stringValue == "a<b>.yml:1")
    }
    #endif

    @Test func structureWithoutAnXMLParser() {
        let output = JUnitReporter().render(ReportFixture.report, color: false)
        #expect(output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "))
        #expect(output.hasSuffix("</testsuites>\n"))
        #expect(output.components(separatedBy: "<testsuite ").count - 1 == 4)
        #expect(output.components(separatedBy: "</testsuite>").count - 1 == 4)
        #expect(output.components(separatedBy: "<testcase ").count - 1 == 7)
        #expect(output.components(separatedBy: "<failure ").count - 1 == 5)
        #expect(output.components(separatedBy: "<system-out>").count - 1 == 1)
    }

    @Test func escapingCoversAllFiveEntities() {
        #expect(XMLEscaping.attribute("a&b<c>d\"e'f\ng\th\ri") == "a&amp;b&lt;c&gt;d&quot;e&apos;f&#10;g&#9;h&#13;i")
        #expect(XMLEscaping.text("a&b<c>d\"e'f\ng\th") == "a&amp;b&lt;c&gt;d&quot;e&apos;f\ng\th")
        #expect(XMLEscaping.text("x\u{01}\u{1F}y\u{FFFE}é") == "xyé")
    }

    @Test func findingOfAnUndescribedRuleGetsItsOwnSuite() {
        let finding = Finding(ruleID: "parse-error", severity: .warning, message: "m",
                              location: SourceLocation(file: "Dockerfile", line: 2))
        let report = Report(findings: [finding], summary: Report.Summary(warnings: 1), rules: [])
        let suites = JUnitReporter.suites(report)
        #expect(suites.map(\.ruleID) == ["parse-error"])
        #expect(suites.first?.findings == [finding])
    }
}
