import Foundation

/// How the text reports write figures.
public enum MetricsText {
    /// Whole seconds (rounded to nearest), as the two largest units with the smaller
    /// one truncated: `45s`, `4m 12s`, `1h 3m`, `2d 4h`. Negative values as `0s`.
    public static func duration(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded()))
        switch total {
        case ..<60: return "\(total)s"
        case ..<3600: return "\(total / 60)m \(total % 60)s"
        case ..<86_400: return "\(total / 3600)h \(total % 3600 / 60)m"
        default: return "\(total / 86_400)d \(total % 86_400 / 3600)h"
        }
    }

    /// A rate of 0...1 as a percentage with one decimal: `93.3 %`.
    public static func percent(_ rate: Double) -> String {
        "\(decimal(rate * 100, places: 1)) %"
    }

    /// `value` rounded to `places` decimals as printf's `%.Nf` does, without exponent.
    public static func decimal(_ value: Double, places: Int) -> String {
        String(format: "%.\(places)f", value)
    }

    /// `1 day`, `30 days`, `21.2 days`.
    public static func days(_ days: Double) -> String {
        let rounded = (days * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : decimal(rounded, places: 1)
        return rounded == 1 ? "1 day" : "\(text) days"
    }

    /// `yyyy-MM-dd HH:mm` in `timeZone`.
    public static func minute(_ date: Date, in timeZone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ number: Int?) -> String { number.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }

    /// Columns two spaces apart; the first left-aligned, the others right-aligned when
    /// `numeric` (else left-aligned); trailing spaces dropped.
    static func table(_ rows: [[String]], numeric: Bool, indent: String = "  ") -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || !numeric ? cell + padding : padding + cell
            }
            return indent + cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }
}
