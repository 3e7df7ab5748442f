/// Durations in the configuration's own spelling: `2s`, `500ms`, `1m30s`.
public enum DurationText {
    public static func format(_ duration: Duration) -> String {
        let milliseconds = self.milliseconds(duration)
        if milliseconds < 1000 { return "\(milliseconds)ms" }
        var rest = milliseconds / 1000
        let fraction = milliseconds % 1000
        var text = ""
        if rest >= 3600 { text += "\(rest / 3600)h"; rest %= 3600 }
        if rest >= 60 { text += "\(rest / 60)m"; rest %= 60 }
        if fraction != 0 {
            var decimals = String(fraction + 1000).dropFirst()
            while decimals.hasSuffix("0") { decimals = decimals.dropLast() }
            text += "\(rest).\(decimals)s"
        } else if rest > 0 || text.isEmpty {
            text += "\(rest)s"
        }
        return text
    }

    /// Whole milliseconds, for JSON.
    public static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return Int(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
