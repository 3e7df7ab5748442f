/// The `verify:` section of `.greenlight.yml`: live probes that `greenlight verify`
/// runs against a deployment, and that `deploy` runbooks name in `verify:` steps.
public struct VerifyConfiguration: Hashable, Sendable {
    /// Settings every probe starts from (`verify.defaults`).
    public var defaults = ProbeSettings()
    public var probes: [ProbeSpec] = []
    /// Probes whose `${VAR}` references name variables that are not set. `check`
    /// ignores them; `verify` refuses to run a probe listed here.
    public var unresolved: [UnresolvedProbe] = []

    public init(defaults: ProbeSettings = ProbeSettings(), probes: [ProbeSpec] = []) {
        self.defaults = defaults
        self.probes = probes
    }

    public func probe(named name: String) -> ProbeSpec? {
        probes.first { $0.name == name }
    }

    /// Every probe name, declared or unresolved, in declaration order.
    public var names: [String] {
        (probes.map { ($0.name, $0.location?.line ?? 0) } + unresolved.map { ($0.name, $0.issue.location.line) })
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// SSM probes judge values with the project's placeholder words too.
    mutating func applyPolicy(_ policy: Policy) {
        guard !policy.placeholderWords.isEmpty else { return }
        for index in probes.indices {
            if case .ssm(var spec) = probes[index].target {
                spec.placeholderWords = policy.placeholderWords
                probes[index].target = .ssm(spec)
            }
        }
    }
}

/// A probe that cannot be built until the environment provides a variable.
public struct UnresolvedProbe: Hashable, Sendable {
    public var name: String
    public var issue: ParseIssue

    public init(name: String, issue: ParseIssue) {
        self.name = name
        self.issue = issue
    }
}

/// How often and how patiently a probe is tried.
public struct ProbeSettings: Hashable, Sendable {
    /// The most one attempt may take.
    public var timeout: Duration = .seconds(2)
    /// Further attempts after a failed one (so at most `retries + 1` attempts).
    public var retries = 3
    /// The pause between attempts.
    public var interval: Duration = .seconds(1)
    /// A grace period from the start of the run during which failures are retried
    /// without counting against `retries`, as Docker's `start_period`.
    public var startPeriod: Duration = .zero

    public init(timeout: Duration = .seconds(2), retries: Int = 3, interval: Duration = .seconds(1), startPeriod: Duration = .zero) {
        self.timeout = timeout
        self.retries = retries
        self.interval = interval
        self.startPeriod = startPeriod
    }
}

/// One declared probe: a name, what it checks, and its settings.
public struct ProbeSpec: Hashable, Sendable {
    public var name: String
    public var target: ProbeTarget
    public var settings: ProbeSettings
    /// Where the probe is declared, for messages; nil for derived probes.
    public var location: SourceLocation?

    public init(name: String, target: ProbeTarget, settings: ProbeSettings = ProbeSettings(), location: SourceLocation? = nil) {
        self.name = name
        self.target = target
        self.settings = settings
        self.location = location
    }

    /// The probe's kind key: `tcp`, `http`, `grpc`, `postgres`, `redis`, `ssm`, `ecs`, `command` or `deps`.
    public var kind: String { target.kind }
}

/// What a probe checks. Each case is one kind key in the configuration.
public enum ProbeTarget: Hashable, Sendable {
    case tcp(TCPProbeSpec)
    case http(HTTPProbeSpec)
    case grpc(GRPCProbeSpec)
    case postgres(PostgresProbeSpec)
    case redis(RedisProbeSpec)
    case ssm(SSMProbeSpec)
    case ecs(ECSProbeSpec)
    case command(CommandProbeSpec)
    case deps(DepsProbeSpec)

    public static let kinds = ["tcp", "http", "grpc", "postgres", "redis", "ssm", "ecs", "command", "deps"]

