import Foundation
import GreenlightDeploy
import Testing

/// Every expected figure is worked out by hand from `MetricsFixture` (see its table).
@Suite struct DeploymentMetricsTests {
    let production = DeploymentMetrics.compute(deployments: MetricsFixture.all, changes: MetricsFixture.changes,
                                               window: MetricsFixture.window("production"))
    let all = DeploymentMetrics.compute(deployments: MetricsFixture.all, changes: MetricsFixture.changes,
                                        window: MetricsFixture.window())

    @Test func countsOnlyFinishedDeploymentsStartedInTheWindow() {
        // P1…P8; P0 started before the window; P9 (running) and P10 (abandoned) apart.
        #expect(production.deployments == 8)
        #expect(production.succeeded == 5)
        #expect(production.failed == 2)
        #expect(production.rolledBack == 1)
        #expect(production.rollbacks == 1)
        #expect(production.inProgress == 1)
        #expect(production.abandoned == 1)
    }

    @Test func successAndChangeFailureRates() {
        #expect(production.successRate == 5.0 / 8)
        #expect(production.changeFailureRate == 3.0 / 8)
        #expect(production.changeFailureBucket == .upTo45)
    }

    /// Durations [90, 120, 200, 240, 250, 300, 360, 600]: rank ⌈4⌉ = 4 and ⌈7.2⌉ = 8.
    @Test func durationMedianAndP90AreNearestRank() {
        #expect(production.medianDuration == 240)
        #expect(production.p90Duration == 600)
    }

    /// 5 successful in 30 days; weeks (Sunday first) hold [0, 3, 1, 1, 0, 0] deployment days:
    /// medians 0.5 days and 0.5 deployed weeks, but every week of March sits in a month
    /// with 3 deployed weeks (Feb 23's week in one with 0): median 3 ≥ 1, monthly.
    @Test func deploymentFrequency() {
        let frequency = production.deploymentFrequency
        #expect(frequency.successful == 5)
        #expect(frequency.perDay == 5.0 / 30)
        #expect(abs(frequency.perWeek - 35.0 / 30) < 1e-12)
        #expect(frequency.bucket == .monthly)
        #expect(frequency.band == .medium)
        #expect(production.measuredSince == MetricsFixture.march(1))
        #expect(production.measuredDays == 30)
    }

    /// c1 7 440 s, c2 86 400 s, c3 11 160 s (its failed P3 not counted, and P4's c1 is a
    /// repeat), c4 259 200 s, c5 3 850 s; c6 was committed after P7 finished and c0
    /// first shipped before the window.
    @Test func leadTimeForChanges() {
        let lead = production.leadTimeForChanges
        #expect(lead.changes == 5)
        #expect(lead.median == 11_160)
        #expect(lead.p90 == 259_200)
        #expect(lead.bucket == .oneDay)
        #expect(lead.band == .elite)
    }

    /// P3 restored by P4 after 7 440 s, P5 by P6 after 86 000 s; P8 never.
    @Test func timeToRestore() {
        let restore = production.timeToRestore
        #expect(restore.restored == 2)
        #expect(restore.stillFailing == 1)
        #expect(restore.median == 7440)
        #expect(restore.p90 == 86_000)
        #expect(restore.bucket == .oneDay)
    }

    @Test func caughtBeforeProductionIsAShareOfFailures() {
        #expect(production.caughtBeforeProduction == 1)
        #expect(production.caughtBeforeProductionShare == 1.0 / 3)
        #expect(production.environments.isEmpty)
    }

    @Test func allEnvironmentsTogether() {
        #expect(all.deployments == 13)
        #expect(all.succeeded == 8)
        #expect(all.failed == 4)
        #expect(all.rolledBack == 1)
        // 13 durations: ranks 7 and 12 of [30, 60, 60, 60, 90, 120, 120, 200, 240, 250, 300, 360, 600].
        #expect(all.medianDuration == 120)
        #expect(all.p90Duration == 360)
        #expect(all.deploymentFrequency.perDay == 8.0 / 30)
        #expect(all.deploymentFrequency.bucket == .monthly)
        // Staging's S1 shipped c1 too (90 060 s): a commit counts once per environment.
        #expect(all.leadTimeForChanges.changes == 6)
        #expect(all.leadTimeForChanges.median == 11_160)
        #expect(all.leadTimeForChanges.p90 == 259_200)
        // [1 830, 7 440, 86 000, 86 460]: ranks 2 and 4.
        #expect(all.timeToRestore.restored == 4)
        #expect(all.timeToRestore.stillFailing == 1)
        #expect(all.timeToRestore.median == 7440)
        #expect(all.timeToRestore.p90 == 86_460)
        #expect(all.caughtBeforeProductionShare == 1.0 / 5)
        #expect(all.environments.map(\.window.environment) == ["production", "staging"])
        #expect(all.environments.first == production)
    }

