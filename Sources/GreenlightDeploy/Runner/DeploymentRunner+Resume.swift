import Foundation
import GreenlightCore

extension DeploymentRunner {
    /// Goes on with a deployment that waits at a gate or whose process died: from the
    /// gate, from the step that was running (asking whether to run it again), or with
    /// the rollback it was doing. `--rollback` rolls back instead of going on.
    public func resume(_ existing: DeploymentRecord) async throws(DeployError) -> DeploymentRecord {
        guard !existing.status.isFinished else {
            throw DeployError(.usage, "deployment \(existing.id) already ended: \(DeployText.status(existing.status)); start a new one")
        }
        try await confirmProcessGone(existing)
        guard existing.runbookDigest == runbookDigest || options.allowChangedRunbook else {
            throw DeployError(.usage, """
                \(runbook.path) changed since deployment \(existing.id) started: phases and steps may no longer \
                line up with what was recorded. Restore the file, or pass --allow-changed-runbook if the change \
                keeps the phases and steps in place.
                """)
        }
        var deployment = existing
        deployment.host = DeploymentIdentity.host
        deployment.pid = getpid()
        executor = try makeExecutor(for: deployment)
        record = deployment
        try await updateRecord { _ in }
        let steps = try await stored { () async throws(StoreError) in try await store.steps(deploymentID: deployment.id) }
        let events = try await stored { () async throws(StoreError) in try await store.events(deploymentID: deployment.id) }
        let actor = DeploymentIdentity.actor(environment: options.environment, gitEmail: await GitState.read(in: runbook.directory).userEmail)
        resumedBy = actor
        try await event(.resumed, "Resumed by \(actor) on \(deployment.host) (was \(DeployText.status(existing.status)))")
        for note in options.notes { try await event(.note, note) }
        let rollbackStarted = events.contains { $0.kind == .rollbackStarted }

        if options.rollBack, !rollbackStarted {
            let last = existing.status == .awaitingApproval ? existing.phaseIndex - 1 : existing.phaseIndex
            progress(.resumed(deployment, from: "rolling back by request"))
            let reason = "rolled back on request by \(actor)"
            guard last >= 0 else { return try await finish(.rolledBack, summary: reason) }
            return try await rollBack(from: last, stoppedBy: nil, reason: reason, done: [])
        }
        if existing.status == .awaitingApproval {
            let phase = existing.phaseIndex
            guard phase > 0, phase < runbook.phases.count, let gate = runbook.phases[phase - 1].gate else {
                throw DeployError(.usage, "deployment \(existing.id) waits at a gate the runbook no longer has")
            }
            progress(.resumed(deployment, from: "the gate before Phase \(phase + 1) - \(runbook.phases[phase].name)"))
            let approved = options.approveGate
            guard try await passGate(gate, after: phase - 1, alreadyApproved: approved) else { return try current() }
            return try await runForward(from: PlanPosition(phase: phase, section: .steps, index: 0))
        }

        switch ResumePoint.locate(deployment: existing, steps: steps, rollbackStarted: rollbackStarted) {
        case .rollback(let from, var done, let interrupted):
            if let interrupted, try await !settleInterrupted(interrupted) {
                done.insert([interrupted.phaseIndex, interrupted.stepIndex])
            }
            progress(.resumed(deployment, from: "the rollback of Phase \(from + 1) and earlier"))
            let reason = existing.failureSummary ?? "rollback resumed"
            if !rollbackStarted {
                let failed = steps.last { $0.outcome == .failed }
                return try await rollBack(from: from, stoppedBy: failed, reason: reason, done: done)
            }
            return try await rollBack(from: from, stoppedBy: nil, reason: reason, done: done, starting: false)
        case .forward(var position, let interrupted):
            if let interrupted, try await !settleInterrupted(interrupted) {
                position.index += 1
            }
            let phase = min(position.phase, runbook.phases.count - 1)
            progress(.resumed(deployment, from: "Phase \(phase + 1) - \(runbook.phases[phase].name)"))
            return try await runForward(from: position)
        }
    }

