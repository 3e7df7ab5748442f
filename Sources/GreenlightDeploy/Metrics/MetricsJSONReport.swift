import Foundation
import GreenlightCore

/// `greenlight metrics --format json`: one object, snake_case keys, durations in
/// seconds, rates from 0 to 1, `null` for figures that are undefined (no deployments,
/// no changes, no failures). Per-environment reports (same keys, no `version`, no
/// `environments`) under `environments`.
public enum MetricsJSONReport {
    public static func render(_ report: MetricsReport) -> String {
        JSONSerializer.pretty(document(report))
    }

    public static func document(_ report: MetricsReport) -> JSONValue {
        .object([JSONMember("version", .int(1))] + members(report)
            + [JSONMember("environments", .array(report.environments.map { .object(members($0)) }))])
    }

    static func members(_ report: MetricsReport) -> [JSONMember] {
        let frequency = report.deploymentFrequency
        let lead = report.leadTimeForChanges
        let restore = report.timeToRestore
        return [
            JSONMember("environment", .string(report.window.environment)),
            JSONMember("since", .string(timestamp(report.window.since))),
            JSONMember("until", .string(timestamp(report.window.until))),
            JSONMember("measured_since", .string(timestamp(report.measuredSince))),
            JSONMember("measured_days", .number(report.measuredDays)),
            JSONMember("deployments", .int(report.deployments)),
            JSONMember("succeeded", .int(report.succeeded)),
            JSONMember("failed", .int(report.failed)),
            JSONMember("rolled_back", .int(report.rolledBack)),
            JSONMember("in_progress", .int(report.inProgress)),
            JSONMember("abandoned", .int(report.abandoned)),
            JSONMember("success_rate", .number(report.successRate)),
            JSONMember("change_failure_rate", .number(report.changeFailureRate)),
            JSONMember("change_failure_bucket", .string(report.changeFailureBucket?.rawValue)),
            JSONMember("median_duration_seconds", .number(report.medianDuration)),
            JSONMember("p90_duration_seconds", .number(report.p90Duration)),
            JSONMember("rollbacks", .int(report.rollbacks)),
            JSONMember("deployment_frequency", .object([
                JSONMember("successful", .int(frequency.successful)),
                JSONMember("per_day", .number(frequency.perDay)),
                JSONMember("per_week", .number(frequency.perWeek)),
                JSONMember("bucket", .string(frequency.bucket?.rawValue)),
                JSONMember("band", .string(frequency.band?.rawValue)),
            ])),
            JSONMember("lead_time_for_changes", .object([
                JSONMember("changes", .int(lead.changes)),
                JSONMember("median_seconds", .number(lead.median)),
                JSONMember("p90_seconds", .number(lead.p90)),
                JSONMember("bucket", .string(lead.bucket?.rawValue)),
                JSONMember("band", .string(lead.band?.rawValue)),
            ])),
            JSONMember("time_to_restore", .object([
                JSONMember("restored", .int(restore.restored)),
                JSONMember("still_failing", .int(restore.stillFailing)),
                JSONMember("median_seconds", .number(restore.median)),
                JSONMember("p90_seconds", .number(restore.p90)),
                JSONMember("bucket", .string(restore.bucket?.rawValue)),
            ])),
            JSONMember("caught_before_production", .int(report.caughtBeforeProduction)),
            JSONMember("caught_before_production_share", .number(report.caughtBeforeProductionShare)),
        ]
    }

    /// ISO 8601 in UTC with seconds: `2025-03-31T14:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(secondsFromGMT: 0) ?? .current))
    }
}
