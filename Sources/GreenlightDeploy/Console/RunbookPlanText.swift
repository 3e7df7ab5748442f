import GreenlightCore

/// `deploy --plan`: what a runbook would do, phase by phase, without running it.
public enum RunbookPlanText {
    public static func render(_ runbook: Runbook) -> String {
        var lines = ["\(runbook.name) → \(runbook.environment) (\(runbook.path), run in \(runbook.directory))"]
        if let description = runbook.description { lines.append(description) }
        if !runbook.variables.isEmpty {
            lines.append("variables: " + runbook.variables.map { "\($0.name)=\($0.template)" }.joined(separator: ", "))
        }
        if !runbook.freeze.isEmpty {
            lines.append("freeze (\(runbook.freeze.timeZone)): " + runbook.freeze.windows.map(\.text).joined(separator: "; "))
        }
        for (index, phase) in runbook.phases.enumerated() {
            lines.append("")
            lines.append("Phase \(index + 1) - \(phase.name)\(phase.changesProduction ? " (changes production)" : "")")
            for step in phase.steps { lines.append("  · \(step.title)") }
            for step in phase.exitCriteria { lines.append("  exit criterion · \(step.title)") }
            for step in phase.rollback { lines.append("  rollback · \(step.title)") }
            if phase.gate != nil, index + 1 < runbook.phases.count {
                lines.append("  gate · \(phase.gate?.message ?? "approval before Phase \(index + 2) - \(runbook.phases[index + 1].name)")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
