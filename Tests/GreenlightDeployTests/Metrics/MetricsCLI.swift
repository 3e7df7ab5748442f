import Foundation
import GreenlightDeploy
import GreenlightTestSupport

/// Runs the built `greenlight` binary as a user would, against histories seeded through
/// the store API.
enum MetricsCLI {
    typealias Result = GreenlightBinary.Result

    /// Runs in `directory` with times shown in UTC and no GREENLIGHT_STORE unless given.
    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        var variables = ProcessInfo.processInfo.environment
        variables["GREENLIGHT_STORE"] = nil
        variables["TZ"] = "UTC"
        variables["NO_COLOR"] = "1"
        variables.merge(environment) { _, given in given }
        return try GreenlightBinary.run(arguments, in: directory, environment: variables)
    }

    /// A new empty folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// An SQLite history at `path` holding `deployments` and `changes`.
    static func seed(_ path: String, deployments: [DeploymentRecord], changes: [ChangeRecord]) async throws {
        let store = try SQLiteDeploymentStore(path: path)
        for deployment in deployments { try await store.insert(deployment) }
        try await store.recordChanges(changes)
        await store.close()
    }

    /// 120 days from Wednesday 2025-01-01, each with three deployments to production:
    /// 09:00 succeeded in 300 s (commit 1 h before the start: lead time 3 900 s),
    /// 13:00 failed in 60 s, 15:00 succeeded in 600 s (commit 30 min before: lead time
    /// 2 400 s; it restores the 13:00 failure after 7 740 s).
    static var busyHistory: (deployments: [DeploymentRecord], changes: [ChangeRecord]) {
        var deployments: [DeploymentRecord] = []
        var changes: [ChangeRecord] = []
        let newYear = MetricsFixture.march(-58)
        for day in 0..<120 {
            let midnight = newYear.addingTimeInterval(Double(day) * 86_400)
            let morning = MetricsFixture.deployment(String(format: "%08x", day * 3), "production", .succeeded,
                                                    midnight.addingTimeInterval(9 * 3600), seconds: 300)
            let failed = MetricsFixture.deployment(String(format: "%08x", day * 3 + 1), "production", .failed,
                                                   midnight.addingTimeInterval(13 * 3600), seconds: 60)
            let afternoon = MetricsFixture.deployment(String(format: "%08x", day * 3 + 2), "production", .succeeded,
                                                      midnight.addingTimeInterval(15 * 3600), seconds: 600)
            deployments += [morning, failed, afternoon]
            changes.append(ChangeRecord(deploymentID: morning.id, sha: "m\(day)", committedAt: morning.startedAt.addingTimeInterval(-3600)))
            changes.append(ChangeRecord(deploymentID: afternoon.id, sha: "a\(day)", committedAt: afternoon.startedAt.addingTimeInterval(-1800)))
        }
        return (deployments, changes)
    }
}
