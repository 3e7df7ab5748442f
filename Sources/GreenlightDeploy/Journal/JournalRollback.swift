import Foundation
import GreenlightCore

/// `## Rollback` and `## Key Learnings`.
enum JournalRollback {
    static func section(_ context: JournalContext) -> [String] {
        var lines = ["## Rollback", ""]
        let records = context.rollbackRecords
        let started = context.events.contains { $0.kind == .rollbackStarted }
        if records.isEmpty && !started {
            let needed = context.status.isFinished && context.status != .succeeded
            return lines + [needed ? "No rollback steps ran." : "Not needed."]
        }
        if records.isEmpty {
            let noneDefined = plannedKeys(context).isEmpty
            return lines + [noneDefined ? "No rollback steps are defined for the phases that ran." : "No rollback steps ran."]
        }
        let failed = context.failedRollbackStep
        if let failed {
            let message = MarkdownText.inline(failed.message ?? "").trimmingCharacters(in: .whitespaces)
            let why = message.isEmpty ? "" : ": \(message)"
            lines += ["**ROLLBACK FAILED** — manual action needed: \(context.label(failed)) (\(context.phaseLabel(failed.phaseIndex))) "
                      + "\(context.result(of: failed.key))\(why). Undo by hand what it and every step below that is not "
                      + "marked passed were meant to undo.", ""]
        } else if context.isRollingBack {
            lines += ["Rollback in progress.", ""]
        } else {
            lines += ["All rollback steps that ran passed.", ""]
        }
        var keys = records.map(\.key)
        // A failed or unfinished rollback lists what is left too: that is the manual work.
        if failed != nil || context.isRollingBack {
            let planned = plannedKeys(context)
            keys = planned + keys.filter { !planned.contains($0) }
        }
        for key in keys {
            lines.append(item(key, context))
        }
        return lines
    }

    /// The rollback steps of every phase that ran, last phase first, as the runner undoes them.
    private static func plannedKeys(_ context: JournalContext) -> [StepKey] {
        let last = min(context.deployment.phaseIndex, context.runbook.phases.count - 1)
        guard last >= 0 else { return [] }
        return (0...last).reversed().flatMap { phase in
            context.runbook.phases[phase].rollback.indices.map { StepKey(phase: phase, section: .rollback, index: $0) }
        }
    }

    private static func item(_ key: StepKey, _ context: JournalContext) -> String {
        let place = context.phaseLabel(key.phase)
        guard let record = context.latest[key] else {
            let planned = context.phase(key.phase)?.rollback ?? []
            let label = planned.indices.contains(key.index) ? planned[key.index].label : "step \(key.index + 1)"
            return "- \(place): \(label) — \(context.result(of: key))"
        }
        var facts: [String] = []
        if let code = record.exitCode { facts.append("exit \(code)") }
        if let finished = record.finishedAt { facts.append(JournalClock.stepDuration(from: record.startedAt, to: finished)) }
        var line = "- \(place): \(context.label(record)) — \(context.result(of: key))"
        if !facts.isEmpty { line += " (\(facts.joined(separator: ", ")))" }
        if let message = record.message, !MarkdownText.plainLine(message).isEmpty {
            line += ": \(MarkdownText.inline(message))"
        }
        return line
    }

    static func keyLearnings(_ context: JournalContext) -> [String] {
        var notes: [(at: Date, text: String)] = []
        for record in context.steps where record.kind == "note" && record.outcome == .passed {
            notes.append((record.finishedAt ?? record.startedAt, noteText(record, context)))
        }
        for event in context.events where event.kind == .note {
            notes.append((event.at, event.message))
        }
        let bullets = notes.enumerated()
            .sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
            .map { MarkdownText.authored($0.element.text) }
            .filter { !$0.isEmpty }
            .flatMap { lines in ["- " + lines[0]] + lines.dropFirst().map { $0.isEmpty ? "" : "  " + $0 } }
        return ["## Key Learnings", ""] + (bullets.isEmpty ? ["None recorded."] : bullets)
    }

    /// The whole text of a note step: the record's message (the note with its
    /// `${VARIABLES}` filled in), else the runbook's text, else the title.
    private static func noteText(_ record: StepRecord, _ context: JournalContext) -> String {
        if let message = record.message, !message.isEmpty { return message }
        if let phase = context.phase(record.phaseIndex) {
            let planned = context.plannedSteps(phase, record.section)
            if planned.indices.contains(record.stepIndex), case .note(let text) = planned[record.stepIndex].action {
                return text
            }
        }
        return record.title.hasPrefix("note: ") ? String(record.title.dropFirst(6)) : record.title
    }
}
