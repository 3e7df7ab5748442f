/// One container of a task definition: what the deploy runs, with every field located.
/// Fields that are not statically known are nil and listed in `unresolvedFields`
/// (`portMappings[0].containerPort`), except those kept as `LocatedValue`, which hold
/// `.unknown`/`.reference` themselves.
public struct ECSContainerDefinition: Sendable, Hashable {
    public var name: Located<String>?
    /// Usually a string; a CloudFormation `!Sub` with unknown parts stays `.unknown`.
    public var image: LocatedValue?
    public var essential: Located<Bool>?
    public var portMappings: [ECSPortMapping] = []
    public var environment: [ECSEnvironmentVariable] = []
    public var secrets: [ECSSecret] = []
    public var environmentFiles: [ECSEnvironmentFile] = []
    public var healthCheck: ECSHealthCheck?
    /// Overrides the image's CMD; items stay values because any may be unknown.
    public var command: [LocatedValue]?
    /// Overrides the image's ENTRYPOINT.
    public var entryPoint: [LocatedValue]?
    public var workingDirectory: Located<String>?
    public var user: Located<String>?
    public var cpu: Located<Int>?
    public var memory: Located<Int>?
    public var memoryReservation: Located<Int>?
    public var logConfiguration: ECSLogConfiguration?
    public var dependsOn: [ECSContainerDependency] = []
    public var readonlyRootFilesystem: Located<Bool>?
    public var location: SourceLocation
    /// Paths (relative to the container) of fields present but not statically known.
    public var unresolvedFields: [String] = []

    public init(location: SourceLocation) {
        self.location = location
    }

    /// The environment variable with this name (the last one wins, as in ECS).
    public func environmentVariable(named name: String) -> ECSEnvironmentVariable? {
        environment.last { $0.name.value == name }
    }

    /// The secret injected as this variable.
    public func secret(named name: String) -> ECSSecret? {
        secrets.last { $0.name.value == name }
    }
}

/// `{"containerPort": 8000, "hostPort": 8000, "protocol": "tcp", "appProtocol": "grpc"}`.
public struct ECSPortMapping: Sendable, Hashable {
    public var containerPort: Located<Int>?
    public var hostPort: Located<Int>?
    public var `protocol`: Located<String>?
    /// The Service Connect port name.
    public var name: Located<String>?
    /// `http`, `http2` or `grpc`: what the load balancer and Service Connect speak.
    public var appProtocol: Located<String>?
    public var location: SourceLocation

    public init(location: SourceLocation) {
        self.location = location
    }
}

/// A plain environment variable; `value` may be unknown (a Terraform variable).
public struct ECSEnvironmentVariable: Sendable, Hashable {
    public var name: Located<String>
    public var value: LocatedValue?
    public var location: SourceLocation

    public init(name: Located<String>, value: LocatedValue?, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}

/// A variable ECS fills from SSM or Secrets Manager at start; `valueFrom` keeps
/// references such as `aws_ssm_parameter.supabase_url.arn` or `Ref:DatabaseUrlParam`.
public struct ECSSecret: Sendable, Hashable {
    public var name: Located<String>
    public var valueFrom: LocatedValue
    public var location: SourceLocation

    public init(name: Located<String>, valueFrom: LocatedValue, location: SourceLocation) {
        self.name = name
        self.valueFrom = valueFrom
        self.location = location
    }
}

/// An S3 `.env` file whose variables ECS adds to the container.
public struct ECSEnvironmentFile: Sendable, Hashable {
    public var value: LocatedValue
    /// Always `s3` today.
    public var type: Located<String>?
    public var location: SourceLocation

    public init(value: LocatedValue, type: Located<String>?, location: SourceLocation) {
        self.value = value
        self.type = type
        self.location = location
    }
}

/// How a health check command runs: `CMD` executes it directly, `CMD-SHELL` through `/bin/sh -c`.
public enum ECSHealthCheckForm: String, Sendable, Hashable {
    case exec = "CMD"
    case shell = "CMD-SHELL"
}

/// The container health check; times are in seconds.
public struct ECSHealthCheck: Sendable, Hashable {
    /// The whole command as written, including the leading `CMD`/`CMD-SHELL`.
    public var command: [LocatedValue]
    public var interval: Located<Int>?
    public var timeout: Located<Int>?
    public var retries: Located<Int>?
    public var startPeriod: Located<Int>?
    public var location: SourceLocation

    public init(command: [LocatedValue], location: SourceLocation) {
        self.command = command
        self.location = location
    }

    /// `CMD` or `CMD-SHELL` from the first item, nil when missing or something else.
    public var form: ECSHealthCheckForm? {
        command.first?.value.stringValue.flatMap(ECSHealthCheckForm.init(rawValue:))
    }

    /// The command after its `CMD`/`CMD-SHELL` marker.
    public var arguments: [LocatedValue] {
        form == nil ? command : Array(command.dropFirst())
    }
}

/// Where the container's logs go (`awslogs` with its group and region options).
public struct ECSLogConfiguration: Sendable, Hashable {
    public var logDriver: Located<String>?
    public var options: [String: LocatedValue]
    public var location: SourceLocation

    public init(logDriver: Located<String>?, options: [String: LocatedValue], location: SourceLocation) {
        self.logDriver = logDriver
        self.options = options
        self.location = location
    }
}

/// A start-order dependency on another container of the task (`START`, `HEALTHY`...).
public struct ECSContainerDependency: Sendable, Hashable {
    public var containerName: Located<String>
    public var condition: Located<String>?
    public var location: SourceLocation

    public init(containerName: Located<String>, condition: Located<String>?, location: SourceLocation) {
        self.containerName = containerName
        self.condition = condition
        self.location = location
    }
}

extension Array where Element == LocatedValue {
    /// The items as strings when every one is statically known, else nil.
    public var knownStrings: [Located<String>]? {
        var result: [Located<String>] = []
        result.reserveCapacity(count)
        for item in self {
            guard let text = item.value.stringValue else { return nil }
            result.append(Located(text, at: item.location))
        }
        return result
    }
}
