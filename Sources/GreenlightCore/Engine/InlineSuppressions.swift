/// `# greenlight:ignore RULE[,RULE…] reason` on the line of a finding or the line
/// before it silences that finding. Every file kind Greenlight reads (Dockerfile,
/// YAML, Python, dotenv, requirements, TOML, shell) writes comments with `#`, so
/// one scanner serves all of them. `all` or `*` silences every rule on that line.
public enum InlineSuppressions {
    public static let directive = "greenlight:ignore"

    /// The rule ids a line suppresses (empty when it has no directive).
    public static func rules(onLine text: String) -> [String] {
        guard let hash = text.firstIndex(of: "#") else { return [] }
        let comment = text[text.index(after: hash)...]
        guard let range = comment.range(of: directive) else { return [] }
        let rest = comment[range.upperBound...].drop(while: { $0 == " " || $0 == "\t" || $0 == ":" })
        guard let list = rest.split(whereSeparator: { $0 == " " || $0 == "\t" }).first else { return ["all"] }
        return list.split(separator: ",").map { String($0) }
    }

    /// Whether `finding` is silenced by a directive in `source` (the finding's file).
    public static func suppresses(_ source: SourceText, _ finding: Finding) -> Bool {
        guard let line = finding.location?.line else { return false }
        for candidate in [line, line - 1] {
            guard let text = source.lineText(candidate) else { continue }
            let rules = rules(onLine: text)
            if rules.contains(finding.ruleID) || rules.contains("all") || rules.contains("*") { return true }
        }
        return false
    }
}