    public var kind: String {
        switch self {
        case .tcp: "tcp"
        case .http: "http"
        case .grpc: "grpc"
        case .postgres: "postgres"
        case .redis: "redis"
        case .ssm: "ssm"
        case .ecs: "ecs"
        case .command: "command"
        case .deps: "deps"
        }
    }
}

/// `host:port`, with IPv6 hosts written `[::1]:5432`.
public struct HostPort: Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int

    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[v6]:port`; nil when the port is missing or out of range.
    public init?(_ text: String) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            host = text[text.index(after: text.startIndex)..<close]
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { return nil }
        }
        guard !host.isEmpty, let port = Int(portText), (1...65535).contains(port) else { return nil }
        self.host = String(host)
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

public struct TCPProbeSpec: Hashable, Sendable {
    public var address: HostPort
    public init(address: HostPort) { self.address = address }
}

/// Which HTTP status codes pass.
public enum StatusExpectation: Hashable, Sendable, CustomStringConvertible {
    /// Any 2xx (the default).
    case successful
    case codes([Int])

    public func accepts(_ status: Int) -> Bool {
        switch self {
        case .successful: (200..<300).contains(status)
        case .codes(let codes): codes.contains(status)
        }
    }

    public var description: String {
        switch self {
        case .successful: "2xx"
        case .codes(let codes): codes.map(String.init).joined(separator: " or ")
        }
    }
}

public struct HTTPProbeSpec: Hashable, Sendable {
    public var url: String
    public var method = "GET"
    public var status = StatusExpectation.successful
    /// Text the response body must contain.
    public var contains: String?
    /// The slowest response that still passes.
    public var maxLatency: Duration?
    /// Extra request headers, in order.
    public var headers: [HTTPHeaderField] = []
    /// Accept any TLS certificate (self-signed staging hosts).
    public var insecure = false

    public init(url: String, method: String = "GET", status: StatusExpectation = .successful, contains: String? = nil,
                maxLatency: Duration? = nil, headers: [HTTPHeaderField] = [], insecure: Bool = false) {
        self.url = url
        self.method = method
        self.status = status
        self.contains = contains
        self.maxLatency = maxLatency
        self.headers = headers
        self.insecure = insecure
    }
}

public struct HTTPHeaderField: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// The standard `grpc.health.v1.Health/Check`.
public struct GRPCProbeSpec: Hashable, Sendable {
    public var address: HostPort
    /// The service name to ask about; empty asks about the whole server.
    public var service = ""
    public var tls = false
    /// With TLS, accept any certificate.
    public var insecure = false
    /// With TLS, the name to verify the certificate against (default the host).
    public var serverName: String?
    /// With TLS, a PEM file of certificate authorities to trust instead of the system's.
    public var caFile: String?

    public init(address: HostPort, service: String = "", tls: Bool = false, insecure: Bool = false,
                serverName: String? = nil, caFile: String? = nil) {
        self.address = address
        self.service = service
        self.tls = tls
        self.insecure = insecure
        self.serverName = serverName
        self.caFile = caFile
    }
}

/// `postgresql://user:password@host:port/database?sslmode=…`
public struct PostgresProbeSpec: Hashable, Sendable {
    public var url: String
    public init(url: String) { self.url = url }
}

/// `redis://[:password@]host:port[/db]` or `rediss://` for TLS.
public struct RedisProbeSpec: Hashable, Sendable {
    public var url: String
    public init(url: String) { self.url = url }
}

/// SSM parameters that must exist and hold real values.
public struct SSMProbeSpec: Hashable, Sendable {
    public var names: [String]
    /// Region override; default from the environment.
    public var region: String?
    /// Extra placeholder words from `policy.placeholder-words`.
    public var placeholderWords: [String] = []

    public init(names: [String], region: String? = nil, placeholderWords: [String] = []) {
        self.names = names
        self.region = region
        self.placeholderWords = placeholderWords
    }
}

/// ECS services that must be stable: ACTIVE, one deployment, running == desired.
public struct ECSProbeSpec: Hashable, Sendable {
    public var cluster: String
    public var services: [String]
    /// Secret names each service's task definition must pass to its containers.
    public var secrets: [String] = []
    public var region: String?

    public init(cluster: String, services: [String], secrets: [String] = [], region: String? = nil) {
        self.cluster = cluster
        self.services = services
        self.secrets = secrets
        self.region = region
    }
}

/// A shell command that must exit 0 (and print `contains`, when given).
public struct CommandProbeSpec: Hashable, Sendable {
    public var command: String
    public var contains: String?
    /// Working directory; default the configuration file's directory.
    public var directory: String?

    public init(command: String, contains: String? = nil, directory: String? = nil) {
        self.command = command
        self.contains = contains
        self.directory = directory
    }
}

/// Every pinned requirement installed at its version in an interpreter.
public struct DepsProbeSpec: Hashable, Sendable {
    /// Path of the requirements file (resolved against the configuration's directory).
    public var requirements: String
    public var python = "python3"

    public init(requirements: String, python: String = "python3") {
        self.requirements = requirements
        self.python = python
    }
}