    /// Marks the step that was running when the process died as interrupted and asks
    /// whether to run it again. True: run it again.
    private func settleInterrupted(_ step: StepRecord) async throws(DeployError) -> Bool {
        var marked = step
        if marked.outcome != .interrupted {
            marked.outcome = .interrupted
            marked.finishedAt = options.now()
            marked.message = "the deployment process stopped while this step ran"
            let snapshot = marked
            try await stored { () async throws(StoreError) in try await store.finishStep(snapshot) }
        }
        let question = "Step '\(step.title)' (Phase \(step.phaseIndex + 1) - \(step.phaseName)) was running when the deployment stopped. Run it again?"
        let rerun: Bool
        if let choice = options.rerunInterrupted {
            rerun = choice
        } else if options.approveAll {
            rerun = true
        } else if let answer = await interaction.confirm(question, context: [
            "It started \(DeployText.time(step.startedAt, in: options.timeZone)) and did not report an end.",
            "Its command may still be running: stopping Greenlight does not stop what a step started.",
            "Answer no if it completed (check the system), yes to run it again.",
        ]) {
            rerun = answer
        } else {
            throw DeployError(.usage, """
                step '\(step.title)' was running when deployment \(step.deploymentID) stopped; \
                say whether to run it again: --rerun or --skip-interrupted
                """)
        }
        try await event(.interrupted, "Step '\(step.title)' was interrupted; \(rerun ? "running it again" : "not running it again (marked done by \(DeploymentIdentity.actor(environment: options.environment, gitEmail: nil)))")")
        return rerun
    }

    /// A deployment whose process still runs must not be resumed from elsewhere, nor one
    /// whose killed process left a step's command running (it would run twice at once).
    private func confirmProcessGone(_ existing: DeploymentRecord) async throws(DeployError) {
        guard existing.status == .running else { return }
        switch DeploymentIdentity.processAlive(host: existing.host, pid: existing.pid) {
        case .some(true):
            throw DeployError(.usage, "deployment \(existing.id) is still running (process \(existing.pid)); wait for it, or stop that process first")
        case .some(false):
            let leftovers = LeftoverProcesses.find(deploymentID: existing.id)
            guard leftovers.isEmpty else {
                let list = leftovers.prefix(5).map { "  \($0.pid): \($0.command)" }.joined(separator: "\n")
                throw DeployError(.usage, """
                    the process of deployment \(existing.id) is gone, but what its step started still runs:
                    \(list)
                    Wait for it to end, or stop it (\(LeftoverProcesses.stopCommand(leftovers))), then resume.
                    """)
            }
            return
        case .none:
            if options.approveAll { return }
            let question = "Deployment \(existing.id) was started on \(existing.host), so whether its process (\(existing.pid)) still runs cannot be checked from here. Resume it anyway?"
            guard await interaction.confirm(question, context: []) == true else {
                throw DeployError(.usage, "deployment \(existing.id) runs on \(existing.host); resume it there, or pass --yes once sure its process is gone")
            }
        }
    }

    /// Gives up a deployment that will not be finished: it is kept in the history as
    /// abandoned and left out of the metrics.
    public func abandon(_ existing: DeploymentRecord, reason: String?) async throws(DeployError) -> DeploymentRecord {
        guard !existing.status.isFinished else {
            throw DeployError(.usage, "deployment \(existing.id) already ended: \(DeployText.status(existing.status))")
        }
        try await confirmProcessGone(existing)
        record = existing
        let actor = DeploymentIdentity.actor(environment: options.environment, gitEmail: nil)
        try await event(.abandoned, "Abandoned by \(actor)\(reason.map { ": \($0)" } ?? "")")
        return try await finish(.abandoned, summary: reason.map { "abandoned: \($0)" } ?? "abandoned")
    }
}
