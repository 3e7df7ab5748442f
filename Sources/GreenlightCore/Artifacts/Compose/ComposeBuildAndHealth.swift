/// A service's `build:` (short string form or long form).
public struct ComposeBuild: Hashable, Sendable {
    /// The build context as written (`.` when the long form leaves it out).
    public var context: Located<String>
    public var dockerfile: Located<String>?
    public var dockerfileInline: Located<String>?
    /// Build arguments in file order (map and list forms; nil value = taken from the shell).
    public var args: [ComposeMapEntry]
    public var target: Located<String>?
    public var platforms: [Located<String>]
    /// The location of the `build:` value.
    public var location: SourceLocation
    /// False when the long form left `context` out (so a merge keeps the earlier one).
    var hasExplicitContext = true

    public init(
        context: Located<String>, dockerfile: Located<String>? = nil, dockerfileInline: Located<String>? = nil,
        args: [ComposeMapEntry] = [], target: Located<String>? = nil, platforms: [Located<String>] = [],
        location: SourceLocation
    ) {
        self.context = context
        self.dockerfile = dockerfile
        self.dockerfileInline = dockerfileInline
        self.args = args
        self.target = target
        self.platforms = platforms
        self.location = location
    }

    /// The last build argument named `key`.
    public func arg(_ key: String) -> ComposeMapEntry? {
        args.last { $0.key == key }
    }
}

/// What a health check runs.
public enum ComposeHealthcheckTest: Hashable, Sendable {
    /// `["NONE"]`: the image's health check is turned off.
    case none
    /// `["CMD", ...]`: run directly, without a shell.
    case exec([String])
    /// `["CMD-SHELL", "..."]` or a plain string: run with `/bin/sh -c`.
    case shell(String)
}

/// A service's `healthcheck:`. Durations are in seconds.
public struct ComposeHealthcheck: Hashable, Sendable {
    public var test: Located<ComposeHealthcheckTest>?
    /// `disable: true`.
    public var disable: Bool
    public var interval: Located<Double>?
    public var timeout: Located<Double>?
    public var startPeriod: Located<Double>?
    public var startInterval: Located<Double>?
    public var retries: Located<Int>?
    /// The location of the `healthcheck:` value.
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.disable = false
        self.location = location
    }

    /// True when the check is turned off (`disable: true` or `test: ["NONE"]`).
    public var isDisabled: Bool {
        disable || test?.value == ComposeHealthcheckTest.none
    }
}

/// A `ports:` entry (short or long syntax).
public struct ComposePort: Hashable, Sendable {
    /// The container port or range (`8000`, `8000-8010`); nil when it could not be read.
    public var containerPorts: ClosedRange<Int>?
    /// The host side as written (`8080`, `8000-8010`, `""` for the long form's
    /// published port left out); nil when not published to a fixed host port.
    public var publishedPort: String?
    public var hostIP: String?
    /// `tcp`, `udp` or `sctp`.
    public var proto: String
    /// Long syntax `mode` (`host` or `ingress`).
    public var mode: String?
    /// The entry as written (short syntax) or a rendering of the long syntax.
    public var raw: String
    public var location: SourceLocation

    public init(
        containerPorts: ClosedRange<Int>?, publishedPort: String?, hostIP: String?, proto: String = "tcp",
        mode: String? = nil, raw: String, location: SourceLocation
    ) {
        self.containerPorts = containerPorts
        self.publishedPort = publishedPort
        self.hostIP = hostIP
        self.proto = proto
        self.mode = mode
        self.raw = raw
        self.location = location
    }

    /// The (first) container port.
    public var containerPort: Int? { containerPorts?.lowerBound }
}

/// An `expose:` entry.
public struct ComposeExposedPort: Hashable, Sendable {
    /// The port or range; nil when it could not be read.
    public var ports: ClosedRange<Int>?
    public var proto: String
    /// The entry as written.
    public var raw: String
    public var location: SourceLocation

    public init(ports: ClosedRange<Int>?, proto: String = "tcp", raw: String, location: SourceLocation) {
        self.ports = ports
        self.proto = proto
        self.raw = raw
        self.location = location
    }
}
