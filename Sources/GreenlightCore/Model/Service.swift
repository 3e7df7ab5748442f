/// Where a service is deployed from.
public enum DeployTarget: Hashable, Sendable {
    /// A service of a compose project (the compose file's path).
    case compose(file: String)
    /// A Dockerfile that no compose file or task definition uses: the image itself
    /// is the deliverable (`docker build` + `docker run`, or a CI pipeline).
    case image(dockerfile: String)
    /// A container of an ECS task definition (its family, and where it is declared:
    /// a JSON file, a CloudFormation template, or a Terraform address).
    case ecs(family: String, source: String)
}

/// How a service depends on another (compose `depends_on`).
public struct ServiceDependency: Hashable, Sendable {
    public enum Condition: String, Hashable, Sendable {
        case started = "service_started"
        case healthy = "service_healthy"
        case completedSuccessfully = "service_completed_successfully"
    }

    public var service: String
    public var condition: Condition
    public var location: SourceLocation

    public init(service: String, condition: Condition, location: SourceLocation) {
        self.service = service
        self.condition = condition
        self.location = location
    }
}

/// The command a container starts with, after ENTRYPOINT/CMD and compose overrides.
public struct StartCommand: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        case dockerfile = "Dockerfile"
        case compose = "compose"
        case configuration = ".greenlight.yml"
        case taskDefinition = "task definition"
    }

    /// The words of the command (a shell-form command is split into words; `viaShell` says so).
    public var argv: [String]
    public var viaShell: Bool
    public var origin: Origin
    public var location: SourceLocation

    public init(argv: [String], viaShell: Bool, origin: Origin, location: SourceLocation) {
        self.argv = argv
        self.viaShell = viaShell
        self.origin = origin
        self.location = location
    }

    public var display: String { argv.joined(separator: " ") }
}

/// How the image of a service is built.
public struct ImageBuild: Hashable, Sendable {
    /// Dockerfile path relative to the scanned root.
    public var dockerfile: String
    /// Build context directory relative to the scanned root (`""` for the root).
    public var context: String
    public var args: [String: String]
    public var target: String?
    /// Platforms requested for this build (compose `platform`, `--platform` in scripts).
    public var platforms: [Located<String>]
    /// Where the build is declared (compose `build:`, a script's `docker build`).
    public var location: SourceLocation?

    public init(dockerfile: String, context: String, args: [String: String] = [:], target: String? = nil,
                platforms: [Located<String>] = [], location: SourceLocation? = nil) {
        self.dockerfile = dockerfile
        self.context = context
        self.args = args
        self.target = target
        self.platforms = platforms
        self.location = location
    }
}

/// One deployable unit: a compose service (ECS containers come next), joined to
/// its image build, its start command, its code and its environment.
public struct Service: Sendable {
    public var name: String
    public var target: DeployTarget
    /// Where the service is declared.
    public var location: SourceLocation
    /// `image:` of the deploy target, when it names one.
    public var image: Located<String>?
    public var build: ImageBuild?
    /// The simulated final image, when Greenlight could build it from a Dockerfile.
    public var container: ContainerImage?
    public var command: StartCommand?
    /// Environment in the order Docker applies it (image ENV first, deploy target last).
    public var environment: [EnvBinding]
    /// Ports the deploy target declares (compose `ports`/`expose`).
    public var ports: [PortClaim]
    /// The effective health check (the deploy target's overrides the image's).
    public var healthCheck: HealthCheck?
    public var dependencies: [ServiceDependency]
    public var profiles: [String]
    /// compose `user:`, which overrides the image's USER.
    public var userOverride: Located<String>?
    /// Whether what the start command runs exists in the image.
    public var entry: EntryResolution?
    /// The application code the start command runs, when it is Python Greenlight can follow.
    public var code: CodeModel?
    /// What the service is, and why Greenlight thinks so.
    public var kind: ServiceKind?
    public var kindEvidence: String?
    /// For ECS targets: the task definition and this container's definition in it.
    public var taskDefinition: ECSTaskDefinition?
    public var ecsContainer: ECSContainerDefinition?
    /// Load balancer target groups that send traffic to this container.
    public var loadBalancers: [LoadBalancerTarget] = []
    /// Whether the service runs until stopped (a server or worker), as opposed to a
    /// one-off job (a migration, `restart: "no"` with a command that exits).
    public var isLongRunning: Bool

    public init(name: String, target: DeployTarget, location: SourceLocation) {
        self.name = name
        self.target = target
        self.location = location
        self.environment = []
        self.ports = []
        self.dependencies = []
        self.profiles = []
        self.isLongRunning = true
    }
}
