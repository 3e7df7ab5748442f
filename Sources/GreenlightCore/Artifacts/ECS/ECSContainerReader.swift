/// Reads one entry of `containerDefinitions` (camelCase keys, as ECS and
/// `jsonencode` write them) into an `ECSContainerDefinition`.
struct ECSContainerReader {
    var fields = ECSFieldReader()

    mutating func read(_ object: LocatedValue, path: String) -> ECSContainerDefinition {
        var container = ECSContainerDefinition(location: object.location)
        let outerUnresolved = fields.unresolved
        let outerPrefix = fields.prefix
        fields.unresolved = []
        fields.prefix = "\(outerPrefix)\(path)."
        container.name = fields.string(object, "name", path: "name")
        container.image = fields.scalar(object, "image", path: "image")
        container.essential = fields.bool(object, "essential", path: "essential")
        container.portMappings = readPortMappings(object)
        container.environment = readEnvironment(object)
        container.secrets = readSecrets(object)
        container.environmentFiles = readEnvironmentFiles(object)
        container.healthCheck = readHealthCheck(object)
        container.command = fields.array(object, "command", path: "command")
        container.entryPoint = fields.array(object, "entryPoint", path: "entryPoint")
        container.workingDirectory = fields.string(object, "workingDirectory", path: "workingDirectory")
        container.user = fields.string(object, "user", path: "user")
        container.cpu = fields.int(object, "cpu", path: "cpu")
        container.memory = fields.int(object, "memory", path: "memory")
        container.memoryReservation = fields.int(object, "memoryReservation", path: "memoryReservation")
        container.logConfiguration = readLogConfiguration(object)
        container.dependsOn = readDependsOn(object)
        container.readonlyRootFilesystem = fields.bool(object, "readonlyRootFilesystem", path: "readonlyRootFilesystem")
        container.unresolvedFields = fields.unresolved
        fields.unresolved = outerUnresolved
        fields.prefix = outerPrefix
        return container
    }

    private mutating func readPortMappings(_ object: LocatedValue) -> [ECSPortMapping] {
        fields.objects(object, "portMappings", path: "portMappings").map { index, item in
            let path = "portMappings[\(index)]"
            var mapping = ECSPortMapping(location: item.location)
            mapping.containerPort = fields.int(item, "containerPort", path: "\(path).containerPort")
            mapping.hostPort = fields.int(item, "hostPort", path: "\(path).hostPort")
            mapping.protocol = fields.string(item, "protocol", path: "\(path).protocol")
            mapping.name = fields.string(item, "name", path: "\(path).name")
            mapping.appProtocol = fields.string(item, "appProtocol", path: "\(path).appProtocol")
            return mapping
        }
    }

    private mutating func readEnvironment(_ object: LocatedValue) -> [ECSEnvironmentVariable] {
        fields.objects(object, "environment", path: "environment").compactMap { index, item in
            let path = "environment[\(index)]"
            guard let name = fields.string(item, "name", path: "\(path).name") else {
                if item["name"] == nil { fields.issues.append(ParseIssue("task definition: \(fields.prefix)\(path) has no name", at: item.location)) }
                return nil
            }
            return ECSEnvironmentVariable(name: name, value: fields.scalar(item, "value", path: "\(path).value"), location: item.location)
        }
    }

    private mutating func readSecrets(_ object: LocatedValue) -> [ECSSecret] {
        fields.objects(object, "secrets", path: "secrets").compactMap { index, item in
            let path = "secrets[\(index)]"
            guard let name = fields.string(item, "name", path: "\(path).name") else {
                if item["name"] == nil { fields.issues.append(ParseIssue("task definition: \(fields.prefix)\(path) has no name", at: item.location)) }
                return nil
            }
            guard let valueFrom = fields.scalar(item, "valueFrom", path: "\(path).valueFrom") else {
                fields.issues.append(ParseIssue("task definition: \(fields.prefix)\(path) (secret \(name.value)) has no valueFrom", at: item.location))
                return nil
            }
            return ECSSecret(name: name, valueFrom: valueFrom, location: item.location)
        }
    }

    private mutating func readEnvironmentFiles(_ object: LocatedValue) -> [ECSEnvironmentFile] {
        fields.objects(object, "environmentFiles", path: "environmentFiles").compactMap { index, item in
            let path = "environmentFiles[\(index)]"
            guard let value = fields.scalar(item, "value", path: "\(path).value") else { return nil }
            return ECSEnvironmentFile(value: value, type: fields.string(item, "type", path: "\(path).type"), location: item.location)
        }
    }

    private mutating func readHealthCheck(_ object: LocatedValue) -> ECSHealthCheck? {
        guard let item = fields.object(object, "healthCheck", path: "healthCheck") else { return nil }
        let command = fields.array(item, "command", path: "healthCheck.command") ?? []
        var check = ECSHealthCheck(command: command, location: item.location)
        if let first = command.first, first.value.isKnown, check.form == nil {
            fields.issues.append(ParseIssue(
                "task definition: \(fields.prefix)healthCheck.command must start with \"CMD\" or \"CMD-SHELL\", found \(ECSFieldReader.describe(first.value))",
                at: first.location))
        }
        check.interval = fields.int(item, "interval", path: "healthCheck.interval")
        check.timeout = fields.int(item, "timeout", path: "healthCheck.timeout")
        check.retries = fields.int(item, "retries", path: "healthCheck.retries")
        check.startPeriod = fields.int(item, "startPeriod", path: "healthCheck.startPeriod")
        return check
    }

    private mutating func readLogConfiguration(_ object: LocatedValue) -> ECSLogConfiguration? {
        guard let item = fields.object(object, "logConfiguration", path: "logConfiguration") else { return nil }
        var options: [String: LocatedValue] = [:]
        if let optionsValue = fields.object(item, "options", path: "logConfiguration.options"), case .object(let members) = optionsValue.value {
            for member in members { options[member.key] = member.value }
        }
        return ECSLogConfiguration(
            logDriver: fields.string(item, "logDriver", path: "logConfiguration.logDriver"),
            options: options,
            location: item.location)
    }

    private mutating func readDependsOn(_ object: LocatedValue) -> [ECSContainerDependency] {
        fields.objects(object, "dependsOn", path: "dependsOn").compactMap { index, item in
            let path = "dependsOn[\(index)]"
            guard let name = fields.string(item, "containerName", path: "\(path).containerName") else { return nil }
            return ECSContainerDependency(
                containerName: name, condition: fields.string(item, "condition", path: "\(path).condition"), location: item.location)
        }
    }
}
