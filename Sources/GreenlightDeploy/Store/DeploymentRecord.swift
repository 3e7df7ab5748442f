import Foundation

/// Where a deployment stands. `running` after the process died is shown as
/// interrupted (see `DeploymentRecord.isInterrupted`).
public enum DeploymentStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case running
    case awaitingApproval = "awaiting-approval"
    case succeeded
    case failed
    case rolledBack = "rolled-back"
    /// Given up by hand (`deploy --abandon ID`); not counted in metrics.
    case abandoned

    /// Whether the deployment has ended (it will not be resumed).
    public var isFinished: Bool {
        switch self {
        case .succeeded, .failed, .rolledBack, .abandoned: true
        case .running, .awaitingApproval: false
        }
    }
}

/// One deployment: a run of one runbook against one environment.
public struct DeploymentRecord: Sendable, Hashable, Codable {
    /// Short random id (8 lowercase hex digits), unique across a shared history.
    public var id: String
    /// The runbook's `name:`.
    public var runbook: String
    /// The runbook file as given on the command line, for `--resume`.
    public var runbookPath: String
    /// SHA-256 of the runbook file's bytes when the deployment started.
    public var runbookDigest: String
    public var environment: String
    public var status: DeploymentStatus
    public var startedAt: Date
    public var finishedAt: Date?
    /// Who ran it: `GREENLIGHT_ACTOR`, else git's user.email, else `USER`.
    public var actor: String
    public var gitCommit: String?
    public var gitBranch: String?
    public var gitDirty: Bool
    /// Commit time of `gitCommit`.
    public var commitTime: Date?
    /// The Markdown journal, relative to the runbook's directory.
    public var journalPath: String
    /// `--override-freeze --reason`: why a freeze was overridden; nil when no freeze applied.
    public var freezeOverrideReason: String?
    /// Index of the phase running, awaiting approval, or last run.
    public var phaseIndex: Int
    /// What stopped it, one line (the failed step and why).
    public var failureSummary: String?
    /// The kind (`run`, `check`, `verify`) of the step whose failure stopped it.
    public var stoppedBy: String?
    /// Whether any phase marked `changes-production` had started.
    public var productionChanged: Bool
    /// Stopped by a `check`/`verify` step before any production-changing phase started.
    public var caughtBeforeProduction: Bool
    /// The machine and process running it, to tell a live deployment from a killed one.
    public var host: String
    public var pid: Int32

    public init(id: String, runbook: String, runbookPath: String, runbookDigest: String, environment: String,
                status: DeploymentStatus = .running, startedAt: Date, finishedAt: Date? = nil, actor: String,
                gitCommit: String? = nil, gitBranch: String? = nil, gitDirty: Bool = false, commitTime: Date? = nil,
                journalPath: String, freezeOverrideReason: String? = nil, phaseIndex: Int = 0,
                failureSummary: String? = nil, stoppedBy: String? = nil, productionChanged: Bool = false,
                caughtBeforeProduction: Bool = false, host: String, pid: Int32) {
        self.id = id
        self.runbook = runbook
        self.runbookPath = runbookPath
        self.runbookDigest = runbookDigest
        self.environment = environment
        self.status = status
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.actor = actor
        self.gitCommit = gitCommit
        self.gitBranch = gitBranch
        self.gitDirty = gitDirty
        self.commitTime = commitTime
        self.journalPath = journalPath
        self.freezeOverrideReason = freezeOverrideReason
        self.phaseIndex = phaseIndex
        self.failureSummary = failureSummary
        self.stoppedBy = stoppedBy
        self.productionChanged = productionChanged
        self.caughtBeforeProduction = caughtBeforeProduction
        self.host = host
        self.pid = pid
    }

    /// Wall-clock duration, for finished deployments.
    public var duration: TimeInterval? { finishedAt.map { $0.timeIntervalSince(startedAt) } }
}

