import Foundation
import GreenlightCore
import Testing

/// Freeze evaluation at fixed instants: boundaries, the contiguous end of a freeze,
/// windows wrapping past Sunday, date ranges over a year end, leap days.
@Suite struct FreezeCalendarTests {
    typealias F = FreezeFixture

    @Test func fridayAfterTwoBoundaries() throws {
        let policy = try F.policy("Europe/Berlin", "friday after 14:00")
        let before = try F.status(policy, "2026-11-27T13:59+01:00")
        #expect(!before.frozen && before.windows.isEmpty)
        try #expect(before.next?.start == (F.instant("2026-11-27T14:00+01:00")))
        try #expect(!(F.status(policy, "2026-11-27T13:59:59+01:00")).frozen)
        let exactly = try F.status(policy, "2026-11-27T14:00+01:00")
        #expect(exactly.frozen && exactly.windows.map(\.text) == ["friday after 14:00"])
        try #expect(exactly.until == (F.instant("2026-11-28T00:00+01:00")))
        #expect(exactly.next == nil)
        try #expect((F.status(policy, "2026-11-27T23:59:59+01:00")).frozen)
        let saturday = try F.status(policy, "2026-11-28T00:00+01:00")
        #expect(!saturday.frozen)
        try #expect(saturday.next?.start == (F.instant("2026-12-04T14:00+01:00")))
        // Thursday 14:00 is another day.
        try #expect(!(F.status(policy, "2026-11-26T14:00+01:00")).frozen)
    }

    /// Friday afternoon, the weekend and a Monday holiday make one freeze to Tuesday.
    @Test func untilFollowsAdjacentWindows() throws {
        let policy = try F.policy("Europe/Berlin", "{weekly: friday after 14:00, reason: no Friday deploys after 2pm}",
                                  "weekends", "{date: 2026-11-30, reason: company holiday}", "wednesday")
        let status = try F.status(policy, "2026-11-27T15:00+01:00")
        #expect(status.frozen)
        #expect(status.windows.map(\.text) == ["friday after 14:00"])
        #expect(status.period.map(\.text) == ["friday after 14:00", "weekends", "2026-11-30"])
        try #expect(status.until == (F.instant("2026-12-01T00:00+01:00")))
        let sunday = try F.status(policy, "2026-11-29T12:00+01:00")
        #expect(sunday.windows.map(\.text) == ["weekends"] && sunday.until == status.until)
    }

    @Test func overlappingWindowsAreAllInForce() throws {
        let policy = try F.policy("UTC", "{weekly: weekends, reason: A}", "{weekly: saturday, reason: B}", "saturday 10:00-12:00")
        let status = try F.status(policy, "2026-11-28T11:00Z")
        #expect(status.windows.map(\.reason) == ["A", "B", nil])
        try #expect(status.until == (F.instant("2026-11-30T00:00Z")))
        // Both weekends and saturday start at Saturday 00:00: the first declared is named.
        let friday = try F.status(policy, "2026-11-27T12:00Z")
        #expect(friday.next?.window.reason == "A")
        try #expect(friday.next?.start == (F.instant("2026-11-28T00:00Z")))
    }

    @Test func windowWrappingPastSunday() throws {
        let policy = try F.policy("Europe/Berlin", "friday 18:00 to monday 06:00")
        try #expect(!(F.status(policy, "2026-11-27T17:59+01:00")).frozen)
        let friday = try F.status(policy, "2026-11-27T18:00+01:00")
        try #expect(friday.frozen && friday.until == (F.instant("2026-11-30T06:00+01:00")))
        try #expect((F.status(policy, "2026-11-29T12:00+01:00")).frozen)
        try #expect((F.status(policy, "2026-11-30T05:59+01:00")).frozen)
        let monday = try F.status(policy, "2026-11-30T06:00+01:00")
        try #expect(!monday.frozen && monday.next?.start == (F.instant("2026-12-04T18:00+01:00")))
    }

