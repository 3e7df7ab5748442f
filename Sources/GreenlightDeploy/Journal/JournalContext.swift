import Foundation
import GreenlightCore

/// Where a step sits in the runbook: phase, list and position. Records and runbook steps
/// meet on this key.
struct StepKey: Hashable {
    var phase: Int
    var section: StepSection
    var index: Int
}

/// The deployment's status as the journal words it. A `running` deployment whose process
/// stopped mid-step shows as interrupted.
enum JournalStatus: String {
    case running
    case awaitingApproval = "awaiting approval"
    case succeeded
    case failed
    case rolledBack = "rolled back"
    case interrupted
    case abandoned

    /// Whether the deployment has ended: nothing more of it will run.
    var isFinished: Bool {
        switch self {
        case .succeeded, .failed, .rolledBack, .abandoned: true
        case .running, .awaitingApproval, .interrupted: false
        }
    }
}

/// What every section reads: the inputs, indexed once.
struct JournalContext {
    let runbook: Runbook
    let deployment: DeploymentRecord
    let steps: [StepRecord]
    let events: [DeploymentEvent]
    let clock: JournalClock
    let status: JournalStatus
    /// The last record of each step: a step re-run after an interruption has two.
    let latest: [StepKey: StepRecord]
    /// Rollback records, the latest of each step, in the order they started.
    let rollbackRecords: [StepRecord]
    /// The first rollback step that failed, or did not finish in a deployment that ended.
    let failedRollbackStep: StepRecord?
    /// Rollback started and has not finished, in a deployment still running.
    let isRollingBack: Bool

    init(runbook: Runbook, deployment: DeploymentRecord, steps: [StepRecord], events: [DeploymentEvent], timeZone: TimeZone) {
        self.runbook = runbook
        self.deployment = deployment
        self.steps = steps
        self.events = events
        self.clock = JournalClock(timeZone: timeZone)
        var latest: [StepKey: StepRecord] = [:]
        for step in steps { latest[step.key] = step }
        self.latest = latest
        let status = Self.status(of: deployment, steps: steps, events: events)
        self.status = status
        let rollback = steps.filter { $0.section == .rollback && latest[$0.key] == $0 }
        self.rollbackRecords = rollback
        self.failedRollbackStep = rollback.first { record in
            switch record.outcome {
            case .failed, .interrupted: true
            case nil: status.isFinished
            case .passed, .skipped: false
            }
        }
        self.isRollingBack = status == .running && Self.rollbackUnfinished(events: events, hasRecords: !rollback.isEmpty)
    }

    /// Rollback started and has not finished: the last start has no finish after it (or,
    /// with no such events, rollback steps have run).
    private static func rollbackUnfinished(events: [DeploymentEvent], hasRecords: Bool) -> Bool {
        let started = events.lastIndex { $0.kind == .rollbackStarted }
        let finished = events.lastIndex { $0.kind == .rollbackFinished }
        if let started { return finished.map { $0 < started } ?? true }
        return hasRecords
    }

    /// `running` is shown as interrupted when a step has no result (the runner writes the
    /// journal only between steps, so a live run never shows one) or when the last event
    /// is an interruption that no step has started after.
    private static func status(of deployment: DeploymentRecord, steps: [StepRecord], events: [DeploymentEvent]) -> JournalStatus {
        switch deployment.status {
        case .awaitingApproval: return .awaitingApproval
        case .succeeded: return .succeeded
        case .failed: return .failed
        case .rolledBack: return .rolledBack
        case .abandoned: return .abandoned
        case .running:
            if steps.contains(where: { $0.outcome == nil }) { return .interrupted }
            if let last = events.last, last.kind == .interrupted, !steps.contains(where: { $0.startedAt > last.at }) {
                return .interrupted
            }
            return .running
        }
    }

    /// The phase at `index` of the runbook, if the runbook has it.
    func phase(_ index: Int) -> RunbookPhase? {
        runbook.phases.indices.contains(index) ? runbook.phases[index] : nil
    }

    /// `Phase 2 - Deploy` (Markdown-escaped). The name comes from the runbook, else from
    /// a record of the phase (the runbook changed since), else is left out.
    func phaseLabel(_ index: Int) -> String {
        let name = phase(index)?.name ?? steps.first(where: { $0.phaseIndex == index })?.phaseName
        guard let name, !name.isEmpty else { return "Phase \(index + 1)" }
        return "Phase \(index + 1) - \(MarkdownText.inline(name))"
    }

    /// How the journal names a recorded step: as the runbook's step at the same place
    /// (so the log and the plan agree), else from the record itself.
    func label(_ record: StepRecord) -> String {
        if let phase = phase(record.phaseIndex) {
            let planned = plannedSteps(phase, record.section)
            if planned.indices.contains(record.stepIndex), planned[record.stepIndex].action.kind == record.kind {
                return planned[record.stepIndex].label
            }
        }
        return record.label
    }

    /// The runbook's steps of one list of a phase.
    func plannedSteps(_ phase: RunbookPhase, _ section: StepSection) -> [RunbookStep] {
        switch section {
        case .steps: phase.steps
        case .exitCriteria: phase.exitCriteria
        case .rollback: phase.rollback
        }
    }

    /// The step's result in words: its outcome, `interrupted` when it has none (see
    /// `status`), `pending`/`not run` when it has no record.
    func result(of key: StepKey) -> String {
        guard let record = latest[key] else { return status.isFinished ? "not run" : "pending" }
        return record.outcome?.rawValue ?? "interrupted"
    }

    /// The latest time anything was recorded.
    var lastUpdate: Date {
        let times = steps.flatMap { [$0.startedAt, $0.finishedAt].compactMap { $0 } } + events.map(\.at)
        return ([deployment.startedAt, deployment.finishedAt].compactMap { $0 } + times).max() ?? deployment.startedAt
    }
}

extension StepRecord {
    var key: StepKey { StepKey(phase: phaseIndex, section: section, index: stepIndex) }

    /// "`run` Build image": the kind in code, then the title without a repeated
    /// `run: ` prefix (untitled steps are titled by their summary).
    var label: String { JournalStepLabel.text(kind: kind, title: title) }
}

extension RunbookStep {
    /// As `StepRecord.label`, from the runbook; waits in the runbook's own spelling.
    var label: String {
        if name == nil, case .wait(let duration) = action {
            return JournalStepLabel.text(kind: action.kind, title: DurationText.format(duration))
        }
        return JournalStepLabel.text(kind: action.kind, title: title)
    }
}

enum JournalStepLabel {
    static func text(kind: String, title: String) -> String {
        let prefix = kind + ": "
        let shown = title.hasPrefix(prefix) ? String(title.dropFirst(prefix.count)) : title
        return "`\(kind.filter { $0.isLetter || $0 == "-" })` \(MarkdownText.inline(shown))"
    }
}
