import Foundation

/// How freeze statuses are worded: one line for `greenlight freeze status`, a refusal
/// for `greenlight deploy`, and JSON.
extension FreezeCalendar {
    /// One line: `frozen until Mon 2026-11-30 00:00 Europe/Berlin (2 days 9 hours from now): …`,
    /// `not frozen; next freeze …`, or `no freeze windows declared in FILE`.
    public static func summary(_ status: FreezeStatus, policy: FreezePolicy, file: String, style: ANSIStyle = ANSIStyle(enabled: false)) -> String {
        if policy.isEmpty { return "no freeze windows declared in \(file)" }
        if status.frozen {
            let windows = (status.period.isEmpty ? status.windows : status.period).map(describe).joined(separator: "; ")
            guard let until = status.until else {
                return "\(style.strong(.error, "frozen")) for more than \(horizonDays) days: \(windows)"
            }
            return "\(style.strong(.error, "frozen")) until \(describe(until, policy: policy)) (\(span(from: status.at, to: until)) from now): \(windows)"
        }
        guard let next = status.next else {
            return "\(style.green("not frozen")); no freeze window starts within \(horizonDays) days"
        }
        return "\(style.green("not frozen")); next freeze \(describe(next.start, policy: policy)) "
            + "(in \(span(from: status.at, to: next.start))): \(describe(next.window))"
    }

    /// Why `greenlight deploy` will not start: the windows, until when, and how to
    /// override. `runbook` is the runbook file as given on the command line.
    public static func refusal(_ status: FreezeStatus, policy: FreezePolicy, runbook: String) -> String {
        guard status.frozen else { return "Deploys of \(runbook) are not frozen at \(describe(status.at, policy: policy))." }
        var lines: [String] = []
        if let until = status.until {
            lines.append("Deploys of \(runbook) are frozen until \(describe(until, policy: policy)) (\(span(from: status.at, to: until)) from now).")
        } else {
            lines.append("Deploys of \(runbook) are frozen for more than \(horizonDays) days.")
        }
        let windows = status.period.isEmpty ? status.windows : status.period
        lines.append(windows.count == 1 ? "Freeze window:" : "Freeze windows:")
        for window in windows {
            let place = window.location.map { " (\($0.file):\($0.line))" } ?? ""
            lines.append("  \(window.text)\(place)\(window.reason.map { " — \($0)" } ?? "")")
        }
        lines.append("To deploy anyway, say why (the reason is kept in the history and the journal):")
        lines.append("  greenlight deploy \(shellQuoted(runbook)) --override-freeze --reason \"…\"")
        return lines.joined(separator: "\n")
    }

    /// The status as JSON: `file`, `frozen`, `until`, `windows`, `next`, `timezone`, `at`.
    public static func json(_ status: FreezeStatus, policy: FreezePolicy, file: String) -> JSONValue {
        let next: JSONValue = status.next.map {
            .object([JSONMember("start", .string(iso8601($0.start, policy: policy))), JSONMember("window", json($0.window))])
        } ?? .null
        return .object([
            JSONMember("file", .string(file)),
            JSONMember("frozen", .bool(status.frozen)),
            JSONMember("until", .string(status.until.map { iso8601($0, policy: policy) })),
            JSONMember("windows", .array(status.windows.map(json))),
            JSONMember("period", .array(status.period.map(json))),
            JSONMember("next", next),
            JSONMember("timezone", .string(policy.timeZone)),
            JSONMember("at", .string(iso8601(status.at, policy: policy))),
        ])
    }

    static func json(_ window: FreezeWindow) -> JSONValue {
        .object([
            JSONMember("text", .string(window.text)),
            JSONMember("reason", .string(window.reason)),
            JSONMember("line", .int(window.location?.line)),
        ])
    }

    /// `friday after 14:00 — no Friday deploys after 2pm`.
    public static func describe(_ window: FreezeWindow) -> String {
        window.text + (window.reason.map { " — \($0)" } ?? "")
    }

    /// `Mon 2026-11-30 00:00 Europe/Berlin`, in the policy's time zone.
    public static func describe(_ date: Date, policy: FreezePolicy) -> String {
        let parts = localParts(date, policy: policy)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let weekday = days[(parts.weekday - 1 + 7) % 7]
        return "\(weekday) \(parts.day) \(pad(parts.hour)):\(pad(parts.minute)) \(policy.timeZone)"
    }

    /// `2026-11-30T00:00:00+01:00`: the instant in the policy's time zone (`Z` for UTC).
    public static func iso8601(_ date: Date, policy: FreezePolicy) -> String {
        let parts = localParts(date, policy: policy)
        let offset = timeZone(of: policy).secondsFromGMT(for: date)
        let zone = offset == 0 ? "Z" : "\(offset < 0 ? "-" : "+")\(pad(abs(offset) / 3600)):\(pad(abs(offset) % 3600 / 60))"
        return "\(parts.day)T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))\(zone)"
    }

    /// `2 days 9 hours`, `3 hours 5 minutes`, `1 minute`, `less than a minute`: the two
    /// largest units of the time from `start` to `end`.
    public static func span(from start: Date, to end: Date) -> String {
        let minutes = max(0, Int(end.timeIntervalSince(start)) / 60)
        func unit(_ count: Int, _ name: String) -> String { "\(count) \(name)\(count == 1 ? "" : "s")" }
        let days = minutes / 1440, hours = minutes % 1440 / 60, rest = minutes % 60
        if days > 0 { return unit(days, "day") + (hours > 0 ? " " + unit(hours, "hour") : "") }
        if hours > 0 { return unit(hours, "hour") + (rest > 0 ? " " + unit(rest, "minute") : "") }
        return minutes > 0 ? unit(minutes, "minute") : "less than a minute"
    }

    private static func localParts(_ date: Date, policy: FreezePolicy) -> (day: CalendarDay, weekday: Int, hour: Int, minute: Int, second: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone(of: policy)
        let parts = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute, .second], from: date)
        return (CalendarDay(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1),
                parts.weekday ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    private static func pad(_ number: Int) -> String { number < 10 ? "0\(number)" : "\(number)" }

    /// The path as a shell word: unchanged when it is plain, single-quoted otherwise.
    static func shellQuoted(_ word: String) -> String {
        let plain = !word.isEmpty && word.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_./+,:@=".contains($0)) }
        return plain ? word : "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
