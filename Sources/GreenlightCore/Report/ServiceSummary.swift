/// What `greenlight services` prints: the model as Greenlight understood it, so a
/// person can see why a rule fired (or why it stayed silent).
public enum ServiceSummary {
    public static func table(_ project: Project) -> String {
        guard !project.services.isEmpty else { return "no services found\n" }
        var text = ""
        for service in project.services {
            text += "\(service.name)  (\(target(service.target)), \(service.location))\n"
            var rows: [(String, String)] = []
            rows.append(("kind", service.kind.map { "\($0.rawValue)" + (service.kindEvidence.map { " — \($0)" } ?? "") } ?? "unknown"))
            if let image = service.image { rows.append(("image", "\(image.value) (\(image.location))")) }
            if let task = service.taskDefinition {
                var value = "family \(task.family?.value ?? "?")"
                if !task.requiresCompatibilities.isEmpty { value += ", \(task.requiresCompatibilities.joined(separator: "/"))" }
                if let cpu = task.cpu { value += ", cpu \(cpu.value)" }
                if let memory = task.memory { value += ", memory \(memory.value) MiB" }
                value += ", architecture \(task.runtimePlatform?.cpuArchitecture?.value ?? "X86_64 (default)")"
                rows.append(("task", value))
                if let container = service.ecsContainer {
                    rows.append(("logging", container.logConfiguration?.logDriver?.value ?? "none"))
                    if !container.secrets.isEmpty {
                        rows.append(("secrets", container.secrets.map { "\($0.name.value) ← \(ECSLinker.describe($0.valueFrom.value))" }.joined(separator: ", ")))
                    }
                }
                for target in service.loadBalancers {
                    rows.append(("target group", "\(target.targetGroup): port \(target.containerPort.map { String($0.value) } ?? "?"), health check \(target.healthCheckProtocol?.value ?? target.protocolName?.value ?? "?") \(target.healthCheckPath?.value ?? "") on \(target.healthCheckPort?.value ?? "traffic-port")"))
                }
            }
            if let build = service.build {
                var value = "\(build.dockerfile), context \(build.context.isEmpty ? "." : build.context)"
                if let target = build.target { value += ", target \(target)" }
                if !build.platforms.isEmpty { value += ", platform \(build.platforms.map(\.value).joined(separator: ","))" }
                rows.append(("build", value))
            }
            if let container = service.container {
                var base = container.baseImage + (container.baseKnown ? "" : " (not in the catalog)")
                base += ", workdir \(container.workdir), user \(container.user?.value ?? container.baseUser ?? "root")"
                rows.append(("image base", base))
            }
            if let command = service.command {
                rows.append(("command", "\(command.display)  [\(command.origin.rawValue), \(command.location)]"))
            }
            if let entry = service.entry {
                rows.append(("entry", "\(entryTarget(entry.target)) → \(entryStatus(entry.status))"))
            }
            if !service.ports.isEmpty {
                rows.append(("ports", service.ports.map(\.provenance).joined(separator: "; ")))
            }
            if let check = service.healthCheck {
                var value = "\(check.display)  [\(check.origin.rawValue), \(check.location)]"
                if let start = check.startPeriod { value += ", start period \(Int(start))s" }
                rows.append(("health check", value))
            } else {
                rows.append(("health check", "none"))
            }
            if !service.dependencies.isEmpty {
                rows.append(("depends on", service.dependencies.map { "\($0.service) (\($0.condition.rawValue))" }.joined(separator: ", ")))
            }
            let environment = service.environment.effectiveBindings
            if !environment.isEmpty {
                rows.append(("environment", environment.map { "\($0.name) [\($0.source.label)]" }.joined(separator: ", ")))
            }
            if let code = service.code {
                rows.append(("code", "\(code.entry): \(code.files.count) files"))
                if !code.servers.isEmpty {
                    rows.append(("serves", code.servers.map { "\($0.framework) (\($0.location))" }.joined(separator: ", ")))
                }
                let reads = code.envReads.map { $0.name + ($0.hasDefault ? "?" : "") }
                if !reads.isEmpty { rows.append(("reads env", Array(Set(reads)).sorted().joined(separator: ", "))) }
                if !code.thirdPartyImports.isEmpty {
                    rows.append(("imports", Array(Set(code.thirdPartyImports.map(\.value))).sorted().joined(separator: ", ")))
                }
            }
            let width = rows.map(\.0.count).max() ?? 0
            for (key, value) in rows {
                text += "  " + key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + value + "\n"
            }
            text += "\n"
        }
        return text
    }

