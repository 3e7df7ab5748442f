import Foundation

/// Deployment frequency: successful counted deployments per day and per week over the
/// measured length (`MetricsReport.measuredDays`), and Four Keys' bucket.
public struct DeploymentFrequency: Sendable, Hashable {
    /// Successful counted deployments.
    public var successful: Int
    public var perDay: Double
    /// perDay × 7.
    public var perWeek: Double
    /// nil when nothing was measured: no deployment recorded for the environment, or
    /// none before the window's end.
    public var bucket: FrequencyBucket?

    public init(successful: Int, perDay: Double, bucket: FrequencyBucket?) {
        self.successful = successful
        self.perDay = perDay
        self.perWeek = perDay * 7
        self.bucket = bucket
    }

    /// The DORA band the Four Keys dashboard gives the bucket.
    public var band: DORABand? { bucket?.band }
}

/// Four Keys' deployment frequency buckets. Over the UTC calendar days of the measured
/// period, grouped into weeks that start on Sunday (partial weeks at either end
/// included) and the weeks into the calendar month their Sunday falls in:
/// - daily: the median, over weeks, of the number of days with a successful deployment is ≥ 3;
/// - weekly: else, the median over weeks of "the week had a successful deployment" (1 or 0) is ≥ 1,
///   so more than half of the weeks had one;
/// - monthly: else, the median over weeks of the number of weeks with a successful deployment
///   in the week's month is ≥ 1;
/// - yearly: otherwise.
/// Medians are `Percentiles.continuousMedian` (SQL `PERCENTILE_CONT(x, 0.5)`), as in Four Keys.
public enum FrequencyBucket: String, Sendable, Hashable, CaseIterable {
    case daily
    case weekly
    case monthly
    case yearly

    /// The band the Four Keys dashboard colours the bucket with: daily is "Elite
    /// Performance", then high, medium, low.
    public var band: DORABand {
        switch self {
        case .daily: .elite
        case .weekly: .high
        case .monthly: .medium
        case .yearly: .low
        }
    }

    /// How the text report says it.
    public var phrase: String {
        switch self {
        case .daily: "deploys on 3 or more days of most weeks"
        case .weekly: "deploys in most weeks"
        case .monthly: "deploys in most months"
        case .yearly: "deploys in fewer than half of the months"
        }
    }
}

/// Lead time for changes: for each change (commit) shipped by a successful counted
/// deployment, that deployment's `finishedAt` − the commit's `committedAt`. A commit
/// counts once per environment, at the first successful deployment that shipped it;
/// changes committed after the deployment finished (clock skew) are left out.
public struct LeadTimeForChanges: Sendable, Hashable {
    public var changes: Int
    /// Nearest-rank median and 90th percentile, in seconds; nil when no change counts.
    public var median: TimeInterval?
    public var p90: TimeInterval?

    public init(changes: Int, median: TimeInterval?, p90: TimeInterval?) {
        self.changes = changes
        self.median = median
        self.p90 = p90
    }

    /// Four Keys' bucket of the median.
    public var bucket: TimeBucket? { median.map(TimeBucket.init(seconds:)) }
    /// The band the Four Keys dashboard gives the bucket.
    public var band: DORABand? { bucket?.leadTimeBand }
}

/// Time to restore: for each failed or rolled-back counted deployment, from its end
/// (`finishedAt`, else `startedAt`) to the `finishedAt` of the next successful
/// deployment of the same environment that finished by the window's `until`.
public struct TimeToRestore: Sendable, Hashable {
    /// Failures followed by a successful deployment.
    public var restored: Int
    /// Failures with no successful deployment after them yet.
    public var stillFailing: Int
    /// Nearest-rank median and 90th percentile of the restored ones, in seconds.
    public var median: TimeInterval?
    public var p90: TimeInterval?

    public init(restored: Int, stillFailing: Int, median: TimeInterval?, p90: TimeInterval?) {
        self.restored = restored
        self.stillFailing = stillFailing
        self.median = median
        self.p90 = p90
    }

    /// Four Keys' bucket of the median.
    public var bucket: TimeBucket? { median.map(TimeBucket.init(seconds:)) }
}
