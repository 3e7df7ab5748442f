import Foundation
import GreenlightDeploy
import Testing

/// What every `DeploymentStore` must do, run against SQLite and PostgreSQL alike.
/// `name` is how the store names itself in messages.
enum StoreBehaviour: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case roundTrip, everyEnumValue, steps, events, changes, queries, idPrefix, refusals

    var testDescription: String { rawValue }

    func check(_ store: any DeploymentStore, name: String) async throws {
        switch self {
        case .roundTrip: try await Self.roundTrip(store)
        case .everyEnumValue: try await Self.everyEnumValue(store)
        case .steps: try await Self.steps(store, name: name)
        case .events: try await Self.events(store)
        case .changes: try await Self.changes(store, name: name)
        case .queries: try await Self.queries(store)
        case .idPrefix: try await Self.idPrefix(store)
        case .refusals: try await Self.refusals(store, name: name)
        }
    }

    /// Every field comes back as written, dates to the millisecond, nils as nils.
    private static func roundTrip(_ store: any DeploymentStore) async throws {
        let full = StoreFixtures.full()
        let minimal = StoreFixtures.minimal()
        try await store.insert(full)
        try await store.insert(minimal)
        #expect(try await store.deployment(id: full.id) == full)
        #expect(try await store.deployment(id: minimal.id) == minimal)
        #expect(try await store.deployment(id: "ffffffff") == nil)

        // Sub-millisecond parts are rounded to the nearest millisecond.
        var updated = full
        updated.status = .succeeded
        updated.finishedAt = Date(timeIntervalSince1970: 1_700_000_400.4566)
        updated.failureSummary = nil
        updated.stoppedBy = nil
        updated.gitCommit = nil
        updated.commitTime = nil
        updated.phaseIndex = 4
        updated.productionChanged = false
        try await store.update(updated)
        var expected = updated
        expected.finishedAt = Date(timeIntervalSince1970: 1_700_000_400.457)
        #expect(try await store.deployment(id: full.id) == expected)
        #expect(try await store.deployment(id: minimal.id) == minimal, "an update touches one record only")
    }

    private static func everyEnumValue(_ store: any DeploymentStore) async throws {
        var deployment = StoreFixtures.minimal()
        try await store.insert(deployment)
        for status in DeploymentStatus.allCases {
            deployment.status = status
            try await store.update(deployment)
            #expect(try await store.deployment(id: deployment.id)?.status == status)
        }
        for (index, section) in StepSection.allCases.enumerated() {
            for (number, outcome) in StepOutcome.allCases.enumerated() {
                var step = StoreFixtures.step(deployment.id, number, title: "\(section)-\(outcome)",
                                              startedAt: StoreFixtures.at(Double(index * 10 + number)), section: section)
                step = try await store.startStep(step)
                step.outcome = outcome
                try await store.finishStep(step)
            }
        }
        let steps = try await store.steps(deploymentID: deployment.id)
        #expect(steps.map { "\($0.section)-\($0.outcome.map { "\($0)" } ?? "nil")" }
                == StepSection.allCases.flatMap { section in StepOutcome.allCases.map { "\(section)-\($0)" } })
        for (number, kind) in DeploymentEvent.Kind.allCases.enumerated() {
            try await store.append(DeploymentEvent(deploymentID: deployment.id, at: StoreFixtures.at(Double(number)),
                                                   kind: kind, message: kind.rawValue))
        }
        #expect(try await store.events(deploymentID: deployment.id).map(\.kind) == DeploymentEvent.Kind.allCases)
    }

    /// Steps come back in the order they started, finished or not, with all their fields.
    private static func steps(_ store: any DeploymentStore, name: String) async throws {
        let deployment = StoreFixtures.minimal()
        let other = StoreFixtures.minimal(id: "0dd0dd00")
        try await store.insert(deployment)
        try await store.insert(other)
        var first = try await store.startStep(StoreFixtures.step(deployment.id, 0, title: "migrate", startedAt: StoreFixtures.at(10)))
        var second = try await store.startStep(StoreFixtures.step(deployment.id, 1, title: "deploy", startedAt: StoreFixtures.at(20)))
        let elsewhere = try await store.startStep(StoreFixtures.step(other.id, 0, title: "elsewhere", startedAt: StoreFixtures.at(15)))
        let firstID = try #require(first.id)
        let secondID = try #require(second.id)
        #expect(firstID != secondID && elsewhere.id != nil)
        // The one started earlier finishes later.
        second.finishedAt = Date(timeIntervalSince1970: 1_700_000_030.25)
        second.outcome = .passed
        second.exitCode = 0
        second.outputTail = "deployed api:2.4\nhealthy"
        second.message = "exit status 0"
        try await store.finishStep(second)
        first.finishedAt = StoreFixtures.at(40)
        first.outcome = .failed
        first.exitCode = -9
        first.outputTail = String(repeating: "é", count: 2048)
        first.message = "killed by signal 9"
        try await store.finishStep(first)
        let running = try await store.startStep(StoreFixtures.step(deployment.id, 0, title: "rollback", startedAt: StoreFixtures.at(50),
                                                                   section: .rollback))

        let steps = try await store.steps(deploymentID: deployment.id)
        #expect(steps == [first, second, running])
        #expect(running.outcome == nil && running.finishedAt == nil && steps.last?.exitCode == nil)
        #expect(try await store.steps(deploymentID: other.id) == [elsewhere])
        #expect(try await store.steps(deploymentID: "ffffffff").isEmpty)

        // Steps started in the same millisecond keep their start order.
        let a = try await store.startStep(StoreFixtures.step(other.id, 1, title: "a", startedAt: StoreFixtures.at(90)))
        let b = try await store.startStep(StoreFixtures.step(other.id, 2, title: "b", startedAt: StoreFixtures.at(90)))
        #expect(try await store.steps(deploymentID: other.id).map(\.title) == ["elsewhere", "a", "b"])
        #expect((a.id ?? 0) < (b.id ?? 0))

        let message = await storeErrorMessage { try await store.finishStep(StoreFixtures.step(deployment.id, 9, title: "never started", startedAt: StoreFixtures.at(1))) }
        #expect(message?.contains("has no id") == true && message?.contains(name) == true, "\(message ?? "no error")")
        var unknown = first
        unknown.id = 987_654
        let missing = await storeErrorMessage { try await store.finishStep(unknown) }
        #expect(missing == "cannot write to \(name): no step 987654 to finish")
    }

    /// Events come back in the order they happened; ties keep the order they were appended.
    private static func events(_ store: any DeploymentStore) async throws {
        let deployment = StoreFixtures.minimal()
        try await store.insert(deployment)
        try await store.insert(StoreFixtures.minimal(id: "0dd0dd00"))
        let appended: [(Double, DeploymentEvent.Kind, String)] = [
            (5, .phaseStarted, "phase 1 \"build\""), (1, .started, "started by ana"), (5, .gateWaiting, "approve rollout?"),
            (9, .note, "line one\nline two — ünïcode"),
        ]
        for (seconds, kind, message) in appended {
            try await store.append(DeploymentEvent(deploymentID: deployment.id, at: StoreFixtures.at(seconds), kind: kind, message: message))
        }
        try await store.append(DeploymentEvent(deploymentID: "0dd0dd00", at: StoreFixtures.at(3), kind: .note, message: "other"))
        let events = try await store.events(deploymentID: deployment.id)
        #expect(events.map(\.kind) == [.started, .phaseStarted, .gateWaiting, .note])
        #expect(events.map(\.message) == ["started by ana", "phase 1 \"build\"", "approve rollout?", "line one\nline two — ünïcode"])
        #expect(events.map(\.at) == [StoreFixtures.at(1), StoreFixtures.at(5), StoreFixtures.at(5), StoreFixtures.at(9)])
        #expect(events.allSatisfy { $0.id != nil && $0.deploymentID == deployment.id })
        #expect(Set(events.compactMap(\.id)).count == 4)
    }

    private static func changes(_ store: any DeploymentStore, name: String) async throws {
        let one = StoreFixtures.minimal(id: "11111111")
        let two = StoreFixtures.minimal(id: "22222222")
        try await store.insert(one)
        try await store.insert(two)
        try await store.recordChanges([])
        try await store.recordChanges([
            ChangeRecord(deploymentID: one.id, sha: "bbbb", committedAt: StoreFixtures.at(-200)),
            ChangeRecord(deploymentID: one.id, sha: "aaaa", committedAt: StoreFixtures.at(-300)),
            ChangeRecord(deploymentID: two.id, sha: "aaaa", committedAt: StoreFixtures.at(-300)),
        ])
        // Recording the same commit again (a resumed deployment) keeps one row, the later time.
        try await store.recordChanges([
            ChangeRecord(deploymentID: one.id, sha: "bbbb", committedAt: StoreFixtures.at(-100)),
            ChangeRecord(deploymentID: one.id, sha: "cccc", committedAt: StoreFixtures.base),
            ChangeRecord(deploymentID: one.id, sha: "cccc", committedAt: StoreFixtures.at(-50)),
        ])
        #expect(try await store.changes(deploymentIDs: [one.id]) == [
            ChangeRecord(deploymentID: one.id, sha: "aaaa", committedAt: StoreFixtures.at(-300)),
            ChangeRecord(deploymentID: one.id, sha: "bbbb", committedAt: StoreFixtures.at(-100)),
            ChangeRecord(deploymentID: one.id, sha: "cccc", committedAt: StoreFixtures.at(-50)),
        ])
        #expect(try await store.changes(deploymentIDs: [two.id, one.id, two.id]).map { "\($0.deploymentID):\($0.sha)" }
                == ["11111111:aaaa", "22222222:aaaa", "11111111:bbbb", "11111111:cccc"])
        #expect(try await store.changes(deploymentIDs: []).isEmpty)
        #expect(try await store.changes(deploymentIDs: ["ffffffff"]).isEmpty)
        let many = (0..<1200).map { String(format: "%08x", $0) } + [two.id]
        #expect(try await store.changes(deploymentIDs: many).count == 1, "long id lists are read in full")

        let message = await storeErrorMessage {
            try await store.recordChanges([ChangeRecord(deploymentID: two.id, sha: "eeee", committedAt: StoreFixtures.base),
                                           ChangeRecord(deploymentID: "ffffffff", sha: "dddd", committedAt: StoreFixtures.base)])
        }
        #expect(message == "cannot write to \(name): no deployment ffffffff for change dddd")
        #expect(try await store.changes(deploymentIDs: [two.id]).map(\.sha) == ["aaaa"], "a refused batch records nothing")
    }

    /// Newest first, every filter, the limit.
    private static func queries(_ store: any DeploymentStore) async throws {
        let records = [
            StoreFixtures.minimal(id: "a0000001", environment: "staging", runbook: "api", status: .succeeded, startedAt: StoreFixtures.at(100)),
            StoreFixtures.minimal(id: "a0000002", environment: "production", runbook: "api", status: .failed, startedAt: StoreFixtures.at(200)),
            StoreFixtures.minimal(id: "a0000003", environment: "production", runbook: "worker", status: .succeeded, startedAt: StoreFixtures.at(300)),
            StoreFixtures.minimal(id: "a0000004", environment: "production", runbook: "api", status: .succeeded, startedAt: StoreFixtures.at(400)),
            StoreFixtures.minimal(id: "a0000005", environment: "staging", runbook: "worker", status: .running, startedAt: StoreFixtures.at(400)),
            StoreFixtures.minimal(id: "a0000006", environment: "production", runbook: "api", status: .abandoned, startedAt: StoreFixtures.at(50)),
        ]
        for record in records.shuffled() { try await store.insert(record) }
        func ids(_ query: DeploymentQuery) async throws -> [String] {
            try await store.deployments(query).map { String($0.id.suffix(1)) }
        }
        #expect(try await ids(DeploymentQuery()) == ["5", "4", "3", "2", "1", "6"], "newest first; ties by id, highest first")
        #expect(try await ids(DeploymentQuery(environment: "production")) == ["4", "3", "2", "6"])
        #expect(try await ids(DeploymentQuery(runbook: "worker")) == ["5", "3"])
        #expect(try await ids(DeploymentQuery(status: .succeeded)) == ["4", "3", "1"])
        #expect(try await ids(DeploymentQuery(since: StoreFixtures.at(200))) == ["5", "4", "3", "2"], "since is inclusive")
        #expect(try await ids(DeploymentQuery(since: Date(timeIntervalSince1970: 1_700_000_200.001))) == ["5", "4", "3"])
        #expect(try await ids(DeploymentQuery(environment: "production", runbook: "api", status: .succeeded, since: StoreFixtures.at(100))) == ["4"])
        #expect(try await ids(DeploymentQuery(limit: 2)) == ["5", "4"])
        #expect(try await ids(DeploymentQuery(environment: "production", limit: 3)) == ["4", "3", "2"])
        #expect(try await ids(DeploymentQuery(limit: 0)).isEmpty)
        #expect(try await ids(DeploymentQuery(environment: "qa")).isEmpty)
        #expect(try await store.deployments(DeploymentQuery(runbook: "api")) == records.filter { $0.runbook == "api" }
            .sorted { ($0.startedAt, $0.id) > ($1.startedAt, $1.id) }, "whole records come back")
    }

    /// A prefix matches from the start, byte for byte: no wildcards, no case folding.
    private static func idPrefix(_ store: any DeploymentStore) async throws {
        try await store.insert(StoreFixtures.minimal(id: "3fa91111", startedAt: StoreFixtures.at(1)))
        try await store.insert(StoreFixtures.minimal(id: "3fa92222", startedAt: StoreFixtures.at(2)))
        try await store.insert(StoreFixtures.minimal(id: "3fb00000", startedAt: StoreFixtures.at(3)))
        try await store.insert(StoreFixtures.minimal(id: "a3fa9000", startedAt: StoreFixtures.at(4)))
        #expect(try await store.deployments(idPrefix: "3fa9").map(\.id) == ["3fa92222", "3fa91111"])
        #expect(try await store.deployments(idPrefix: "3f").map(\.id) == ["3fb00000", "3fa92222", "3fa91111"])
        #expect(try await store.deployments(idPrefix: "3fa91111").map(\.id) == ["3fa91111"])
        #expect(try await store.deployments(idPrefix: "3fa911112").isEmpty)
        #expect(try await store.deployments(idPrefix: "3FA9").isEmpty)
        #expect(try await store.deployments(idPrefix: "3fa_").isEmpty)
        #expect(try await store.deployments(idPrefix: "%").isEmpty)
        #expect(try await store.deployments(idPrefix: "").count == 4)
    }

    private static func refusals(_ store: any DeploymentStore, name: String) async throws {
        let deployment = StoreFixtures.minimal()
        try await store.insert(deployment)
        var changed = deployment
        changed.status = .failed
        let duplicate = await storeErrorMessage { try await store.insert(changed) }
        #expect(duplicate == "cannot write to \(name): deployment 00c0ffee is already recorded")
        #expect(try await store.deployment(id: deployment.id) == deployment, "a refused insert changes nothing")
        let missing = await storeErrorMessage { try await store.update(StoreFixtures.minimal(id: "ffffffff")) }
        #expect(missing == "cannot write to \(name): no deployment ffffffff to update")
        #expect(try await store.deployment(id: "ffffffff") == nil, "an update does not insert")
        let orphan = await storeErrorMessage {
            _ = try await store.startStep(StoreFixtures.step("ffffffff", 0, title: "orphan", startedAt: StoreFixtures.base))
        }
        #expect(orphan == "cannot write to \(name): no deployment ffffffff for step \"orphan\"")
        let event = await storeErrorMessage {
            try await store.append(DeploymentEvent(deploymentID: "ffffffff", at: StoreFixtures.base, kind: .note, message: "x"))
        }
        #expect(event == "cannot write to \(name): no deployment ffffffff for event note")
    }
}
