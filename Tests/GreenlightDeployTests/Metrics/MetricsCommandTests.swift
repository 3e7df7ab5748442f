import Foundation
import GreenlightDeploy
import Testing

/// `greenlight metrics` and `greenlight history` end to end: histories written through
/// the SQLite store, the built binary run on them, its figures compared with ones
/// worked out by hand.
@Suite struct MetricsCommandTests {
    let march = ["--since", "2025-03-01", "--until", "2025-03-31"]

    /// 90 deployments in March (days 59–88 of `busyHistory`): 60 succeeded, 30 failed;
    /// durations 30 × 60 s, 30 × 300 s, 30 × 600 s (ranks 45 and 81); lead times
    /// 30 × 2 400 s and 30 × 3 900 s (ranks 30 and 54); every failure restored after 7 740 s;
    /// a successful deployment every day (weeks [1, 7, 7, 7, 7, 1] days): daily.
    @Test func manyDeploymentsGiveTheHandComputedFigures() async throws {
        let folder = try MetricsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        let history = MetricsCLI.busyHistory
        try await MetricsCLI.seed(path, deployments: history.deployments, changes: history.changes)

        let result = try MetricsCLI.run(["metrics", "--store", path] + march, in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            Deployment metrics for all environments, 2025-03-01 00:00 to 2025-03-31 00:00 (30 days)

              Deployments            90 (60 succeeded, 30 failed, 0 rolled back)
              Success rate           66.7 % (60 of 90)
              Change failure rate    33.3 % (30 of 90) — Four Keys bucket 16-45%
              Deployment time        median 5m 0s, p90 10m 0s
              Deployment frequency   14.0 per week (2.0 per day) — elite: deploys on 3 or more days of most weeks
              Lead time for changes  median 40m 0s, p90 1h 5m, 60 changes — elite: under a day
              Time to restore        median 2h 9m, p90 2h 9m, 30 restored — under a day
              Rollbacks              0
              Caught before prod.    0 of 30 failures (0.0 %)
              Not counted            none

            What each figure means, and how it compares with DORA's four keys: README, section "Metrics".

            """)
    }

    /// The hand-made fixture through the store and the binary: the same figures as
    /// `DeploymentMetricsTests`, in JSON.
    @Test func fixtureThroughTheStoreAsJSON() async throws {
        let folder = try MetricsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        try await MetricsCLI.seed(path, deployments: MetricsFixture.all, changes: MetricsFixture.changes)

        let result = try MetricsCLI.run(["metrics", "--store", path, "--environment", "production", "--format", "json"] + march,
                                        in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["deployments"] as? Int == 8)
        #expect(json["success_rate"] as? Double == 0.625)
        #expect(json["change_failure_rate"] as? Double == 0.375)
        #expect(json["median_duration_seconds"] as? Double == 240)
        #expect(json["p90_duration_seconds"] as? Double == 600)
        #expect(json["rollbacks"] as? Int == 1)
        #expect(json["in_progress"] as? Int == 1)
        #expect(json["abandoned"] as? Int == 1)
        let lead = try #require(json["lead_time_for_changes"] as? [String: Any])
        #expect(lead["changes"] as? Int == 5)
        #expect(lead["median_seconds"] as? Double == 11_160)
        let restore = try #require(json["time_to_restore"] as? [String: Any])
        #expect(restore["median_seconds"] as? Double == 7440)
        #expect(restore["still_failing"] as? Int == 1)
        let frequency = try #require(json["deployment_frequency"] as? [String: Any])
        #expect(frequency["bucket"] as? String == "monthly")
        #expect(json["caught_before_production"] as? Int == 1)

        // The text form of the same window prints what the library renders.
        let text = try MetricsCLI.run(["metrics", "--store", path, "--environment", "production"] + march, in: folder)
        let expected = DeploymentMetrics.compute(deployments: MetricsFixture.all, changes: MetricsFixture.changes,
                                                 window: MetricsFixture.window("production"))
        #expect(text.stdout == MetricsTextReport(timeZone: TimeZone(secondsFromGMT: 0) ?? .current).render(expected))
    }

    @Test func historyListsNewestFirst() async throws {
        let folder = try MetricsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("history.sqlite").path
        try await MetricsCLI.seed(path, deployments: MetricsFixture.all, changes: MetricsFixture.changes)

        let result = try MetricsCLI.run(["history", "--store", path, "--limit", "3"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            ID   RUNBOOK  ENVIRONMENT  COMMIT   STARTED           DURATION  OUTCOME    WHO
            P9   web      production   0123456  2025-03-29 08:00         –  running    ana@example.com
            P8   web      production   0123456  2025-03-28 16:00    1m 30s  failed     ana@example.com
            P10  web      production   0123456  2025-03-25 08:00       30s  abandoned  ana@example.com

            """)

        // GREENLIGHT_STORE names the history when --store is absent.
        let staging = try MetricsCLI.run(["history", "--environment", "staging", "--format", "json"], in: folder,
                                         environment: ["GREENLIGHT_STORE": path])
        #expect(staging.status == 0, "\(staging.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(staging.stdout.utf8)) as? [String: Any])
        let deployments = try #require(json["deployments"] as? [[String: Any]])
        #expect(deployments.compactMap { $0["id"] as? String } == ["S5", "S4", "S3", "S2", "S1"])
    }

    /// Without --store or GREENLIGHT_STORE the history is .greenlight/history.sqlite in
    /// the current folder; when it does not exist, nothing is created.
    @Test func defaultHistoryInTheCurrentFolder() async throws {
        let folder = try MetricsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = try MetricsCLI.run(["history"], in: folder)
        #expect(empty.status == 0)
        #expect(empty.stdout == "No deployments recorded in history \(folder.path)/.greenlight/history.sqlite.\n")
        let nothing = try MetricsCLI.run(["metrics", "--environment", "production"], in: folder)
        #expect(nothing.stdout == "No deployments to production recorded in history \(folder.path)/.greenlight/history.sqlite yet, so there is nothing to measure.\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(".greenlight").path))

        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".greenlight"), withIntermediateDirectories: true)
        try await MetricsCLI.seed(folder.appendingPathComponent(".greenlight/history.sqlite").path,
                                  deployments: MetricsFixture.staging, changes: [])
        let seeded = try MetricsCLI.run(["metrics", "--environment", "staging"] + march, in: folder)
        #expect(seeded.status == 0, "\(seeded.stderr)")
        #expect(seeded.stdout.contains("  Success rate           60.0 % (3 of 5)\n"))
    }

    @Test func mistakesExitTwoWithTheFix() throws {
        let folder = try MetricsCLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let since = try MetricsCLI.run(["metrics", "--since", "3x"], in: folder)
        #expect(since.status == 2)
        #expect(since.stderr.contains("--since must be a span back from now such as 7d, 12w or 6m (months of 30 days), or a date such as 2025-03-01, not '3x'"))
        let backwards = try MetricsCLI.run(["metrics", "--since", "2025-03-31", "--until", "2025-03-01"], in: folder)
        #expect(backwards.status == 2)
        #expect(backwards.stderr.contains("--since 2025-03-31 is not before --until 2025-03-01; the window would be empty"))
        let limit = try MetricsCLI.run(["history", "--limit", "0"], in: folder)
        #expect(limit.status == 2)
        #expect(limit.stderr.contains("--limit must be 1 or more, not 0"))
        let missing = try MetricsCLI.run(["history", "--store", "\(folder.path)/no/such/history.sqlite"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("folder \(folder.path)/no/such does not exist"))
    }
}
