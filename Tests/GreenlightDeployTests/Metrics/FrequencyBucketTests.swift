import Foundation
import GreenlightDeploy
import Testing

/// Four Keys' deployment frequency buckets on small hand-made histories. Weeks start on
/// Sunday: Mar 2, 9, 16, 23 and 30 of 2025 are Sundays.
@Suite struct FrequencyBucketTests {
    func march(_ day: Int, _ hour: Int = 0) -> Date { MetricsFixture.march(day, hour) }

    func bucket(successDays days: [Int], since: Date, until: Date, failures: [Int] = []) -> DeploymentFrequency {
        var history = days.enumerated().map { index, day in
            MetricsFixture.deployment("s\(index)", "production", .succeeded, march(day, 10), seconds: 60)
        }
        history += failures.enumerated().map { index, day in
            MetricsFixture.deployment("f\(index)", "production", .failed, march(day, 10), seconds: 60)
        }
        // An older deployment, so the history does not start inside the window.
        history.append(MetricsFixture.deployment("old", "production", .succeeded, march(-60), seconds: 60))
        let window = MetricsWindow(since: since, until: until, environment: "production")
        return DeploymentMetrics.compute(deployments: history, changes: [], window: window).deploymentFrequency
    }

    /// Two whole weeks with 3 deployment days each: median 3.
    @Test func threeDaysInMostWeeksIsDailyAndElite() {
        let frequency = bucket(successDays: [3, 4, 5, 10, 11, 12], since: march(2), until: march(16))
        #expect(frequency.bucket == .daily)
        #expect(frequency.band == .elite)
        #expect(abs(frequency.perWeek - 3) < 1e-9)
    }

    /// Days per week [3, 3, 2]: median 3. Several deployments on one day count as one day.
    @Test func medianOfThreeWeeksDecides() {
        #expect(bucket(successDays: [3, 4, 5, 10, 11, 12, 17, 18, 18, 18], since: march(2), until: march(23)).bucket == .daily)
        // [3, 2, 2]: median 2; every week deployed: weekly.
        #expect(bucket(successDays: [3, 4, 5, 10, 11, 17, 18, 18], since: march(2), until: march(23)).bucket == .weekly)
    }

    /// Failed deployments do not count towards frequency.
    @Test func onlySuccessfulDeploymentsCount() {
        let frequency = bucket(successDays: [3, 10, 17], since: march(2), until: march(23), failures: [4, 5, 11, 12, 18, 19])
        #expect(frequency.bucket == .weekly)
        #expect(frequency.band == .high)
        #expect(frequency.successful == 3)
        // Deployments, but none successful: measured, and the slowest bucket.
        #expect(bucket(successDays: [], since: march(2), until: march(23), failures: [4]).bucket == .yearly)
    }

    /// Deployed weeks [1, 0, 1, 0]: the median is 0.5, so not weekly; all four weeks
    /// are in March, which has 2 deployed weeks: monthly.
    @Test func halfTheWeeksIsMonthlyNotWeekly() {
        let frequency = bucket(successDays: [3, 17], since: march(2), until: march(30))
        #expect(frequency.bucket == .monthly)
        #expect(frequency.band == .medium)
    }

    /// 13 weeks from Sunday Jan 5 to Sunday Apr 6 (Jan 5–26: 4 weeks, Feb 2–23: 4,
    /// Mar 2–30: 5); one deployment in March gives the month-counts
    /// [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]: median 0, yearly.
    @Test func oneDeploymentInAQuarterIsYearlyAndLow() {
        let frequency = bucket(successDays: [12], since: march(-54), until: march(37))
        #expect(frequency.bucket == .yearly)
        #expect(frequency.band == .low)
        // The same deployment in a month-long window is monthly.
        #expect(bucket(successDays: [12], since: march(2), until: march(30)).bucket == .monthly)
    }

    /// Only the days from the first recorded deployment on are measured: a team that
    /// began on Sunday Mar 16 and deployed on 3 days of each of its two weeks is daily,
    /// and its 6 deployments are spread over 14 days, not 28.
    @Test func historyYoungerThanTheWindowIsNotDiluted() {
        let history = [17, 18, 19, 24, 25, 26].enumerated().map { index, day in
            MetricsFixture.deployment("d\(index)", "production", .succeeded, march(day, 10), seconds: 60)
        } + [MetricsFixture.deployment("first", "production", .failed, march(16), seconds: 60)]
        let window = MetricsWindow(since: march(2), until: march(30), environment: "production")
        let report = DeploymentMetrics.compute(deployments: history, changes: [], window: window)
        #expect(report.measuredSince == march(16))
        #expect(report.measuredDays == 14)
        #expect(abs(report.deploymentFrequency.perWeek - 3) < 1e-9)
        #expect(report.deploymentFrequency.bucket == .daily)
    }

    /// A window that ends before the history starts has nothing to measure.
    @Test func emptyPeriodHasNoBucket() {
        let history = [MetricsFixture.deployment("late", "production", .succeeded, march(20), seconds: 60)]
        let window = MetricsWindow(since: march(2), until: march(9), environment: "production")
        let report = DeploymentMetrics.compute(deployments: history, changes: [], window: window)
        #expect(report.deploymentFrequency.bucket == nil)
        #expect(report.deploymentFrequency.band == nil)
        #expect(report.measuredDays == 1)
    }

    /// A partial week at either end counts as a week, as in Four Keys: Saturday Mar 1
    /// alone makes a week (of February, by its Sunday) with no deployment, so days per
    /// week [0, 3], deployed weeks [0, 1] and month-counts [0, 1] all have median ≤ 1.5.
    @Test func partialWeeksCount() {
        #expect(bucket(successDays: [3, 4, 5], since: march(1), until: march(9)).bucket == .yearly)
        #expect(bucket(successDays: [3, 4, 5], since: march(2), until: march(9)).bucket == .daily)
    }
}
