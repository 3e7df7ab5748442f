import Foundation
@testable import GreenlightCore
import Testing

/// Bytes that matter to YAML and to the runbook's own syntax (durations, `${}`, keys).
private let interestingBytes: [UInt8] = Array("\n\r\t :-_#'\"[]{},&*!|>$\\?%@`0123456789smh".utf8) + [0xFF, 0xC3, 0x80, 0x00]

@Suite struct RunbookFuzzTests {
    static let fixtures: [String] = [
        RunbookLoaderTests.eightPhases.text,
        """
        name: staging
        environment: staging
        directory: .
        timeout: 90s
        freeze: {timezone: UTC, windows: [weekends, {date: 2026-12-25, reason: Christmas}]}
        variables: {TAG: "${GIT_SHA:-dev}", N: 3}
        probes:
          - name: api
            http: http://localhost:${PORT:-8000}/health
            status: [200, 204]
        phases:
          - name: Build
            steps:
              - run: {command: make, timeout: 5m, env: {CI: "1"}}
              - check: {path: ., fail-on: warning}
            gate: {message: Ship it?}
          - name: Ship
            changes-production: true
            steps: [{run: ./ship.sh, directory: ops}, {wait: 1s}, {verify: [api], wait: 30s}]
            exit-criteria: [{verify: api}]
            rollback: [{run: ./unship.sh}, {note: rolled back}]
        """,
    ]

    @Test func parseReturnsOrReportsLocatedIssuesForMutatedRunbooks() {
        var random = SeededRandom(seed: 0x5EED_0F_2B00C)
        let directory = RunbookLoader.normalized(FileManager.default.temporaryDirectory.path)
        let project = RunbookValidationTests.project
        var rejected = 0
        for round in 0..<1500 {
            let fixture = Array(Self.fixtures[round % Self.fixtures.count].utf8)
            let source = SourceText(path: "deploy/production.yml",
                                    bytes: ByteMutator.mutate(fixture, random: &random, interestingBytes: interestingBytes))
            do {
                let runbook = try RunbookLoader.parse(source, directory: directory, projectVerify: project, environment: ["PORT": "1"])
                #expect(!runbook.name.isEmpty && !runbook.environment.isEmpty && !runbook.phases.isEmpty, "round \(round)")
                #expect(Set(runbook.phases.map(\.name)).count == runbook.phases.count, "round \(round)")
            } catch {
                rejected += 1
                #expect(!error.issues.isEmpty, "round \(round)")
                #expect(ByteMutator.issuesAreInFile(error.issues, source), "round \(round): \(error)")
            }
        }
        #expect(rejected > 100 && rejected < 1500, "mutations should both break and keep runbooks: \(rejected) rejected")
    }

    @Test func theUnmutatedFixturesParse() throws {
        let directory = RunbookLoader.normalized(FileManager.default.temporaryDirectory.path)
        for fixture in Self.fixtures {
            let runbook = try RunbookLoader.parse(SourceText(path: "deploy/production.yml", string: fixture), directory: directory,
                                                  projectVerify: RunbookValidationTests.project, environment: [:])
            #expect(!runbook.phases.isEmpty)
        }
    }
}
