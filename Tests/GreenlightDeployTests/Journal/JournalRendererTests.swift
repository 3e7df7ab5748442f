import Foundation
import Testing
@testable import GreenlightDeploy

@Suite struct JournalRendererTests {
    typealias F = JournalFixture

    static let sections = ["## Current Phase", "## Git References", "## Deployment Plan", "## Phase Results",
                           "## Validation Results", "## Progress Log", "## Rollback", "## Key Learnings"]

    @Test func succeededDeploymentHasEverySectionInOrderAndAllPhasesPassed() {
        let journal = JournalScenarios.succeeded
        #expect(journal.hasPrefix("# Deployment 3fa9c2d1: Web app to production\n\n- **Status**: succeeded\n"))
        #expect(F.headings(journal).map { String($0.prefix { $0 != ":" }) } == Self.sections)
        #expect(F.section("Current Phase", of: journal) == ["All 3 phases passed."])
        #expect(journal.contains("\n## Current Phase: Finished\n"))
        #expect(header(journal) == [
            "- **Status**: succeeded",
            "- **Started**: 2026-11-21 14:05:00 (Europe/Berlin)",
            "- **Finished**: 2026-11-21 14:08:52",
            "- **Duration**: 3m52s",
            "- **Run by**: alice@example.com",
        ])
        #expect(F.section("Git References", of: journal) == [
            "- **Branch**: main",
            "- **Commit**: 9b2e4f1c0d3a5b6e7f8091a2b3c4d5e6f7081920",
            "- **Working tree**: clean",
            "- **Deployment target**: production",
            "- **Runbook**: deploy/production.yml",
        ])
        #expect(F.section("Phase Results", of: journal) == [
            "| Phase | Result | Started | Duration |",
            "| --- | --- | --- | --- |",
            "| Phase 1 - Preflight | passed | 2026-11-21 14:05:01 | 3s |",
            "| Phase 2 - Deploy | passed | 2026-11-21 14:05:10 | 1m10s |",
            "| Phase 3 - Verify | passed | 2026-11-21 14:08:20 | 32s |",
        ])
        #expect(F.section("Validation Results", of: journal).last == "| Phase 3 - Verify | `verify` api, web | passed | api: HTTP 200; web: HTTP 200 |")
        #expect(F.section("Rollback", of: journal) == ["Not needed."])
        #expect(F.section("Key Learnings", of: journal) == ["- Watch the error rate for 24 hours.", "  Page the on-call if it rises."])
        #expect(journal.hasSuffix("  Page the on-call if it rises.\n"))
    }

    @Test func progressLogMergesStepsAndEventsInTimeOrder() {
        let log = F.section("Progress Log", of: JournalScenarios.succeeded)
        #expect(log.first == "- 2026-11-21 14:05:00 — **Deployment started**: on laptop (pid 4242)")
        #expect(log.contains("- 2026-11-21 14:05:44 — Phase 2 - Deploy: passed `run` Update service (exit 0, 2.5s)"))
        #expect(log.contains("- 2026-11-21 14:06:20 — Phase 2 - Deploy, exit criteria: passed `verify` api-health (36s): api-health: HTTP 200 after 3 attempts"))
        let waiting = log.firstIndex(of: "- 2026-11-21 14:06:20 — **Waiting for approval**: Ship to everyone?")
        let criterion = log.firstIndex { $0.contains("passed `verify` api-health") }
        let approved = log.firstIndex(of: "- 2026-11-21 14:08:19 — **Approved**: approved by alice@example.com")
        let note = log.firstIndex(of: "- 2026-11-21 14:08:20 — Phase 3 - Verify: `note` Watch the error rate for 24 hours.")
        #expect(criterion != nil && waiting != nil && approved != nil && note != nil)
        if let criterion, let waiting, let approved, let note {
            #expect(criterion < waiting && waiting < approved && approved < note)
        }
        // The plan's spelling of a wait, not the record's.
        #expect(log.contains("- 2026-11-21 14:08:51 — Phase 3 - Verify: passed `wait` 30s (30s)"))
        #expect(log.last == "- 2026-11-21 14:08:52 — **Finished**: succeeded")
    }

    @Test func rolledBackDeploymentShowsTheFailureItsOutputAndEachRollbackStep() {
        let journal = JournalScenarios.rolledBack
        #expect(header(journal).contains("- **Status**: rolled back"))
        #expect(header(journal).contains("- **Stopped by**: Update service failed: exit status 254"))
        #expect(header(journal).contains("- **Freeze overridden**: hotfix for INC-42 | customers cannot log in"))
        #expect(header(journal).contains("- **Production changed**: yes"))
        #expect(!journal.contains("ROLLBACK FAILED"))
        #expect(journal.contains("\n## Current Phase: Stopped in Phase 2 - Deploy\n"))
        #expect(F.section("Phase Results", of: journal).suffix(3) == [
            "| Phase 1 - Preflight | rolled back | 2026-11-21 14:05:01 | 3s |",
            "| Phase 2 - Deploy | failed, rolled back | 2026-11-21 14:05:10 | 34s |",
            "| Phase 3 - Verify | skipped | — | — |",
        ])
        #expect(F.section("Validation Results", of: journal).contains("| Phase 2 - Deploy | exit criterion: `verify` api-health | not run | — |"))
        #expect(F.section("Rollback", of: journal) == [
            "All rollback steps that ran passed.",
            "",
            "- Phase 2 - Deploy: `run` Restore previous task definition — passed (exit 0, 7.4s)",
            "- Phase 1 - Preflight: `run` docker rmi app:${GIT_SHA} — passed (exit 0, 500ms)",
        ])
        #expect(F.section("Key Learnings", of: journal) == ["- Deploying the *login* fix from `main`."])
    }

    @Test func failedStepShowsTheLastTwentyLinesInAFenceLongerThanAnyInTheOutput() {
        let log = F.section("Progress Log", of: JournalScenarios.rolledBack)
        guard let failed = log.firstIndex(of: "- 2026-11-21 14:05:44 — Phase 2 - Deploy: **FAILED** `run` Update service (exit 254, 2.5s): exit status 254")
        else {
            Issue.record("no entry for the failed step in \(log)")
            return
        }
        let block = Array(log[(failed + 1)...].prefix(26))
        #expect(block.prefix(4) == ["", "  Last 20 lines of output:", "", "  ````"])
        #expect(block[4] == "  line 8")
        #expect(block[21...24] == ["  line 25", "  ```", "  An error occurred (ClientException) | cluster `web` not found", "  ````"])
        #expect(block[25] == "")
        // Only failed steps show output.
        #expect(!log.contains { $0.contains("Push image") && $0.contains("Output") })
    }

    @Test func failedRollbackSaysSoLoudlyAndListsWhatIsLeftToUndo() {
        let journal = JournalScenarios.failedRollback
        #expect(header(journal).contains("- **Status**: failed"))
        #expect(header(journal).last == "- **ROLLBACK FAILED**: manual action needed, see Rollback below")
        #expect(F.section("Rollback", of: journal) == [
            "**ROLLBACK FAILED** — manual action needed: `run` Restore previous task definition (Phase 2 - Deploy) failed: "
                + "exit status 255. Undo by hand what it and every step below that is not marked passed were meant to undo.",
            "",
            "- Phase 2 - Deploy: `run` Restore previous task definition — failed (exit 255, 2s): exit status 255",
            "- Phase 1 - Preflight: `run` docker rmi app:${GIT_SHA} — not run",
        ])
        #expect(F.section("Phase Results", of: journal).suffix(3) == [
            "| Phase 1 - Preflight | passed | 2026-11-21 14:05:01 | 3s |",
            "| Phase 2 - Deploy | failed, rollback failed | 2026-11-21 14:05:10 | 34s |",
            "| Phase 3 - Verify | skipped | — | — |",
        ])
        #expect(F.section("Progress Log", of: journal).contains("  An error occurred (AccessDenied) when calling UpdateService"))
    }

    @Test func failureCaughtBeforeProductionSaysWhatCaughtIt() {
        var deployment = F.deployment(.failed, phase: 0, finished: 5, failure: "Static analysis found 2 errors")
        deployment.caughtBeforeProduction = true
        deployment.stoppedBy = "check"
        let steps = [F.step(0, 0, from: 1, to: 3.2, .failed, message: "2 errors: Dockerfile:3 (pinned-base-image)")]
        let journal = F.render(deployment, steps, [F.event(.started, 0.5), F.event(.finished, 5, "failed")])
        #expect(header(journal).suffix(2) == [
            "- **Stopped by**: Static analysis found 2 errors",
            "- **Production changed**: no, caught by a `check` step before any phase that changes production",
        ])
        #expect(journal.contains("\n## Current Phase: Stopped in Phase 1 - Preflight\n"))
        #expect(F.section("Phase Results", of: journal).suffix(3) == [
            "| Phase 1 - Preflight | failed | 2026-11-21 14:05:01 | 2s |",
            "| Phase 2 - Deploy | skipped | — | — |",
            "| Phase 3 - Verify | skipped | — | — |",
        ])
        #expect(F.section("Validation Results", of: journal).prefix(4).suffix(2) == [
            "| Phase 1 - Preflight | `check` Static analysis | failed | 2 errors: Dockerfile:3 (pinned-base-image) |",
            "| Phase 1 - Preflight | `verify` db | not run | — |",
        ])
        #expect(F.section("Rollback", of: journal) == ["No rollback steps ran."])
    }

    @Test func awaitingApprovalNamesThePhaseDoneAndTheOneAfterTheGate() {
        let journal = JournalScenarios.awaitingApproval
        #expect(header(journal) == [
            "- **Status**: awaiting approval",
            "- **Started**: 2026-11-21 14:05:00 (Europe/Berlin)",
            "- **Last update**: 2026-11-21 14:06:20",
            "- **Run by**: alice@example.com",
        ])
        #expect(journal.contains("\n## Current Phase: Phase 2 - Deploy (awaiting approval)\n"))
        #expect(F.section("Current Phase", of: journal) == [
            "Phase 2 - Deploy passed. Approval required before Phase 3 - Verify: Ship to everyone?",
        ])
        #expect(F.section("Phase Results", of: journal).suffix(2) == [
            "| Phase 2 - Deploy | passed, awaiting approval | 2026-11-21 14:05:10 | 1m10s |",
            "| Phase 3 - Verify | pending | — | — |",
        ])
        #expect(F.section("Validation Results", of: journal).last == "| Phase 3 - Verify | `verify` api, web | pending | — |")
        #expect(F.section("Progress Log", of: journal).last == "- 2026-11-21 14:06:20 — **Waiting for approval**: Ship to everyone?")
        #expect(F.section("Rollback", of: journal) == ["Not needed."])
        #expect(F.section("Key Learnings", of: journal) == ["None recorded."])
    }

    @Test func runningDeploymentWithAStepWithoutResultIsInterrupted() {
        let journal = JournalScenarios.interrupted
        #expect(header(journal).first == "- **Status**: interrupted")
        #expect(header(journal).contains("- **Last update**: 2026-11-21 14:05:41"))
        #expect(journal.contains("\n## Current Phase: Phase 2 - Deploy (interrupted)\n"))
        #expect(F.section("Current Phase", of: journal) == [
            "The deployment stopped while `run` Update service was running (started 2026-11-21 14:05:41); that step has no result. "
                + "Resume with `greenlight deploy --resume 3fa9c2d1`.",
        ])
        #expect(F.section("Phase Results", of: journal).suffix(2) == [
            "| Phase 2 - Deploy | interrupted | 2026-11-21 14:05:10 | — |",
            "| Phase 3 - Verify | pending | — | — |",
        ])
        #expect(F.section("Progress Log", of: journal).last
            == "- 2026-11-21 14:05:41 — Phase 2 - Deploy: started `run` Update service (no result: the deployment stopped while it ran)")
    }

    @Test func runningDeploymentBetweenStepsNamesWhatComesNext() {
        let steps = F.preflight + [F.step(1, 0, from: 10, to: 41.2, .passed, exit: 0)]
        let journal = F.render(F.deployment(.running, phase: 1), steps, [F.event(.started, 0.5)])
        #expect(header(journal).first == "- **Status**: running")
        #expect(journal.contains("\n## Current Phase: Phase 2 - Deploy\n"))
        #expect(F.section("Current Phase", of: journal) == ["Next: Phase 3 - Verify, after approval."])
        #expect(F.section("Phase Results", of: journal)[3] == "| Phase 2 - Deploy | running | 2026-11-21 14:05:10 | — |")
    }

    @Test func interruptionEventWithNoLaterStepIsInterruptedAndAResumedOneIsNot() {
        let steps = F.preflight + [F.step(1, 0, from: 10, to: 41.2, .passed, exit: 0)]
        let stopped = F.render(F.deployment(.running, phase: 1), steps, [F.event(.started, 0.5), F.event(.interrupted, 42, "SIGINT")])
        #expect(F.section("Current Phase", of: stopped).first?.hasPrefix("The deployment was interrupted at 2026-11-21 14:05:42: SIGINT.") == true)
        let resumed = steps + [F.step(1, 1, from: 50, to: 53, .passed, exit: 0)]
        let running = F.render(F.deployment(.running, phase: 1), resumed, [F.event(.started, 0.5), F.event(.interrupted, 42, "SIGINT")])
        #expect(header(running).first == "- **Status**: running")
    }

    @Test func sameInputGivesTheSameText() {
        #expect(JournalScenarios.rolledBack == JournalScenarios.rolledBack)
        #expect(JournalScenarios.rolledBack != JournalScenarios.failedRollback)
    }

    /// The bullet lines under the title.
    private func header(_ journal: String) -> [String] {
        journal.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).prefix { !$0.isEmpty }.map(String.init)
    }
}
