import Foundation

/// Records to statement values and rows back to records, for both backends. Value
/// order follows the column lists in `StoreSchema`.
enum RecordCoding {
    static func values(_ d: DeploymentRecord) -> [StoreValue] {
        [
            .text(d.id), .text(d.runbook), .text(d.runbookPath), .text(d.runbookDigest), .text(d.environment),
            .text(d.status.rawValue), .date(d.startedAt), .date(d.finishedAt), .text(d.actor), .text(d.gitCommit),
            .text(d.gitBranch), .boolean(d.gitDirty), .date(d.commitTime), .text(d.journalPath),
            .text(d.freezeOverrideReason), .integer(Int64(d.phaseIndex)), .text(d.failureSummary), .text(d.stoppedBy),
            .boolean(d.productionChanged), .boolean(d.caughtBeforeProduction), .text(d.host), .integer(Int64(d.pid)),
        ]
    }

    static func deployment(_ row: some StoreRow) throws(StoreRowError) -> DeploymentRecord {
        let id = try row.requiredText("id")
        do throws(StoreRowError) {
            guard let status = try row.raw(DeploymentStatus.self, "status") else {
                throw StoreRowError(description: "status is empty")
            }
            return DeploymentRecord(
                id: id, runbook: try row.requiredText("runbook"), runbookPath: try row.requiredText("runbook_path"),
                runbookDigest: try row.requiredText("runbook_digest"), environment: try row.requiredText("environment"),
                status: status, startedAt: try row.requiredDate("started_at"), finishedAt: try row.date("finished_at"),
                actor: try row.requiredText("actor"), gitCommit: try row.text("git_commit"),
                gitBranch: try row.text("git_branch"), gitDirty: try row.requiredBoolean("git_dirty"),
                commitTime: try row.date("commit_time"), journalPath: try row.requiredText("journal_path"),
                freezeOverrideReason: try row.text("freeze_override_reason"), phaseIndex: try row.int("phase_index"),
                failureSummary: try row.text("failure_summary"), stoppedBy: try row.text("stopped_by"),
                productionChanged: try row.requiredBoolean("production_changed"),
                caughtBeforeProduction: try row.requiredBoolean("caught_before_production"),
                host: try row.requiredText("host"), pid: try row.requiredInt32("pid"))
        } catch {
            throw StoreRowError(description: "deployment \(id): \(error.description)")
        }
    }

    /// In `stepColumns` order (without the id).
    static func values(_ s: StepRecord) -> [StoreValue] {
        [
            .text(s.deploymentID), .integer(Int64(s.phaseIndex)), .text(s.phaseName), .text(s.section.rawValue),
            .integer(Int64(s.stepIndex)), .text(s.kind), .text(s.title), .date(s.startedAt), .date(s.finishedAt),
            .text(s.outcome?.rawValue), .integer(s.exitCode.map(Int64.init)), .text(s.outputTail), .text(s.message),
        ]
    }

    static func step(_ row: some StoreRow) throws(StoreRowError) -> StepRecord {
        let id = try row.requiredInteger("id")
        do throws(StoreRowError) {
            guard let section = try row.raw(StepSection.self, "section") else {
                throw StoreRowError(description: "section is empty")
            }
            return StepRecord(
                id: id, deploymentID: try row.requiredText("deployment_id"), phaseIndex: try row.int("phase_index"),
                phaseName: try row.requiredText("phase_name"), section: section, stepIndex: try row.int("step_index"),
                kind: try row.requiredText("kind"), title: try row.requiredText("title"),
                startedAt: try row.requiredDate("started_at"), finishedAt: try row.date("finished_at"),
                outcome: try row.raw(StepOutcome.self, "outcome"), exitCode: try row.int32("exit_code"),
                outputTail: try row.requiredText("output_tail"), message: try row.text("message"))
        } catch {
            throw StoreRowError(description: "step \(id): \(error.description)")
        }
    }

    /// In `eventColumns` order (without the id).
    static func values(_ e: DeploymentEvent) -> [StoreValue] {
        [.text(e.deploymentID), .date(e.at), .text(e.kind.rawValue), .text(e.message)]
    }

    static func event(_ row: some StoreRow) throws(StoreRowError) -> DeploymentEvent {
        let id = try row.requiredInteger("id")
        do throws(StoreRowError) {
            guard let kind = try row.raw(DeploymentEvent.Kind.self, "kind") else {
                throw StoreRowError(description: "kind is empty")
            }
            return DeploymentEvent(id: id, deploymentID: try row.requiredText("deployment_id"),
                                   at: try row.requiredDate("at"), kind: kind, message: try row.requiredText("message"))
        } catch {
            throw StoreRowError(description: "event \(id): \(error.description)")
        }
    }

    static func change(_ row: some StoreRow) throws(StoreRowError) -> ChangeRecord {
        ChangeRecord(deploymentID: try row.requiredText("deployment_id"), sha: try row.requiredText("sha"),
                     committedAt: try row.requiredDate("committed_at"))
    }

    /// One record per (deployment, commit), the last given winning, in their first order.
    static func unique(_ changes: [ChangeRecord]) -> [ChangeRecord] {
        var position: [String: Int] = [:]
        var result: [ChangeRecord] = []
        for change in changes {
            let key = change.deploymentID + "\u{0}" + change.sha
            if let index = position[key] {
                result[index] = change
            } else {
                position[key] = result.count
                result.append(change)
            }
        }
        return result
    }
}
