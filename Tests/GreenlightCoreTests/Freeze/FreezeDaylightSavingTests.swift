import Foundation
import GreenlightCore
import Testing

/// Windows on the nights the clocks change (Europe/Berlin: 2026-03-29 02:00 CET becomes
/// 03:00 CEST at 01:00 UTC; 2026-10-25 03:00 CEST becomes 02:00 CET at 01:00 UTC).
@Suite struct FreezeDaylightSavingTests {
    typealias F = FreezeFixture

    @Test func springForwardShortensTheWindow() throws {
        let policy = try F.policy("Europe/Berlin", "sunday 01:00-04:00")
        let before = try F.status(policy, "2026-03-29T00:59+01:00")
        try #expect(!before.frozen && before.next?.start == (F.instant("2026-03-29T00:00Z")))
        let inside = try F.status(policy, "2026-03-29T01:30+01:00")
        #expect(inside.frozen)
        try #expect(inside.until == (F.instant("2026-03-29T02:00Z")))
        try #expect((F.status(policy, "2026-03-29T03:30+02:00")).frozen)
        try #expect(!(F.status(policy, "2026-03-29T04:00+02:00")).frozen)
    }

    /// A window that starts in the hour that does not exist starts when the clocks jump.
    @Test func startInTheGapIsTheJump() throws {
        let policy = try F.policy("Europe/Berlin", "sunday 02:30-05:00")
        let status = try F.status(policy, "2026-03-29T01:30+01:00")
        #expect(!status.frozen)
        try #expect(status.next?.start == (F.instant("2026-03-29T03:00+02:00")))
        let inside = try F.status(policy, "2026-03-29T03:00+02:00")
        try #expect(inside.frozen && inside.until == (F.instant("2026-03-29T05:00+02:00")))
    }

    @Test func endInTheGapIsTheJump() throws {
        let policy = try F.policy("Europe/Berlin", "saturday 22:00 to sunday 02:30")
        let status = try F.status(policy, "2026-03-28T23:00+01:00")
        try #expect(status.frozen && status.until == (F.instant("2026-03-29T01:00Z")))
    }

    @Test func fallBackLengthensTheWindow() throws {
        let policy = try F.policy("Europe/Berlin", "sunday 01:00-04:00")
        let start = try F.status(policy, "2026-10-24T22:59Z")
        try #expect(!start.frozen && start.next?.start == (F.instant("2026-10-24T23:00Z")))
        let inside = try F.status(policy, "2026-10-24T23:30Z")
        try #expect(inside.frozen && inside.until == (F.instant("2026-10-25T03:00Z")))
        try #expect(FreezeCalendar.span(from: inside.at, to: #require(inside.until)) == "3 hours 30 minutes")
    }

    /// 02:30-04:00 happens twice on the night the clocks go back: frozen from 02:30
    /// summer time to the change, free from 02:00 to 02:30 winter time, then frozen again.
    @Test func repeatedHourFreezesTwice() throws {
        let policy = try F.policy("Europe/Berlin", "sunday 02:30-04:00")
        let first = try F.status(policy, "2026-10-25T00:40Z")
        try #expect(first.frozen && first.until == (F.instant("2026-10-25T01:00Z")))
        let between = try F.status(policy, "2026-10-25T01:10Z")
        try #expect(!between.frozen && between.next?.start == (F.instant("2026-10-25T01:30Z")))
        let second = try F.status(policy, "2026-10-25T01:30Z")
        try #expect(second.frozen && second.until == (F.instant("2026-10-25T03:00Z")))
    }

    @Test func westernZoneSpringForward() throws {
        // America/New_York: 2026-03-08 02:00 EST becomes 03:00 EDT at 07:00 UTC.
        let policy = try F.policy("America/New_York", "saturday after 18:00", "sunday before 09:00")
        let status = try F.status(policy, "2026-03-07T23:30Z")
        #expect(status.frozen)
        try #expect(status.until == (F.instant("2026-03-08T09:00-04:00")))
        #expect(status.period.count == 2)
    }
}
