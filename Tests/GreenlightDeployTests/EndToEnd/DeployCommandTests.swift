import Foundation
import GreenlightCore
import GreenlightTestSupport
import GreenlightVerify
import Testing
@testable import GreenlightDeploy

/// `greenlight deploy` as a user runs it: the example runbooks in a scratch copy of
/// Examples/, gates without a terminal, the failing variant, freezes, and a deployment
/// killed with SIGKILL in the middle of a step.
@Suite(.serialized) struct DeployCommandTests {
    static var packageRoot: URL { GreenlightBinary.packageRoot }
    static var binary: String { GreenlightBinary.path }

    /// A scratch copy of Examples/runbooks and the project its check step reads, with
    /// free ports for the demo's processes.
    struct Scratch {
        let root: String
        let environment: [String: String]

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-deploy-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for example in ["runbooks", "compose-fixed"] {
                try FileManager.default.copyItem(atPath: DeployCommandTests.packageRoot.appendingPathComponent("Examples/\(example)").path,
                                                 toPath: root + "/" + example)
            }
            // What a demo run in the checkout left behind (its state, history, journals) is not part of the example.
            for leftover in [".demo-state", ".greenlight", "deployments"] {
                try? FileManager.default.removeItem(atPath: root + "/runbooks/" + leftover)
            }
            var environment = ProcessInfo.processInfo.environment
            environment["NO_COLOR"] = "1"
            environment["GREENLIGHT_ACTOR"] = "e2e@example.com"
            environment["DEMO_APP_PORT"] = String(try Self.freePort())
            environment["DEMO_CONFIG_PORT"] = String(try Self.freePort())
            environment.removeValue(forKey: "GREENLIGHT_STORE")
            self.environment = environment
        }

        var runbooks: String { root + "/runbooks" }

        func deploy(_ arguments: [String]) async throws -> ShellResult {
            try await ShellProcess.run([DeployCommandTests.binary, "deploy"] + arguments, directory: runbooks,
                                       environment: environment, timeout: .seconds(120))
        }

        func greenlight(_ arguments: [String]) async throws -> ShellResult {
            try await ShellProcess.run([DeployCommandTests.binary] + arguments, directory: runbooks,
                                       environment: environment, timeout: .seconds(60))
        }

        func store() async throws -> any DeploymentStore {
            try await DeploymentStores.open(nil, directory: runbooks)
        }

        func stopDemo() async {
            _ = try? await ShellProcess.run(["/bin/sh", runbooks + "/demo/ctl.sh", "stop-all"], directory: runbooks,
                                            environment: environment.merging(["STATE_DIR": ".demo-state"]) { _, new in new },
                                            timeout: .seconds(10))
            try? FileManager.default.removeItem(atPath: root)
        }

