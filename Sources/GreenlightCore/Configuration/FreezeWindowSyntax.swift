/// The written forms of a freeze window: weekly (`friday after 14:00`, `weekends`,
/// `friday 18:00 to monday 06:00`) and dates (`2026-12-24`, `2026-12-24 to 2027-01-02`).
/// Case-insensitive; days full or abbreviated; times 24-hour or `2pm`/`2:30pm`.
public enum FreezeWindowSyntax {
    /// The accepted forms, shown with every window that cannot be read.
    public static let acceptedForms = "friday, weekends, friday after 14:00, friday before 9am, friday 14:00-18:00, "
        + "friday 18:00 to monday 06:00, saturday-sunday, 2026-12-24, 2026-12-24 to 2027-01-02"

    static let dayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let minutesPerDay = 1440
    static let minutesPerWeek = 10080

    /// Why a window could not be read, worded for the user.
    public struct Problem: Error, Hashable, Sendable {
        public var message: String
        init(_ message: String) { self.message = message }
    }

    /// A window written as one string: a date, a date range or a weekly window.
    public static func parse(_ text: String) -> Result<FreezeWindow.Kind, Problem> {
        looksLikeDate(text) ? dates(text) : weekly(text)
    }

    /// `2026-12-24` or `2026-12-24 to 2027-01-02` (inclusive).
    public static func dates(_ text: String) -> Result<FreezeWindow.Kind, Problem> {
        let words = normalized(text).split(separator: " ").map(String.init)
        do throws(Problem) {
            switch words.count {
            case 1:
                let day = try calendarDay(words[0])
                return .success(.dates(first: day, last: day))
            case 3 where words[1] == "to":
                return try dateRange(from: calendarDay(words[0]), to: calendarDay(words[2])).map { .dates(first: $0.0, last: $0.1) }
            default:
                return .failure(Problem("a date is written 2026-12-24, a range 2026-12-24 to 2027-01-02"))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Checks that a range does not end before it starts.
    public static func dateRange(from first: CalendarDay, to last: CalendarDay) -> Result<(CalendarDay, CalendarDay), Problem> {
        guard first <= last else {
            return .failure(Problem("the range ends (\(last)) before it starts (\(first)); write the earlier date first"))
        }
        return .success((first, last))
    }

    /// A weekly window.
    public static func weekly(_ text: String) -> Result<FreezeWindow.Kind, Problem> {
        if looksLikeDate(text) {
            return .failure(Problem("'\(text)' is a date, not a weekly window; write it as date: \(text)"))
        }
        let words = normalized(text).split(separator: " ").map(String.init)
        do throws(Problem) {
            return .success(try weeklyKind(words))
        } catch {
            return .failure(error)
        }
    }

    private static func weeklyKind(_ words: [String]) throws(Problem) -> FreezeWindow.Kind {
        guard let first = words.first else { throw Problem("the window is empty") }
        if words.count == 1, first == "weekend" || first == "weekends" {
            return .weekly(start: WeekMinute(5 * minutesPerDay), end: WeekMinute(minutesPerWeek))
        }
        if words.count == 1, first.contains("-") {
            let parts = first.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw Problem("a range of days is written saturday-sunday") }
            return try dayRange(day(parts[0]), day(parts[1]))
        }
        let dayIndex = try day(first)
        let base = dayIndex * minutesPerDay
        switch words.count {
        case 1:
            return kind(base, base + minutesPerDay)
        case 3 where words[1] == "after":
            return kind(base + (try time(words[2], allowEndOfDay: false)), base + minutesPerDay)
        case 3 where words[1] == "before":
            let end = try time(words[2], allowEndOfDay: true)
            guard end > 0 else { throw Problem("'before 00:00' covers no time") }
            return kind(base, base + end)
        case 2 where words[1].contains("-"):
            let parts = words[1].split(separator: "-", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw Problem("a time range is written 14:00-18:00") }
            return try sameDay(base, try time(parts[0], allowEndOfDay: false), try time(parts[1], allowEndOfDay: true))
        case 4 where words[2] == "to":
            return try sameDay(base, try time(words[1], allowEndOfDay: false), try time(words[3], allowEndOfDay: true))
        case 5 where words[2] == "to":
            let start = base + (try time(words[1], allowEndOfDay: false))
            let end = (try day(words[3])) * minutesPerDay + (try time(words[4], allowEndOfDay: true))
            guard start != end % minutesPerWeek || end == minutesPerWeek else {
                throw Problem("the window starts and ends at the same minute")
            }
            return kind(start, end)
        default:
            if words.count >= 2, words[1] == "after" || words[1] == "before" {
                throw Problem("'\(words[1])' takes one time, as in friday \(words[1]) 14:00")
            }
            throw Problem("the words after '\(first)' are not a time, a time range or 'after'/'before' a time")
        }
    }

    /// Whole days from `first` to `last`, wrapping past Sunday.
    private static func dayRange(_ first: Int, _ last: Int) throws(Problem) -> FreezeWindow.Kind {
        if (last + 1) % 7 == first { return kind(0, minutesPerWeek) }
        return kind(first * minutesPerDay, (last + 1) * minutesPerDay)
    }

    /// `HH:MM-HH:MM` on one day; an end at or before the start runs into the next day.
    private static func sameDay(_ base: Int, _ start: Int, _ end: Int) throws(Problem) -> FreezeWindow.Kind {
        guard start != end else { throw Problem("the window starts and ends at the same minute") }
        return kind(base + start, base + end + (end < start ? minutesPerDay : 0))
    }

    /// A weekly kind with `end` brought into the week: the end of Sunday stays 10080,
    /// later ends wrap to the start of the week.
    private static func kind(_ start: Int, _ end: Int) -> FreezeWindow.Kind {
        let wrappedEnd = end > minutesPerWeek ? end - minutesPerWeek : (end == 0 ? minutesPerWeek : end)
        return .weekly(start: WeekMinute(start % minutesPerWeek), end: WeekMinute(wrappedEnd))
    }

    /// A day name, full (`friday`, `fridays`) or abbreviated (`fri`, `thurs`); Monday is 0.
    static func day(_ word: String) throws(Problem) -> Int {
        let name = word.hasSuffix("s") && dayNames.contains(String(word.dropLast())) ? String(word.dropLast()) : word
        if name.count >= 3, let index = dayNames.firstIndex(where: { $0.hasPrefix(name) }) { return index }
        var message = "'\(word)' is not a day"
        if let suggestion = Suggestion.closest(to: word, in: dayNames + ["weekends"]) {
            message += "; did you mean '\(suggestion)'?"
        }
        throw Problem(message)
    }

    /// Minutes after midnight: `14:00`, `9:05`, `2pm`, `2:30pm`, `12am`; `24:00` only as an end.
    static func time(_ word: String, allowEndOfDay: Bool) throws(Problem) -> Int {
        let invalid = Problem("'\(word)' is not a time; write 24-hour 14:00 or 2pm")
        var text = Substring(word)
        var meridiem: Int?
        if text.hasSuffix("am") || text.hasSuffix("pm") {
            meridiem = text.hasSuffix("pm") ? 12 : 0
            text = text.dropLast(2)
        }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              parts[0].count <= 2, let hour = Int(parts[0]) else { throw invalid }
        var minute = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let value = Int(parts[1]), value < 60 else { throw invalid }
            minute = value
        }
        if let meridiem {
            guard (1...12).contains(hour) else { throw Problem("'\(word)' is not a time; 12-hour times run from 12am to 11:59pm") }
            return (hour % 12 + meridiem) * 60 + minute
        }
        guard parts.count == 2 else { throw Problem("'\(word)' is not a time; write 14:00 (with minutes) or 2pm") }
        if hour == 24, minute == 0, allowEndOfDay { return minutesPerDay }
        guard hour < 24 else { throw Problem("'\(word)' is not a time; hours run from 00 to 23") }
        return hour * 60 + minute
    }

    /// `2026-12-24`, checked against the Gregorian calendar (leap days included).
    static func calendarDay(_ word: String) throws(Problem) -> CalendarDay {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            throw Problem("'\(word)' is not a date; write YYYY-MM-DD such as 2026-12-24")
        }
        guard (1...12).contains(month) else { throw Problem("'\(word)' is not a date: there is no month \(month)") }
        let length = daysIn(month: month, year: year)
        guard (1...length).contains(day) else {
            throw Problem("'\(word)' is not a date: \(monthNames[month - 1]) \(year) has \(length) days")
        }
        return CalendarDay(year: year, month: month, day: day)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static func looksLikeDate(_ text: String) -> Bool {
        let trimmed = text.drop(while: { $0 == " " })
        return trimmed.prefix(5).count == 5 && trimmed.prefix(4).allSatisfy { $0.isASCII && $0.isNumber } && trimmed.dropFirst(4).first == "-"
    }

    /// Lower case, one space between words, no spaces around `-`, en and em dashes as
    /// `-`, and `2 pm` as `2pm`.
    static func normalized(_ text: String) -> String {
        let dashed = text.lowercased().map { $0 == "\u{2013}" || $0 == "\u{2014}" ? "-" : $0 }
        var words = String(dashed).split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        var index = 1
        while index < words.count {
            let word = words[index]
            let joinsPrevious = word == "-" || word.hasPrefix("-") || words[index - 1].hasSuffix("-")
                || ((word == "am" || word == "pm") && words[index - 1].last?.isNumber == true)
            if joinsPrevious {
                words[index - 1] += word
                words.remove(at: index)
            } else {
                index += 1
            }
        }
        return words.joined(separator: " ")
    }
}
