import Foundation
import GreenlightCore

/// `## Phase Results` and `## Validation Results`: what each phase and each check came to.
enum JournalResults {
    static func phases(_ context: JournalContext) -> [String] {
        var lines = ["## Phase Results", ""]
        if context.runbook.phases.isEmpty { return lines + ["No phases."] }
        lines += ["| Phase | Result | Started | Duration |", "| --- | --- | --- | --- |"]
        for index in context.runbook.phases.indices {
            let forward = context.latest.values
                .filter { $0.phaseIndex == index && $0.section != .rollback }
            let result = phaseResult(index, forward: forward, context)
            let start = forward.map(\.startedAt).min()
            let ends = forward.compactMap(\.finishedAt)
            var started = "—", duration = "—"
            if let start {
                started = context.clock.time(start)
                if ends.count == forward.count, let end = ends.max(), result != "running" {
                    duration = JournalClock.longDuration(from: start, to: end)
                }
            }
            lines.append("| \(cell(context.phaseLabel(index))) | \(result) | \(started) | \(duration) |")
        }
        return lines
    }

    /// passed / failed / rolled back / skipped / pending / running, and the combinations
    /// a reader needs: "failed, rolled back", "rollback failed", "passed, awaiting approval".
    static func phaseResult(_ index: Int, forward: [StepRecord], _ context: JournalContext) -> String {
        let failed = forward.contains { $0.outcome == .failed }
        let rollback = context.rollbackRecords.filter { $0.phaseIndex == index }
        if !rollback.isEmpty {
            if rollback.contains(where: { $0 == context.failedRollbackStep }) {
                return failed ? "failed, rollback failed" : "rollback failed"
            }
            if context.isRollingBack, rollback.contains(where: { $0.outcome == nil }) { return "rolling back" }
            return failed ? "failed, rolled back" : "rolled back"
        }
        if failed { return "failed" }
        let current = context.deployment.phaseIndex
        if index < current { return "passed" }
        if index > current { return context.status.isFinished ? "skipped" : "pending" }
        switch context.status {
        case .succeeded: return "passed"
        case .awaitingApproval: return "passed, awaiting approval"
        case .running: return "running"
        case .interrupted: return "interrupted"
        case .failed, .rolledBack, .abandoned:
            // Stopped without a failed step here: declined at the gate (all passed) or
            // abandoned part-way.
            return isComplete(index, context) ? "passed" : "interrupted"
        }
    }

    /// Every step and exit criterion of the phase passed or was skipped.
    private static func isComplete(_ index: Int, _ context: JournalContext) -> Bool {
        guard let phase = context.phase(index) else { return false }
        return [StepSection.steps, .exitCriteria].allSatisfy { section in
            context.plannedSteps(phase, section).indices.allSatisfy { step in
                let outcome = context.latest[StepKey(phase: index, section: section, index: step)]?.outcome
                return outcome == .passed || outcome == .skipped
            }
        }
    }

    static func validation(_ context: JournalContext) -> [String] {
        var rows: [String] = []
        for (index, phase) in context.runbook.phases.enumerated() {
            for (position, step) in phase.steps.enumerated() where step.action.kind == "check" || step.action.kind == "verify" {
                rows.append(row(StepKey(phase: index, section: .steps, index: position), step, exitCriterion: false, context))
            }
            for (position, step) in phase.exitCriteria.enumerated() {
                rows.append(row(StepKey(phase: index, section: .exitCriteria, index: position), step, exitCriterion: true, context))
            }
        }
        let lines = ["## Validation Results", ""]
        if rows.isEmpty { return lines + ["The runbook has no check or verify steps and no exit criteria."] }
        return lines + ["| Phase | Check | Result | Message |", "| --- | --- | --- | --- |"] + rows
    }

    private static func row(_ key: StepKey, _ step: RunbookStep, exitCriterion: Bool, _ context: JournalContext) -> String {
        let check = (exitCriterion ? "exit criterion: " : "") + step.label
        let message = context.latest[key]?.message ?? ""
        let cells = [cell(context.phaseLabel(key.phase)), cell(check), context.result(of: key), MarkdownText.tableCell(message)]
        return "| \(cells.joined(separator: " | ")) |"
    }

    /// Already-escaped Markdown, made safe for a table cell.
    private static func cell(_ markdown: String) -> String {
        markdown.replacingOccurrences(of: "|", with: "\\|")
    }
}