    @Test func overnightAndDayRangesWrap() throws {
        let overnight = try F.policy("UTC", "sunday 22:00-02:00")
        let monday = try F.status(overnight, "2026-11-30T01:00Z")
        try #expect(monday.frozen && monday.until == (F.instant("2026-11-30T02:00Z")))
        try #expect(!(F.status(overnight, "2026-11-30T02:00Z")).frozen)
        let days = try F.policy("UTC", "fri-mon")
        try #expect((F.status(days, "2026-11-30T23:59Z")).frozen)
        let tuesday = try F.status(days, "2026-12-01T00:00Z")
        try #expect(!tuesday.frozen && tuesday.next?.start == (F.instant("2026-12-04T00:00Z")))
        let friday = try F.status(days, "2026-11-27T00:00Z")
        try #expect(friday.until == (F.instant("2026-12-01T00:00Z")))
    }

    @Test func dateRangeOverTheYearEnd() throws {
        let policy = try F.policy("Europe/Berlin", "{from: 2026-12-24, to: 2027-01-02, reason: year-end freeze}")
        let eve = try F.status(policy, "2026-12-23T23:59+01:00")
        try #expect(!eve.frozen && eve.next?.start == (F.instant("2026-12-24T00:00+01:00")))
        #expect(eve.next?.window.reason == "year-end freeze")
        let newYear = try F.status(policy, "2026-12-31T23:59+01:00")
        try #expect(newYear.frozen && newYear.until == (F.instant("2027-01-03T00:00+01:00")))
        try #expect((F.status(policy, "2027-01-01T00:00+01:00")).frozen)
        try #expect((F.status(policy, "2027-01-02T23:59+01:00")).frozen)
        let after = try F.status(policy, "2027-01-03T00:00+01:00")
        #expect(!after.frozen && after.next == nil)
        // 2027-01-02 is a Saturday: with weekends the freeze runs on to Monday.
        let withWeekends = try F.policy("Europe/Berlin", "2026-12-24 to 2027-01-02", "weekends")
        try #expect((F.status(withWeekends, "2026-12-28T09:00+01:00")).until == (F.instant("2027-01-04T00:00+01:00")))
    }

    @Test func leapDay() throws {
        let policy = try F.policy("UTC", "2028-02-29")
        let before = try F.status(policy, "2028-02-28T23:59Z")
        try #expect(before.next?.start == (F.instant("2028-02-29T00:00Z")))
        let leap = try F.status(policy, "2028-02-29T12:00Z")
        try #expect(leap.frozen && leap.until == (F.instant("2028-03-01T00:00Z")))
        // 2028-02-29 is a Tuesday.
        let weekly = try F.policy("UTC", "tuesday after 22:00")
        let night = try F.status(weekly, "2028-02-29T22:30Z")
        try #expect(night.frozen && night.until == (F.instant("2028-03-01T00:00Z")))
    }

    @Test func searchStopsAtTheHorizon() throws {
        let past = try F.policy("UTC", "2020-01-01")
        let status = try F.status(past, "2026-11-27T12:00Z")
        #expect(!status.frozen && status.next == nil)
        let near = try F.policy("UTC", "2027-12-30")
        try #expect((F.status(near, "2026-11-27T12:00Z")).next?.start == (F.instant("2027-12-30T00:00Z")))
        let far = try F.policy("UTC", "2028-01-10")
        try #expect((F.status(far, "2026-11-27T12:00Z")).next == nil)
        let always = try F.policy("UTC", "monday-sunday")
        let forever = try F.status(always, "2026-11-27T12:00Z")
        #expect(forever.frozen && forever.until == nil)
    }

    @Test func emptyPolicyIsNeverFrozen() {
        let status = FreezeCalendar.status(of: FreezePolicy(), at: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(status == FreezeStatus(at: Date(timeIntervalSince1970: 1_800_000_000), frozen: false))
    }

    /// The same wall-clock hour in winter and in summer.
    @Test func wallClockFollowsDaylightSaving() throws {
        let policy = try F.policy("Europe/Berlin", "friday after 14:00")
        try #expect(!(F.status(policy, "2026-07-03T11:59Z")).frozen)
        try #expect((F.status(policy, "2026-07-03T12:00Z")).frozen)
        try #expect(!(F.status(policy, "2026-11-27T12:59Z")).frozen)
        try #expect((F.status(policy, "2026-11-27T13:00Z")).frozen)
    }
}