    /// Staging's history starts Mar 4 09:00, so its 3 successes are spread over 26.625 days;
    /// S4 is restored by staging's S5 (86 460 s), not by production's P4 an hour later.
    @Test func stagingOnItsOwn() throws {
        let staging = try #require(all.environments.last)
        #expect(staging.deployments == 5)
        #expect(staging.successRate == 0.6)
        #expect(staging.changeFailureRate == 0.4)
        #expect(staging.medianDuration == 60)
        #expect(staging.p90Duration == 120)
        #expect(staging.measuredSince == MetricsFixture.march(4, 9))
        #expect(staging.measuredDays == 26.625)
        #expect(staging.deploymentFrequency.perDay == 3 / 26.625)
        #expect(staging.deploymentFrequency.bucket == .monthly)
        #expect(staging.timeToRestore.median == 1830)
        #expect(staging.timeToRestore.p90 == 86_460)
        #expect(staging.leadTimeForChanges.changes == 1)
        #expect(staging.leadTimeForChanges.median == 90_060)
        #expect(staging.caughtBeforeProduction == 0)
        #expect(staging.caughtBeforeProductionShare == 0)
    }

    @Test func windowIncludesItsStartAndExcludesItsEnd() {
        let history = [
            MetricsFixture.deployment("A", "production", .succeeded, MetricsFixture.march(1), seconds: 10),
            MetricsFixture.deployment("B", "production", .failed, MetricsFixture.march(31), seconds: 10),
            MetricsFixture.deployment("C", "production", .succeeded, MetricsFixture.march(31).addingTimeInterval(-1), seconds: 10),
        ]
        let report = DeploymentMetrics.compute(deployments: history, changes: [], window: MetricsFixture.window())
        #expect(report.deployments == 2)
        #expect(report.failed == 0)
    }

    @Test func emptyHistoryLeavesRatesUndefined() {
        let report = DeploymentMetrics.compute(deployments: [], changes: [], window: MetricsFixture.window("production"))
        #expect(report.deployments == 0)
        #expect(report.successRate == nil)
        #expect(report.changeFailureRate == nil)
        #expect(report.changeFailureBucket == nil)
        #expect(report.medianDuration == nil)
        #expect(report.leadTimeForChanges == LeadTimeForChanges(changes: 0, median: nil, p90: nil))
        #expect(report.timeToRestore == TimeToRestore(restored: 0, stillFailing: 0, median: nil, p90: nil))
        #expect(report.caughtBeforeProductionShare == nil)
        #expect(report.deploymentFrequency.perWeek == 0)
        #expect(report.deploymentFrequency.bucket == nil)
    }

    /// A restore must have finished by the window's end to count.
    @Test func successAfterTheWindowDoesNotRestore() {
        let history = [
            MetricsFixture.deployment("F", "production", .failed, MetricsFixture.march(30, 23), seconds: 60),
            MetricsFixture.deployment("R", "production", .succeeded, MetricsFixture.march(31, 1), seconds: 60),
        ]
        let report = DeploymentMetrics.compute(deployments: history, changes: [], window: MetricsFixture.window())
        #expect(report.timeToRestore.restored == 0)
        #expect(report.timeToRestore.stillFailing == 1)
    }

    /// Consecutive failures are each restored by the same next success.
    @Test func consecutiveFailuresShareTheirRestore() {
        let history = [
            MetricsFixture.deployment("F1", "production", .failed, MetricsFixture.march(2, 10), seconds: 0),
            MetricsFixture.deployment("F2", "production", .rolledBack, MetricsFixture.march(2, 11), seconds: 0),
            MetricsFixture.deployment("F3", "production", .failed, MetricsFixture.march(2, 12), seconds: 0),
            MetricsFixture.deployment("OK", "production", .succeeded, MetricsFixture.march(2, 13), seconds: 0),
        ]
        let report = DeploymentMetrics.compute(deployments: history, changes: [], window: MetricsFixture.window())
        // [3 600, 7 200, 10 800]: ranks 2 and 3.
        #expect(report.timeToRestore.median == 7200)
        #expect(report.timeToRestore.p90 == 10_800)
        #expect(report.timeToRestore.bucket == .oneDay)
    }
}
