/// Recognises values that were never filled in: "placeholder", "changeme",
/// "your-key-here", "sk-...", "<token>", "xxxx". Shared by the `placeholder-value`
/// rule and the live SSM probe, so both judge values the same way.
public enum PlaceholderDetector {
    /// Whole values (compared case-insensitively after trimming quotes and spaces).
    static let words: Set<String> = [
        "placeholder", "changeme", "change-me", "change_me", "changeit", "replaceme", "replace-me", "replace_me",
        "todo", "tbd", "fixme", "fill-me", "fillme", "fill_me", "fill-in", "to-be-filled", "insert-here",
        "your-key-here", "your_key_here", "yourkeyhere", "your-api-key", "your_api_key", "your-token",
        "your_token", "your-secret", "your_secret", "your-password", "your_password", "secret-here",
        "api-key-here", "key-here", "token-here", "password-here", "dummy", "none-set", "notset", "not-set",
        "xxx", "redacted", "***", "...",
    ]

    /// The reason `value` looks like a placeholder, or nil.
    public static func reason(_ value: String, extraWords: [String] = []) -> String? {
        // Most values (ports, URLs, log levels) contain none of the marker characters
        // or words; answer those without allocating.
        if extraWords.isEmpty, !mayBePlaceholder(value) { return nil }
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        if words.contains(lower) || extraWords.contains(where: { $0.lowercased() == lower }) {
            return "\"\(trimmed)\" is a placeholder"
        }
        if lower.contains("placeholder") || lower.contains("changeme") || lower.contains("change-me")
            || lower.contains("change_me") || lower.contains("replace-me") || lower.contains("replace_me") {
            return "\"\(trimmed)\" is a placeholder"
        }
        if (lower.hasPrefix("your-") || lower.hasPrefix("your_") || lower.hasPrefix("your ")) && (lower.hasSuffix("here") || lower.contains("key") || lower.contains("token") || lower.contains("secret") || lower.contains("password") || lower.contains("url") || lower.contains("project")) {
            return "\"\(trimmed)\" is a placeholder"
        }
        if lower.contains("your-project") || lower.contains("your_project") || lower.contains("your-actual") || lower.contains("your_actual") {
            return "\"\(trimmed)\" is a placeholder"
        }
        if trimmed.hasPrefix("<"), trimmed.hasSuffix(">"), trimmed.count >= 3, !trimmed.contains("<<") {
            return "\"\(trimmed)\" is a template marker"
        }
        if trimmed.allSatisfy({ $0 == "x" || $0 == "X" }), trimmed.count >= 3 {
            return "\"\(trimmed)\" is a run of x's"
        }
        if trimmed.allSatisfy({ $0 == "*" }), trimmed.count >= 3 {
            return "\"\(trimmed)\" is masked"
        }
        // A truncated example such as "sk-..." or "ghp_xxx…".
        if trimmed.hasSuffix("...") || trimmed.hasSuffix("…") {
            return "\"\(trimmed)\" is an elided example value"
        }
        if lower.hasPrefix("todo") || lower.hasPrefix("fixme") || lower.hasPrefix("tbd") {
            return "\"\(trimmed)\" is a to-do marker"
        }
        return nil
    }
}

import Foundation

extension PlaceholderDetector {
    /// A cheap byte-level screen: false means `reason` would certainly return nil.
    static func mayBePlaceholder(_ value: String) -> Bool {
        var sawLetter = false
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "<"), UInt8(ascii: "."), UInt8(ascii: "*"), 0xE2: return true  // 0xE2 starts "…"
            case UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "p"), UInt8(ascii: "P"),
                 UInt8(ascii: "c"), UInt8(ascii: "C"), UInt8(ascii: "r"), UInt8(ascii: "R"), UInt8(ascii: "t"), UInt8(ascii: "T"),
                 UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "d"), UInt8(ascii: "D"), UInt8(ascii: "n"), UInt8(ascii: "N"):
                sawLetter = true
            default:
                break
            }
        }
        return sawLetter
    }
}
