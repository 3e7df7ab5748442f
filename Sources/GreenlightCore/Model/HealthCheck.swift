/// A container health check from any deploy target, reduced to what rules need:
/// the commands it runs, what each probes, and its timing.
public struct HealthCheck: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        case dockerfile = "Dockerfile HEALTHCHECK"
        case compose = "compose healthcheck"
        case ecs = "task definition healthCheck"
    }

    public enum Test: Hashable, Sendable {
        /// Explicitly off (`HEALTHCHECK NONE`, `disable: true`, `["NONE"]`).
        case disabled
        /// Run directly: `["CMD", "curl", …]`, `HEALTHCHECK CMD ["curl", …]`.
        case exec([String])
        /// Run by `/bin/sh -c`: `CMD-SHELL`, shell-form `HEALTHCHECK CMD curl …`.
        case shell(String)
    }

    public var origin: Origin
    public var location: SourceLocation
    public var test: Test
    /// Seconds, when set.
    public var interval: Double?
    public var timeout: Double?
    public var startPeriod: Double?
    public var retries: Int?

    public init(origin: Origin, location: SourceLocation, test: Test, interval: Double? = nil,
                timeout: Double? = nil, startPeriod: Double? = nil, retries: Int? = nil) {
        self.origin = origin
        self.location = location
        self.test = test
        self.interval = interval
        self.timeout = timeout
        self.startPeriod = startPeriod
        self.retries = retries
    }

    /// Whether the check runs through a shell (and so needs `/bin/sh` in the image).
    public var needsShell: Bool {
        if case .shell = test { return true }
        return false
    }

    /// The simple commands the check runs, each as argv words.
    public var commands: [[String]] {
        switch test {
        case .disabled: []
        case .exec(let argv): argv.isEmpty ? [] : [argv]
        case .shell(let text): ShellWords.commands(text)
        }
    }

    /// What the check probes, one entry per command that probes something.
    public var probes: [HealthProbe] {
        commands.compactMap(HealthProbe.init(argv:))
    }

    /// The check as a person would write it, for messages.
    public var display: String {
        switch test {
        case .disabled: "NONE"
        case .exec(let argv): argv.joined(separator: " ")
        case .shell(let text): text
        }
    }
}

extension HealthCheck {
    /// The ports of this container that the check probes (probes of other hosts are not claims about this service).
    public var portClaims: [PortClaim] {
        guard test != .disabled else { return [] }
        var seen: Set<Int> = []
        return probes.compactMap { probe in
            guard probe.protocolKind != .other, let port = probe.port, HealthCheck.isLocal(probe.host),
                  seen.insert(port).inserted
            else { return nil }
            return PortClaim(port: port, role: .healthCheck, location: location,
                             label: "health check `\(display)` probes \(port)")
        }
    }

    static func isLocal(_ host: String?) -> Bool {
        guard let host, !host.isEmpty else { return true }
        return ["localhost", "127.0.0.1", "0.0.0.0", "::1", "::", "[::]", "[::1]", "ip6-localhost"].contains(host.lowercased())
    }
}
