import Foundation
import GreenlightCore
import Testing
@testable import GreenlightDeploy

/// Resuming deployments whose process died, from records as a killed process leaves them.
@Suite struct ResumeTests {
    static let runbook = """
        name: resumable
        environment: staging
        phases:
          - name: One
            steps:
              - run: echo a >> log
              - run: echo b >> log
            rollback:
              - run: echo undo-a-b >> log
          - name: Two
            steps:
              - run: echo c >> log
            rollback:
              - run: echo undo-c >> log
              - run: echo undo-c-2 >> log
        """

    /// The pid of a process that has exited.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// A deployment as the history holds it after a kill: running, its process gone.
    static func killed(_ fixture: RunnerFixture, phase: Int = 0) async throws -> DeploymentRecord {
        let record = DeploymentRecord(
            id: DeploymentIdentity.newID(), runbook: fixture.runbook.name, runbookPath: fixture.runbook.path,
            runbookDigest: DeploymentIdentity.digest(of: Array(fixture.text.utf8)), environment: "staging",
            startedAt: Date(timeIntervalSinceNow: -60), actor: "tester", journalPath: "deployments/x.md",
            phaseIndex: phase, host: DeploymentIdentity.host, pid: try deadPID())
        try await fixture.store.insert(record)
        return record
    }

    static func step(_ record: DeploymentRecord, phase: Int, section: StepSection = .steps, index: Int, title: String,
                     outcome: StepOutcome?) -> StepRecord {
        StepRecord(deploymentID: record.id, phaseIndex: phase, phaseName: phase == 0 ? "One" : "Two", section: section,
                   stepIndex: index, kind: "run", title: title, startedAt: Date(timeIntervalSinceNow: -30),
                   finishedAt: outcome == nil ? nil : Date(timeIntervalSinceNow: -29), outcome: outcome)
    }

    @Test func theInterruptedStepRunsAgainWhenAskedAndNothingRecordedIsLost() async throws {
        let fixture = try await RunnerFixture(Self.runbook)
        defer { Task { await fixture.remove() } }
        let record = try await Self.killed(fixture)
        _ = try await fixture.store.startStep(Self.step(record, phase: 0, index: 0, title: "run: echo a >> log", outcome: .passed))
        _ = try await fixture.store.startStep(Self.step(record, phase: 0, index: 1, title: "run: echo b >> log", outcome: nil))
        let (runner, transcript) = fixture.runner(answers: [true])
        let result = try await runner.resume(record)
        #expect(result.status == .succeeded)
        #expect(fixture.log() == ["b", "c"])
        #expect(transcript.questions.count == 1)
        #expect(transcript.questions.first?.contains("Step 'run: echo b >> log' (Phase 1 - One) was running") == true)
        let steps = try await fixture.steps(record.id)
        #expect(steps.map { $0.outcome } == [.passed, .interrupted, .passed, .passed])
        #expect(steps.map(\.title) == ["run: echo a >> log", "run: echo b >> log", "run: echo b >> log", "run: echo c >> log"])
        let kinds = try await fixture.events(record.id).map(\.kind)
        #expect(kinds.contains(.resumed))
        #expect(kinds.contains(.interrupted))
    }

    @Test func skippingTheInterruptedStepGoesOnAfterIt() async throws {
        let fixture = try await RunnerFixture(Self.runbook)
        defer { Task { await fixture.remove() } }
        let record = try await Self.killed(fixture)
        _ = try await fixture.store.startStep(Self.step(record, phase: 0, index: 0, title: "run: echo a >> log", outcome: nil))
        let (runner, transcript) = fixture.runner { $0.rerunInterrupted = false }
        let result = try await runner.resume(record)
        #expect(result.status == .succeeded)
        #expect(fixture.log() == ["b", "c"])
        #expect(transcript.questions.isEmpty)
    }

