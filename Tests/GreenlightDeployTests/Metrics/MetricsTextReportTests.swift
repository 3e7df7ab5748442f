import Foundation
import GreenlightDeploy
import Testing

@Suite struct MetricsTextReportTests {
    let utc = TimeZone(secondsFromGMT: 0) ?? .current

    func report(_ environment: String?) -> MetricsReport {
        DeploymentMetrics.compute(deployments: MetricsFixture.all, changes: MetricsFixture.changes,
                                  window: MetricsFixture.window(environment))
    }

    @Test func productionFiguresWithUnits() {
        let text = MetricsTextReport(timeZone: utc).render(report("production"))
        #expect(text == """
            Deployment metrics for production, 2025-03-01 00:00 to 2025-03-31 00:00 (30 days)

              Deployments            8 (5 succeeded, 2 failed, 1 rolled back)
              Success rate           62.5 % (5 of 8)
              Change failure rate    37.5 % (3 of 8) — Four Keys bucket 16-45%
              Deployment time        median 4m 0s, p90 10m 0s
              Deployment frequency   1.2 per week (0.17 per day) — medium: deploys in most months
              Lead time for changes  median 3h 6m, p90 3d 0h, 5 changes — elite: under a day
              Time to restore        median 2h 4m, p90 23h 53m, 2 restored — under a day; 1 still failing
              Rollbacks              1
              Caught before prod.    1 of 3 failures (33.3 %)
              Not counted            1 in progress, 1 abandoned

            What each figure means, and how it compares with DORA's four keys: README, section "Metrics".

            """)
    }

    @Test func allEnvironmentsAddATablePerEnvironment() {
        let text = MetricsTextReport(timeZone: utc).render(report(nil))
        #expect(text.hasPrefix("Deployment metrics for all environments, 2025-03-01 00:00 to 2025-03-31 00:00 (30 days)\n"))
        #expect(text.contains("  Success rate           61.5 % (8 of 13)\n"))
        #expect(text.contains("  Change failure rate    38.5 % (5 of 13) — Four Keys bucket 16-45%\n"))
        #expect(text.contains("  Deployment time        median 2m 0s, p90 6m 0s\n"))
        #expect(text.contains("  Deployment frequency   1.9 per week (0.27 per day) — medium: deploys in most months\n"))
        #expect(text.contains("  Time to restore        median 2h 4m, p90 1d 0h, 4 restored — under a day; 1 still failing\n"))
        #expect(text.contains("  Caught before prod.    1 of 5 failures (20.0 %)\n"))
        #expect(text.contains("""

              Environment  Deploys  Success  Failure  Per week  Median time  Lead time  Restore
              production         8   62.5 %   37.5 %       1.2        4m 0s      3h 6m    2h 4m
              staging            5   60.0 %   40.0 %       0.8        1m 0s      1d 1h  30m 30s

            """))
    }

    /// Staging's history starts after the window does; the header says so.
    @Test func headerShowsWhereMeasuringStarts() {
        let staging = DeploymentMetrics.compute(deployments: MetricsFixture.staging, changes: [],
                                                window: MetricsFixture.window("staging"))
        let text = MetricsTextReport(timeZone: utc).render(staging)
        #expect(text.hasPrefix(
            "Deployment metrics for staging, 2025-03-04 09:00 (first deployment) to 2025-03-31 00:00 (26.6 days)\n"))
        #expect(text.contains("  Lead time for changes  – (no commits recorded for successful deployments)\n"))
        #expect(text.contains("  Caught before prod.    0 of 2 failures (0.0 %)\n"))
    }

    @Test func undefinedFiguresSayWhy() {
        let empty = DeploymentMetrics.compute(deployments: [], changes: [], window: MetricsFixture.window("production"))
        let text = MetricsTextReport(timeZone: utc).render(empty)
        #expect(text.contains("  Deployments            0 (0 succeeded, 0 failed, 0 rolled back)\n"))
        #expect(text.contains("  Success rate           – (no deployments)\n"))
        #expect(text.contains("  Change failure rate    – (no deployments)\n"))
        #expect(text.contains("  Deployment time        – (no finished deployments)\n"))
        #expect(text.contains("  Deployment frequency   0.0 per week (0.00 per day)\n"))
        #expect(text.contains("  Time to restore        – (no failures)\n"))
        #expect(text.contains("  Caught before prod.    0 (no failures)\n"))
        #expect(text.contains("  Not counted            none\n"))
    }

    @Test func unrestoredFailuresAreCountedApart() {
        let history = [MetricsFixture.deployment("F", "production", .failed, MetricsFixture.march(2), seconds: 5)]
        let report = DeploymentMetrics.compute(deployments: history, changes: [], window: MetricsFixture.window("production"))
        let text = MetricsTextReport(timeZone: utc).render(report)
        #expect(text.contains("  Time to restore        – (none restored yet); 1 still failing\n"))
    }

    @Test func durationsUseTheTwoLargestUnits() {
        #expect(MetricsText.duration(0) == "0s")
        #expect(MetricsText.duration(-5) == "0s")
        #expect(MetricsText.duration(59.4) == "59s")
        #expect(MetricsText.duration(59.6) == "1m 0s")
        #expect(MetricsText.duration(252) == "4m 12s")
        #expect(MetricsText.duration(3789) == "1h 3m")
        #expect(MetricsText.duration(86_460) == "1d 0h")
        #expect(MetricsText.duration(3 * 86_400 + 7200) == "3d 2h")
    }

    @Test func percentagesAndDays() {
        #expect(MetricsText.percent(14.0 / 15) == "93.3 %")
        #expect(MetricsText.percent(1) == "100.0 %")
        #expect(MetricsText.days(1) == "1 day")
        #expect(MetricsText.days(30) == "30 days")
        #expect(MetricsText.days(26.625) == "26.6 days")
    }
}
