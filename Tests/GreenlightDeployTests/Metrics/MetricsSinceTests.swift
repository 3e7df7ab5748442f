import Foundation
import GreenlightDeploy
import Testing

@Suite struct MetricsSinceTests {
    let now = MetricsFixture.march(31, 12)
    let utc = TimeZone(secondsFromGMT: 0) ?? .current

    @Test func spansCountBackFromNow() throws {
        #expect(try MetricsSince.parse("7d", now: now) == MetricsFixture.march(24, 12))
        #expect(try MetricsSince.parse("2w", now: now) == MetricsFixture.march(17, 12))
        #expect(try MetricsSince.parse("1m", now: now) == MetricsFixture.march(1, 12))
        #expect(try MetricsSince.parse("1y", now: now) == now.addingTimeInterval(-365 * 86_400))
    }

    @Test func datesAreMidnightInTheTimeZone() throws {
        #expect(try MetricsSince.parse("2025-03-04", now: now, timeZone: utc) == MetricsFixture.march(4))
        let berlin = try #require(TimeZone(secondsFromGMT: 3600))
        #expect(try MetricsSince.parse("2025-03-04", now: now, timeZone: berlin) == MetricsFixture.march(3, 23))
        #expect(try MetricsSince.parse("2025-03-04T09:30:00Z", now: now) == MetricsFixture.march(4, 9, 30))
        #expect(try MetricsSince.parse("2025-03-04T09:30:00+02:00", now: now) == MetricsFixture.march(4, 7, 30))
    }

    @Test func nonsenseAndFutureAreRefusedWithTheFix() {
        for text in ["", "30", "d", "0d", "-3d", "3x", "2025-13-01", "yesterday"] {
            #expect(throws: MetricsSinceError.self, "\(text)") { try MetricsSince.parse(text, now: now) }
        }
        do {
            _ = try MetricsSince.parse("2025-04-02", now: now, timeZone: utc)
            Issue.record("a future date was accepted")
        } catch {
            #expect(error.description == "--since 2025-04-02 is in the future; give a past date or a span such as 30d")
        }
        do {
            _ = try MetricsSince.parse("3x", now: now)
            Issue.record("3x was accepted")
        } catch {
            #expect(error.description.contains("not '3x'"))
        }
    }
}
