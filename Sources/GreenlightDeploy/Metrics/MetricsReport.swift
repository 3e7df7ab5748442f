import Foundation

/// The figures `greenlight metrics` reports for one window (and, when the window names
/// no environment, for each environment). Built by `DeploymentMetrics.compute`.
///
/// Counted deployments are those started in the window with status succeeded, failed
/// or rolled-back. Running, awaiting-approval and abandoned deployments are counted
/// apart (`inProgress`, `abandoned`) and enter no rate.
public struct MetricsReport: Sendable, Hashable {
    public var window: MetricsWindow
    /// Where measuring starts: `window.since`, or the start of the environment's first
    /// recorded deployment when that is later (a history younger than the window is
    /// not diluted by days before it existed).
    public var measuredSince: Date
    /// Counted deployments: succeeded + failed + rolledBack.
    public var deployments: Int
    public var succeeded: Int
    public var failed: Int
    public var rolledBack: Int
    /// Running or awaiting approval (including interrupted ones).
    public var inProgress: Int
    public var abandoned: Int
    /// Nearest-rank median and 90th percentile (see `Percentiles.nearestRank`) of the
    /// wall-clock time, in seconds, of counted deployments that have a `finishedAt`.
    public var medianDuration: TimeInterval?
    public var p90Duration: TimeInterval?
    public var deploymentFrequency: DeploymentFrequency
    public var leadTimeForChanges: LeadTimeForChanges
    public var timeToRestore: TimeToRestore
    /// Failed or rolled-back counted deployments stopped by a `check`/`verify` step
    /// before any production-changing phase started.
    public var caughtBeforeProduction: Int
    /// The environments, by name, each with its own report; empty when the window
    /// names an environment.
    public var environments: [MetricsReport]

    public init(window: MetricsWindow, measuredSince: Date, deployments: Int, succeeded: Int, failed: Int,
                rolledBack: Int, inProgress: Int, abandoned: Int, medianDuration: TimeInterval?,
                p90Duration: TimeInterval?, deploymentFrequency: DeploymentFrequency,
                leadTimeForChanges: LeadTimeForChanges, timeToRestore: TimeToRestore,
                caughtBeforeProduction: Int, environments: [MetricsReport] = []) {
        self.window = window
        self.measuredSince = measuredSince
        self.deployments = deployments
        self.succeeded = succeeded
        self.failed = failed
        self.rolledBack = rolledBack
        self.inProgress = inProgress
        self.abandoned = abandoned
        self.medianDuration = medianDuration
        self.p90Duration = p90Duration
        self.deploymentFrequency = deploymentFrequency
        self.leadTimeForChanges = leadTimeForChanges
        self.timeToRestore = timeToRestore
        self.caughtBeforeProduction = caughtBeforeProduction
        self.environments = environments
    }

    /// succeeded / deployments; nil when no deployment is counted.
    public var successRate: Double? { deployments > 0 ? Double(succeeded) / Double(deployments) : nil }

    /// (failed + rolledBack) / deployments; nil when no deployment is counted.
    public var changeFailureRate: Double? { deployments > 0 ? Double(failures) / Double(deployments) : nil }

    /// Rolled-back deployments (the same as `rolledBack`).
    public var rollbacks: Int { rolledBack }

    /// failed + rolledBack.
    public var failures: Int { failed + rolledBack }

    /// caughtBeforeProduction / failures; nil when nothing failed.
    public var caughtBeforeProductionShare: Double? {
        failures > 0 ? Double(caughtBeforeProduction) / Double(failures) : nil
    }

    /// Four Keys' change failure rate bucket; nil when no deployment is counted.
    public var changeFailureBucket: ChangeFailureBucket? { changeFailureRate.map(ChangeFailureBucket.init(rate:)) }

    /// The measured length in days: from `measuredSince` to `window.until`, at least 1.
    public var measuredDays: Double { max(1, window.until.timeIntervalSince(measuredSince) / 86_400) }
}

/// The DORA performance bands.
public enum DORABand: String, Sendable, Hashable, CaseIterable {
    case elite
    case high
    case medium
    case low
}

/// Four Keys' change failure rate buckets: at most 15 %, at most 45 %, more.
public enum ChangeFailureBucket: String, Sendable, Hashable, CaseIterable {
    case upTo15 = "0-15%"
    case upTo45 = "16-45%"
    /// Four Keys labels it "46-60%" but puts every rate above 45 % in it.
    case over45 = "over 45%"

    /// Four Keys' rule: rate ≤ 0.15, else rate < 0.46, else the last bucket.
    public init(rate: Double) {
        self = rate <= 0.15 ? .upTo15 : rate < 0.46 ? .upTo45 : .over45
    }
}

/// Four Keys' buckets for lead time and time to restore, on the median.
public enum TimeBucket: String, Sendable, Hashable, CaseIterable {
    case oneDay = "one day"
    case oneWeek = "one week"
    case oneMonth = "one month"
    case sixMonths = "six months"
    case oneYear = "one year"

    /// Under 24 h, under 168 h, under 730 h, under 4 380 h (6 × 730), else a year.
    public init(seconds: TimeInterval) {
        let hours = seconds / 3600
        self = hours < 24 ? .oneDay : hours < 168 ? .oneWeek : hours < 730 ? .oneMonth : hours < 4380 ? .sixMonths : .oneYear
    }

    /// How the text report says it.
    public var phrase: String {
        switch self {
        case .oneDay: "under a day"
        case .oneWeek: "under a week"
        case .oneMonth: "under a month"
        case .sixMonths: "under six months"
        case .oneYear: "six months or more"
        }
    }

    /// The band the Four Keys dashboard colours a lead time bucket with.
    public var leadTimeBand: DORABand {
        switch self {
        case .oneDay: .elite
        case .oneWeek: .high
        case .oneMonth: .medium
        case .sixMonths, .oneYear: .low
        }
    }
}
