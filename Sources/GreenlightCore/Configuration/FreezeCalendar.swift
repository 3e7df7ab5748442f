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
        let candidates = clock.boundaries(after: date, days: horizonDays)
        if !now.isEmpty {
            var period = Set(now)
            var until: Date?
            for candidate in candidates {
                let held = clock.windowIndices(at: candidate)
                if held.isEmpty { until = candidate; break }
                period.formUnion(held)
            }
            return FreezeStatus(at: date, frozen: true, windows: now.map { policy.windows[$0] },
                                period: period.sorted().map { policy.windows[$0] }, until: until)
        }
        for candidate in candidates {
            if let index = clock.windowIndices(at: candidate).first {
                return FreezeStatus(at: date, frozen: false, next: FreezeStatus.Upcoming(start: candidate, window: policy.windows[index]))
            }
        }
        return FreezeStatus(at: date, frozen: false)
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

    /// Every instant after `date`, within `days` local days, at which a window may start
    /// or end: each window boundary and midnight on each day, and each change of the
    /// zone's offset (a boundary in a daylight-saving gap takes effect at the jump).
    /// Ascending, without duplicates.
    func boundaries(after date: Date, days: Int) -> [Date] {
        let minutes = Set(policy.windows.flatMap { window -> [Int] in
            guard case .weekly(let start, let end) = window.kind else { return [0] }
            return [start.value % 1440, end.value % 1440]
        } + [0]).sorted()
        let offset = zone.secondsFromGMT(for: date)
        let localNow = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let firstMidnight = localNow - ((localNow % 86_400) + 86_400) % 86_400
        var result: [Date] = []
        for day in 0...days {
            let midnight = firstMidnight + day * 86_400
            for minute in minutes {
                result += instants(ofLocal: midnight + minute * 60)
            }
            result += offsetChanges(fromLocal: midnight, toLocal: midnight + 86_400)
        }
        return Array(Set(result.filter { $0 > date })).sorted()
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
