import Foundation

/// An instant written on the command line (`--at 2026-11-27T15:00:00+01:00`). Without
/// a UTC offset (`2026-11-27T15:00`, `2026-11-27 15:00`, `2026-11-27`) it is a wall-clock
/// time, read in the time zone of each policy it is checked against.
public struct FreezeInstant: Sendable, Hashable {
    /// Seconds since 1970-01-01 00:00 of the written date and time, as if it were UTC.
    public var local: Int
    /// Seconds east of UTC, when the text gives an offset (`Z` is 0).
    public var offset: Int?

    /// Accepted forms, for messages.
    public static let forms = "2026-11-27T15:00:00+01:00, 2026-11-27T14:00Z, or 2026-11-27T15:00 (in the policy's time zone)"

    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.count >= 10, let day = try? FreezeWindowSyntax.calendarDay(String(trimmed.prefix(10))) else { return nil }
        var rest = trimmed.dropFirst(10)
        var seconds = 0
        if let separator = rest.first {
            guard separator == "T" || separator == "t" || separator == " " else { return nil }
            rest = rest.dropFirst()
            let clock = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ":") }
            rest = rest.dropFirst(clock.count)
            let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard (2...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 }),
                  let hour = Int(fields[0]), let minute = Int(fields[1]), hour < 24, minute < 60 else { return nil }
            let second = fields.count == 3 ? Int(fields[2]) ?? 60 : 0
            guard second < 60 else { return nil }
            seconds = hour * 3600 + minute * 60 + second
            if rest.first == "." { rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber } }
        }
        local = Self.daysSince1970(day) * 86_400 + seconds
        if rest.isEmpty { offset = nil; return }
        if rest == "Z" || rest == "z" { offset = 0; return }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return nil }
        let body = rest.dropFirst()
        let hours: Substring, minutes: Substring
        switch body.count {
        case 2: (hours, minutes) = (body, "00")
        case 4: (hours, minutes) = (body.prefix(2), body.suffix(2))
        case 5 where body.dropFirst(2).first == ":": (hours, minutes) = (body.prefix(2), body.suffix(2))
        default: return nil
        }
        guard (hours + minutes).allSatisfy({ $0.isASCII && $0.isNumber }), let hour = Int(hours), let minute = Int(minutes),
              hour <= 14, minute < 60 else { return nil }
        offset = (sign == "-" ? -1 : 1) * (hour * 3600 + minute * 60)
    }

    /// The instant: by its offset, else the wall-clock time in `zone` (the first of two
    /// in a repeated hour; moved forward by the gap when it falls in one, so 02:30
    /// on a spring-forward night is 03:30).
    public func date(in zone: TimeZone) -> Date {
        if let offset { return Date(timeIntervalSince1970: TimeInterval(local - offset)) }
        let guesses = [-86_400, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + $0))) }
        let valid = Set(guesses).map { Date(timeIntervalSince1970: TimeInterval(local - $0)) }
            .filter { Int($0.timeIntervalSince1970) + zone.secondsFromGMT(for: $0) == local }
        if let first = valid.min() { return first }
        return Date(timeIntervalSince1970: TimeInterval(local - (guesses.first ?? 0)))
    }

    /// Days from 1970-01-01 to `day` in the proleptic Gregorian calendar.
    static func daysSince1970(_ day: CalendarDay) -> Int {
        let year = day.month <= 2 ? day.year - 1 : day.year
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (day.month + (day.month > 2 ? -3 : 9)) + 2) / 5 + day.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
