import Foundation
import GreenlightCore
import Testing
@testable import GreenlightDeploy

@Suite struct DeploymentRunnerTests {
    static let threePhases = """
        name: demo
        environment: staging
        variables:
          TAG: "v-${GREENLIGHT_ENVIRONMENT}"
        phases:
          - name: Prepare
            steps:
              - run: echo prepare $TAG >> log
            rollback:
              - run: echo undo-prepare >> log
          - name: Release
            changes-production: true
            steps:
              - run: echo release $GREENLIGHT_PHASE >> log
              - note: release notes were read
            exit-criteria:
              - run: test -f log
            rollback:
              - run: echo undo-release-1 >> log
              - run: echo undo-release-2 >> log
          - name: Finish
            steps:
              - run: echo finish $GREENLIGHT_DEPLOYMENT_ID >> log
        """

    @Test func runsEveryPhaseInOrderAndRecordsEachStep() async throws {
        let fixture = try await RunnerFixture(Self.threePhases)
        defer { Task { await fixture.remove() } }
        let (runner, _) = fixture.runner()
        let result = try await runner.start()
        #expect(result.status == .succeeded)
        #expect(result.finishedAt != nil)
        #expect(fixture.log() == ["prepare v-staging", "release Release", "finish \(result.id)"])
        let steps = try await fixture.steps(result.id)
        #expect(steps.map(\.title) == ["run: echo prepare $TAG >> log", "run: echo release $GREENLIGHT_PHASE >> log",
                                       "note: release notes were read", "run: test -f log",
                                       "run: echo finish $GREENLIGHT_DEPLOYMENT_ID >> log"])
        #expect(steps.map(\.section) == [.steps, .steps, .steps, .exitCriteria, .steps])
        #expect(steps.allSatisfy { $0.outcome == .passed && $0.finishedAt != nil })
        #expect(steps[0].exitCode == 0)
        #expect(result.productionChanged)
        #expect(!result.caughtBeforeProduction)
        let kinds = try await fixture.events(result.id).map(\.kind)
        #expect(kinds.first == .started)
        #expect(kinds.last == .finished)
        #expect(kinds.filter { $0 == .phaseCompleted }.count == 3)
        let journal = fixture.directory + "/" + result.journalPath
        #expect(FileManager.default.fileExists(atPath: journal), "journal at \(journal)")
    }

    @Test func aFailedStepRollsBackTheFailedPhaseThenEarlierOnesInReverse() async throws {
        let fixture = try await RunnerFixture(Self.threePhases.replacingOccurrences(of: "- run: test -f log", with: "- run: test -f missing-file"))
        defer { Task { await fixture.remove() } }
        let (runner, transcript) = fixture.runner()
        let result = try await runner.start()
        #expect(result.status == .rolledBack)
        #expect(fixture.log() == ["prepare v-staging", "release Release", "undo-release-1", "undo-release-2", "undo-prepare"])
        #expect(result.failureSummary?.contains("exit criterion 'run: test -f missing-file' of Phase 2 - Release failed: exit status 1") == true)
        #expect(result.stoppedBy == "run")
        let rollback = try await fixture.steps(result.id).filter { $0.section == .rollback }
        #expect(rollback.map(\.phaseIndex) == [1, 1, 0])
        #expect(rollback.allSatisfy { $0.outcome == .passed })
        #expect(!transcript.lines.contains { $0.contains("phase 3") })
    }

    @Test func aFailedRollbackStepEndsTheDeploymentFailedAndListsWhatDidNotRun() async throws {
        let yaml = Self.threePhases
            .replacingOccurrences(of: "- run: echo finish $GREENLIGHT_DEPLOYMENT_ID >> log", with: "- run: exit 7")
            .replacingOccurrences(of: "- run: echo undo-release-1 >> log", with: "- run: echo undo-release-1 >> log; exit 3")
        let fixture = try await RunnerFixture(yaml)
        defer { Task { await fixture.remove() } }
        let (runner, transcript) = fixture.runner()
        let result = try await runner.start()
        #expect(result.status == .failed)
        #expect(fixture.log() == ["prepare v-staging", "release Release", "undo-release-1"])
        let summary = result.failureSummary ?? ""
        #expect(summary.contains("ROLLBACK FAILED at 'run: echo undo-release-1 >> log; exit 3' (Phase 2): exit status 3"))
        #expect(summary.contains("not run: Phase 2: run: echo undo-release-2 >> log; Phase 1: run: echo undo-prepare >> log"))
        #expect(transcript.lines.contains { $0.hasPrefix("warning ROLLBACK FAILED") })
    }

    @Test func withoutRollbackStepsAFailureEndsFailed() async throws {
        let fixture = try await RunnerFixture("""
            name: bare
            environment: dev
            phases:
              - name: Only
                steps:
                  - run: "false"
            """)
        defer { Task { await fixture.remove() } }
        let (runner, _) = fixture.runner()
        let result = try await runner.start()
        #expect(result.status == .failed)
        #expect(result.failureSummary?.contains("nothing was rolled back") == true)
    }

    @Test func aCheckFailureBeforeAnyProductionPhaseIsCaughtBeforeProduction() async throws {
        let fixture = try await RunnerFixture("""
            name: caught
            environment: production
            probes:
              - name: nothing-listens
                tcp: 127.0.0.1:9
                retries: 0
                timeout: 1s
            phases:
              - name: Validate
                steps:
                  - verify: nothing-listens
              - name: Release
                changes-production: true
                steps:
                  - run: echo released >> log
            """)
        defer { Task { await fixture.remove() } }
        let (runner, _) = fixture.runner()
        let result = try await runner.start()
        #expect(result.status == .failed)
        #expect(result.stoppedBy == "verify")
        #expect(result.caughtBeforeProduction)
        #expect(!result.productionChanged)
        #expect(fixture.log().isEmpty)
        let step = try #require(try await fixture.steps(result.id).first)
        #expect(step.message?.hasPrefix("nothing-listens: ") == true)
    }

    static let gated = """
        name: gated
        environment: production
        phases:
          - name: One
            steps:
              - run: echo one >> log
            gate: Ship it?
            rollback:
              - run: echo undo-one >> log
          - name: Two
            steps:
              - run: echo two >> log
        """

    @Test func aGateWithNobodyToAskWaitsAndResumeWithApproveGoesOn() async throws {
        let fixture = try await RunnerFixture(Self.gated)
        defer { Task { await fixture.remove() } }
        let (runner, transcript) = fixture.runner(answers: [nil])
        let waiting = try await runner.start()
        #expect(waiting.status == .awaitingApproval)
        #expect(waiting.phaseIndex == 1)
        #expect(transcript.questions == ["Ship it?"])
        #expect(fixture.log() == ["one"])
        #expect(try await fixture.events(waiting.id).last?.kind == .gateWaiting)

        let (blocked, _) = fixture.runner()
        await #expect(throws: DeployError.self) { try await blocked.start() }

        let (resumer, _) = fixture.runner { $0.approveGate = true }
        let done = try await resumer.resume(waiting)
        #expect(done.status == .succeeded)
        #expect(fixture.log() == ["one", "two"])
        let kinds = try await fixture.events(done.id).map(\.kind)
        #expect(kinds.contains(.gateApproved))
        #expect(kinds.contains(.resumed))
    }

    @Test func yesApprovesEveryGateWithoutAsking() async throws {
        let fixture = try await RunnerFixture(Self.gated)
        defer { Task { await fixture.remove() } }
        let (runner, transcript) = fixture.runner { $0.approveAll = true }
        let result = try await runner.start()
        #expect(result.status == .succeeded)
        #expect(transcript.questions.isEmpty)
    }

    @Test func resumeWithRollbackUndoesTheCompletedPhases() async throws {
        let fixture = try await RunnerFixture(Self.gated)
        defer { Task { await fixture.remove() } }
        let (runner, _) = fixture.runner(answers: [false])
        let waiting = try await runner.start()
        #expect(waiting.status == .awaitingApproval)
        #expect(try await fixture.events(waiting.id).last?.kind == .gateDeclined)
        let (resumer, _) = fixture.runner { $0.rollBack = true }
        let result = try await resumer.resume(waiting)
        #expect(result.status == .rolledBack)
        #expect(fixture.log() == ["one", "undo-one"])
    }

    @Test func anUnsetVariableStopsBeforeAnythingRuns() async throws {
        let fixture = try await RunnerFixture("""
            name: vars
            environment: dev
            variables:
              IMAGE: "registry/app:${GREENLIGHT_TEST_UNSET_TAG}"
            phases:
              - name: One
                steps:
                  - run: echo $IMAGE >> log
            """)
        defer { Task { await fixture.remove() } }
        let (runner, _) = fixture.runner()
        do {
            _ = try await runner.start()
            Issue.record("expected the unset variable to stop the deployment")
        } catch {
            #expect(error.kind == .usage)
            #expect(error.description.contains("runbook.yml:4: variable IMAGE uses ${GREENLIGHT_TEST_UNSET_TAG}, which is not set"))
        }
        #expect(fixture.log().isEmpty)
        #expect(try await fixture.store.deployments(DeploymentQuery()).isEmpty)
    }
}