    public static func json(_ project: Project) -> String {
        let services: [JSONValue] = project.services.map { service in
            var members: [JSONMember] = [
                JSONMember("name", .string(service.name)),
                JSONMember("target", .string(target(service.target))),
                JSONMember("file", .string(service.location.file)),
                JSONMember("line", .int(service.location.line)),
                JSONMember("kind", .string(service.kind?.rawValue)),
                JSONMember("kindEvidence", .string(service.kindEvidence)),
                JSONMember("image", .string(service.image?.value)),
            ]
            if let build = service.build {
                members.append(JSONMember("build", .object([
                    JSONMember("dockerfile", .string(build.dockerfile)),
                    JSONMember("context", .string(build.context)),
                    JSONMember("target", .string(build.target)),
                    JSONMember("platforms", .array(build.platforms.map { .string($0.value) })),
                ])))
            } else {
                members.append(JSONMember("build", .null))
            }
            members.append(JSONMember("baseImage", .string(service.container?.baseImage)))
            members.append(JSONMember("command", service.command.map { .array($0.argv.map { .string($0) }) } ?? .null))
            members.append(JSONMember("entry", service.entry.map { .string(entryTarget($0.target) + " → " + entryStatus($0.status)) } ?? .null))
            members.append(JSONMember("ports", .array(service.ports.map { claim in
                .object([JSONMember("port", .int(claim.port)), JSONMember("source", .string(claim.label)),
                         JSONMember("file", .string(claim.location.file)), JSONMember("line", .int(claim.location.line))])
            })))
            members.append(JSONMember("healthcheck", service.healthCheck.map { check in
                .object([JSONMember("test", .string(check.display)), JSONMember("origin", .string(check.origin.rawValue)),
                         JSONMember("startPeriod", .int(check.startPeriod.map { Int($0) }))])
            } ?? .null))
            members.append(JSONMember("environment", .array(service.environment.effectiveBindings.map { binding in
                .object([JSONMember("name", .string(binding.name)), JSONMember("source", .string(binding.source.label)),
                         JSONMember("file", .string(binding.location.file)), JSONMember("line", .int(binding.location.line))])
            })))
            members.append(JSONMember("dependsOn", .array(service.dependencies.map { .string($0.service) })))
            if let code = service.code {
                members.append(JSONMember("code", .object([
                    JSONMember("entry", .string(code.entry)),
                    JSONMember("files", .array(code.files.map { .string($0) })),
                    JSONMember("servers", .array(code.servers.map { .string($0.framework) })),
                    JSONMember("envReads", .array(code.envReads.map { read in
                        .object([JSONMember("name", .string(read.name)), JSONMember("hasDefault", .bool(read.hasDefault))])
                    })),
                    JSONMember("thirdPartyImports", .array(code.thirdPartyImports.map { .string($0.value) })),
                ])))
            } else {
                members.append(JSONMember("code", .null))
            }
            return .object(members)
        }
        return JSONSerializer.pretty(.object([JSONMember("version", .int(1)), JSONMember("services", .array(services))]))
    }

    static func target(_ target: DeployTarget) -> String {
        switch target {
        case .compose(let file): "compose \(file)"
        case .image(let dockerfile): "image \(dockerfile)"
        case .ecs(let family, let source): "ECS task definition \(family) (\(source))"
        }
    }

    static func entryTarget(_ target: EntryResolution.Target) -> String {
        switch target {
        case .module(let name): "module \(name)"
        case .script(let path): "script \(path)"
        case .appModule(let name): "app module \(name)"
        case .executable(let path): "executable \(path)"
        }
    }

    static func entryStatus(_ status: EntryResolution.Status) -> String {
        switch status {
        case .found(let path): "found \(path)"
        case .missing: "MISSING"
        case .unknown: "cannot tell"
        }
    }
}
