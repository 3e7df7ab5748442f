/// One resource of a template with its intrinsics resolved, and the conversions of
/// the resource types Greenlight reads into their located models.
struct CloudFormationResource {
    var logicalID: String
    var location: SourceLocation
    var properties: LocatedValue

    /// Property keys whose members are user data, not schema: their keys keep their case.
    static let freeFormKeys: Set<String> = ["Options", "DockerLabels", "FreeformTags", "Tags"]

    func taskDefinition(path: String, fields: inout ECSFieldReader) -> ECSTaskDefinition {
        let camel = Self.camelCased(properties, depth: 0)
        fields.unresolved = []
        fields.prefix = "\(logicalID)."
        var definition = ECSTaskDefinition.readObject(camel, source: .cloudFormation(path: path, logicalID: logicalID), fields: &fields)
        fields.prefix = ""
        fields.unresolved = []
        definition.location = location
        return definition
    }

    func service(fields: inout ECSFieldReader) -> CloudFormationECSService {
        var service = CloudFormationECSService(logicalID: logicalID, location: location)
        fields.prefix = "\(logicalID)."
        service.serviceName = fields.scalar(properties, "ServiceName", path: "ServiceName")
        service.taskDefinition = fields.scalar(properties, "TaskDefinition", path: "TaskDefinition")
        service.launchType = fields.string(properties, "LaunchType", path: "LaunchType")
        service.desiredCount = fields.int(properties, "DesiredCount", path: "DesiredCount")
        service.loadBalancers = fields.objects(properties, "LoadBalancers", path: "LoadBalancers").map { index, item in
            CloudFormationLoadBalancerLink(
                containerName: fields.string(item, "ContainerName", path: "LoadBalancers[\(index)].ContainerName"),
                containerPort: fields.int(item, "ContainerPort", path: "LoadBalancers[\(index)].ContainerPort"),
                targetGroupArn: fields.scalar(item, "TargetGroupArn", path: "LoadBalancers[\(index)].TargetGroupArn"),
                location: item.location)
        }
        fields.prefix = ""
        fields.unresolved = []
        return service
    }

    func targetGroup(fields: inout ECSFieldReader) -> CloudFormationTargetGroup {
        var group = CloudFormationTargetGroup(logicalID: logicalID, location: location)
        fields.prefix = "\(logicalID)."
        group.port = fields.int(properties, "Port", path: "Port")
        group.protocol = fields.string(properties, "Protocol", path: "Protocol")
        group.protocolVersion = fields.string(properties, "ProtocolVersion", path: "ProtocolVersion")
        group.healthCheckPath = fields.string(properties, "HealthCheckPath", path: "HealthCheckPath")
        group.healthCheckPort = fields.string(properties, "HealthCheckPort", path: "HealthCheckPort")
        group.healthCheckProtocol = fields.string(properties, "HealthCheckProtocol", path: "HealthCheckProtocol")
        fields.prefix = ""
        fields.unresolved = []
        return group
    }

    func ssmParameter(fields: inout ECSFieldReader) -> CloudFormationSSMParameter {
        fields.prefix = "\(logicalID)."
        defer {
            fields.prefix = ""
            fields.unresolved = []
        }
        return CloudFormationSSMParameter(
            logicalID: logicalID,
            name: fields.scalar(properties, "Name", path: "Name"),
            value: fields.scalar(properties, "Value", path: "Value"),
            type: fields.string(properties, "Type", path: "Type"),
            location: location)
    }

    /// `ContainerDefinitions` → `containerDefinitions`, recursively, so the ECS reader
    /// reads CloudFormation's PascalCase properties; free-form maps keep their keys.
    static func camelCased(_ value: LocatedValue, depth: Int) -> LocatedValue {
        guard depth < CloudFormationIntrinsics.maximumDepth else { return value }
        switch value.value {
        case .array(let items):
            return LocatedValue(.array(items.map { camelCased($0, depth: depth + 1) }), at: value.location)
        case .object(let members):
            return LocatedValue(.object(members.map { member in
                let child = freeFormKeys.contains(member.key) ? member.value : camelCased(member.value, depth: depth + 1)
                return StructuredMember(key: lowercasingFirstLetter(member.key), keyLocation: member.keyLocation, value: child)
            }), at: value.location)
        default:
            return value
        }
    }

    static func lowercasingFirstLetter(_ key: String) -> String {
        guard let first = key.utf8.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else { return key }
        return String(decoding: [first + 32] + Array(key.utf8.dropFirst()), as: UTF8.self)
    }
}
