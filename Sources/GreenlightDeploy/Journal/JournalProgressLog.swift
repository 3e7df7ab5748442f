import Foundation

/// `## Progress Log`: every step's start and end and every event, in time order.
enum JournalProgressLog {
    /// Lines of output shown for a failed step.
    static let outputLines = 20

    /// Entries at the same instant: what ended before what began, so a step's end comes
    /// before the next phase's start and the deployment's finish.
    private enum Order: Int { case stepEnd, closingEvent, openingEvent, stepStart }

    private struct Entry {
        var at: Date
        var order: Order
        var sequence: Int
        var lines: [String]
    }

    static func section(_ context: JournalContext) -> [String] {
        var entries: [Entry] = []
        for step in context.steps {
            let instant = step.finishedAt == step.startedAt && step.outcome != nil
            if !instant {
                entries.append(Entry(at: step.startedAt, order: .stepStart, sequence: entries.count, lines: [start(step, context)]))
            }
            if let finished = step.finishedAt, step.outcome != nil {
                entries.append(Entry(at: finished, order: .stepEnd, sequence: entries.count, lines: end(step, at: finished, context)))
            }
        }
        for event in context.events {
            entries.append(Entry(at: event.at, order: opens(event.kind) ? .openingEvent : .closingEvent,
                                 sequence: entries.count, lines: [self.event(event, context)]))
        }
        entries.sort { ($0.at, $0.order.rawValue, $0.sequence) < ($1.at, $1.order.rawValue, $1.sequence) }
        let lines = ["## Progress Log", ""]
        if entries.isEmpty { return lines + ["Nothing recorded yet."] }
        return lines + entries.flatMap(\.lines)
    }

    private static func opens(_ kind: DeploymentEvent.Kind) -> Bool {
        switch kind {
        case .started, .phaseStarted, .gateApproved, .freezeOverridden, .note, .resumed: true
        case .phaseCompleted, .gateWaiting, .gateDeclined, .interrupted, .rollbackStarted, .rollbackFinished, .finished, .abandoned: false
        }
    }

    private static func place(_ step: StepRecord, _ context: JournalContext) -> String {
        let list = switch step.section {
        case .steps: ""
        case .exitCriteria: ", exit criteria"
        case .rollback: ", rollback"
        }
        return context.phaseLabel(step.phaseIndex) + list
    }

    private static func start(_ step: StepRecord, _ context: JournalContext) -> String {
        var line = "- \(context.clock.time(step.startedAt)) — \(place(step, context)): started \(context.label(step))"
        switch (step.outcome, step.finishedAt) {
        case (nil, _):
            line += " (no result: the deployment stopped while it ran)"
        case (let outcome?, nil):
            line += " (\(outcome.rawValue), no end time recorded)"
        case (_?, _?):
            break
        }
        return line
    }

    private static func end(_ step: StepRecord, at finished: Date, _ context: JournalContext) -> [String] {
        if step.kind == "note", step.outcome == .passed {
            return ["- \(context.clock.time(finished)) — \(place(step, context)): \(context.label(step))"]
        }
        let outcome = step.outcome.map { $0 == .failed ? "**FAILED**" : $0.rawValue } ?? "ended"
        var facts: [String] = []
        if let code = step.exitCode { facts.append("exit \(code)") }
        facts.append(JournalClock.stepDuration(from: step.startedAt, to: finished))
        var line = "- \(context.clock.time(finished)) — \(place(step, context)): \(outcome) \(context.label(step))"
            + " (\(facts.joined(separator: ", ")))"
        if let message = step.message, !MarkdownText.plainLine(message).trimmingCharacters(in: .whitespaces).isEmpty {
            line += ": \(MarkdownText.inline(message))"
        }
        guard step.outcome == .failed else { return [line] }
        let output = MarkdownText.terminalLines(step.outputTail)
        if output.isEmpty { return [line] }
        let shown = Array(output.suffix(outputLines))
        let heading = output.count > shown.count ? "Last \(shown.count) lines of output:" : "Output:"
        return [line, "", "  \(heading)", ""] + MarkdownText.fencedBlock(shown, indent: "  ") + [""]
    }

    private static func event(_ event: DeploymentEvent, _ context: JournalContext) -> String {
        let label = switch event.kind {
        case .started: "Deployment started"
        case .phaseStarted: "Phase started"
        case .phaseCompleted: "Phase completed"
        case .gateWaiting: "Waiting for approval"
        case .gateApproved: "Approved"
        case .gateDeclined: "Approval declined"
        case .freezeOverridden: "Freeze overridden"
        case .note: "Note"
        case .resumed: "Resumed"
        case .interrupted: "Interrupted"
        case .rollbackStarted: "Rollback started"
        case .rollbackFinished: "Rollback finished"
        case .finished: "Finished"
        case .abandoned: "Abandoned"
        }
        // A note is the author's own Markdown (as under Key Learnings); the rest is escaped.
        let text = event.kind == .note ? MarkdownText.plainLine(event.message) : MarkdownText.inline(event.message)
        let message = text.trimmingCharacters(in: .whitespaces)
        return "- \(context.clock.time(event.at)) — **\(label)**" + (message.isEmpty ? "" : ": \(message)")
    }
}
