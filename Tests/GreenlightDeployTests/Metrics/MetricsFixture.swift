import Foundation
import GreenlightDeploy

/// A hand-made history (March 2025, UTC) whose figures are worked out by hand in the
/// tests. Production:
///
///     P0  succeeded    Feb 20 10:00  100 s   (before the window; shipped c0)
///     P1  succeeded    Mar 3  10:00  240 s   c1 committed Mar 3 08:00
///     P2  succeeded    Mar 5  10:00  300 s   c2 committed Mar 4 10:05
///     P3  failed       Mar 6  10:00  120 s   caught before production
///     P4  succeeded    Mar 6  12:00  360 s   c3 committed Mar 6 09:00, c1 again
///     P5  rolled-back  Mar 12 09:00  600 s
///     P6  succeeded    Mar 13 09:00  200 s   c4 committed Mar 10 09:03:20
///     P7  succeeded    Mar 20 15:00  250 s   c5 committed Mar 20 14:00, c6 after it finished, c0 again
///     P8  failed       Mar 28 16:00   90 s   never restored
///     P9  running      Mar 29 08:00
///     P10 abandoned    Mar 25 08:00
///
/// Staging (its history starts Mar 4 09:00):
///
///     S1  succeeded    Mar 4  09:00   60 s   c1 committed Mar 3 08:00
///     S2  failed       Mar 4  09:30   30 s
///     S3  succeeded    Mar 4  10:00   60 s
///     S4  failed       Mar 6  11:00   60 s   (production's P4 succeeds before staging's S5)
///     S5  succeeded    Mar 7  11:00  120 s
enum MetricsFixture {
    /// 2025-03-01T00:00:00Z, a Saturday.
    static let marchFirst = Date(timeIntervalSince1970: 1_740_787_200)

    /// Day `day` of March 2025 (0 and below run back into February), UTC.
    static func march(_ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
        marchFirst.addingTimeInterval(Double((day - 1) * 86_400 + hour * 3600 + minute * 60 + second))
    }

    /// March 2025: Mar 1 00:00 to Mar 31 00:00, 30 days.
    static func window(_ environment: String? = nil) -> MetricsWindow {
        MetricsWindow(since: march(1), until: march(31), environment: environment)
    }

    static func deployment(_ id: String, _ environment: String, _ status: DeploymentStatus, _ start: Date,
                           seconds: Double?, caught: Bool = false) -> DeploymentRecord {
        DeploymentRecord(id: id, runbook: "web", runbookPath: "deploy/\(environment).yml", runbookDigest: "digest",
                         environment: environment, status: status, startedAt: start,
                         finishedAt: seconds.map { start.addingTimeInterval($0) }, actor: "ana@example.com",
                         gitCommit: "0123456789abcdef", journalPath: "deployments/\(id).md",
                         caughtBeforeProduction: caught, host: "ci-runner-7", pid: 4242)
    }

    static let production: [DeploymentRecord] = [
        deployment("P0", "production", .succeeded, march(-8, 10), seconds: 100),
        deployment("P1", "production", .succeeded, march(3, 10), seconds: 240),
        deployment("P2", "production", .succeeded, march(5, 10), seconds: 300),
        deployment("P3", "production", .failed, march(6, 10), seconds: 120, caught: true),
        deployment("P4", "production", .succeeded, march(6, 12), seconds: 360),
        deployment("P5", "production", .rolledBack, march(12, 9), seconds: 600),
        deployment("P6", "production", .succeeded, march(13, 9), seconds: 200),
        deployment("P7", "production", .succeeded, march(20, 15), seconds: 250),
        deployment("P8", "production", .failed, march(28, 16), seconds: 90),
        deployment("P9", "production", .running, march(29, 8), seconds: nil),
        deployment("P10", "production", .abandoned, march(25, 8), seconds: 30),
    ]

    static let staging: [DeploymentRecord] = [
        deployment("S1", "staging", .succeeded, march(4, 9), seconds: 60),
        deployment("S2", "staging", .failed, march(4, 9, 30), seconds: 30),
        deployment("S3", "staging", .succeeded, march(4, 10), seconds: 60),
        deployment("S4", "staging", .failed, march(6, 11), seconds: 60),
        deployment("S5", "staging", .succeeded, march(7, 11), seconds: 120),
    ]

    static var all: [DeploymentRecord] { production + staging }

    static let changes: [ChangeRecord] = [
        ChangeRecord(deploymentID: "P0", sha: "c0", committedAt: march(-9, 9)),
        ChangeRecord(deploymentID: "P1", sha: "c1", committedAt: march(3, 8)),
        ChangeRecord(deploymentID: "P2", sha: "c2", committedAt: march(4, 10, 5)),
        ChangeRecord(deploymentID: "P3", sha: "c3", committedAt: march(6, 9)),
        ChangeRecord(deploymentID: "P4", sha: "c3", committedAt: march(6, 9)),
        ChangeRecord(deploymentID: "P4", sha: "c1", committedAt: march(3, 8)),
        ChangeRecord(deploymentID: "P6", sha: "c4", committedAt: march(10, 9, 3, 20)),
        ChangeRecord(deploymentID: "P7", sha: "c5", committedAt: march(20, 14)),
        ChangeRecord(deploymentID: "P7", sha: "c6", committedAt: march(20, 16)),
        ChangeRecord(deploymentID: "P7", sha: "c0", committedAt: march(-9, 9)),
        ChangeRecord(deploymentID: "S1", sha: "c1", committedAt: march(3, 8)),
    ]
}
