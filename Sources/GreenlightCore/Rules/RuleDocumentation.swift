/// Renders rule declarations for people: the `greenlight rules` table, `greenlight
/// explain`, and `docs/rules.md`. Nothing here is written by hand per rule.
public enum RuleDocumentation {
    public static func table(_ rules: [RuleDescription] = RuleRegistry.descriptions) -> String {
        let idWidth = rules.map(\.id.count).max() ?? 2
        return rules.map { rule in
            rule.id.padding(toLength: idWidth + 2, withPad: " ", startingAt: 0)
                + rule.defaultSeverity.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)
                + rule.title
        }.joined(separator: "\n")
    }

    public static func explain(_ rule: RuleDescription) -> String {
        var text = "\(rule.id) (\(rule.defaultSeverity.rawValue)): \(rule.title)\n\n"
        text += "Why: \(rule.rationale)\n\nFix: \(rule.fix)\n"
        if let example = rule.triggeringExamples.first {
            text += "\nReported (↓ marks where):\n" + render(example, fence: false)
        }
        if let example = rule.nonTriggeringExamples.first {
            text += "\nNot reported:\n" + render(example, fence: false)
        }
        text += "\nSilence one finding with `# greenlight:ignore \(rule.id) <reason>` on its line or the line before;\n"
        text += "turn the rule off or change its severity under `rules:` in .greenlight.yml.\n"
        return text
    }

    /// The whole rules page, in registry order.
    public static func markdown(_ rules: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var page = "# Greenlight rules\n\n"
        page += "<!-- Generated from the rule declarations by `greenlight rules --format markdown`; do not edit. -->\n\n"
        page += "| id | severity | what it reports |\n|---|---|---|\n"
        for rule in rules {
            page += "| [`\(rule.id)`](#\(rule.id)) | \(rule.defaultSeverity.rawValue) | \(rule.title) |\n"
        }
        for rule in rules {
            page += "\n## \(rule.id)\n\n**\(rule.title)** — default severity: \(rule.defaultSeverity.rawValue)\n\n"
            page += "\(rule.rationale)\n\n**Fix:** \(rule.fix)\n"
            for (index, example) in rule.triggeringExamples.enumerated() {
                page += "\n### Reported (example \(index + 1))\n\n"
                if let note = example.note { page += note + "\n\n" }
                page += render(example, fence: true)
            }
            for (index, example) in rule.nonTriggeringExamples.enumerated() {
                page += "\n### Not reported (example \(index + 1))\n\n"
                if let note = example.note { page += note + "\n\n" }
                page += render(example, fence: true)
            }
        }
        return page
    }

    private static func render(_ example: RuleExample, fence: Bool) -> String {
        var files = example.files
        if let configuration = example.configuration { files[".greenlight.yml"] = configuration }
        var text = ""
        for path in files.keys.sorted() {
            let contents = files[path] ?? ""
            if fence {
                text += "`\(path)`\n\n```\(language(of: path))\n\(contents.hasSuffix("\n") ? contents : contents + "\n")```\n\n"
            } else {
                text += "  --- \(path)\n"
                for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
                    text += "  " + line + "\n"
                }
            }
        }
        return text
    }

    private static func language(of path: String) -> String {
        let name = PathUtilities.basename(path).lowercased()
        if name.hasSuffix(".py") { return "python" }
        if name.hasSuffix(".yml") || name.hasSuffix(".yaml") { return "yaml" }
        if name.hasSuffix(".json") { return "json" }
        if name.hasSuffix(".toml") { return "toml" }
        if name.hasSuffix(".sh") { return "sh" }
        if name.contains("dockerfile") { return "dockerfile" }
        return ""
    }
}
