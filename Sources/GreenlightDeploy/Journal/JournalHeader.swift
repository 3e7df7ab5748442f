import Foundation

/// The top of the journal: title and status, where the deployment stands, and what it
/// deploys from.
enum JournalHeader {
    static func title(_ context: JournalContext) -> [String] {
        let deployment = context.deployment
        let title = "\(MarkdownText.heading(deployment.id)): \(MarkdownText.heading(deployment.runbook))"
            + " to \(MarkdownText.heading(deployment.environment))"
        var lines = [
            "# Deployment \(title)",
            "",
            "- **Status**: \(context.status.rawValue)",
            "- **Started**: \(context.clock.time(deployment.startedAt)) (\(context.clock.zoneName))",
        ]
        if let finished = deployment.finishedAt, context.status.isFinished {
            lines.append("- **Finished**: \(context.clock.time(finished))")
            lines.append("- **Duration**: \(JournalClock.longDuration(from: deployment.startedAt, to: finished))")
        } else {
            lines.append("- **Last update**: \(context.clock.time(context.lastUpdate))")
        }
        lines.append("- **Run by**: \(MarkdownText.inline(deployment.actor))")
        if let summary = deployment.failureSummary, !summary.isEmpty {
            lines.append("- **Stopped by**: \(MarkdownText.inline(summary))")
        }
        if context.status.isFinished, context.status != .succeeded {
            lines.append("- **Production changed**: \(productionChange(deployment))")
        }
        if let reason = deployment.freezeOverrideReason {
            lines.append("- **Freeze overridden**: \(MarkdownText.inline(reason))")
        }
        if context.failedRollbackStep != nil {
            lines.append("- **ROLLBACK FAILED**: manual action needed, see Rollback below")
        }
        return lines
    }

    static func currentPhase(_ context: JournalContext) -> [String] {
        let index = context.deployment.phaseIndex
        let here = context.phaseLabel(index)
        switch context.status {
        case .succeeded:
            let count = context.runbook.phases.count
            return ["## Current Phase: Finished", "", "All \(count) phase\(count == 1 ? "" : "s") passed."]
        case .failed, .rolledBack:
            return ["## Current Phase: Stopped in \(here)", "", "The deployment \(context.status.rawValue)."]
        case .abandoned:
            return ["## Current Phase: Stopped in \(here)", "", "The deployment was abandoned."]
        case .awaitingApproval:
            let question = context.phase(index)?.gate?.message.map(MarkdownText.inline) ?? "Proceed to \(next(context, after: index))?"
            return ["## Current Phase: \(here) (awaiting approval)", "",
                    "\(here) passed. Approval required before \(next(context, after: index)): \(question)"]
        case .interrupted:
            return ["## Current Phase: \(here) (interrupted)", "", interruption(context)
                    + " Resume with `greenlight deploy --resume \(context.deployment.id.filter(\.isHexDigit))`."]
        case .running:
            if context.isRollingBack {
                return ["## Current Phase: \(here) (rolling back)", "", "Rollback in progress, see Rollback below."]
            }
            let approval = context.phase(index)?.gate == nil ? "" : ", after approval"
            return ["## Current Phase: \(here)", "", "Next: \(next(context, after: index))\(approval)."]
        }
    }

    static func gitReferences(_ context: JournalContext) -> [String] {
        let deployment = context.deployment
        var lines = ["## Git References", ""]
        switch (deployment.gitBranch, deployment.gitCommit) {
        case (nil, nil):
            lines.append("- **Branch**: none (not a git repository)")
            lines.append("- **Commit**: none")
        case (let branch, let commit):
            lines.append("- **Branch**: \(branch.map(MarkdownText.inline) ?? "none (detached HEAD)")")
            lines.append("- **Commit**: \(commit.map(MarkdownText.inline) ?? "none (no commits yet)")")
            lines.append("- **Working tree**: \(deployment.gitDirty ? "dirty (uncommitted changes)" : "clean")")
        }
        lines.append("- **Deployment target**: \(MarkdownText.inline(deployment.environment))")
        lines.append("- **Runbook**: \(MarkdownText.inline(deployment.runbookPath))")
        return lines
    }

    /// The phase after `index`, or "finish" after the last.
    static func next(_ context: JournalContext, after index: Int) -> String {
        index + 1 < context.runbook.phases.count ? context.phaseLabel(index + 1) : "finish"
    }

    private static func productionChange(_ deployment: DeploymentRecord) -> String {
        if deployment.productionChanged { return "yes" }
        guard deployment.caughtBeforeProduction else { return "no" }
        let kind = deployment.stoppedBy.map { "a `\($0.filter(\.isLetter))` step" } ?? "a check"
        return "no, caught by \(kind) before any phase that changes production"
    }

    private static func interruption(_ context: JournalContext) -> String {
        if let step = context.steps.last(where: { $0.outcome == nil }) {
            return "The deployment stopped while \(context.label(step)) was running"
                + " (started \(context.clock.time(step.startedAt))); that step has no result."
        }
        if let event = context.events.last(where: { $0.kind == .interrupted }) {
            var why = MarkdownText.inline(event.message).trimmingCharacters(in: .whitespaces)
            while why.hasSuffix(".") { why.removeLast() }
            return "The deployment was interrupted at \(context.clock.time(event.at))\(why.isEmpty ? "" : ": " + why)."
        }
        return "The deployment was interrupted."
    }
}
