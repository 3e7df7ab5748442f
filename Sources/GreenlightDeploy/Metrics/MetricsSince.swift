import Foundation

/// `--since` and `--until` of `greenlight metrics`: where the window starts and ends.
public enum MetricsSince {
    /// `7d` (days), `12w` (weeks), `6m` (months of 30 days), `1y` (365 days) before
    /// `now`, or an ISO 8601 date (`2025-03-01`, midnight in `timeZone`) or date-time
    /// (`2025-03-01T09:00:00Z`, `2025-03-01T09:00:00+02:00`). Throws a message for the
    /// user, naming `option`, when the text is neither or lies after `now`.
    public static func parse(_ text: String, now: Date, timeZone: TimeZone = .current,
                             option: String = "--since") throws(MetricsSinceError) -> Date {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let date = relative(trimmed, now: now) ?? absolute(trimmed, timeZone: timeZone) {
            guard date <= now else {
                throw MetricsSinceError(description: "\(option) \(text) is in the future; give a past date or a span such as 30d")
            }
            return date
        }
        throw MetricsSinceError(description: "\(option) must be a span back from now such as 7d, 12w or 6m (months of 30 days), or a date such as 2025-03-01, not '\(text)'")
    }

    private static func relative(_ text: String, now: Date) -> Date? {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0, count <= 36_500 else { return nil }
        let days: Int
        switch unit {
        case "d": days = count
        case "w": days = count * 7
        case "m": days = count * 30
        case "y": days = count * 365
        default: return nil
        }
        return now.addingTimeInterval(-Double(days) * 86_400)
    }

    private static func absolute(_ text: String, timeZone: TimeZone) -> Date? {
        if text.count == 10 {
            let style = Date.ISO8601FormatStyle(timeZone: timeZone).year().month().day()
            return try? style.parse(text)
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}

/// A `--since` the user has to fix.
public struct MetricsSinceError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
