/// Where a task definition was read from, so findings and `greenlight services`
/// can say "task definition workflow-engine (deploy/workflow-engine.json)".
public enum ECSSource: Sendable, Hashable {
    /// A JSON file: `register-task-definition` input, `describe-task-definition` output
    /// or a bare `containerDefinitions` array.
    case json(path: String)
    /// An `AWS::ECS::TaskDefinition` resource of a CloudFormation template.
    case cloudFormation(path: String, logicalID: String)
    /// An `aws_ecs_task_definition` resource, by Terraform address.
    case terraform(address: String)
}

/// An ECS task definition: the deploy-time description of the containers of one
/// service on ECS, read the same way from JSON, CloudFormation and Terraform so that
/// its containers can be linked like compose services.
///
/// Fields are nil when absent or when their value is not statically known; the paths
/// of present-but-unknown fields are listed in `unresolvedFields`, so rules can tell
/// "not set" from "set to something Greenlight cannot see" and stay silent on the latter.
public struct ECSTaskDefinition: Sendable, Hashable {
    public var family: Located<String>?
    public var source: ECSSource
    /// The location of the task definition object itself.
    public var location: SourceLocation
    public var containers: [ECSContainerDefinition]
    /// Task CPU in CPU units (`"1 vCPU"` and `"1024"` both read as 1024).
    public var cpu: Located<Int>?
    /// Task memory in MiB (`"2 GB"` reads as 2048).
    public var memory: Located<Int>?
    public var networkMode: Located<String>?
    public var requiresCompatibilities: [String]
    public var runtimePlatform: ECSRuntimePlatform?
    /// Kept as a value: often a `!GetAtt`/Terraform reference rather than an ARN.
    public var executionRoleArn: LocatedValue?
    public var taskRoleArn: LocatedValue?
    /// Paths of task-level fields that are present but not statically known (`cpu`).
    public var unresolvedFields: [String]

    public init(
        family: Located<String>? = nil,
        source: ECSSource,
        location: SourceLocation,
        containers: [ECSContainerDefinition] = [],
        cpu: Located<Int>? = nil,
        memory: Located<Int>? = nil,
        networkMode: Located<String>? = nil,
        requiresCompatibilities: [String] = [],
        runtimePlatform: ECSRuntimePlatform? = nil,
        executionRoleArn: LocatedValue? = nil,
        taskRoleArn: LocatedValue? = nil,
        unresolvedFields: [String] = []
    ) {
        self.family = family
        self.source = source
        self.location = location
        self.containers = containers
        self.cpu = cpu
        self.memory = memory
        self.networkMode = networkMode
        self.requiresCompatibilities = requiresCompatibilities
        self.runtimePlatform = runtimePlatform
        self.executionRoleArn = executionRoleArn
        self.taskRoleArn = taskRoleArn
        self.unresolvedFields = unresolvedFields
    }

    /// Whether the task runs on Fargate, where CPU/memory pairs and `awsvpc` are mandatory.
    public var isFargate: Bool { requiresCompatibilities.contains("FARGATE") }

    /// The container with this name.
    public func container(named name: String) -> ECSContainerDefinition? {
        containers.first { $0.name?.value == name }
    }
}

/// The platform the task's image must be built for (`linux/amd64` vs `linux/arm64`).
public struct ECSRuntimePlatform: Sendable, Hashable {
    /// `X86_64` or `ARM64`.
    public var cpuArchitecture: Located<String>?
    /// `LINUX`, `WINDOWS_SERVER_2022_CORE`...
    public var operatingSystemFamily: Located<String>?
    public var location: SourceLocation

    public init(cpuArchitecture: Located<String>?, operatingSystemFamily: Located<String>?, location: SourceLocation) {
        self.cpuArchitecture = cpuArchitecture
        self.operatingSystemFamily = operatingSystemFamily
        self.location = location
    }
}
