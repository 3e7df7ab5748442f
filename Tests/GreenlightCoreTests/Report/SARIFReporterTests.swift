import Foundation
import Testing
@testable import GreenlightCore

@Suite("SARIFReporter")
struct SARIFReporterTests {
    private func run(_ report: Report) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report, color: false).utf8))
        let log = try #require(object as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    private func results(_ report: Report) throws -> [[String: Any]] {
        try #require(try run(report)["results"] as? [[String: Any]])
    }

    @Test func driverCarriesRuleMetadata() throws {
        let run = try run(ReportFixture.report)
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "greenlight")
        #expect(driver["version"] as? String == "1.2.3")
        #expect(driver["informationUri"] as? String == "https://github.com/greenlight-dev/greenlight")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.compactMap { $0["id"] as? String } == ["port-mismatch", "env-var-unset", "entrypoint-module-missing"])
        let first = try #require(rules.first)
        #expect((first["shortDescription"] as? [String: String])?["text"] == ReportFixture.rules[0].title)
        #expect((first["fullDescription"] as? [String: String])?["text"] == ReportFixture.rules[0].rationale)
        #expect((first["help"] as? [String: String])?["text"] == ReportFixture.rules[0].fix)
        #expect((first["defaultConfiguration"] as? [String: String])?["level"] == "error")
        #expect((first["properties"] as? [String: [String]])?["tags"] == ["deployment"])
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
        #expect(bases["%SRCROOT%"] != nil)
    }

    @Test func resultsPointAtRulesAndLocations() throws {
        let results = try results(ReportFixture.report)
        #expect(results.count == ReportFixture.findings.count)
        let ruleIDs = ReportFixture.rules.map(\.id)
        for result in results {
            let ruleID = try #require(result["ruleId"] as? String)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
            #expect((result["message"] as? [String: String])?["text"]?.isEmpty == false)
            if let index = result["ruleIndex"] as? Int {
                #expect(ruleIDs[index] == ruleID)
            } else {
                #expect(!ruleIDs.contains(ruleID))
            }
        }
        let located = try #require(results.first { ($0["properties"] as? [String: String])?["service"] == "api" && $0["level"] as? String == "note" })
        let locations = try #require(located["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        let artifact = try #require(physical["artifactLocation"] as? [String: String])
        #expect(artifact == ["uri": "api/app/main.py", "uriBaseId": "%SRCROOT%"])
        #expect(physical["region"] as? [String: Int] == ["startLine": 9, "startColumn": 13])
    }

    @Test func findingWithoutLocationHasNoLocations() throws {
        let results = try results(ReportFixture.report)
        let worker = try #require(results.first { ($0["properties"] as? [String: String])?["service"] == "worker" })
        #expect(worker["locations"] == nil)
        #expect(worker["partialFingerprints"] != nil)
    }

    @Test func relatedLocationsHaveIDsAndMessages() throws {
        let results = try results(ReportFixture.report)
        let database = try #require(results.first { ($0["locations"] as? [[String: Any]]) != nil && $0["relatedLocations"] != nil && $0["level"] as? String == "warning" })
        let related = try #require(database["relatedLocations"] as? [[String: Any]])
        #expect(related.compactMap { $0["id"] as? Int } == [1, 2])
        #expect((related[0]["message"] as? [String: String])?["text"] == "services.api has no environment")
        #expect(related[1]["message"] == nil)
    }

    @Test func pathsArePercentEncoded() throws {
        let finding = Finding(ruleID: "port-mismatch", severity: .error, message: "m",
                              location: SourceLocation(file: "deploy/my app/Dockerfile#1 é%", line: 3, column: 1))
        let report = Report(findings: [finding], summary: Report.Summary(errors: 1), rules: [])
        let output = SARIFReporter().render(report, color: false)
        #expect(output.contains("\"uri\": \"deploy/my%20app/Dockerfile%231%20%C3%A9%25\""))
        #expect(URIEncoding.encodePath("a-b_c.d~e/F0") == "a-b_c.d~e/F0")
    }

    @Test func outOfRangePositionsAreLeftOutNotWrittenInvalid() throws {
        let finding = Finding(ruleID: "r", severity: .note, message: "m",
                              location: SourceLocation(file: "Dockerfile", line: 0, column: 0))
        let report = Report(findings: [finding], summary: Report.Summary(notes: 1), rules: [])
        let results = try results(report)
        let locations = try #require(results.first?["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        #expect(physical["region"] == nil)
        #expect(physical["artifactLocation"] != nil)
    }

    @Test func fnv1aMatchesReferenceVectors() {
        #expect(Fingerprint.hex(Fingerprint.fnv1a64([UInt8]())) == "cbf29ce484222325")
        #expect(Fingerprint.hex(Fingerprint.fnv1a64(Array("a".utf8))) == "af63dc4c8601ec8c")
        #expect(Fingerprint.hex(Fingerprint.fnv1a64(Array("foobar".utf8))) == "85944171f73967e8")
        #expect(Fingerprint.hex(1) == "0000000000000001")
    }

    @Test func fingerprintIgnoresDigitsButNotIdentity() {
        let base = Finding(ruleID: "port-mismatch", severity: .error, message: "probes port 8000, app listens on 8080",
                           location: SourceLocation(file: "docker-compose.yml", line: 14), service: "api")
        var moved = base
        moved.location = SourceLocation(file: "docker-compose.yml", line: 40, column: 9)
        moved.message = "probes port 9000, app listens on 9090"
        #expect(Fingerprint.finding(base) == Fingerprint.finding(moved))
        var otherService = base
        otherService.service = "web"
        #expect(Fingerprint.finding(base) != Fingerprint.finding(otherService))
        var otherFile = base
        otherFile.location = SourceLocation(file: "compose.yaml", line: 14)
        #expect(Fingerprint.finding(base) != Fingerprint.finding(otherFile))
        var otherRule = base
        otherRule.ruleID = "port-unpublished"
        #expect(Fingerprint.finding(base) != Fingerprint.finding(otherRule))
        #expect(Fingerprint.finding(base).utf8.count == 16)
    }
}
