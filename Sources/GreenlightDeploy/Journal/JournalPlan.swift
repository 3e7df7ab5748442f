import Foundation
import GreenlightCore

/// `## Deployment Plan`: the runbook as it will run, phase by phase, so a reader sees
/// what was meant to happen next to what did.
enum JournalPlan {
    static func section(_ context: JournalContext) -> [String] {
        var lines = ["## Deployment Plan", ""]
        if let description = context.runbook.description, !description.isEmpty {
            lines += authored(description) + [""]
        }
        if context.runbook.phases.isEmpty {
            return lines + ["The runbook has no phases."]
        }
        for (index, phase) in context.runbook.phases.enumerated() {
            lines += self.phase(phase, at: index, context) + [""]
        }
        lines.removeLast()
        return lines
    }

    private static func phase(_ phase: RunbookPhase, at index: Int, _ context: JournalContext) -> [String] {
        let production = phase.changesProduction ? " (changes production)" : ""
        var lines = ["### Phase \(index + 1) - \(MarkdownText.heading(phase.name))\(production)", ""]
        if let description = phase.description, !description.isEmpty {
            lines += authored(description) + [""]
        }
        lines += list("Steps", phase.steps)
        lines += list("Exit criteria", phase.exitCriteria)
        if let gate = phase.gate {
            let question = gate.message.map { ": \(MarkdownText.inline($0))" } ?? ""
            lines += ["**Gate**: approval required before \(JournalHeader.next(context, after: index))\(question)", ""]
        }
        lines += list("Rollback", phase.rollback)
        lines.removeLast()
        return lines
    }

    private static func list(_ title: String, _ steps: [RunbookStep]) -> [String] {
        if steps.isEmpty { return ["**\(title)**: none", ""] }
        return ["**\(title)**:", ""] + steps.enumerated().map { "\($0.offset + 1). \($0.element.label)" } + [""]
    }

    /// Text the runbook's author wrote (descriptions, notes), kept as their Markdown,
    /// with surrounding blank lines trimmed and a leading `#` escaped, so it cannot add a
    /// heading among the journal's own sections.
    static func authored(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map {
            let line = MarkdownText.plainLine(String($0)).trimmingTrailingSpaces()
            let indent = line.prefix { $0 == " " }
            let rest = line.dropFirst(indent.count)
            return rest.hasPrefix("#") ? String(indent) + "\\" + String(rest) : line
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = Substring(self)
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
