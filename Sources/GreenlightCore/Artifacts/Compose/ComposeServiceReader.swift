import Yams

extension ComposeNodeReader {
    /// One entry under `services:`; nil when its value is not a mapping.
    mutating func readService(_ item: ComposeMapItem) -> ComposeService? {
        var service = ComposeService(name: item.key, location: item.keyLocation)
        if isNull(item.value) { return service }
        guard let fields = mapping(item.value, "service '\(item.key)'") else { return nil }
        let owner = "of service '\(item.key)'"
        for field in fields {
            let value = field.value
            let what = "'\(field.key)' \(owner)"
            switch explicitTag(value) {
            case "!reset": service.resetKeys.insert(field.key)
            case "!override": service.overrideKeys.insert(field.key)
            default: break
            }
            switch field.key {
            case "image": service.image = string(value, what)
            case "build": service.build = build(value, what)
            case "command": service.command = command(value, what)
            case "entrypoint": service.entrypoint = command(value, what)
            case "environment": service.environment = mapEntries(value, what)
            case "env_file": service.envFiles = envFiles(value, what)
            case "ports": service.ports = ports(value, what)
            case "expose": service.expose = expose(value, what)
            case "healthcheck": service.healthcheck = healthcheck(value, what)
            case "depends_on": service.dependsOn = dependencies(value, what)
            case "profiles": service.profiles = stringList(value, what).map(\.value)
            case "restart": service.restart = string(value, what)
            case "user": service.user = string(value, what)
            case "working_dir": service.workingDir = string(value, what)
            case "platform": service.platform = string(value, what)
            case "network_mode": service.networkMode = string(value, what)
            case "deploy": service.replicas = replicas(value, what)
            case "extends": service.extends = extends(value, what)
            case "secrets": service.secrets = secretNames(value, what)
            case "labels": service.labels = mapEntries(value, what)
            case "volumes": service.volumes = mounts(value, what)
            default: break
            }
        }
        return service
    }

    /// `build: ./dir` or the long form.
    private mutating func build(_ node: Node, _ what: String) -> ComposeBuild? {
        if case .scalar = node {
            return string(node, what).map { ComposeBuild(context: $0, location: $0.location) }
        }
        guard let items = mapping(node, what) else { return nil }
        var build = ComposeBuild(context: Located(".", at: location(node)), location: location(node))
        build.hasExplicitContext = false
        for item in items {
            let field = "'\(item.key)' in \(what)"
            switch item.key {
            case "context":
                if let context = string(item.value, field) {
                    build.context = context
                    build.hasExplicitContext = true
                }
            case "dockerfile": build.dockerfile = string(item.value, field)
            case "dockerfile_inline": build.dockerfileInline = string(item.value, field)
            case "args": build.args = mapEntries(item.value, field)
            case "target": build.target = string(item.value, field)
            case "platforms": build.platforms = stringList(item.value, field)
            default: break
            }
        }
        return build
    }

    /// `depends_on:` as a list (condition `service_started`) or a map with conditions.
    private mutating func dependencies(_ node: Node, _ what: String) -> [ComposeDependency] {
        switch node {
        case .sequence(let sequence):
            return sequence.compactMap { element in
                string(element, "an item of \(what)").map { ComposeDependency(service: $0.value, location: $0.location) }
            }
        case .mapping:
            guard let items = mapping(node, what) else { return [] }
            return items.map { dependency($0, what) }
        default:
            if !isNull(node) { wrongShape(what, expected: "a list or a mapping", node) }
            return []
        }
    }

    private mutating func dependency(_ item: ComposeMapItem, _ what: String) -> ComposeDependency {
        var dependency = ComposeDependency(service: item.key, location: item.keyLocation)
        for field in mapping(item.value, "'\(item.key)' in \(what)") ?? [] {
            switch field.key {
            case "condition":
                guard let text = string(field.value, "condition of '\(item.key)' in \(what)") else { continue }
                if let condition = ComposeDependency.Condition(rawValue: text.value) {
                    dependency.condition = condition
                } else {
                    issue(
                        "unknown depends_on condition '\(text.value)'; expected service_started, service_healthy"
                            + " or service_completed_successfully",
                        at: field.value
                    )
                }
            case "required": dependency.required = bool(field.value, "required of '\(item.key)' in \(what)") ?? true
            case "restart": dependency.restart = bool(field.value, "restart of '\(item.key)' in \(what)") ?? false
            default: break
            }
        }
        return dependency
    }

    /// `deploy.replicas`.
    private mutating func replicas(_ node: Node, _ what: String) -> Located<Int>? {
        guard let items = mapping(node, what) else { return nil }
        guard let item = items.first(where: { $0.key == "replicas" }) else { return nil }
        return int(item.value, "'replicas' in \(what)")
    }

    /// Service `volumes:` in short (`src:dst[:mode]`) and long syntax.
    private mutating func mounts(_ node: Node, _ what: String) -> [ComposeVolumeMount] {
        guard case .sequence(let sequence) = node else {
            if !isNull(node) { wrongShape(what, expected: "a list", node) }
            return []
        }
        var mounts: [ComposeVolumeMount] = []
        for element in sequence {
            if case .mapping = element {
                if let mount = longMount(element, what) { mounts.append(mount) }
            } else if let text = string(element, "an item of \(what)") {
                mounts.append(Self.shortMount(text))
            }
        }
        return mounts
    }

    private static func shortMount(_ text: Located<String>) -> ComposeVolumeMount {
        let parts = text.value.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2 else {
            return ComposeVolumeMount(kind: .volume, source: nil, target: text.value, readOnly: false, location: text.location)
        }
        let source = parts[0]
        let mode = parts.count >= 3 ? parts[2] : ""
        let isPath = source.hasPrefix(".") || source.hasPrefix("/") || source.hasPrefix("~")
        return ComposeVolumeMount(
            kind: isPath ? .bind : .volume, source: source, target: parts[1],
            readOnly: mode.split(separator: ",").contains("ro"), location: text.location
        )
    }

    private mutating func longMount(_ node: Node, _ what: String) -> ComposeVolumeMount? {
        var kind = ComposeVolumeMount.Kind.volume
        var source: String?
        var target: String?
        var readOnly = false
        for item in mapping(node, "an item of \(what)") ?? [] {
            switch item.key {
            case "type":
                guard let text = string(item.value, "volume type in \(what)") else { continue }
                if let parsed = ComposeVolumeMount.Kind(rawValue: text.value) {
                    kind = parsed
                } else {
                    issue("unknown volume type '\(text.value)' in \(what)", at: item.value)
                }
            case "source": source = string(item.value, "volume source in \(what)")?.value
            case "target": target = string(item.value, "volume target in \(what)")?.value
            case "read_only": readOnly = bool(item.value, "volume read_only in \(what)") ?? false
            default: break
            }
        }
        guard let target else {
            issue("an item of \(what) needs a 'target'", at: node)
            return nil
        }
        return ComposeVolumeMount(kind: kind, source: source, target: target, readOnly: readOnly, location: location(node))
    }
}
