import Foundation
import GreenlightCore

/// Runs a runbook: phases in order, each phase's steps then its exit criteria, a gate
/// before the next phase where the runbook asks for one, and on a failure the rollback
/// steps of the failed phase and of every earlier phase, in reverse. Every step and
/// event is in the history before the next begins, and the journal is rewritten after
/// each, so a deployment killed at any point can be resumed (`resume`) and its record
/// is complete.
public actor DeploymentRunner {
    let runbook: Runbook
    let runbookDigest: String
    let store: any DeploymentStore
    let options: DeployOptions
    let interaction: any DeployInteraction
    let progress: @Sendable (DeployProgress) -> Void
    var record: DeploymentRecord?
    var executor: StepExecutor?
    var journalFailed = false
    /// Who resumed the deployment, when it is not the person who started it.
    var resumedBy: String?

    public init(runbook: Runbook, runbookBytes: [UInt8], store: any DeploymentStore, options: DeployOptions,
                interaction: any DeployInteraction, progress: @escaping @Sendable (DeployProgress) -> Void) {
        self.runbook = runbook
        self.runbookDigest = DeploymentIdentity.digest(of: runbookBytes)
        self.store = store
        self.options = options
        self.interaction = interaction
        self.progress = progress
    }

    // MARK: Starting

    /// Starts a new deployment and runs it until it ends or waits at a gate.
    public func start() async throws(DeployError) -> DeploymentRecord {
        let freezeReason = try checkFreeze()
        try await refuseWhileAnotherIsActive()
        let git = await GitState.read(in: runbook.directory)
        let id = DeploymentIdentity.newID()
        var deployment = DeploymentRecord(
            id: id, runbook: runbook.name, runbookPath: runbook.path, runbookDigest: runbookDigest,
            environment: runbook.environment, startedAt: options.now(),
            actor: DeploymentIdentity.actor(environment: options.environment, gitEmail: git.userEmail),
            gitCommit: git.commit, gitBranch: git.branch, gitDirty: git.dirty, commitTime: git.commitTime,
            journalPath: "", freezeOverrideReason: freezeReason, host: DeploymentIdentity.host, pid: getpid())
        deployment.journalPath = JournalWriter.relativePath(runbook: runbook, deployment: deployment, timeZone: options.timeZone)
        executor = try makeExecutor(for: deployment)
        record = deployment
        try await stored { () async throws(StoreError) in try await store.insert(deployment) }
        try await recordChanges(git: git)
        let phases = runbook.phases.count
        try await event(.started, "Started by \(deployment.actor) on \(deployment.host): \(phases) phase\(phases == 1 ? "" : "s") to \(runbook.environment)")
        if let freezeReason {
            try await event(.freezeOverridden, "Freeze overridden: \(freezeReason)")
        }
        for note in options.notes { try await event(.note, note) }
        progress(.started(deployment, journal: journalPath(deployment)))
        await refreshJournal()
        return try await runForward(from: PlanPosition(phase: 0, section: .steps, index: 0))
    }

    /// The commits this deployment ships, for lead time: those since the environment's
    /// last successful deployment.
    private func recordChanges(git: GitState) async throws(DeployError) {
        guard let commit = git.commit, let id = record?.id else { return }
        let query = DeploymentQuery(environment: runbook.environment, status: .succeeded, limit: 1)
        let previous = try await stored { () async throws(StoreError) in try await store.deployments(query) }.first
        let commits = await GitState.commits(since: previous?.gitCommit, upTo: commit, in: runbook.directory)
        let changes = commits.map { ChangeRecord(deploymentID: id, sha: $0.sha, committedAt: $0.time) }
        guard !changes.isEmpty else { return }
        try await stored { () async throws(StoreError) in try await store.recordChanges(changes) }
    }

    /// One deployment per environment at a time: another that runs, waits at a gate or
    /// was interrupted must be finished first.
    private func refuseWhileAnotherIsActive() async throws(DeployError) {
        for status in [DeploymentStatus.running, .awaitingApproval] {
            let query = DeploymentQuery(environment: runbook.environment, status: status, limit: 5)
            let active = try await stored { () async throws(StoreError) in try await store.deployments(query) }
            guard let other = active.first else { continue }
            let started = DeployText.time(other.startedAt, in: options.timeZone)
            let what = "deployment \(other.id) of \(other.runbook) to \(other.environment) (started \(started) by \(other.actor))"
            if other.status == .awaitingApproval {
                throw DeployError(.usage, """
                    \(what) is waiting for approval.
                    Approve it: greenlight deploy --resume \(other.id) --approve
                    Roll it back: greenlight deploy --resume \(other.id) --rollback
                    Or give it up: greenlight deploy --abandon \(other.id)
                    """)
            }
            if DeploymentIdentity.processAlive(host: other.host, pid: other.pid) == true {
                throw DeployError(.usage, "\(what) is still running (process \(other.pid)); wait for it to end")
            }
            throw DeployError(.usage, """
                \(what) stopped without finishing (its process \(other.pid) on \(other.host) is gone).
                Resume it: greenlight deploy --resume \(other.id)
                Or give it up: greenlight deploy --abandon \(other.id)
                """)
        }
    }

    // MARK: Going forward

    /// Runs from `start` to the end of the runbook, a gate that waits, or a failure.
    func runForward(from start: PlanPosition) async throws(DeployError) -> DeploymentRecord {
        var position = start
        while position.phase < runbook.phases.count {
            let index = position.phase
            let phase = runbook.phases[index]
            if position.section == .steps, position.index == 0 {
                try await beginPhase(index)
            }
            for section in [StepSection.steps, .exitCriteria] {
                if section == .steps, position.section == .exitCriteria { continue }
                let list = section == .steps ? phase.steps : phase.exitCriteria
                var stepIndex = section == position.section ? position.index : 0
                while stepIndex < list.count {
                    let step = try await runStep(list[stepIndex], phase: index, section: section, index: stepIndex)
                    if step.outcome == .failed {
                        let what = section == .exitCriteria ? "exit criterion" : "step"
                        let reason = "\(what) '\(step.title)' of Phase \(index + 1) - \(phase.name) failed: \(step.message ?? "failed")"
                        return try await rollBack(from: index, stoppedBy: step, reason: reason, done: [])
                    }
                    stepIndex += 1
                }
            }
            try await event(.phaseCompleted, "Phase \(index + 1) - \(phase.name) completed")
            if let gate = phase.gate, index + 1 < runbook.phases.count {
                guard try await passGate(gate, after: index, alreadyApproved: false) else { return try current() }
            }
            position = PlanPosition(phase: index + 1, section: .steps, index: 0)
        }
        return try await finish(.succeeded, summary: nil)
    }

    private func beginPhase(_ index: Int) async throws(DeployError) {
        let phase = runbook.phases[index]
        try await updateRecord { deployment in
            deployment.phaseIndex = index
            if phase.changesProduction { deployment.productionChanged = true }
        }
        progress(.phaseStarted(index: index, count: runbook.phases.count, name: phase.name))
        let marker = phase.changesProduction ? " (changes production)" : ""
        try await event(.phaseStarted, "Phase \(index + 1) - \(phase.name) started\(marker)")
    }

    /// Asks to go on to the phase after `index`. False when the deployment now waits
    /// (no one could answer) or the answer was no.
    func passGate(_ gate: RunbookGate, after index: Int, alreadyApproved: Bool) async throws(DeployError) -> Bool {
        let next = runbook.phases[index + 1]
        let question = gate.message ?? "Proceed to Phase \(index + 2) - \(next.name)?"
        let approvedBy: String?
        if alreadyApproved {
            approvedBy = "--approve"
        } else if options.approveAll {
            approvedBy = "--yes"
        } else {
            let context = try await gateContext(after: index)
            switch await interaction.confirm(question, context: context) {
            case .some(true): approvedBy = "at the terminal"
            case .some(false):
                try await wait(at: index + 1, kind: .gateDeclined, "Declined at the terminal: \(question)")
                return false
            case .none:
                try await wait(at: index + 1, kind: .gateWaiting, "Waiting for approval: \(question)")
                return false
            }
        }
        let startedBy = try current().actor
        let actor = resumedBy ?? startedBy
        try await event(.gateApproved, "Approved by \(actor) (\(approvedBy ?? "")): \(question)")
        try await updateRecord { $0.status = .running }
        return true
    }

    /// What the gate question shows: the phase that ran and the one that comes next.
    private func gateContext(after index: Int) async throws(DeployError) -> [String] {
        let deployment = try current()
        let steps = try await stored { () async throws(StoreError) in try await store.steps(deploymentID: deployment.id) }
        var lines = ["Phase \(index + 1) - \(runbook.phases[index].name) passed:"]
        for step in steps where step.phaseIndex == index && step.section != .rollback {
            lines.append("  \(step.outcome == .passed ? "✓" : "·") \(step.title)\(step.message.map { " — \($0)" } ?? "")")
        }
        let next = runbook.phases[index + 1]
        lines.append("Next: Phase \(index + 2) - \(next.name)\(next.changesProduction ? " (changes production)" : "")")
        for step in next.steps { lines.append("  · \(step.title)") }
        return lines
    }

    private func wait(at phase: Int, kind: DeploymentEvent.Kind, _ message: String) async throws(DeployError) {
        try await updateRecord { deployment in
            deployment.status = .awaitingApproval
            deployment.phaseIndex = phase
        }
        try await event(kind, message)
        let id = try current().id
        progress(.info("""
            Deployment \(id) waits for approval before Phase \(phase + 1) - \(runbook.phases[phase].name).
            Continue: greenlight deploy --resume \(id) --approve
            Roll back: greenlight deploy --resume \(id) --rollback
            """))
    }

    // MARK: Rolling back

    /// Runs the rollback steps of phase `from` and every earlier phase, newest first,
    /// skipping those in `done`; stops at the first rollback step that fails.
    func rollBack(from phase: Int, stoppedBy step: StepRecord?, reason: String, done: Set<[Int]>,
                  starting: Bool = true) async throws(DeployError) -> DeploymentRecord {
        let sequence = (0...phase).reversed().flatMap { index in
            runbook.phases[index].rollback.enumerated().map { (phase: index, index: $0.offset, step: $0.element) }
        }
        if starting {
            let production = try current().productionChanged
            let caught = step.map { ["check", "verify"].contains($0.kind) } == true && !production && runbook.hasProductionPhase
            try await updateRecord { deployment in
                deployment.phaseIndex = phase
                deployment.failureSummary = reason
                deployment.stoppedBy = step?.kind
                deployment.caughtBeforeProduction = caught
            }
            progress(.warning(reason))
            let phases = Set(sequence.map(\.phase)).sorted(by: >).map { "Phase \($0 + 1)" }
            let plan = phases.isEmpty ? "no phase that ran declares rollback steps" : "rolling back \(phases.joined(separator: ", "))"
            try await event(.rollbackStarted, "\(reason); \(plan)")
        }
        guard !sequence.isEmpty else {
            try await event(.rollbackFinished, "Nothing to roll back: no rollback steps are declared for the phases that ran")
            return try await finish(.failed, summary: reason + "; nothing was rolled back (no rollback steps declared)")
        }
        for (offset, item) in sequence.enumerated() where !done.contains([item.phase, item.index]) {
            let result = try await runStep(item.step, phase: item.phase, section: .rollback, index: item.index)
            guard result.outcome == .failed else { continue }
            let remaining = sequence[(offset + 1)...].map { "Phase \($0.phase + 1): \($0.step.title)" }
            let left = remaining.isEmpty ? "" : "; not run: " + remaining.joined(separator: "; ")
            let message = "ROLLBACK FAILED at '\(result.title)' (Phase \(item.phase + 1)): \(result.message ?? "failed") — manual action needed\(left)"
            progress(.warning(message))
            try await event(.rollbackFinished, message)
            return try await finish(.failed, summary: "\(reason); \(message)")
        }
        try await event(.rollbackFinished, "Rolled back: \(sequence.count) rollback step\(sequence.count == 1 ? "" : "s") passed")
        return try await finish(.rolledBack, summary: reason)
    }

    // MARK: Steps, events, the record

    /// Records the step's start, runs it, records its end.
    func runStep(_ step: RunbookStep, phase: Int, section: StepSection, index: Int) async throws(DeployError) -> StepRecord {
        let deployment = try current()
        var stepRecord = StepRecord(deploymentID: deployment.id, phaseIndex: phase, phaseName: runbook.phases[phase].name,
                                    section: section, stepIndex: index, kind: step.action.kind, title: step.title,
                                    startedAt: options.now())
        let draft = stepRecord
        stepRecord = try await stored { () async throws(StoreError) in try await store.startStep(draft) }
        // The journal is rewritten when the step ends, not now: a step without an end
        // in the journal means the process died while it ran.
        progress(.stepStarted(stepRecord))
        guard let executor else { throw DeployError(.usage, "internal: no step executor") }
        let execution = await executor.with(phase: runbook.phases[phase].name).execute(step)
        stepRecord.finishedAt = options.now()
        stepRecord.outcome = execution.passed ? .passed : .failed
        stepRecord.exitCode = execution.exitCode
        stepRecord.outputTail = execution.outputTail
        stepRecord.message = execution.message
        let finished = stepRecord
        try await stored { () async throws(StoreError) in try await store.finishStep(finished) }
        progress(.stepFinished(stepRecord))
        await refreshJournal()
        return stepRecord
    }

    func event(_ kind: DeploymentEvent.Kind, _ message: String) async throws(DeployError) {
        let event = DeploymentEvent(deploymentID: try current().id, at: options.now(), kind: kind, message: message)
        try await stored { () async throws(StoreError) in try await store.append(event) }
        await refreshJournal()
    }

    func updateRecord(_ change: (inout DeploymentRecord) -> Void) async throws(DeployError) {
        var deployment = try current()
        change(&deployment)
        record = deployment
        let snapshot = deployment
        try await stored { () async throws(StoreError) in try await store.update(snapshot) }
    }

    func finish(_ status: DeploymentStatus, summary: String?) async throws(DeployError) -> DeploymentRecord {
        let end = options.now()
        try await updateRecord { deployment in
            deployment.status = status
            deployment.finishedAt = end
            if let summary { deployment.failureSummary = summary }
        }
        let deployment = try current()
        let duration = DeployText.duration(end.timeIntervalSince(deployment.startedAt))
        try await event(.finished, "Finished: \(DeployText.status(status)) after \(duration)")
        progress(.finished(deployment, journal: journalPath(deployment)))
        return deployment
    }

    func current() throws(DeployError) -> DeploymentRecord {
        guard let record else { throw DeployError(.usage, "internal: no deployment in progress") }
        return record
    }

    /// Runs a store call; a failure stops the deployment where it is, since what
    /// follows could not be recorded.
    func stored<T>(_ body: () async throws(StoreError) -> T) async throws(DeployError) -> T {
        do {
            return try await body()
        } catch {
            let at = record.map { " (deployment \($0.id))" } ?? ""
            throw DeployError(.store, "history store failed\(at): \(error.description); stopped here so nothing goes unrecorded")
        }
    }

    func journalPath(_ deployment: DeploymentRecord) -> String {
        deployment.journalPath.hasPrefix("/") ? deployment.journalPath
            : (runbook.directory as NSString).appendingPathComponent(deployment.journalPath)
    }

    /// Rewrites the journal from the history. A journal that cannot be written is
    /// reported once; the history stays the record.
    func refreshJournal() async {
        guard let deployment = record else { return }
        do {
            let steps = try await store.steps(deploymentID: deployment.id)
            let events = try await store.events(deploymentID: deployment.id)
            let text = JournalRenderer.render(runbook: runbook, deployment: deployment, steps: steps, events: events,
                                              timeZone: options.timeZone)
            try JournalWriter.write(text, to: journalPath(deployment))
        } catch {
            if !journalFailed {
                journalFailed = true
                progress(.warning("cannot write the journal: \(error); the history still records every step"))
            }
        }
    }
}
