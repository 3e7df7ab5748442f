import Foundation

/// Computes DORA / Four Keys style figures over a deployment history. Pure: the same
/// records and window always give the same report.
public enum DeploymentMetrics {
    /// The report for `window`. `deployments` may hold the whole history (of every
    /// environment and any time): records outside the window are used only to find the
    /// environment's first deployment, the successful deployment that restored a
    /// failure, and the first deployment that shipped a commit. `changes` are the
    /// commits shipped by those deployments.
    public static func compute(deployments: [DeploymentRecord], changes: [ChangeRecord],
                               window: MetricsWindow) -> MetricsReport {
        var report = single(deployments: deployments, changes: changes, window: window)
        if window.environment == nil {
            let names = Set(deployments.filter { window.contains($0.startedAt) }.map(\.environment)).sorted()
            report.environments = names.map { name in
                single(deployments: deployments, changes: changes,
                       window: MetricsWindow(since: window.since, until: window.until, environment: name))
            }
        }
        return report
    }

    private static func single(deployments all: [DeploymentRecord], changes: [ChangeRecord],
                               window: MetricsWindow) -> MetricsReport {
        let history = all.filter { window.matches(environment: $0.environment) }
        let started = history.filter { window.contains($0.startedAt) }
        let counted = started.filter { [.succeeded, .failed, .rolledBack].contains($0.status) }
        let succeeded = counted.filter { $0.status == .succeeded }
        let failures = counted.filter { $0.status == .failed || $0.status == .rolledBack }

        let firstStart = history.map(\.startedAt).min()
        let measuredSince = max(window.since, firstStart ?? window.since)
        let durations = counted.compactMap(\.duration)
        let days = max(1, window.until.timeIntervalSince(measuredSince) / 86_400)
        let frequency = DeploymentFrequency(
            successful: succeeded.count, perDay: Double(succeeded.count) / days,
            bucket: firstStart == nil ? nil
                : FrequencyBucketing.bucket(successfulStarts: succeeded.map(\.startedAt),
                                            measuredSince: measuredSince, until: window.until))

        return MetricsReport(
            window: window, measuredSince: measuredSince, deployments: counted.count, succeeded: succeeded.count,
            failed: counted.count(where: { $0.status == .failed }),
            rolledBack: counted.count(where: { $0.status == .rolledBack }),
            inProgress: started.count(where: { $0.status == .running || $0.status == .awaitingApproval }),
            abandoned: started.count(where: { $0.status == .abandoned }),
            medianDuration: Percentiles.nearestRank(50, of: durations),
            p90Duration: Percentiles.nearestRank(90, of: durations),
            deploymentFrequency: frequency,
            leadTimeForChanges: LeadTimes.compute(history: history, counted: succeeded, changes: changes),
            timeToRestore: RestoreTimes.compute(failures: failures, history: history, until: window.until),
            caughtBeforeProduction: failures.count(where: \.caughtBeforeProduction))
    }
}
