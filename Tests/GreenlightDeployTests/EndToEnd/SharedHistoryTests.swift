import Foundation
import GreenlightTestSupport
import GreenlightVerify
import Testing
@testable import GreenlightDeploy

/// A team sharing one history in PostgreSQL: two checkouts deploy with
/// `--store postgresql://…`, one waits at a gate, the other approves it, and both read
/// the same history and metrics.
@Suite(.enabled(if: LivePostgres.available)) struct SharedHistoryTests {
    static let runbook = """
        name: shared
        environment: staging
        directory: .
        phases:
          - name: Build
            steps:
              - run: echo build >> log
            gate: Release it?
          - name: Release
            changes-production: true
            steps:
              - run: echo release >> log
        """

    static func checkout() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-shared-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try runbook.write(toFile: directory + "/runbook.yml", atomically: true, encoding: .utf8)
        return directory
    }

    static func greenlight(_ arguments: [String], in directory: String, actor: String) async throws -> ShellResult {
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        environment["GREENLIGHT_ACTOR"] = actor
        environment.removeValue(forKey: "GREENLIGHT_STORE")
        return try await ShellProcess.run([GreenlightBinary.path] + arguments, directory: directory,
                                          environment: environment, timeout: .seconds(60))
    }

    @Test func twoCheckoutsShareOneHistoryInPostgreSQL() async throws {
        try await LivePostgres.withSchema { url, _ in
            let alice = try Self.checkout()
            let bob = try Self.checkout()
            defer {
                try? FileManager.default.removeItem(atPath: alice)
                try? FileManager.default.removeItem(atPath: bob)
            }
            let started = try await Self.greenlight(["deploy", "runbook.yml", "--store", url], in: alice, actor: "alice@example.com")
            #expect(started.exitStatus == 3, "\(started.output)")
            #expect(!FileManager.default.fileExists(atPath: alice + "/.greenlight"), "no local history with --store")

            let store = try await PostgresDeploymentStore.open(url: url, directory: bob)
            let waiting = try #require(try await store.deployments(DeploymentQuery()).first)
            #expect(waiting.status == .awaitingApproval)
            #expect(waiting.actor == "alice@example.com")

            let busy = try await Self.greenlight(["deploy", "runbook.yml", "--store", url], in: bob, actor: "bob@example.com")
            #expect(busy.exitStatus == 2)
            #expect(busy.output.contains("deployment \(waiting.id) of shared to staging"))
            #expect(busy.output.contains("is waiting for approval"))

            let approved = try await Self.greenlight(["deploy", "--resume", waiting.id, "--approve", "--store", url, "runbook.yml"],
                                                     in: bob, actor: "bob@example.com")
            #expect(approved.exitStatus == 0, "\(approved.output)")
            let events = try await store.events(deploymentID: waiting.id)
            #expect(events.contains { $0.kind == .gateApproved && $0.message.hasPrefix("Approved by bob@example.com") })
            let steps = try await store.steps(deploymentID: waiting.id)
            #expect(steps.map(\.title) == ["run: echo build >> log", "run: echo release >> log"])
            await store.close()

            let history = try await Self.greenlight(["history", "--store", url], in: alice, actor: "alice@example.com")
            #expect(history.exitStatus == 0)
            #expect(history.output.contains("\(waiting.id)  shared"))
            #expect(history.output.contains("succeeded"))
            let metrics = try await Self.greenlight(["metrics", "--store", url, "--format", "json"], in: alice, actor: "alice@example.com")
            #expect(metrics.exitStatus == 0, "\(metrics.output)")
            #expect(metrics.output.contains("\"success_rate\": 1"))
        }
    }
}
