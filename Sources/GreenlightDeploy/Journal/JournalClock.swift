import Foundation
import GreenlightCore

/// Times and durations as the journal prints them: `2026-11-21 14:05:09` in one time
/// zone (named once, in the header), durations in the runbook's own spelling (`4m12s`).
struct JournalClock {
    private let calendar: Calendar

    init(timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The zone's identifier (`Europe/Berlin`), for the header.
    var zoneName: String { calendar.timeZone.identifier }

    /// `2026-11-21 14:05:09`; fractions of a second are dropped, not rounded, so an event
    /// never shows a later second than the one it happened in.
    func time(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(day(parts)) \(pad(parts.hour, 2)):\(pad(parts.minute, 2)):\(pad(parts.second, 2))"
    }

    /// `2026-11-21`, the day `date` falls on in this zone.
    func day(_ date: Date) -> String {
        day(calendar.dateComponents([.year, .month, .day], from: date))
    }

    /// A step's duration, to a tenth of a second (`2.4s`, `300ms`, `1m3.2s`).
    static func stepDuration(from start: Date, to end: Date) -> String {
        format(end.timeIntervalSince(start), unitMilliseconds: 100)
    }

    /// A phase's or deployment's duration, to the second (`4m12s`, `1h5s`).
    static func longDuration(from start: Date, to end: Date) -> String {
        format(end.timeIntervalSince(start), unitMilliseconds: 1000)
    }

    private static func format(_ seconds: TimeInterval, unitMilliseconds: Int) -> String {
        // A clock stepped back between two records gives a negative interval: show zero.
        // A century is the cap, so a corrupt date cannot overflow the conversion.
        let bounded = seconds.isFinite ? min(max(seconds, 0), 3_155_760_000) : 0
        let milliseconds = Int((bounded * 1000).rounded())
        let rounded = (milliseconds + unitMilliseconds / 2) / unitMilliseconds * unitMilliseconds
        if rounded == 0, milliseconds > 0 { return "under " + DurationText.format(.milliseconds(unitMilliseconds)) }
        return DurationText.format(.milliseconds(rounded))
    }

    private func day(_ parts: DateComponents) -> String {
        "\(pad(parts.year, 4))-\(pad(parts.month, 2))-\(pad(parts.day, 2))"
    }

    private func pad(_ number: Int?, _ width: Int) -> String {
        let text = String(number ?? 0)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