    @Test func withNobodyToAskAndNoChoiceTheResumeStopsWithTheFlagsToPass() async throws {
        let fixture = try await RunnerFixture(Self.runbook)
        defer { Task { await fixture.remove() } }
        let record = try await Self.killed(fixture)
        _ = try await fixture.store.startStep(Self.step(record, phase: 0, index: 0, title: "run: echo a >> log", outcome: nil))
        let (runner, _) = fixture.runner(answers: [nil])
        await #expect(throws: DeployError.self) { try await runner.resume(record) }
        #expect(fixture.log().isEmpty)
    }

    @Test func aRollbackKilledHalfwayFinishesWithoutRepeatingDoneSteps() async throws {
        let fixture = try await RunnerFixture(Self.runbook)
        defer { Task { await fixture.remove() } }
        var record = try await Self.killed(fixture, phase: 1)
        record.failureSummary = "step 'run: echo c >> log' of Phase 2 - Two failed: exit status 1"
        try await fixture.store.update(record)
        for (index, title) in ["run: echo a >> log", "run: echo b >> log"].enumerated() {
            _ = try await fixture.store.startStep(Self.step(record, phase: 0, index: index, title: title, outcome: .passed))
        }
        _ = try await fixture.store.startStep(Self.step(record, phase: 1, index: 0, title: "run: echo c >> log", outcome: .failed))
        try await fixture.store.append(DeploymentEvent(deploymentID: record.id, at: Date(), kind: .rollbackStarted, message: "rolling back"))
        _ = try await fixture.store.startStep(Self.step(record, phase: 1, section: .rollback, index: 0, title: "run: echo undo-c >> log", outcome: .passed))
        let (runner, _) = fixture.runner()
        let result = try await runner.resume(record)
        #expect(result.status == .rolledBack)
        #expect(fixture.log() == ["undo-c-2", "undo-a-b"])
    }

    @Test func aChangedRunbookIsNotResumedUnlessAllowed() async throws {
        let fixture = try await RunnerFixture(Self.runbook)
        defer { Task { await fixture.remove() } }
        var record = try await Self.killed(fixture)
        record.runbookDigest = "0000"
        try await fixture.store.update(record)
        let (runner, _) = fixture.runner()
        await #expect(throws: DeployError.self) { try await runner.resume(record) }
        let (allowed, _) = fixture.runner { $0.allowChangedRunbook = true }
        #expect(try await allowed.resume(record).status == .succeeded)
    }

    @Test func aDeploymentWhoseProcessLivesIsNotResumed() async throws {
        let fixture = try await RunnerFixture(Self.runbook)
        defer { Task { await fixture.remove() } }
        var record = try await Self.killed(fixture)
        record.pid = getppid()
        try await fixture.store.update(record)
        let (runner, _) = fixture.runner()
        do {
            _ = try await runner.resume(record)
            Issue.record("a live deployment was resumed")
        } catch {
            #expect(error.description.contains("is still running (process \(getppid()))"))
        }
    }

    @Test func locateFindsTheNextStepAfterTheLastPassedOne() {
        let record = DeploymentRecord(id: "a", runbook: "r", runbookPath: "r.yml", runbookDigest: "", environment: "e",
                                      startedAt: Date(), actor: "t", journalPath: "j", phaseIndex: 0, host: "h", pid: 1)
        let passed = Self.step(record, phase: 0, section: .exitCriteria, index: 2, title: "x", outcome: .passed)
        #expect(ResumePoint.locate(deployment: record, steps: [passed], rollbackStarted: false)
                == .forward(position: PlanPosition(phase: 0, section: .exitCriteria, index: 3), interrupted: nil))
        var later = record
        later.phaseIndex = 2
        #expect(ResumePoint.locate(deployment: later, steps: [passed], rollbackStarted: false)
                == .forward(position: PlanPosition(phase: 2, section: .steps, index: 0), interrupted: nil))
        #expect(ResumePoint.locate(deployment: record, steps: [], rollbackStarted: false)
                == .forward(position: PlanPosition(phase: 0, section: .steps, index: 0), interrupted: nil))
        let failed = Self.step(record, phase: 0, index: 1, title: "y", outcome: .failed)
        #expect(ResumePoint.locate(deployment: record, steps: [passed, failed], rollbackStarted: false)
                == .rollback(from: 0, done: [], interrupted: nil))
    }
}
