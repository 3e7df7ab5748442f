import AsyncHTTPClient
import GreenlightCore
import NIOCore

/// Why an attempt failed, as a word a script can match and a person can read.
public enum ProbeFailure: String, Sendable, Hashable, CaseIterable {
    /// Nothing listens on the port.
    case refused
    /// No answer within the timeout.
    case timeout
    /// The host name does not resolve or the network cannot reach it.
    case unreachable
    /// TLS handshake or certificate failure.
    case tls
    /// Credentials rejected (PostgreSQL, Redis AUTH, AWS signature or keys).
    case auth
    /// The peer answered, but not in the protocol expected (HTTP/1 on a gRPC port…).
    case protocolError = "protocol"
    /// An HTTP status outside the expected set.
    case status
    /// The response lacks the expected text.
    case content
    /// Answered correctly, but slower than `max-latency`.
    case latency
    /// A health service that answers NOT_SERVING, UNKNOWN or SERVICE_UNKNOWN; an ECS service that is not stable.
    case unhealthy
    /// The named thing does not exist (database, SSM parameter, ECS service, file).
    case missing
    /// A value that was never filled in.
    case placeholder
    /// A command that exited non-zero.
    case exitStatus = "exit-status"
    /// Installed versions that differ from the pinned ones.
    case mismatch
    /// The probe could not run because of how it is set up (bad URL, no AWS credentials).
    case setup
}

/// The result of one attempt of one probe.
public struct ProbeOutcome: Sendable, Hashable {
    public var ok: Bool
    /// One line saying what was found: "200 OK", "SERVING", "connection refused", "status 503"…
    public var detail: String
    public var failure: ProbeFailure?

    public init(ok: Bool, detail: String, failure: ProbeFailure? = nil) {
        self.ok = ok
        self.detail = detail
        self.failure = failure
    }

    public static func pass(_ detail: String) -> ProbeOutcome {
        ProbeOutcome(ok: true, detail: detail)
    }

    public static func fail(_ failure: ProbeFailure, _ detail: String) -> ProbeOutcome {
        ProbeOutcome(ok: false, detail: detail, failure: failure)
    }
}

/// One kind of live check. `attempt` runs once and reports; the runner adds retries,
/// start periods, waiting and an outer timeout.
public protocol ProbeCheck: Sendable {
    /// Runs one attempt. It should give up by itself after `timeout` (connect and read);
    /// the runner cancels it shortly after that in any case.
    func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome
}

/// What probes share during one run: the event loops, one HTTP client, the environment.
public struct ProbeContext: Sendable {
    public let eventLoopGroup: any EventLoopGroup
    /// One client for every HTTP and AWS probe of the run (connection pooling, one shutdown).
    public let httpClient: HTTPClient
    /// The process environment (AWS settings, interpolation), injectable for tests.
    public let environment: [String: String]
    /// Directory relative paths in probe settings are resolved against.
    public let baseDirectory: String

    public init(eventLoopGroup: any EventLoopGroup, httpClient: HTTPClient, environment: [String: String], baseDirectory: String) {
        self.eventLoopGroup = eventLoopGroup
        self.httpClient = httpClient
        self.environment = environment
        self.baseDirectory = baseDirectory
    }
}
