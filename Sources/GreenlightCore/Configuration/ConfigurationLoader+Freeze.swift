import Foundation
import Yams

extension ConfigurationLoader.Keys {
    /// Keys of `freeze:` (in `.greenlight.yml` and in runbooks).
    public static let freeze = ["timezone", "windows"]
    /// Keys of a freeze window written as a mapping.
    public static let freezeWindow = ["weekly", "date", "from", "to", "reason"]
}

extension ConfigurationLoader.Reader {
    /// `freeze:` — `timezone:` and `windows:`; the same syntax in `.greenlight.yml` and in
    /// runbooks. `what` names the section in messages (`freeze`).
    mutating func freezePolicy(_ node: Node, what: String) -> FreezePolicy {
        var policy = FreezePolicy()
        if YAMLLoading.isNull(node) { return policy }
        if case .sequence = node {
            report("\(what) must be a mapping with timezone: and windows: (timezone: Europe/Berlin, then the windows as a list under windows:)", node)
            return policy
        }
        guard let entries = mapping(node, what: what) else { return policy }
        var hasTimeZone = false
        for (key, keyNode, value) in entries {
            switch normalizedKey(key) {
            case "timezone", "time-zone":
                hasTimeZone = true
                if let zone = freezeTimeZone(value, what: "\(what).timezone") { policy.timeZone = zone }
            case "windows":
                policy.windows = freezeWindows(value, what: "\(what).windows")
            default:
                unknownKey(key, keyNode, allowed: ConfigurationLoader.Keys.freeze, section: what)
            }
        }
        if !policy.windows.isEmpty, !hasTimeZone {
            report("\(what) needs a timezone (such as timezone: Europe/Berlin): 'friday after 14:00' is a different hour on a laptop and on a CI runner", node)
        }
        return policy
    }

    /// An IANA time zone identifier, with a suggestion for a near miss.
    mutating func freezeTimeZone(_ node: Node, what: String) -> String? {
        guard let text = scalar(node, what: what) else { return nil }
        let identifier = text.trimmingCharacters(in: .whitespaces)
        if !identifier.isEmpty, TimeZone(identifier: identifier) != nil { return identifier }
        var message = "unknown time zone '\(identifier)'"
        if let suggestion = Suggestion.closest(to: identifier, in: TimeZone.knownTimeZoneIdentifiers) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; use an IANA name such as Europe/Berlin, America/New_York or UTC"
        }
        report(message, node)
        return nil
    }

    mutating func freezeWindows(_ node: Node, what: String) -> [FreezeWindow] {
        if YAMLLoading.isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            report("\(what) must be a list, one window per item (- friday after 14:00)", node)
            return []
        }
        return sequence.compactMap { freezeWindow($0, what: what) }
    }

    /// One window: a string (`friday after 14:00`, `2026-12-24`) or a mapping with
    /// `weekly:`, `date:` or `from:`/`to:`, and an optional `reason:`.
    mutating func freezeWindow(_ node: Node, what: String) -> FreezeWindow? {
        let location = YAMLLoading.location(of: node, in: source)
        switch node {
        case .scalar(let scalar):
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            switch FreezeWindowSyntax.parse(text) {
            case .success(let kind): return FreezeWindow(kind: kind, text: text, location: location)
            case .failure(let problem): reportWindow(text, problem, node, what: what)
            }
        case .mapping:
            return freezeWindowMapping(node, what: what, location: location)
        default:
            report("each item of \(what) must be a window; accepted forms: \(FreezeWindowSyntax.acceptedForms)", node)
        }
        return nil
    }

    private mutating func freezeWindowMapping(_ node: Node, what: String, location: SourceLocation) -> FreezeWindow? {
        guard let entries = mapping(node, what: "each item of \(what)") else { return nil }
        var values: [String: (text: String, node: Node)] = [:]
        var reason: String?
        for (key, keyNode, value) in entries {
            let name = normalizedKey(key).lowercased()
            guard ConfigurationLoader.Keys.freezeWindow.contains(name) else {
                if (try? FreezeWindowSyntax.day(name)) != nil || name.hasPrefix("weekend") {
                    report("'\(key): …' reads as a mapping because of the colon and space; write the window as one string, such as - \(key) after 14:00", keyNode)
                } else {
                    unknownKey(key, keyNode, allowed: ConfigurationLoader.Keys.freezeWindow, section: "a freeze window")
                }
                return nil
            }
            guard let text = scalar(value, what: "\(what): \(name)") else { return nil }
            if name == "reason" {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                reason = trimmed.isEmpty ? nil : trimmed
            } else {
                values[name] = (text.trimmingCharacters(in: .whitespaces), value)
            }
        }
        let kinds = ["weekly", "date", "from"].filter { values[$0] != nil }
        guard kinds.count == 1 else {
            let message = kinds.isEmpty
                ? (values["to"] != nil ? "a window with to: needs from: as well" : "a freeze window needs weekly:, date: or from: and to:")
                : "a freeze window takes one of weekly:, date: or from:/to:, not \(kinds.joined(separator: " and "))"
            report(message + "; accepted forms: \(FreezeWindowSyntax.acceptedForms)", node)
            return nil
        }
        switch kinds[0] {
        case "weekly":
            guard let weekly = values["weekly"] else { return nil }
            if values["to"] != nil { report("to: belongs with from:, not weekly:", node); return nil }
            return window(FreezeWindowSyntax.weekly(weekly.text), text: weekly.text, node: weekly.node, reason: reason, what: what, location: location)
        case "date":
            guard let date = values["date"] else { return nil }
            if values["to"] != nil { report("to: belongs with from:; write from: and to: for a range of dates", node); return nil }
            return window(FreezeWindowSyntax.dates(date.text), text: date.text, node: date.node, reason: reason, what: what, location: location)
        default:
            guard let from = values["from"] else { return nil }
            guard let to = values["to"] else {
                report("a window with from: needs to: as well (the last frozen day, inclusive)", node)
                return nil
            }
            let text = "\(from.text) to \(to.text)"
            let first = freezeDay(from.text, from.node, what: what)
            let last = freezeDay(to.text, to.node, what: what)
            guard let first, let last else { return nil }
            let kind = FreezeWindowSyntax.dateRange(from: first, to: last).map { FreezeWindow.Kind.dates(first: $0.0, last: $0.1) }
            return window(kind, text: text, node: to.node, reason: reason, what: what, location: location)
        }
    }

    private mutating func window(_ kind: Result<FreezeWindow.Kind, FreezeWindowSyntax.Problem>, text: String, node: Node,
                                 reason: String?, what: String, location: SourceLocation) -> FreezeWindow? {
        switch kind {
        case .success(let kind): return FreezeWindow(kind: kind, reason: reason, text: text, location: location)
        case .failure(let problem):
            reportWindow(text, problem, node, what: what)
            return nil
        }
    }

    private mutating func freezeDay(_ text: String, _ node: Node, what: String) -> CalendarDay? {
        switch Result(catching: { () throws(FreezeWindowSyntax.Problem) -> CalendarDay in try FreezeWindowSyntax.calendarDay(text) }) {
        case .success(let day): return day
        case .failure(let problem):
            reportWindow(text, problem, node, what: what)
            return nil
        }
    }

    private mutating func reportWindow(_ text: String, _ problem: FreezeWindowSyntax.Problem, _ node: Node, what: String) {
        report("\(what): '\(text)' is not a freeze window: \(problem.message). Accepted forms: \(FreezeWindowSyntax.acceptedForms)", node)
    }
}