        static func freePort() throws -> Int {
            let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(socket) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { rebound in
                    bind(socket, rebound, length) == 0 && getsockname(socket, rebound, &length) == 0
                }
            }
            guard bound else { throw POSIXError(.EADDRINUSE) }
            return Int(UInt16(bigEndian: address.sin_port))
        }
    }

    /// Runs `body` in a fresh scratch copy, then stops the demo's processes and removes the copy.
    static func withScratch(_ body: (Scratch) async throws -> Void) async throws {
        let scratch = try Scratch()
        do {
            try await body(scratch)
        } catch {
            await scratch.stopDemo()
            throw error
        }
        await scratch.stopDemo()
    }

    static func onlyDeployment(_ scratch: Scratch) async throws -> DeploymentRecord {
        let store = try await scratch.store()
        defer { Task { await store.close() } }
        let all = try await store.deployments(DeploymentQuery())
        return try #require(all.first)
    }

    @Test func theDemoPausesAtEachGateWithoutATerminalAndFinishesWhenApproved() async throws {
        try await Self.withScratch { scratch in
            // Inside a freeze (e.g. a Friday afternoon in Berlin) the demo would refuse; the override is only recorded then.
            let override = ["--override-freeze", "--reason", "test run"]
            let first = try await scratch.deploy(["production.yml"] + override)
            #expect(first.exitStatus == 3, "\(first.output)")
            #expect(first.output.contains("waits for approval before Phase 2 - Environment preparation"))
            let id = try await Self.onlyDeployment(scratch).id
            #expect(first.output.contains("greenlight deploy --resume \(id) --approve"))

            let second = try await scratch.deploy(["--resume", id, "--approve"])
            #expect(second.exitStatus == 3, "\(second.output)")
            #expect(second.output.contains("before Phase 4 - Application deployment"))

            let third = try await scratch.deploy(["--resume", String(id.prefix(5)), "--approve", "--note", "first demo run"])
            #expect(third.exitStatus == 0, "\(third.output)")
            #expect(third.output.contains("Deployment \(id) succeeded"))

            let record = try await Self.onlyDeployment(scratch)
            #expect(record.status == .succeeded)
            let store = try await scratch.store()
            let steps = try await store.steps(deploymentID: id)
            let events = try await store.events(deploymentID: id)
            await store.close()
            #expect(steps.filter { $0.section != .rollback }.count == 20)
            #expect(steps.allSatisfy { $0.outcome == .passed })
            #expect(events.filter { $0.kind == .gateApproved }.count == 2)
            #expect(events.contains { $0.kind == .note && $0.message == "first demo run" })

            let journal = try String(contentsOfFile: scratch.runbooks + "/" + record.journalPath, encoding: .utf8)
            #expect(record.journalPath.hasPrefix("deployments/"))
            #expect(record.journalPath.hasSuffix("-demo-production-\(id).md"))
            for section in ["## Git References", "## Deployment Plan", "## Progress Log", "## Validation Results", "## Key Learnings"] {
                #expect(journal.contains(section), "journal lacks \(section)")
            }
            #expect(journal.contains("first demo run"))
        }
    }

    @Test func theFailingVariantRollsBackEveryPhaseThatRanAndSaysSo() async throws {
        try await Self.withScratch { scratch in
            let result = try await scratch.deploy(["production-failing.yml", "--yes", "--override-freeze", "--reason", "test run"])
            #expect(result.exitStatus == 1, "\(result.output)")
            #expect(result.output.contains("was rolled back"))
            #expect(result.output.contains("step 'smoke test of the orders API' of Phase 5 - Validation & testing failed: exit status 1"))
            let record = try await Self.onlyDeployment(scratch)
            #expect(record.status == .rolledBack)
            #expect(record.productionChanged)
            #expect(!record.caughtBeforeProduction)
            let store = try await scratch.store()
            let rollback = try await store.steps(deploymentID: record.id).filter { $0.section == .rollback }
            await store.close()
            #expect(rollback.map(\.phaseIndex) == [3, 2, 1])
            #expect(rollback.allSatisfy { $0.outcome == .passed })
            let journal = try String(contentsOfFile: scratch.runbooks + "/" + record.journalPath, encoding: .utf8)
            #expect(journal.contains("## Rollback"))
            #expect(journal.contains("put the previous release back"))
        }
    }

    @Test func aFreezeWindowBlocksTheStartUnlessOverriddenWithAReason() async throws {
        try await Self.withScratch { scratch in
            let runbook = """
                name: frozen
                environment: staging
                freeze:
                  timezone: UTC
                  windows:
                    - weekly: monday-sunday
                      reason: change freeze for the audit
                phases:
                  - name: Ship
                    steps:
                      - run: echo shipped > shipped
                """
            try runbook.write(toFile: scratch.runbooks + "/frozen.yml", atomically: true, encoding: .utf8)
            let refused = try await scratch.deploy(["frozen.yml"])
            #expect(refused.exitStatus == 4, "\(refused.output)")
            #expect(refused.output.contains("change freeze for the audit"))
            #expect(refused.output.contains("--override-freeze --reason"))
            #expect(!FileManager.default.fileExists(atPath: scratch.runbooks + "/shipped"))

            let missingReason = try await scratch.deploy(["frozen.yml", "--override-freeze"])
            #expect(missingReason.exitStatus == 2)

            let overridden = try await scratch.deploy(["frozen.yml", "--override-freeze", "--reason", "hotfix for the outage"])
            #expect(overridden.exitStatus == 0, "\(overridden.output)")
            let record = try await Self.onlyDeployment(scratch)
            #expect(record.freezeOverrideReason == "hotfix for the outage")
            let journal = try String(contentsOfFile: scratch.runbooks + "/" + record.journalPath, encoding: .utf8)
            #expect(journal.contains("hotfix for the outage"))
        }
    }

    @Test func aDeploymentKilledMidStepResumesFromThatStepAndLosesNothing() async throws {
        try await Self.withScratch { scratch in
            let runbook = """
                name: killable
                environment: staging
                phases:
                  - name: First
                    steps:
                      - run: echo one >> log
                  - name: Second
                    steps:
                      - run: echo two-started >> log; test -f resumed || sleep 60; echo two-done >> log
                      - run: echo three >> log
                """
            try runbook.write(toFile: scratch.runbooks + "/killable.yml", atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = ["deploy", "killable.yml", "--yes"]
            process.currentDirectoryURL = URL(fileURLWithPath: scratch.runbooks)
            process.environment = scratch.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let log = scratch.runbooks + "/log"
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, !((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").contains("two-started") {
                try await Task.sleep(for: .milliseconds(50))
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            #expect(process.terminationReason == .uncaughtSignal)

            let killed = try await Self.onlyDeployment(scratch)
            #expect(killed.status == .running)
            let store = try await scratch.store()
            let before = try await store.steps(deploymentID: killed.id)
            #expect(before.count == 2)
            #expect(before.last?.finishedAt == nil)

            // The step's command outlives the killed process; resuming now would run it twice.
            let busy = try await scratch.deploy(["--resume", killed.id, "--rerun"])
            #expect(busy.exitStatus == 2, "\(busy.output)")
            #expect(busy.output.contains("what its step started still runs"))
            #expect(busy.output.contains("sleep 60"))
            let stop = try #require(busy.output.split(separator: "\n").first { $0.contains("kill -- -") })
            let group = try #require(stop.split(separator: "-").compactMap { Int32($0.prefix { $0.isNumber }) }.first)
            // Only the step's own group: never this test's group or session.
            try #require(group > 1 && group != getpgrp() && group != getsid(0))
            let sleeper = try String(contentsOfFile: "/proc/\(group)/cmdline", encoding: .utf8)
            try #require(sleeper.contains("two-started"), "group \(group) is \(sleeper)")
            kill(-group, SIGKILL)
            let gone = Date().addingTimeInterval(10)
            while Date() < gone, kill(-group, 0) == 0 { try await Task.sleep(for: .milliseconds(20)) }

            FileManager.default.createFile(atPath: scratch.runbooks + "/resumed", contents: Data())
            let refused = try await scratch.deploy(["--resume", killed.id])
            #expect(refused.exitStatus == 2, "\(refused.output)")
            #expect(refused.output.contains("--rerun or --skip-interrupted"))

            let resumed = try await scratch.deploy(["--resume", killed.id, "--rerun"])
            #expect(resumed.exitStatus == 0, "\(resumed.output)")
            let after = try await store.steps(deploymentID: killed.id)
            await store.close()
            #expect(after.prefix(2).map(\.id) == before.map(\.id))
            #expect(after.map { $0.outcome } == [.passed, .interrupted, .passed, .passed])
            let lines = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            #expect(lines == ["one", "two-started", "two-started", "two-done", "three"], "the killed command never wrote two-done")
            #expect(try await Self.onlyDeployment(scratch).status == .succeeded)
        }
    }
}
