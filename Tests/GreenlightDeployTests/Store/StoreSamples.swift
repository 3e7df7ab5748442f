import Foundation
import GreenlightDeploy
import Testing

/// A sample of every kind of record, written and then expected back.
enum StoreSamples {
    struct Sample {
        var deployment: DeploymentRecord
        var step: StepRecord
        var event: DeploymentEvent
        var change: ChangeRecord
    }

    static func writeSample(_ store: any DeploymentStore) async throws -> Sample {
        var deployment = StoreFixtures.full()
        try await store.insert(deployment)
        deployment.status = .failed
        try await store.update(deployment)
        var step = try await store.startStep(StoreFixtures.step(deployment.id, 0, title: "deploy", startedAt: StoreFixtures.at(5)))
        step.outcome = .failed
        step.finishedAt = StoreFixtures.at(6)
        try await store.finishStep(step)
        let event = DeploymentEvent(deploymentID: deployment.id, at: StoreFixtures.at(7), kind: .rollbackStarted, message: "rolling back")
        try await store.append(event)
        let change = ChangeRecord(deploymentID: deployment.id, sha: "abc123", committedAt: StoreFixtures.at(-60))
        try await store.recordChanges([change])
        return Sample(deployment: deployment, step: step, event: event, change: change)
    }

    static func expectSample(_ store: any DeploymentStore, _ sample: Sample) async throws {
        #expect(try await store.deployment(id: sample.deployment.id) == sample.deployment)
        #expect(try await store.steps(deploymentID: sample.deployment.id) == [sample.step])
        let events = try await store.events(deploymentID: sample.deployment.id)
        #expect(events.map { DeploymentEvent(deploymentID: $0.deploymentID, at: $0.at, kind: $0.kind, message: $0.message) } == [sample.event])
        #expect(try await store.changes(deploymentIDs: [sample.deployment.id]) == [sample.change])
    }

    /// Waits for a semaphore without holding up a thread of the test runner's pool.
    static func wait(for semaphore: DispatchSemaphore) async {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                semaphore.wait()
                continuation.resume()
            }
        }
    }
}

enum StoreConcurrency {
    /// 30 deployments, each with a step and an event, written by as many tasks at once
    /// while others read; every record must be there afterwards.
    static func manyCallsAtOnce(_ store: any DeploymentStore) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<30 {
                group.addTask {
                    let id = String(format: "c%07x", index)
                    try await store.insert(StoreFixtures.minimal(id: id, startedAt: StoreFixtures.at(Double(index))))
                    var step = try await store.startStep(StoreFixtures.step(id, 0, title: "step \(index)", startedAt: StoreFixtures.at(Double(index))))
                    step.outcome = .passed
                    try await store.finishStep(step)
                    try await store.append(DeploymentEvent(deploymentID: id, at: StoreFixtures.at(Double(index)), kind: .finished, message: id))
                    _ = try await store.deployments(DeploymentQuery(limit: 3))
                }
            }
            try await group.waitForAll()
        }
        let all = try await store.deployments(DeploymentQuery())
        #expect(all.map(\.id) == (0..<30).reversed().map { String(format: "c%07x", $0) })
        for index in [0, 17, 29] {
            let id = String(format: "c%07x", index)
            #expect(try await store.steps(deploymentID: id).map { "\($0.title) \($0.outcome.map { "\($0)" } ?? "-")" } == ["step \(index) passed"])
            #expect(try await store.events(deploymentID: id).map(\.message) == [id])
        }
    }
}
