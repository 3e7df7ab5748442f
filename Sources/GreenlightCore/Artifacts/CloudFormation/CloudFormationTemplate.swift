/// What Greenlight reads from a CloudFormation template: the ECS task definitions
/// (as the shared `ECSTaskDefinition` model) and the resources around them that a
/// deploy depends on — SSM parameters the secrets point at, ECS services with their
/// load balancer ports, and target groups with their health checks.
public struct CloudFormationTemplate: Sendable, Hashable {
    public var path: String
    public var parameters: [CloudFormationParameter] = []
    public var taskDefinitions: [ECSTaskDefinition] = []
    public var ssmParameters: [CloudFormationSSMParameter] = []
    public var services: [CloudFormationECSService] = []
    public var targetGroups: [CloudFormationTargetGroup] = []

    public init(path: String) {
        self.path = path
    }

    /// The task definition of a resource, by logical ID.
    public func taskDefinition(logicalID: String) -> ECSTaskDefinition? {
        taskDefinitions.first { $0.source == .cloudFormation(path: path, logicalID: logicalID) }
    }
}

/// A template parameter; `defaultValue` is what `Ref` resolves to when no override is given.
public struct CloudFormationParameter: Sendable, Hashable {
    public var name: Located<String>
    public var type: Located<String>?
    public var defaultValue: LocatedValue?

    public init(name: Located<String>, type: Located<String>?, defaultValue: LocatedValue?) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
    }
}

/// An `AWS::SSM::Parameter`, so a secret's `valueFrom: !Ref DatabaseUrlParameter` can be
/// traced to a parameter that exists in the same stack.
public struct CloudFormationSSMParameter: Sendable, Hashable {
    public var logicalID: String
    public var name: LocatedValue?
    public var value: LocatedValue?
    /// `String`, `StringList` (CloudFormation cannot create `SecureString`).
    public var type: Located<String>?
    public var location: SourceLocation

    public init(logicalID: String, name: LocatedValue?, value: LocatedValue?, type: Located<String>?, location: SourceLocation) {
        self.logicalID = logicalID
        self.name = name
        self.value = value
        self.type = type
        self.location = location
    }
}

/// An `AWS::ECS::Service`: how many tasks run, on what, and behind which target groups.
public struct CloudFormationECSService: Sendable, Hashable {
    public var logicalID: String
    public var serviceName: LocatedValue?
    /// Usually `.reference("Ref:TaskDefinition")`.
    public var taskDefinition: LocatedValue?
    public var launchType: Located<String>?
    public var desiredCount: Located<Int>?
    public var loadBalancers: [CloudFormationLoadBalancerLink] = []
    public var location: SourceLocation

    public init(logicalID: String, location: SourceLocation) {
        self.logicalID = logicalID
        self.location = location
    }

    /// The logical ID of the task definition when it is a `Ref` to a resource of the template.
    public var taskDefinitionLogicalID: String? {
        CloudFormationTemplate.referencedLogicalID(taskDefinition)
    }
}

/// One `LoadBalancers` entry of a service: which container port the target group sends traffic to.
public struct CloudFormationLoadBalancerLink: Sendable, Hashable {
    public var containerName: Located<String>?
    public var containerPort: Located<Int>?
    public var targetGroupArn: LocatedValue?
    public var location: SourceLocation

    public init(containerName: Located<String>?, containerPort: Located<Int>?, targetGroupArn: LocatedValue?, location: SourceLocation) {
        self.containerName = containerName
        self.containerPort = containerPort
        self.targetGroupArn = targetGroupArn
        self.location = location
    }

    /// The target group's logical ID when `TargetGroupArn` is a `Ref` to it.
    public var targetGroupLogicalID: String? {
        CloudFormationTemplate.referencedLogicalID(targetGroupArn)
    }
}

/// An `AWS::ElasticLoadBalancingV2::TargetGroup`: the port, protocol and health check
/// the load balancer uses (an HTTP health check against a gRPC container never passes).
public struct CloudFormationTargetGroup: Sendable, Hashable {
    public var logicalID: String
    public var port: Located<Int>?
    public var `protocol`: Located<String>?
    /// `HTTP1`, `HTTP2` or `GRPC`.
    public var protocolVersion: Located<String>?
    public var healthCheckPath: Located<String>?
    /// A port number or `traffic-port`.
    public var healthCheckPort: Located<String>?
    public var healthCheckProtocol: Located<String>?
    public var location: SourceLocation

    public init(logicalID: String, location: SourceLocation) {
        self.logicalID = logicalID
        self.location = location
    }
}

extension CloudFormationTemplate {
    /// `Ref:Name` → `Name`; nil for anything else (pseudo parameters included).
    static func referencedLogicalID(_ value: LocatedValue?) -> String? {
        guard case .reference(let text) = value?.value, text.hasPrefix("Ref:") else { return nil }
        let name = String(text.dropFirst(4))
        return name.hasPrefix("AWS::") ? nil : name
    }
}
