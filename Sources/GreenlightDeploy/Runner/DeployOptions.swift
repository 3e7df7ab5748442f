import Foundation
import GreenlightCore

/// How a deployment may proceed without asking: what the command line allowed.
public struct DeployOptions: Sendable {
    /// `--yes`: approve every gate and re-run an interrupted step without asking.
    public var approveAll = false
    /// `--approve` (with `--resume`): approve the gate the deployment waits at.
    public var approveGate = false
    /// `--override-freeze --reason`: start inside a freeze, recording why.
    public var freezeOverrideReason: String?
    /// `--note`: text for the journal's key learnings.
    public var notes: [String] = []
    /// `--rerun` (true) or `--skip-interrupted` (false); nil: ask, or `approveAll`.
    public var rerunInterrupted: Bool?
    /// `--rollback` (with `--resume`): roll back instead of going on.
    public var rollBack = false
    /// `--allow-changed-runbook` (with `--resume`): go on although the runbook file changed.
    public var allowChangedRunbook = false
    /// The process environment that `run:` steps and probes start from.
    public var environment: [String: String]
    /// The zone journal times are written in.
    public var timeZone: TimeZone
    /// The clock (tests pass a fixed one).
    public var now: @Sendable () -> Date

    public init(environment: [String: String], timeZone: TimeZone = .current, now: @escaping @Sendable () -> Date = { Date() }) {
        self.environment = environment
        self.timeZone = timeZone
        self.now = now
    }
}

/// Asks the person deploying; nil when nobody can answer (no terminal).
public protocol DeployInteraction: Sendable {
    func confirm(_ question: String, context: [String]) async -> Bool?
}

/// No one to ask: every question is unanswered (CI without `--yes`).
public struct NoInteraction: DeployInteraction {
    public init() {}
    public func confirm(_ question: String, context: [String]) async -> Bool? { nil }
}

/// What the runner tells the terminal as it goes.
public enum DeployProgress: Sendable {
    case started(DeploymentRecord, journal: String)
    case resumed(DeploymentRecord, from: String)
    case phaseStarted(index: Int, count: Int, name: String)
    case stepStarted(StepRecord)
    /// Bytes a `run:` step wrote.
    case output([UInt8])
    case stepFinished(StepRecord)
    case info(String)
    case warning(String)
    case finished(DeploymentRecord, journal: String)
}

/// Why a deployment could not start or go on (not a failed step: those roll back).
public struct DeployError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad input: unknown id, wrong state, missing flag. Exit 2.
        case usage
        /// A freeze window is in force. Exit 4.
        case frozen
        /// The history store failed: the deployment stopped where it was. Exit 2.
        case store
    }

    public var kind: Kind
    public var description: String

    public init(_ kind: Kind, _ description: String) {
        self.kind = kind
        self.description = description
    }
}
