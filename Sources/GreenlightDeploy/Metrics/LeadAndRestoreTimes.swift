import Foundation

/// Lead time for changes (see `LeadTimeForChanges`).
enum LeadTimes {
    /// `history`: every deployment of the window's environment(s); `counted`: the
    /// successful ones started in the window.
    static func compute(history: [DeploymentRecord], counted: [DeploymentRecord],
                        changes: [ChangeRecord]) -> LeadTimeForChanges {
        var shipped: [String: DeploymentRecord] = [:]
        for deployment in history where deployment.status == .succeeded && deployment.finishedAt != nil {
            shipped[deployment.id] = deployment
        }
        // The first successful deployment of each commit, per environment.
        struct Key: Hashable { var environment: String; var sha: String }
        var first: [Key: (deployment: DeploymentRecord, finishedAt: Date, committedAt: Date)] = [:]
        for change in changes {
            guard let deployment = shipped[change.deploymentID], let finishedAt = deployment.finishedAt else { continue }
            let key = Key(environment: deployment.environment, sha: change.sha)
            if let known = first[key], (known.finishedAt, known.deployment.id) <= (finishedAt, deployment.id) { continue }
            first[key] = (deployment, finishedAt, change.committedAt)
        }
        let countedIDs = Set(counted.map(\.id))
        let leadTimes = first.values
            .filter { countedIDs.contains($0.deployment.id) }
            .map { $0.finishedAt.timeIntervalSince($0.committedAt) }
            .filter { $0 >= 0 }
        return LeadTimeForChanges(changes: leadTimes.count, median: Percentiles.nearestRank(50, of: leadTimes),
                                  p90: Percentiles.nearestRank(90, of: leadTimes))
    }
}

/// Time to restore (see `TimeToRestore`).
enum RestoreTimes {
    static func compute(failures: [DeploymentRecord], history: [DeploymentRecord], until: Date) -> TimeToRestore {
        var successes: [String: [Date]] = [:]
        for deployment in history where deployment.status == .succeeded {
            if let finishedAt = deployment.finishedAt, finishedAt <= until {
                successes[deployment.environment, default: []].append(finishedAt)
            }
        }
        for key in successes.keys { successes[key]?.sort() }

        var restoreTimes: [TimeInterval] = []
        var stillFailing = 0
        for failure in failures {
            let failedAt = failure.finishedAt ?? failure.startedAt
            let finishes = successes[failure.environment] ?? []
            let next = firstIndex(after: failedAt, in: finishes)
            if next < finishes.count {
                restoreTimes.append(finishes[next].timeIntervalSince(failedAt))
            } else {
                stillFailing += 1
            }
        }
        return TimeToRestore(restored: restoreTimes.count, stillFailing: stillFailing,
                             median: Percentiles.nearestRank(50, of: restoreTimes),
                             p90: Percentiles.nearestRank(90, of: restoreTimes))
    }

    /// The index of the first date later than `date` in ascending `dates` (binary search).
    private static func firstIndex(after date: Date, in dates: [Date]) -> Int {
        var low = 0
        var high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if dates[middle] > date { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
