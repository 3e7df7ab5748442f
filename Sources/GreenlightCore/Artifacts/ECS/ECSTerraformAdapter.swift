extension ECSTaskDefinition {
    /// Builds a task definition from the evaluated attributes of a Terraform
    /// `aws_ecs_task_definition` resource (snake_case: `family`, `cpu`, `memory`,
    /// `network_mode`, `requires_compatibilities`, `runtime_platform`,
    /// `execution_role_arn`, `task_role_arn`, `container_definitions`).
    ///
    /// `container_definitions` is normally the decoded array (from `jsonencode`); when the
    /// evaluator could only produce the JSON text (`file("containers.json")`), the text
    /// is parsed here, located from the value's position. Unknown attributes stay unresolved.
    public static func read(
        terraformAttributes attributes: [String: LocatedValue],
        address: String,
        at location: SourceLocation
    ) -> (ECSTaskDefinition?, [ParseIssue]) {
        var fields = ECSFieldReader()
        let object = LocatedValue(
            .object(attributes.sorted { $0.key < $1.key }.map {
                StructuredMember(key: $0.key, keyLocation: $0.value.location, value: $0.value)
            }),
            at: location)
        var definition = ECSTaskDefinition(source: .terraform(address: address), location: location)
        definition.family = fields.string(object, "family", path: "family")
        definition.cpu = fields.int(object, "cpu", path: "cpu", convert: FargateSizes.cpuUnits(from:))
        definition.memory = fields.int(object, "memory", path: "memory", convert: FargateSizes.memoryMiB(from:))
        definition.networkMode = fields.string(object, "network_mode", path: "network_mode")
        definition.requiresCompatibilities = readStrings(object, "requires_compatibilities", fields: &fields)
        if let platform = terraformBlock(fields.member(object, "runtime_platform"), fields: &fields) {
            definition.runtimePlatform = ECSRuntimePlatform(
                cpuArchitecture: fields.string(platform, "cpu_architecture", path: "runtime_platform.cpu_architecture"),
                operatingSystemFamily: fields.string(platform, "operating_system_family", path: "runtime_platform.operating_system_family"),
                location: platform.location)
        }
        definition.executionRoleArn = fields.scalar(object, "execution_role_arn", path: "execution_role_arn")
        definition.taskRoleArn = fields.scalar(object, "task_role_arn", path: "task_role_arn")
        if var containers = fields.member(object, "container_definitions") {
            if case .string(let text) = containers.value {
                let (parsed, issues) = LocatedJSON.parse(Array(text.utf8), embeddedAt: containers.location)
                fields.issues += issues
                containers = parsed ?? LocatedValue(.unknown("container_definitions is not valid JSON"), at: containers.location)
            }
            definition.containers = readContainers(in: containers, fields: &fields, path: "container_definitions")
        }
        definition.unresolvedFields = fields.unresolved
        return (definition, fields.sortedIssues)
    }

    /// A nested Terraform block: an object, or a list holding one object.
    private static func terraformBlock(_ value: LocatedValue?, fields: inout ECSFieldReader) -> LocatedValue? {
        guard let value else { return nil }
        switch value.value {
        case .object: return value
        case .array(let items): return items.first { if case .object = $0.value { true } else { false } }
        default:
            _ = fields.isUnresolved(value, path: "runtime_platform")
            return nil
        }
    }
}
