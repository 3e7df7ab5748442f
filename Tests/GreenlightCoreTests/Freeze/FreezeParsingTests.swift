import GreenlightCore
import Testing

/// `freeze:` as written in `.greenlight.yml` and runbooks: every accepted form, and a
/// located message for every mistake.
@Suite struct FreezeParsingTests {
    func parse(_ text: String) throws -> FreezePolicy {
        try ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: text), knownRules: []).freeze
    }

    func issues(_ text: String) -> [ParseIssue] {
        do {
            _ = try ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: text), knownRules: [])
            return []
        } catch {
            return error.issues
        }
    }

    /// A policy in Berlin with one window, on line 4.
    func document(window: String) -> String {
        "freeze:\n  timezone: Europe/Berlin\n  windows:\n    - \(window)\n"
    }

    static let weeklyForms: [(String, Int, Int)] = [
        ("friday", 5760, 7200),
        ("Fri", 5760, 7200),
        ("fridays", 5760, 7200),
        ("thurs", 4320, 5760),
        ("weekends", 7200, 10080),
        ("Weekend", 7200, 10080),
        ("friday after 14:00", 6600, 7200),
        ("friday after 2pm", 6600, 7200),
        ("FRIDAY AFTER 2:30PM", 6630, 7200),
        ("friday after 2 pm", 6600, 7200),
        ("monday before 09:00", 0, 540),
        ("mon before 9am", 0, 540),
        ("monday before 12pm", 0, 720),
        ("sunday after 12am", 8640, 10080),
        ("wed 12:00-13:30", 3600, 3690),
        ("wed 12:00 - 13:30", 3600, 3690),
        ("wed 12:00\u{2013}13:30", 3600, 3690),
        ("thursday 14:00 to 18:00", 5160, 5400),
        ("friday 20:00-24:00", 6960, 7200),
        ("friday 22:00-02:00", 7080, 7320),
        ("sunday 22:00-02:00", 9960, 120),
        ("sunday 01:00-04:00", 8700, 8880),
        ("friday 18:00 to monday 06:00", 6840, 360),
        ("saturday 00:00 to monday 00:00", 7200, 10080),
        ("saturday-sunday", 7200, 10080),
        ("sat - sun", 7200, 10080),
        ("fri-mon", 5760, 1440),
        ("monday-sunday", 0, 10080),
        ("tuesday-monday", 0, 10080),
    ]

    @Test("weekly forms", arguments: weeklyForms)
    func weeklyForm(text: String, start: Int, end: Int) throws {
        let policy = try parse(document(window: text))
        let window = try #require(policy.windows.first)
        #expect(window.kind == .weekly(start: WeekMinute(start), end: WeekMinute(end)), "\(text)")
        #expect(window.text == text)
        #expect(window.location == SourceLocation(file: ".greenlight.yml", line: 4, column: 7))
    }

    /// The example of the documentation, every form at once, with unquoted YAML dates.
    @Test func everyFormTogether() throws {
        let policy = try parse("""
            freeze:
              timezone: Europe/Berlin
              windows:
                - friday after 14:00
                - {weekly: "friday after 14:00", reason: "no Friday deploys after 2pm"}
                - 2026-12-24
                - {date: 2026-12-25, reason: Christmas}
                - 2026-12-24 to 2027-01-02
                - {from: 2026-12-24, to: 2027-01-02, reason: "year-end freeze"}
                - weekly: weekends
                  reason: quiet weekends
            """)
        let christmasEve = CalendarDay(year: 2026, month: 12, day: 24)
        let secondOfJanuary = CalendarDay(year: 2027, month: 1, day: 2)
        #expect(policy.timeZone == "Europe/Berlin")
        #expect(policy.windows.map(\.kind) == [
            .weekly(start: WeekMinute(6600), end: WeekMinute(7200)),
            .weekly(start: WeekMinute(6600), end: WeekMinute(7200)),
            .dates(first: christmasEve, last: christmasEve),
            .dates(first: CalendarDay(year: 2026, month: 12, day: 25), last: CalendarDay(year: 2026, month: 12, day: 25)),
            .dates(first: christmasEve, last: secondOfJanuary),
            .dates(first: christmasEve, last: secondOfJanuary),
            .weekly(start: WeekMinute(7200), end: WeekMinute(10080)),
        ])
        #expect(policy.windows.map(\.reason) == [nil, "no Friday deploys after 2pm", nil, "Christmas", nil, "year-end freeze", "quiet weekends"])
        #expect(policy.windows.map(\.text) == ["friday after 14:00", "friday after 14:00", "2026-12-24", "2026-12-25",
                                               "2026-12-24 to 2027-01-02", "2026-12-24 to 2027-01-02", "weekends"])
        #expect(policy.windows.compactMap(\.location?.line) == [4, 5, 6, 7, 8, 9, 10])
    }

    @Test func leapDayIsADate() throws {
        let policy = try parse(document(window: "2028-02-29"))
        let leapDay = CalendarDay(year: 2028, month: 2, day: 29)
        #expect(policy.windows.map(\.kind) == [.dates(first: leapDay, last: leapDay)])
    }

    @Test func absentOrEmptyFreezeHasNoWindows() throws {
        #expect(try parse("fail-on: error\n").isEmpty)
        #expect(try parse("freeze:\n").isEmpty)
        let zoneOnly = try parse("freeze:\n  timezone: America/New_York\n  windows: []\n")
        #expect(zoneOnly.timeZone == "America/New_York" && zoneOnly.isEmpty)
    }

    static let badWindows: [(String, String)] = [
        ("fridy after 14:00", "'fridy' is not a day; did you mean 'friday'?"),
        ("friday after 25:00", "'25:00' is not a time; hours run from 00 to 23"),
        ("friday after 14:75", "'14:75' is not a time"),
        ("friday after 13pm", "'13pm' is not a time; 12-hour times run from 12am to 11:59pm"),
        ("friday after 14", "'14' is not a time; write 14:00 (with minutes) or 2pm"),
        ("friday after 24:00", "'24:00' is not a time; hours run from 00 to 23"),
        ("friday around 14:00", "the words after 'friday' are not a time, a time range or 'after'/'before' a time"),
        ("friday after", "'after' takes one time, as in friday after 14:00"),
        ("friday 14:00-14:00", "the window starts and ends at the same minute"),
        ("friday 14:00 to friday 14:00", "the window starts and ends at the same minute"),
        ("monday before 00:00", "'before 00:00' covers no time"),
        ("friday-", "'' is not a day"),
        ("2026-02-29", "'2026-02-29' is not a date: February 2026 has 28 days"),
        ("2026-13-01", "'2026-13-01' is not a date: there is no month 13"),
        ("2026-12-1", "'2026-12-1' is not a date; write YYYY-MM-DD such as 2026-12-24"),
        ("2027-01-02 to 2026-12-24", "the range ends (2026-12-24) before it starts (2027-01-02); write the earlier date first"),
        ("2026-12-24 until 2027-01-02", "a date is written 2026-12-24, a range 2026-12-24 to 2027-01-02"),
        ("{weekly: 2026-12-24}", "'2026-12-24' is a date, not a weekly window; write it as date: 2026-12-24"),
        ("{from: 2027-01-02, to: 2026-12-24}", "the range ends (2026-12-24) before it starts (2027-01-02)"),
        ("{from: 2026-12-24, to: 2027-02-30}", "'2027-02-30' is not a date: February 2027 has 28 days"),
        ("{date: friday}", "'friday' is not a date; write YYYY-MM-DD"),
    ]

    @Test("a bad window is a located error with the accepted forms", arguments: badWindows)
    func badWindow(window: String, message: String) throws {
        let found = issues(document(window: window))
        let issue = try #require(found.first, "\(window) was accepted")
        #expect(found.count == 1)
        #expect(issue.location.file == ".greenlight.yml" && issue.location.line == 4)
        #expect(issue.message.contains(message), "\(issue.message)")
        #expect(issue.message.hasSuffix("Accepted forms: \(FreezeWindowSyntax.acceptedForms)"), "\(issue.message)")
    }

    static let badMappings: [(String, String)] = [
        ("{from: 2026-12-24}", "a window with from: needs to: as well"),
        ("{to: 2026-12-24}", "a window with to: needs from: as well"),
        ("{reason: Christmas}", "a freeze window needs weekly:, date: or from: and to:"),
        ("{date: 2026-12-24, weekly: friday}", "a freeze window takes one of weekly:, date: or from:/to:, not weekly and date"),
        ("{dates: 2026-12-24}", "unknown key 'dates' in a freeze window; did you mean 'date'?"),
        ("{weekly: friday, to: 2026-12-24}", "to: belongs with from:, not weekly:"),
        ("friday: after 14:00", "'friday: …' reads as a mapping because of the colon and space; write the window as one string"),
        ("[friday]", "each item of freeze.windows must be a window; accepted forms:"),
    ]

    @Test("a mistaken window mapping is a located error", arguments: badMappings)
    func badMapping(window: String, message: String) throws {
        let found = issues(document(window: window))
        let issue = try #require(found.first, "\(window) was accepted")
        #expect(found.count == 1)
        #expect(issue.location.line == 4)
        #expect(issue.message.contains(message), "\(issue.message)")
    }

    @Test func unknownTimeZoneSuggestsTheClosest() throws {
        let found = issues("freeze:\n  timezone: Europe/Berln\n  windows: [friday]\n")
        #expect(found.map(\.message) == ["unknown time zone 'Europe/Berln'; did you mean 'Europe/Berlin'?"])
        #expect(found.first?.location.line == 2)
        let far = issues("freeze:\n  timezone: Moon/Tranquility\n")
        #expect(far.first?.message == "unknown time zone 'Moon/Tranquility'; use an IANA name such as Europe/Berlin, America/New_York or UTC")
    }

    @Test func windowsNeedATimeZone() {
        let found = issues("fail-on: error\nfreeze:\n  windows:\n    - friday after 14:00\n")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 3)
        #expect(found.first?.message.hasPrefix("freeze needs a timezone (such as timezone: Europe/Berlin)") == true)
    }

    @Test func sectionShapeMistakesAreLocated() {
        let list = issues("rules: {}\nfreeze:\n  - friday\n")
        #expect(list.map(\.location.line) == [3])
        #expect(list.first?.message.hasPrefix("freeze must be a mapping with timezone: and windows:") == true)
        let scalarWindows = issues("freeze:\n  timezone: UTC\n  windows: friday after 14:00\n")
        #expect(scalarWindows.map(\.message) == ["freeze.windows must be a list, one window per item (- friday after 14:00)"])
        #expect(scalarWindows.map(\.location.line) == [3])
        let typo = issues("freeze:\n  timezone: UTC\n  window:\n    - friday\n")
        #expect(typo.map(\.message) == ["unknown key 'window' in freeze; did you mean 'windows'?"])
        #expect(typo.map(\.location.line) == [3])
    }

    /// Several mistakes are all reported at once, each on its own line.
    @Test func everyMistakeIsReported() {
        let found = issues("""
            freeze:
              timezone: Europe/Berlin
              windows:
                - friday after 14:00
                - fridy
                - 2026-02-30
                - {from: 2026-12-24}
            """)
        #expect(found.map(\.location.line) == [5, 6, 7])
    }
}
