extension ECSTaskDefinition {
    /// Reads a task definition from JSON-shaped input in any of the shapes people keep
    /// in repositories: `register-task-definition --cli-input-json` input,
    /// `describe-task-definition` output (`{"taskDefinition": {...}}`) or a bare
    /// `containerDefinitions` array (Terraform's `container_definitions` file).
    /// Returns nil (with an issue) when the value has none of these shapes.
    public static func read(_ value: LocatedValue, source: ECSSource) -> (ECSTaskDefinition?, [ParseIssue]) {
        switch value.value {
        case .array:
            var fields = ECSFieldReader()
            var definition = ECSTaskDefinition(source: source, location: value.location)
            definition.containers = readContainers(in: value, fields: &fields, path: "containerDefinitions")
            definition.unresolvedFields = fields.unresolved
            return (definition, fields.sortedIssues)
        case .object:
            if let wrapped = value["taskDefinition"], case .object = wrapped.value {
                return read(wrapped, source: source)
            }
            guard value["containerDefinitions"] != nil else {
                return (nil, [ParseIssue("task definition: no containerDefinitions", at: value.location)])
            }
            var fields = ECSFieldReader()
            let definition = readObject(value, source: source, fields: &fields)
            return (definition, fields.sortedIssues)
        default:
            return (nil, [ParseIssue(
                "task definition: expected an object or a containerDefinitions array, found \(ECSFieldReader.describe(value.value))",
                at: value.location)])
        }
    }

    /// Reads the task-level fields of a camelCase task definition object.
    static func readObject(_ object: LocatedValue, source: ECSSource, fields: inout ECSFieldReader) -> ECSTaskDefinition {
        var definition = ECSTaskDefinition(source: source, location: object.location)
        definition.family = fields.string(object, "family", path: "family")
        if let containers = fields.member(object, "containerDefinitions") {
            definition.containers = readContainers(in: containers, fields: &fields, path: "containerDefinitions")
        }
        definition.cpu = fields.int(object, "cpu", path: "cpu", convert: FargateSizes.cpuUnits(from:))
        definition.memory = fields.int(object, "memory", path: "memory", convert: FargateSizes.memoryMiB(from:))
        definition.networkMode = fields.string(object, "networkMode", path: "networkMode")
        definition.requiresCompatibilities = readStrings(object, "requiresCompatibilities", fields: &fields)
        if let platform = fields.object(object, "runtimePlatform", path: "runtimePlatform") {
            definition.runtimePlatform = ECSRuntimePlatform(
                cpuArchitecture: fields.string(platform, "cpuArchitecture", path: "runtimePlatform.cpuArchitecture"),
                operatingSystemFamily: fields.string(platform, "operatingSystemFamily", path: "runtimePlatform.operatingSystemFamily"),
                location: platform.location)
        }
        definition.executionRoleArn = fields.scalar(object, "executionRoleArn", path: "executionRoleArn")
        definition.taskRoleArn = fields.scalar(object, "taskRoleArn", path: "taskRoleArn")
        definition.unresolvedFields = fields.unresolved
        return definition
    }

    /// The containers of a `containerDefinitions` value (which may itself be unknown).
    static func readContainers(in value: LocatedValue, fields: inout ECSFieldReader, path: String) -> [ECSContainerDefinition] {
        if fields.isUnresolved(value, path: path) { return [] }
        guard case .array(let items) = value.value else {
            fields.typeIssue(path, expected: "an array", found: value)
            return []
        }
        var reader = ECSContainerReader(fields: fields)
        var containers: [ECSContainerDefinition] = []
        for (index, item) in items.enumerated() {
            if reader.fields.isUnresolved(item, path: "\(path)[\(index)]") { continue }
            guard case .object = item.value else {
                reader.fields.typeIssue("\(path)[\(index)]", expected: "an object", found: item)
                continue
            }
            containers.append(reader.read(item, path: "\(path)[\(index)]"))
        }
        fields = reader.fields
        return containers
    }

    /// A list of known strings; unknown items are recorded as unresolved.
    static func readStrings(_ object: LocatedValue, _ key: String, fields: inout ECSFieldReader) -> [String] {
        guard let items = fields.array(object, key, path: key) else { return [] }
        var result: [String] = []
        for (index, item) in items.enumerated() {
            if fields.isUnresolved(item, path: "\(key)[\(index)]") { continue }
            guard let text = item.value.stringValue else {
                fields.typeIssue("\(key)[\(index)]", expected: "a string", found: item)
                continue
            }
            result.append(text)
        }
        return result
    }
}
