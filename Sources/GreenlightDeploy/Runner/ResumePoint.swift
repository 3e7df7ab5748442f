import GreenlightCore

/// A place in a runbook's plan: a step of one list of one phase. `index` may equal the
/// list's length: the list is done.
struct PlanPosition: Hashable, Sendable {
    var phase: Int
    var section: StepSection
    var index: Int
}

/// Where a stopped deployment goes on, worked out from what the history recorded.
enum ResumePoint: Equatable, Sendable {
    /// Going forward from `position`; `interrupted` is the step that was running when the
    /// process died (its record has no end), if any.
    case forward(position: PlanPosition, interrupted: StepRecord?)
    /// Rolling back from phase `from` down to the first; `done` are the rollback steps
    /// already finished (phase, index); `interrupted` the one that was running.
    case rollback(from: Int, done: Set<[Int]>, interrupted: StepRecord?)

    /// Works out the resume point of a deployment that is `running` (its process gone)
    /// from its step records and whether a rollback had started.
    static func locate(deployment: DeploymentRecord, steps: [StepRecord], rollbackStarted: Bool) -> ResumePoint {
        let rollbackSteps = steps.filter { $0.section == .rollback }
        let forwardSteps = steps.filter { $0.section != .rollback }
        let lastForward = forwardSteps.last
        if rollbackStarted || lastForward?.outcome == .failed {
            let done = Set(rollbackSteps.filter { $0.outcome == .passed || $0.outcome == .skipped }
                .map { [$0.phaseIndex, $0.stepIndex] })
            let interrupted = rollbackSteps.last.flatMap { $0.finishedAt == nil || $0.outcome == .interrupted ? $0 : nil }
            let from = rollbackStarted ? deployment.phaseIndex : (lastForward?.phaseIndex ?? deployment.phaseIndex)
            return .rollback(from: from, done: done, interrupted: interrupted)
        }
        guard let last = lastForward, last.phaseIndex >= deployment.phaseIndex else {
            return .forward(position: PlanPosition(phase: deployment.phaseIndex, section: .steps, index: 0), interrupted: nil)
        }
        if last.finishedAt == nil || last.outcome == .interrupted {
            return .forward(position: PlanPosition(phase: last.phaseIndex, section: last.section, index: last.stepIndex),
                            interrupted: last)
        }
        return .forward(position: PlanPosition(phase: last.phaseIndex, section: last.section, index: last.stepIndex + 1),
                        interrupted: nil)
    }
}
