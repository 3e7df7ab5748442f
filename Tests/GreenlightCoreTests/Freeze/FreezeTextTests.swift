import Foundation
import GreenlightCore
import Testing

/// The wording of statuses and refusals, and the instants `--at` accepts.
@Suite struct FreezeTextTests {
    typealias F = FreezeFixture

    func berlin() throws -> FreezePolicy {
        try F.policy("Europe/Berlin", "{weekly: friday after 14:00, reason: no Friday deploys after 2pm}", "weekends")
    }

    @Test func frozenSummary() throws {
        let policy = try berlin()
        let status = try F.status(policy, "2026-11-27T15:00+01:00")
        #expect(FreezeCalendar.summary(status, policy: policy, file: ".greenlight.yml")
            == "frozen until Mon 2026-11-30 00:00 Europe/Berlin (2 days 9 hours from now): friday after 14:00 — no Friday deploys after 2pm; weekends")
        let coloured = FreezeCalendar.summary(status, policy: policy, file: ".greenlight.yml", style: ANSIStyle(enabled: true))
        #expect(coloured.hasPrefix("\u{1B}[1;31mfrozen\u{1B}[0m until"))
    }

    @Test func notFrozenSummary() throws {
        let policy = try berlin()
        let status = try F.status(policy, "2026-11-24T14:00+01:00")
        #expect(FreezeCalendar.summary(status, policy: policy, file: ".greenlight.yml")
            == "not frozen; next freeze Fri 2026-11-27 14:00 Europe/Berlin (in 3 days): friday after 14:00 — no Friday deploys after 2pm")
        #expect(FreezeCalendar.summary(FreezeStatus(at: status.at, frozen: false), policy: FreezePolicy(), file: "deploy/prod.yml")
            == "no freeze windows declared in deploy/prod.yml")
        let past = try F.policy("UTC", "2020-01-01")
        try #expect(FreezeCalendar.summary(F.status(past, "2026-11-24T14:00Z"), policy: past, file: "x")
            == "not frozen; no freeze window starts within 400 days")
        let always = try F.policy("UTC", "monday-sunday")
        try #expect(FreezeCalendar.summary(F.status(always, "2026-11-24T14:00Z"), policy: always, file: "x")
            == "frozen for more than 400 days: monday-sunday")
    }

    @Test func refusalNamesWindowsUntilAndOverride() throws {
        let policy = try berlin()
        let status = try F.status(policy, "2026-11-28T10:30+01:00")
        #expect(FreezeCalendar.refusal(status, policy: policy, runbook: "deploy/production.yml") == """
            Deploys of deploy/production.yml are frozen until Mon 2026-11-30 00:00 Europe/Berlin (1 day 13 hours from now).
            Freeze window:
              weekends (deploy/production.yml:5)
            To deploy anyway, say why (the reason is kept in the history and the journal):
              greenlight deploy deploy/production.yml --override-freeze --reason "…"
            """)
        let friday = try F.status(policy, "2026-11-27T14:00+01:00")
        let text = FreezeCalendar.refusal(friday, policy: policy, runbook: "my runbooks/prod.yml")
        #expect(text.contains("Freeze windows:\n  friday after 14:00 (deploy/production.yml:4) — no Friday deploys after 2pm\n  weekends"))
        #expect(text.hasSuffix("greenlight deploy 'my runbooks/prod.yml' --override-freeze --reason \"…\""))
    }

    @Test func json() throws {
        let policy = try berlin()
        let frozen = FreezeCalendar.json(try F.status(policy, "2026-11-27T15:00+01:00"), policy: policy, file: ".greenlight.yml")
        let text = JSONSerializer.compact(frozen)
        #expect(text.hasPrefix("""
            {"file":".greenlight.yml","frozen":true,"until":"2026-11-30T00:00:00+01:00",\
            "windows":[{"text":"friday after 14:00","reason":"no Friday deploys after 2pm","line":4}],
            """))
        #expect(text.hasSuffix(#""next":null,"timezone":"Europe/Berlin","at":"2026-11-27T15:00:00+01:00"}"# + "\n"))
        let free = JSONSerializer.compact(FreezeCalendar.json(try F.status(policy, "2026-07-01T09:00Z"), policy: policy, file: "f"))
        #expect(free.contains(#""until":null,"windows":[],"period":[],"next":{"start":"2026-07-03T14:00:00+02:00","window":{"text":"friday after 14:00""#))
    }

    @Test(arguments: [(0, "less than a minute"), (59, "less than a minute"), (60, "1 minute"), (3599, "59 minutes"),
                      (3600, "1 hour"), (3660, "1 hour 1 minute"), (7320, "2 hours 2 minutes"), (86_400, "1 day"),
                      (90_000, "1 day 1 hour"), (205_200, "2 days 9 hours")])
    func span(seconds: Int, text: String) {
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        #expect(FreezeCalendar.span(from: start, to: start.addingTimeInterval(TimeInterval(seconds))) == text)
    }

    @Test func iso8601UsesThePolicyZone() throws {
        let date = try F.instant("2026-11-28T05:00Z")
        #expect(FreezeCalendar.iso8601(date, policy: FreezePolicy(timeZone: "America/New_York")) == "2026-11-28T00:00:00-05:00")
        #expect(FreezeCalendar.iso8601(date, policy: FreezePolicy(timeZone: "UTC")) == "2026-11-28T05:00:00Z")
        #expect(FreezeCalendar.iso8601(date, policy: FreezePolicy(timeZone: "Asia/Kolkata")) == "2026-11-28T10:30:00+05:30")
        #expect(FreezeCalendar.describe(date, policy: FreezePolicy(timeZone: "Asia/Kolkata")) == "Sat 2026-11-28 10:30 Asia/Kolkata")
    }

    @Test(arguments: [
        ("2026-11-27T15:00:00+01:00", 1_795_788_000.0), ("2026-11-27T14:00Z", 1_795_788_000.0),
        ("2026-11-27t14:00:00.250z", 1_795_788_000.0), ("2026-11-27 09:00-0500", 1_795_788_000.0),
        ("2026-11-27T19:30+05:30", 1_795_788_000.0), ("2026-11-27T15:00+01", 1_795_788_000.0),
    ])
    func instantsWithOffsets(text: String, seconds: Double) throws {
        let instant = try #require(FreezeInstant(text))
        try #expect(instant.date(in: #require(TimeZone(identifier: "Asia/Tokyo"))).timeIntervalSince1970 == seconds)
    }

    @Test func instantsWithoutOffsetUseThePolicyZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let instant = try #require(FreezeInstant("2026-11-27T15:00"))
        #expect(instant.offset == nil)
        try #expect(instant.date(in: berlin) == (F.instant("2026-11-27T14:00Z")))
        #expect(try #require(FreezeInstant("2026-11-27")).date(in: berlin) == (try F.instant("2026-11-26T23:00Z")))
        // In the hour the clocks skip: moved forward by the gap.
        #expect(try #require(FreezeInstant("2026-03-29T02:30")).date(in: berlin) == (try F.instant("2026-03-29T03:30+02:00")))
        // In the hour that happens twice: the first.
        #expect(try #require(FreezeInstant("2026-10-25T02:30")).date(in: berlin) == (try F.instant("2026-10-25T02:30+02:00")))
    }

    @Test(arguments: ["", "tomorrow", "2026-11-27T", "2026-11-27T25:00Z", "2026-11-27T15:00+1", "2026-02-29T10:00Z",
                      "2026-11-27T15:00 CET", "2026-11-27X15:00", "2026-11-27T15:60Z", "2026-11-27T15:00+15:00"])
    func invalidInstants(text: String) {
        #expect(FreezeInstant(text) == nil)
    }
}
