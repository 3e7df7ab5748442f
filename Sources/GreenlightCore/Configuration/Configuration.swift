import Yams

/// What a service is, for rules whose expectations depend on it (health check
/// protocol, start period). Inferred from code and image, or set in `.greenlight.yml`.
public enum ServiceKind: String, Sendable, CaseIterable, Codable {
    case http
    case grpc
    case tcp
    case worker
}

/// A rule's configured level: a severity, or `off`.
public enum RuleLevel: Hashable, Sendable {
    case off
    case severity(Severity)

    init?(_ text: String) {
        if text == "off" { self = .off; return }
        guard let severity = Severity(rawValue: text) else { return nil }
        self = .severity(severity)
    }
}

/// The level at which `greenlight check` exits non-zero.
public enum FailLevel: String, Sendable, CaseIterable {
    case error
    case warning
    case note
    case never

    /// Whether a finding of `severity` makes the run fail.
    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .never: false
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .note: true
        }
    }
}

/// Per-service settings from `.greenlight.yml` `services.<name>`.
public struct ServiceOverride: Hashable, Sendable {
    public var kind: ServiceKind?
    /// Build context directory (relative to the scanned root) for a service whose
    /// image is built elsewhere, or to correct a guess.
    public var context: String?
    public var dockerfile: String?
    /// The command the container starts with, when it cannot be read from the build.
    public var entry: [String]?
    /// The HTTP path the service answers health checks on (default `/health`).
    public var healthPath: String?
    /// Per-service start period minimum (seconds), overriding the policy for its kind.
    public var startPeriod: Int?
    public var rules: [String: RuleLevel]

    public init(kind: ServiceKind? = nil, context: String? = nil, dockerfile: String? = nil,
                entry: [String]? = nil, healthPath: String? = nil, rules: [String: RuleLevel] = [:]) {
        self.kind = kind
        self.context = context
        self.dockerfile = dockerfile
        self.entry = entry
        self.healthPath = healthPath
        self.rules = rules
    }
}

/// Tunable thresholds that rules read. Each has a documented default.
public struct Policy: Hashable, Sendable {
    /// Extra words that mark a value as a placeholder, on top of the built-in list.
    public var placeholderWords: [String] = []
    /// Environment variable names (exact, case-insensitive) that hold secrets even
    /// though their names do not look like it.
    public var secretNames: [String] = []
    /// Minimum health-check start period in seconds per kind of service; a service whose
    /// code opens a database at start-up uses `database` when that is larger.
    /// Defaults from the deployment checklists: HTTP 120 s, gRPC 180 s, database 180 s.
    public var startPeriod: [String: Int] = ["http": 120, "grpc": 180, "database": 180]
    /// Minimum task CPU units and memory (MiB) per kind of service (default for gRPC: 512 and 1024).
    public var minimumCPU: [String: Int] = ["grpc": 512]
    public var minimumMemory: [String: Int] = ["grpc": 1024]

    public init() {}
}

/// The whole `.greenlight.yml`. Every key is declared once in `ConfigurationSchema`
/// with its default; the CLI's flags override the same fields.
public struct Configuration: Hashable, Sendable {
    public var rules: [String: RuleLevel] = [:]
    public var services: [String: ServiceOverride] = [:]
    /// Glob patterns (gitignore syntax) of paths not to scan.
    public var exclude: [String] = []
    public var failOn: FailLevel = .error
    /// Terraform variable files (`terraform ... -var-file`), relative to the scanned root.
    public var terraformVariableFiles: [String] = []
    public var policy = Policy()
    /// Live probes for `greenlight verify`.
    public var verify = VerifyConfiguration()
    /// When deploys may not start (`freeze:`), for every runbook of the project.
    public var freeze = FreezePolicy()
    /// Where the configuration was read from, for messages.
    public var path: String?

    public init() {}

    /// The level of `ruleID` for `service`, or nil when the rule's default applies.
    public func level(of ruleID: String, service: String?) -> RuleLevel? {
        if let service, let level = services[service]?.rules[ruleID] { return level }
        return rules[ruleID]
    }
}