/// Which list of a phase a step belongs to.
public enum StepSection: String, Sendable, Hashable, Codable, CaseIterable {
    case steps
    case exitCriteria = "exit-criteria"
    case rollback
}

public enum StepOutcome: String, Sendable, Hashable, Codable, CaseIterable {
    case passed
    case failed
    /// Not run (e.g. an interrupted step the user chose not to re-run).
    case skipped
    /// The process died while the step ran; set when the deployment is resumed.
    case interrupted
}

/// One run of one step. A step re-run after an interruption gets a second record.
public struct StepRecord: Sendable, Hashable, Codable {
    /// Assigned by the store on insert.
    public var id: Int64?
    public var deploymentID: String
    public var phaseIndex: Int
    public var phaseName: String
    public var section: StepSection
    public var stepIndex: Int
    /// `run`, `check`, `verify`, `wait` or `note`.
    public var kind: String
    public var title: String
    public var startedAt: Date
    public var finishedAt: Date?
    /// nil while running (or when the process died while it ran).
    public var outcome: StepOutcome?
    public var exitCode: Int32?
    /// The last lines of output (at most 4 KiB).
    public var outputTail: String
    /// One line on what happened ("exit status 1", "2 probes failed: api (refused)").
    public var message: String?

    public init(id: Int64? = nil, deploymentID: String, phaseIndex: Int, phaseName: String, section: StepSection,
                stepIndex: Int, kind: String, title: String, startedAt: Date, finishedAt: Date? = nil,
                outcome: StepOutcome? = nil, exitCode: Int32? = nil, outputTail: String = "", message: String? = nil) {
        self.id = id
        self.deploymentID = deploymentID
        self.phaseIndex = phaseIndex
        self.phaseName = phaseName
        self.section = section
        self.stepIndex = stepIndex
        self.kind = kind
        self.title = title
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.outcome = outcome
        self.exitCode = exitCode
        self.outputTail = outputTail
        self.message = message
    }
}

/// Something that happened to a deployment besides a step: gates, notes, freeze
/// overrides, resumes, rollback start and end. The journal's progress log reads these
/// together with the steps.
public struct DeploymentEvent: Sendable, Hashable, Codable {
    public var id: Int64?
    public var deploymentID: String
    public var at: Date
    public var kind: Kind
    public var message: String

    public init(id: Int64? = nil, deploymentID: String, at: Date, kind: Kind, message: String) {
        self.id = id
        self.deploymentID = deploymentID
        self.at = at
        self.kind = kind
        self.message = message
    }

    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case started
        case phaseStarted = "phase-started"
        case phaseCompleted = "phase-completed"
        case gateWaiting = "gate-waiting"
        case gateApproved = "gate-approved"
        case gateDeclined = "gate-declined"
        case freezeOverridden = "freeze-overridden"
        case note
        case resumed
        case interrupted
        case rollbackStarted = "rollback-started"
        case rollbackFinished = "rollback-finished"
        case finished
        case abandoned
    }
}

/// A commit that a deployment shipped, for lead time: the commits since the previous
/// successful deployment of the same environment (or just the deployed commit).
public struct ChangeRecord: Sendable, Hashable, Codable {
    public var deploymentID: String
    public var sha: String
    public var committedAt: Date

    public init(deploymentID: String, sha: String, committedAt: Date) {
        self.deploymentID = deploymentID
        self.sha = sha
        self.committedAt = committedAt
    }
}

/// Which deployments `DeploymentStore.deployments(_:)` returns, newest first.
public struct DeploymentQuery: Sendable, Hashable {
    public var environment: String?
    public var runbook: String?
    public var status: DeploymentStatus?
    /// Started at or after.
    public var since: Date?
    public var limit: Int?

    public init(environment: String? = nil, runbook: String? = nil, status: DeploymentStatus? = nil,
                since: Date? = nil, limit: Int? = nil) {
        self.environment = environment
        self.runbook = runbook
        self.status = status
        self.since = since
        self.limit = limit
    }
}
