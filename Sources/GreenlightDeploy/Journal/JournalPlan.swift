import Foundation
import GreenlightCore

/// `## Deployment Plan`: the runbook as it will run, phase by phase, so a reader sees
/// what was meant to happen next to what did.
enum JournalPlan {
    static func section(_ context: JournalContext) -> [String] {
        var lines = ["## Deployment Plan", ""]
        if let description = context.runbook.description, !description.isEmpty {
            lines += MarkdownText.authored(description) + [""]
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
            lines += MarkdownText.authored(description) + [""]
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
}
