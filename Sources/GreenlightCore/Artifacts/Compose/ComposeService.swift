/// One service of a compose file: what it runs, how it is built, configured and wired.
/// Every value keeps the location it was read from (after a merge, the file it came from).
public struct ComposeService: Hashable, Sendable {
    public var name: String
    /// The location of the service's key under `services:`.
    public var location: SourceLocation
    public var image: Located<String>?
    public var build: ComposeBuild?
    public var command: Located<ComposeCommand>?
    public var entrypoint: Located<ComposeCommand>?
    /// `environment:` in file order (map and list forms).
    public var environment: [ComposeEnvironmentEntry]
    public var envFiles: [ComposeEnvFile]
    public var ports: [ComposePort]
    public var expose: [ComposeExposedPort]
    public var healthcheck: ComposeHealthcheck?
    public var dependsOn: [ComposeDependency]
    public var profiles: [String]
    public var restart: Located<String>?
    public var user: Located<String>?
    public var workingDir: Located<String>?
    /// Service-level `platform:`.
    public var platform: Located<String>?
    /// `deploy.replicas`.
    public var replicas: Located<Int>?
    public var networkMode: Located<String>?
    /// `extends:`, recorded but not resolved.
    public var extends: ComposeExtends?
    /// Names of the secrets the service uses (`source` in the long form).
    public var secrets: [Located<String>]
    public var labels: [ComposeMapEntry]
    /// `volumes:` mounts (short and long syntax).
    public var volumes: [ComposeVolumeMount]
    /// Keys tagged `!reset` (cleared when merged) and `!override` (replaced, not merged).
    var resetKeys: Set<String> = []
    var overrideKeys: Set<String> = []

    public init(name: String, location: SourceLocation) {
        self.name = name
        self.location = location
        self.environment = []
        self.envFiles = []
        self.ports = []
        self.expose = []
        self.dependsOn = []
        self.profiles = []
        self.secrets = []
        self.labels = []
        self.volumes = []
    }

    /// The last `environment:` entry for `key` (compose keeps the last one).
    public func environmentEntry(_ key: String) -> ComposeEnvironmentEntry? {
        environment.last { $0.key == key }
    }

    /// The dependency on `service`, if any.
    public func dependency(on service: String) -> ComposeDependency? {
        dependsOn.first { $0.service == service }
    }
}

/// A `KEY=value` pair from a map or `KEY=value` list (environment, labels, build args).
public struct ComposeMapEntry: Hashable, Sendable {
    public var key: String
    /// nil for `KEY` alone in list form or `KEY:` with a null value in map form:
    /// for `environment:` compose then takes the value from the shell, or leaves it unset.
    public var value: String?
    /// The location of the key (the list item for the list form).
    public var location: SourceLocation
    /// The location of the value, nil when there is none.
    public var valueLocation: SourceLocation?

    public init(key: String, value: String?, location: SourceLocation, valueLocation: SourceLocation? = nil) {
        self.key = key
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
    }
}

/// An entry of a service's `environment:`.
public typealias ComposeEnvironmentEntry = ComposeMapEntry

/// An `env_file:` reference.
public struct ComposeEnvFile: Hashable, Sendable {
    /// The path as written, relative to the compose file's directory.
    public var path: String
    /// False for the long form's `required: false`: a missing file is then fine.
    public var required: Bool
    public var location: SourceLocation

    public init(path: String, required: Bool = true, location: SourceLocation) {
        self.path = path
        self.required = required
        self.location = location
    }
}

/// `command:` or `entrypoint:`.
public enum ComposeCommand: Hashable, Sendable {
    /// The string form. Compose splits it into words like a shell would but runs it
    /// without a shell (no `sh -c`); `words` gives that split.
    case shell(String)
    /// The list form, run as is.
    case exec([String])

    /// The argument vector compose runs, or nil when the string form has an unterminated quote.
    public var words: [String]? {
        switch self {
        case .shell(let text): ShellWords.split(text)
        case .exec(let words): words
        }
    }
}

/// `extends:` of a service.
public struct ComposeExtends: Hashable, Sendable {
    public var service: String
    /// The other compose file, nil when the service is in the same file.
    public var file: String?
    public var location: SourceLocation

    public init(service: String, file: String?, location: SourceLocation) {
        self.service = service
        self.file = file
        self.location = location
    }
}

/// A `depends_on:` entry.
public struct ComposeDependency: Hashable, Sendable {
    public enum Condition: String, Hashable, Sendable {
        case serviceStarted = "service_started"
        case serviceHealthy = "service_healthy"
        case serviceCompletedSuccessfully = "service_completed_successfully"
    }

    public var service: String
    /// `service_started` for the list form.
    public var condition: Condition
    /// False when compose only warns if the dependency is missing.
    public var required: Bool
    /// Restart this service when the dependency is updated.
    public var restart: Bool
    public var location: SourceLocation

    public init(
        service: String, condition: Condition = .serviceStarted, required: Bool = true, restart: Bool = false,
        location: SourceLocation
    ) {
        self.service = service
        self.condition = condition
        self.required = required
        self.restart = restart
        self.location = location
    }
}

/// A mount under a service's `volumes:`.
public struct ComposeVolumeMount: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case bind, volume, tmpfs, npipe, cluster, image
    }

    public var kind: Kind
    /// Host path (bind) or volume name; nil for anonymous volumes and tmpfs.
    public var source: String?
    /// The path inside the container.
    public var target: String
    public var readOnly: Bool
    public var location: SourceLocation

    public init(kind: Kind, source: String?, target: String, readOnly: Bool, location: SourceLocation) {
        self.kind = kind
        self.source = source
        self.target = target
        self.readOnly = readOnly
        self.location = location
    }
}
