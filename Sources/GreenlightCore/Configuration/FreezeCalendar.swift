import Foundation

/// Whether deploys are frozen at an instant, and for how long.
public struct FreezeStatus: Sendable, Hashable {
    /// The next freeze, when not frozen.
    public struct Upcoming: Sendable, Hashable {
        public var start: Date
        /// The window that starts then (the first declared, when several do).
        public var window: FreezeWindow

        public init(start: Date, window: FreezeWindow) {
            self.start = start
            self.window = window
        }
    }

    /// The instant the status is for.
    public var at: Date
    public var frozen: Bool
    /// The windows in force at `at`, in declaration order.
    public var windows: [FreezeWindow]
    /// When frozen: every window in force at some point from `at` to `until`, in
    /// declaration order (`friday after 14:00` then `weekends` for a Friday afternoon).
    public var period: [FreezeWindow]
    /// When frozen: the end of the frozen period, following overlapping and adjacent
    /// windows. nil when it lasts beyond the search horizon (400 days).
    public var until: Date?
    /// When not frozen: the next freeze to start within 400 days.
    public var next: Upcoming?

    public init(at: Date, frozen: Bool, windows: [FreezeWindow] = [], period: [FreezeWindow] = [], until: Date? = nil,
                next: Upcoming? = nil) {
        self.at = at
        self.frozen = frozen
        self.windows = windows
        self.period = period
        self.until = until
        self.next = next
    }
}

/// Evaluates freeze policies. Windows are wall-clock times in the policy's time zone,
/// so `friday after 14:00` starts at 14:00 local time in summer and in winter, and a
/// window whose start falls in a daylight-saving gap starts when the clocks jump.
public enum FreezeCalendar {
    /// How far ahead `until` and `next` are looked for.
    public static let horizonDays = 400

    /// The freeze status of `policy` at `date`.
    public static func status(of policy: FreezePolicy, at date: Date) -> FreezeStatus {
        guard !policy.windows.isEmpty else { return FreezeStatus(at: date, frozen: false) }
        let clock = WallClock(policy: policy)
        let now = clock.windowIndices(at: date)
        let horizon = date.addingTimeInterval(TimeInterval(horizonDays * 86_400))
        if !now.isEmpty {
            var period = Set(now)
            let until = clock.firstBoundary(after: date, through: horizon) { candidate in
                let held = clock.windowIndices(at: candidate)
                period.formUnion(held)
                return held.isEmpty
            }
            return FreezeStatus(at: date, frozen: true, windows: now.map { policy.windows[$0] },
                                period: period.sorted().map { policy.windows[$0] }, until: until)
        }
        var first: Int?
        let start = clock.firstBoundary(after: date, through: horizon) { candidate in
            first = clock.windowIndices(at: candidate).first
            return first != nil
        }
        guard let start, let first else { return FreezeStatus(at: date, frozen: false) }
        return FreezeStatus(at: date, frozen: false, next: FreezeStatus.Upcoming(start: start, window: policy.windows[first]))
    }

    /// The policy's time zone; UTC when the identifier is unknown (the loader rejects those).
    public static func timeZone(of policy: FreezePolicy) -> TimeZone {
        TimeZone(identifier: policy.timeZone) ?? TimeZone(secondsFromGMT: 0) ?? .current
    }
}

/// Local time in a policy's zone: which windows hold at an instant, and the instants
/// at which that can change.
struct WallClock {
    let policy: FreezePolicy
    let zone: TimeZone
    let calendar: Calendar

    init(policy: FreezePolicy) {
        self.policy = policy
        zone = FreezeCalendar.timeZone(of: policy)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// The positions in the policy of the windows in force at `date`, ascending.
    func windowIndices(at date: Date) -> [Int] {
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day, let weekday = parts.weekday,
              let hour = parts.hour, let minute = parts.minute else { return [] }
        let today = CalendarDay(year: year, month: month, day: day)
        // Calendar weekdays run from Sunday (1); week minutes from Monday.
        let weekMinute = ((weekday + 5) % 7) * 1440 + hour * 60 + minute
        return policy.windows.indices.filter { index in
            switch policy.windows[index].kind {
            case .weekly(let start, let end):
                if start.value < end.value { return start.value <= weekMinute && weekMinute < end.value }
                if start.value > end.value { return weekMinute >= start.value || weekMinute < end.value }
                return false
            case .dates(let first, let last):
                return first <= today && today <= last
            }
        }
    }

    /// The first instant after `date`, up to `horizon`, at which a window may start or
    /// end and `stop` is true. Instants are visited in order, a week at a time, so a
    /// freeze that starts or ends soon is found without looking 400 days ahead.
    func firstBoundary(after date: Date, through horizon: Date, where stop: (Date) -> Bool) -> Date? {
        var chunkStart = date
        while chunkStart < horizon {
            let chunkEnd = min(chunkStart.addingTimeInterval(7 * 86_400), horizon)
            if let found = boundaries(after: chunkStart, through: chunkEnd).first(where: stop) { return found }
            chunkStart = chunkEnd
        }
        return nil
    }

    /// Every instant in (`start`, `end`] at which a window may start or end: each window
    /// boundary and midnight of each local day, and each change of the zone's offset (a
    /// boundary in a daylight-saving gap takes effect at the jump). Ascending, no duplicates.
    func boundaries(after start: Date, through end: Date) -> [Date] {
        // Local days from the day before `start` to the day after `end`: offsets are
        // under a day, so every instant in the range has its local time in one of them.
        func localMidnight(_ date: Date) -> Int {
            let local = Int(date.timeIntervalSince1970.rounded(.down)) + zone.secondsFromGMT(for: date)
            return local - ((local % 86_400) + 86_400) % 86_400
        }
        var result: [Date] = []
        var midnight = localMidnight(start) - 86_400
        let last = localMidnight(end) + 86_400
        while midnight <= last {
            for minute in boundaryMinutes {
                result += instants(ofLocal: midnight + minute * 60)
            }
            result += offsetChanges(fromLocal: midnight, toLocal: midnight + 86_400)
            midnight += 86_400
        }
        return Array(Set(result.filter { $0 > start && $0 <= end })).sorted()
    }

    /// Minutes of the day at which some window starts or ends; midnight for date windows.
    var boundaryMinutes: [Int] {
        Set(policy.windows.flatMap { window -> [Int] in
            guard case .weekly(let start, let end) = window.kind else { return [0] }
            return [start.value % 1440, end.value % 1440]
        } + [0]).sorted()
    }

    /// The instants whose local time is `local` (seconds since 1970 as if the zone were
    /// UTC): none in a gap, two in a repeated hour.
    func instants(ofLocal local: Int) -> [Date] {
        let offsets = Set([-86_400, 0, 86_400].map { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local + $0))) })
        return offsets.compactMap { offset in
            let instant = Date(timeIntervalSince1970: TimeInterval(local - offset))
            return zone.secondsFromGMT(for: instant) == offset ? instant : nil
        }
    }

    /// The instants at which the zone's offset changes within a local day, found by
    /// bisection to the second.
    func offsetChanges(fromLocal start: Int, toLocal end: Int) -> [Date] {
        var low = start - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(start)))
        let high = end - zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(end)))
        let before = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(low)))
        guard zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(high))) != before else { return [] }
        var upper = high
        while upper - low > 1 {
            let middle = low + (upper - low) / 2
            if zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(middle))) == before { low = middle } else { upper = middle }
        }
        return [Date(timeIntervalSince1970: TimeInterval(upper))]
    }
}
