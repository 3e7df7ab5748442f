import Foundation
import GreenlightCore

/// `greenlight history`: one line per deployment, newest first, with id, runbook,
/// environment, commit, start, duration, outcome and who ran it.
public struct HistoryReport: Sendable {
    /// The zone start times are shown in.
    public var timeZone: TimeZone

    public init(timeZone: TimeZone = .current) {
        self.timeZone = timeZone
    }

    /// An aligned table with a header line; one line per deployment.
    public func text(_ deployments: [DeploymentRecord]) -> String {
        let header = ["ID", "RUNBOOK", "ENVIRONMENT", "COMMIT", "STARTED", "DURATION", "OUTCOME", "WHO"]
        let rows = deployments.map { deployment in
            [
                deployment.id,
                deployment.runbook,
                deployment.environment,
                Self.commit(deployment),
                MetricsText.minute(deployment.startedAt, in: timeZone),
                deployment.duration.map(MetricsText.duration) ?? "–",
                deployment.outcome,
                deployment.actor,
            ]
        }
        let table = [header] + rows
        let widths = (0..<header.count).map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { row in
            row.enumerated().map { column, cell in
                column == 5 ? String(repeating: " ", count: widths[column] - cell.count) + cell
                    : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `{"version": 1, "deployments": [...]}`, snake_case keys, times in ISO 8601 UTC,
    /// durations in seconds, `null` for what is not known.
    public func json(_ deployments: [DeploymentRecord]) -> String {
        JSONSerializer.pretty(.object([
            JSONMember("version", .int(1)),
            JSONMember("deployments", .array(deployments.map(document))),
        ]))
    }

    func document(_ deployment: DeploymentRecord) -> JSONValue {
        .object([
            JSONMember("id", .string(deployment.id)),
            JSONMember("runbook", .string(deployment.runbook)),
            JSONMember("runbook_path", .string(deployment.runbookPath)),
            JSONMember("environment", .string(deployment.environment)),
            JSONMember("status", .string(deployment.status.rawValue)),
            JSONMember("outcome", .string(deployment.outcome)),
            JSONMember("started_at", .string(MetricsJSONReport.timestamp(deployment.startedAt))),
            JSONMember("finished_at", .string(deployment.finishedAt.map(MetricsJSONReport.timestamp))),
            JSONMember("duration_seconds", .number(deployment.duration)),
            JSONMember("actor", .string(deployment.actor)),
            JSONMember("git_commit", .string(deployment.gitCommit)),
            JSONMember("git_branch", .string(deployment.gitBranch)),
            JSONMember("git_dirty", .bool(deployment.gitDirty)),
            JSONMember("failure_summary", .string(deployment.failureSummary)),
            JSONMember("stopped_by", .string(deployment.stoppedBy)),
            JSONMember("caught_before_production", .bool(deployment.caughtBeforeProduction)),
            JSONMember("freeze_override_reason", .string(deployment.freezeOverrideReason)),
            JSONMember("journal_path", .string(deployment.journalPath)),
        ])
    }

    /// The first 7 characters of the commit, `*` after when the tree was dirty; `–` when unknown.
    static func commit(_ deployment: DeploymentRecord) -> String {
        guard let sha = deployment.gitCommit, !sha.isEmpty else { return deployment.gitDirty ? "–*" : "–" }
        return String(sha.prefix(7)) + (deployment.gitDirty ? "*" : "")
    }
}
