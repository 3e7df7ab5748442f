/// A deployment runbook (`deploy/production.yml`): ordered phases of steps with exit
/// criteria, gates and rollback steps, as `greenlight deploy` runs them.
public struct Runbook: Hashable, Sendable {
    /// The runbook file, as given (relative or absolute).
    public var path: String
    public var name: String
    public var environment: String
    public var description: String?
    /// The directory `run:` commands start in and `check:` paths are relative to:
    /// `directory:` from the file, else the nearest ancestor of the runbook holding
    /// `.greenlight.yml` or `.git`, else the runbook's own directory. Absolute.
    public var directory: String
    /// `variables:` in declaration order. Values are templates: `${NAME}` is filled at
    /// run time from the environment, the built-in variables (`GIT_SHA`…) and earlier
    /// variables, so they are not expanded here.
    public var variables: [RunbookVariable]
    /// When deploys may not start. Empty when the runbook declares none.
    public var freeze: FreezePolicy
    /// Where journals go, relative to `directory` (default `deployments`).
    public var journalDirectory: String
    /// Defaults for `run:` steps.
    public var defaultTimeout: Duration
    /// Probes `verify:` steps may name: the project's `.greenlight.yml` `verify:` probes
    /// plus the runbook's own `probes:` (which win on a clash of names).
    public var probes: VerifyConfiguration
    public var phases: [RunbookPhase]

    public init(path: String, name: String, environment: String, description: String? = nil, directory: String,
                variables: [RunbookVariable] = [], freeze: FreezePolicy = FreezePolicy(), journalDirectory: String = "deployments",
                defaultTimeout: Duration = .seconds(600), probes: VerifyConfiguration = VerifyConfiguration(), phases: [RunbookPhase] = []) {
        self.path = path
        self.name = name
        self.environment = environment
        self.description = description
        self.directory = directory
        self.variables = variables
        self.freeze = freeze
        self.journalDirectory = journalDirectory
        self.defaultTimeout = defaultTimeout
        self.probes = probes
        self.phases = phases
    }

    /// Whether any phase is marked as changing production (`changes-production: true`).
    public var hasProductionPhase: Bool { phases.contains(where: \.changesProduction) }
}

public struct RunbookVariable: Hashable, Sendable {
    public var name: String
    public var template: String
    public var location: SourceLocation

    public init(name: String, template: String, location: SourceLocation) {
        self.name = name
        self.template = template
        self.location = location
    }
}

/// One phase: its steps, then its exit criteria; rollback steps undo it.
public struct RunbookPhase: Hashable, Sendable {
    public var name: String
    public var description: String?
    public var steps: [RunbookStep]
    /// `check`/`verify`/`run` steps that must pass before the phase counts as done.
    public var exitCriteria: [RunbookStep]
    /// Run, in order, when this phase or a later one fails.
    public var rollback: [RunbookStep]
    /// Approval asked after this phase completes, before the next one starts.
    public var gate: RunbookGate?
    /// Whether this phase changes what production runs. A deployment stopped by a
    /// `check` or `verify` step before any such phase started was caught before production.
    public var changesProduction: Bool
    public var location: SourceLocation

    public init(name: String, description: String? = nil, steps: [RunbookStep] = [], exitCriteria: [RunbookStep] = [],
                rollback: [RunbookStep] = [], gate: RunbookGate? = nil, changesProduction: Bool = false, location: SourceLocation) {
        self.name = name
        self.description = description
        self.steps = steps
        self.exitCriteria = exitCriteria
        self.rollback = rollback
        self.gate = gate
        self.changesProduction = changesProduction
        self.location = location
    }
}

/// An approval asked before the next phase.
public struct RunbookGate: Hashable, Sendable {
    /// The question shown (default: "Proceed to <next phase>?").
    public var message: String?
    public var location: SourceLocation

    public init(message: String? = nil, location: SourceLocation) {
        self.message = message
        self.location = location
    }
}

public struct RunbookStep: Hashable, Sendable {
    /// `name:` if given.
    public var name: String?
    public var action: StepAction
    public var location: SourceLocation

    public init(name: String? = nil, action: StepAction, location: SourceLocation) {
        self.name = name
        self.action = action
        self.location = location
    }

    /// What the journal and the terminal call the step.
    public var title: String { name ?? action.summary }
}

public enum StepAction: Hashable, Sendable {
    /// A shell command (`/bin/sh -c`), streamed, with a timeout.
    case run(RunStep)
    /// `greenlight check` of a path; fails at `failOn` or above.
    case check(CheckStep)
    /// Named probes, retried until they pass or `wait` is over.
    case verify(VerifyStep)
    /// A pause.
    case wait(Duration)
    /// Text for the journal's key learnings.
    case note(String)

    /// The kind as written in the runbook (`run`, `check`, `verify`, `wait`, `note`).
    public var kind: String {
        switch self {
        case .run: "run"
        case .check: "check"
        case .verify: "verify"
        case .wait: "wait"
        case .note: "note"
        }
    }

    /// A one-line description, used when the step has no name.
    public var summary: String {
        switch self {
        case .run(let step): "run: \(step.command.split(separator: "\n").first.map(String.init) ?? "")"
        case .check(let step): "check: \(step.path) (fail on \(step.failOn.rawValue))"
        case .verify(let step): "verify: \(step.probes.joined(separator: ", "))"
        case .wait(let duration): "wait: \(DurationText.format(duration))"
        case .note(let text): "note: \(text.split(separator: "\n").first.map(String.init) ?? "")"
        }
    }
}

public struct RunStep: Hashable, Sendable {
    public var command: String
    /// nil: the runbook's default timeout.
    public var timeout: Duration?
    /// Relative to the runbook's directory.
    public var directory: String?
    /// Extra environment for this command (templates, like `variables:`).
    public var environment: [String: String]

    public init(command: String, timeout: Duration? = nil, directory: String? = nil, environment: [String: String] = [:]) {
        self.command = command
        self.timeout = timeout
        self.directory = directory
        self.environment = environment
    }
}

public struct CheckStep: Hashable, Sendable {
    /// Relative to the runbook's directory.
    public var path: String
    public var failOn: FailLevel

    public init(path: String, failOn: FailLevel = .error) {
        self.path = path
        self.failOn = failOn
    }
}

public struct VerifyStep: Hashable, Sendable {
    /// Probe names, each defined in `Runbook.probes` (checked when the runbook loads).
    public var probes: [String]
    /// Keep retrying until this much time has passed (as `verify --wait`); nil: each
    /// probe's own retries.
    public var wait: Duration?

    public init(probes: [String], wait: Duration? = nil) {
        self.probes = probes
        self.wait = wait
    }
}
