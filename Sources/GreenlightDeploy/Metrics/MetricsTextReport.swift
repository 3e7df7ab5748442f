import Foundation

/// `greenlight metrics` as text: a header naming the window, an aligned table of the
/// figures with units, a table per environment when there are several, and a line
/// pointing to the definitions.
public struct MetricsTextReport: Sendable {
    /// The zone the window's dates are shown in.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    public func render(_ report: MetricsReport) -> String {
        var lines = [header(report), ""]
        lines += MetricsText.table(rows(report), numeric: false)
        if report.environments.count > 1 {
            lines.append("")
            lines += MetricsText.table(environmentRows(report.environments), numeric: true)
        }
        lines.append("")
        lines.append("What each figure means, and how it compares with DORA's four keys: README, section \"Metrics\".")
        return lines.joined(separator: "\n") + "\n"
    }

    func header(_ report: MetricsReport) -> String {
        let scope = report.window.environment.map { "for \($0)" } ?? "for all environments"
        let clipped = report.measuredSince > report.window.since
        let start = MetricsText.minute(report.measuredSince, in: timeZone) + (clipped ? " (first deployment)" : "")
        let end = MetricsText.minute(report.window.until, in: timeZone)
        return "Deployment metrics \(scope), \(start) to \(end) (\(MetricsText.days(report.measuredDays)))"
    }

    func rows(_ report: MetricsReport) -> [[String]] {
        [
            ["Deployments", "\(report.deployments) (\(report.succeeded) succeeded, \(report.failed) failed, \(report.rolledBack) rolled back)"],
            ["Success rate", report.successRate.map { "\(MetricsText.percent($0)) (\(report.succeeded) of \(report.deployments))" }
                ?? "– (no deployments)"],
            ["Change failure rate", report.changeFailureRate.map { rate in
                "\(MetricsText.percent(rate)) (\(report.failures) of \(report.deployments)) — Four Keys bucket \(ChangeFailureBucket(rate: rate).rawValue)"
            } ?? "– (no deployments)"],
            ["Deployment time", pair(report.medianDuration, report.p90Duration) ?? "– (no finished deployments)"],
            ["Deployment frequency", frequency(report.deploymentFrequency)],
            ["Lead time for changes", leadTime(report.leadTimeForChanges)],
            ["Time to restore", restore(report.timeToRestore)],
            ["Rollbacks", "\(report.rollbacks)"],
            ["Caught before prod.", report.caughtBeforeProductionShare.map {
                "\(report.caughtBeforeProduction) of \(report.failures) failures (\(MetricsText.percent($0)))"
            } ?? "0 (no failures)"],
            ["Not counted", notCounted(report)],
        ]
    }

    private func pair(_ median: TimeInterval?, _ p90: TimeInterval?) -> String? {
        guard let median, let p90 else { return nil }
        return "median \(MetricsText.duration(median)), p90 \(MetricsText.duration(p90))"
    }

    private func frequency(_ frequency: DeploymentFrequency) -> String {
        let perDay = MetricsText.decimal(frequency.perDay, places: frequency.perDay >= 1 ? 1 : 2)
        let text = "\(MetricsText.decimal(frequency.perWeek, places: 1)) per week (\(perDay) per day)"
        guard let bucket = frequency.bucket else { return text }
        return "\(text) — \(bucket.band.rawValue): \(bucket.phrase)"
    }

    private func leadTime(_ leadTime: LeadTimeForChanges) -> String {
        guard let text = pair(leadTime.median, leadTime.p90), let bucket = leadTime.bucket else {
            return "– (no commits recorded for successful deployments)"
        }
        let changes = leadTime.changes == 1 ? "1 change" : "\(leadTime.changes) changes"
        return "\(text), \(changes) — \(bucket.leadTimeBand.rawValue): \(bucket.phrase)"
    }

    private func restore(_ restore: TimeToRestore) -> String {
        let failing = restore.stillFailing > 0 ? "; \(restore.stillFailing) still failing" : ""
        guard let text = pair(restore.median, restore.p90), let bucket = restore.bucket else {
            return (restore.stillFailing > 0 ? "– (none restored yet)" : "– (no failures)") + failing
        }
        return "\(text), \(restore.restored) restored — \(bucket.phrase)\(failing)"
    }

    private func notCounted(_ report: MetricsReport) -> String {
        var parts: [String] = []
        if report.inProgress > 0 { parts.append("\(report.inProgress) in progress") }
        if report.abandoned > 0 { parts.append("\(report.abandoned) abandoned") }
        return parts.isEmpty ? "none" : parts.joined(separator: ", ")
    }

    func environmentRows(_ environments: [MetricsReport]) -> [[String]] {
        let header = ["Environment", "Deploys", "Success", "Failure", "Per week", "Median time", "Lead time", "Restore"]
        return [header] + environments.map { report in
            [
                report.window.environment ?? "",
                "\(report.deployments)",
                report.successRate.map(MetricsText.percent) ?? "–",
                report.changeFailureRate.map(MetricsText.percent) ?? "–",
                MetricsText.decimal(report.deploymentFrequency.perWeek, places: 1),
                report.medianDuration.map(MetricsText.duration) ?? "–",
                report.leadTimeForChanges.median.map(MetricsText.duration) ?? "–",
                report.timeToRestore.median.map(MetricsText.duration) ?? "–",
            ]
        }
    }
}
