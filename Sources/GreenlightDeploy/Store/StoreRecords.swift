import Foundation

/// What both backends do the same way to records on their way in and out.
enum StoreRecords {
    /// The step as stored: with its new id and its dates to the millisecond, so it equals
    /// what `steps(deploymentID:)` returns.
    static func stored(_ step: StepRecord, id: Int64) -> StepRecord {
        var stored = step
        stored.id = id
        stored.startedAt = StoreDate.rounded(step.startedAt)
        stored.finishedAt = step.finishedAt.map(StoreDate.rounded)
        return stored
    }

    static func stepWithoutID(_ step: StepRecord) -> StoreRefusal {
        StoreRefusal(description: "step \"\(step.title)\" has no id: finish the step that startStep returned")
    }

    /// Changes in a stable order: by commit time, then deployment and commit.
    static func sortedChanges(_ changes: [ChangeRecord]) -> [ChangeRecord] {
        changes.sorted {
            ($0.committedAt, $0.deploymentID, $0.sha) < ($1.committedAt, $1.deploymentID, $1.sha)
        }
    }
}
