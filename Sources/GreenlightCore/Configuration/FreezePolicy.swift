/// When deploys may not start: weekly windows (`friday after 14:00`), date ranges and
/// single dates (holidays), all read in one named time zone.
public struct FreezePolicy: Hashable, Sendable {
    /// An IANA time zone identifier (`Europe/Berlin`). Required when there are windows:
    /// "friday after 14:00" means different hours on a laptop and on a CI runner.
    public var timeZone: String
    public var windows: [FreezeWindow]

    public init(timeZone: String = "UTC", windows: [FreezeWindow] = []) {
        self.timeZone = timeZone
        self.windows = windows
    }

    public var isEmpty: Bool { windows.isEmpty }
}

public struct FreezeWindow: Hashable, Sendable {
    public var kind: Kind
    /// `reason:` if given ("Christmas", "no Friday deploys after 2pm").
    public var reason: String?
    /// The window as written, for messages.
    public var text: String
    public var location: SourceLocation?

    public init(kind: Kind, reason: String? = nil, text: String, location: SourceLocation? = nil) {
        self.kind = kind
        self.reason = reason
        self.text = text
        self.location = location
    }

    public enum Kind: Hashable, Sendable {
        /// From `start` to `end`, each a minute of the week; `end` may be before `start`
        /// (the window wraps past Sunday midnight). Minutes count from Monday 00:00.
        case weekly(start: WeekMinute, end: WeekMinute)
        /// Whole days from `first` to `last`, inclusive.
        case dates(first: CalendarDay, last: CalendarDay)
    }
}

/// A minute of the week: Monday 00:00 is 0, Sunday 23:59 is 10079; 10080 is the end of
/// Sunday (used only as an end).
public struct WeekMinute: Hashable, Sendable, Comparable {
    public var value: Int

    public init(_ value: Int) { self.value = value }

    public static func < (lhs: WeekMinute, rhs: WeekMinute) -> Bool { lhs.value < rhs.value }
}

/// A day in the policy's time zone.
public struct CalendarDay: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ number: Int, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
