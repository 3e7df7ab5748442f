import Yams

extension ConfigurationLoader.Reader {
    /// The kind-specific part of a probe: its kind key's value and its options.
    /// Nil after reporting an issue, or when a `${VAR}` is unset (recorded in `interpolation`).
    mutating func probeTarget(kind: String, value: Node, options: [String: Node], what: String,
                              interpolation: inout Interpolation) -> ProbeTarget? {
        func text(_ node: Node, _ label: String) -> String? {
            guard let raw = scalar(node, what: "\(what).\(label)") else { return nil }
            return interpolation.apply(raw, node: node)
        }
        let unresolved = { (interpolation: Interpolation) in !interpolation.missing.isEmpty }
        switch kind {
        case "tcp":
            guard let raw = text(value, "tcp") else { return nil }
            if unresolved(interpolation) { return nil }
            guard let address = hostPort(raw, value, what: "\(what).tcp") else { return nil }
            return .tcp(TCPProbeSpec(address: address))
        case "http":
            guard let url = text(value, "http") else { return nil }
            var spec = HTTPProbeSpec(url: url)
            if let node = options["status"] { spec.status = statusExpectation(node, what: "\(what).status") ?? .successful }
            if let node = options["contains"] { spec.contains = text(node, "contains") }
            if let node = options["max-latency"] { spec.maxLatency = duration(node, what: "\(what).max-latency", allowZero: false) }
            if let node = options["method"], let method = text(node, "method") {
                let upper = method.uppercased()
                if ["GET", "HEAD", "POST", "OPTIONS"].contains(upper) {
                    spec.method = upper
                } else {
                    report("\(what).method must be GET, HEAD, POST or OPTIONS, not '\(method)'", node)
                }
            }
            if let node = options["headers"], let entries = mapping(node, what: "\(what).headers") {
                for (name, _, headerValue) in entries {
                    if let value = text(headerValue, "headers.\(name)") { spec.headers.append(HTTPHeaderField(name: name, value: value)) }
                }
            }
            if let node = options["insecure"] { spec.insecure = boolean(node, what: "\(what).insecure") ?? false }
            if unresolved(interpolation) { return nil }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                report("\(what).http must be an http:// or https:// URL, not '\(url)'", value)
                return nil
            }
            return .http(spec)
        case "grpc":
            guard let raw = text(value, "grpc") else { return nil }
            var tls = false
            var plain = raw
            if raw.hasPrefix("grpcs://") || raw.hasPrefix("https://") {
                tls = true
                plain = String(raw.drop(while: { $0 != "/" }).dropFirst(2))
            } else if raw.hasPrefix("grpc://") || raw.hasPrefix("http://") {
                plain = String(raw.drop(while: { $0 != "/" }).dropFirst(2))
            }
            if unresolved(interpolation) { return nil }
            guard let address = hostPort(plain, value, what: "\(what).grpc") else { return nil }
            var spec = GRPCProbeSpec(address: address, tls: tls)
            if let node = options["service"] { spec.service = text(node, "service") ?? "" }
            if let node = options["tls"] { spec.tls = boolean(node, what: "\(what).tls") ?? tls }
            if let node = options["insecure"] { spec.insecure = boolean(node, what: "\(what).insecure") ?? false }
            if let node = options["server-name"] { spec.serverName = text(node, "server-name") }
            if let node = options["ca-file"] { spec.caFile = text(node, "ca-file") }
            if (spec.insecure || spec.serverName != nil || spec.caFile != nil), !spec.tls {
                report("\(what): insecure, server-name and ca-file need tls: true", value)
            }
            return .grpc(spec)
        case "postgres":
            guard let url = text(value, "postgres") else { return nil }
            if unresolved(interpolation) { return nil }
            guard url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") else {
                report("\(what).postgres must be a postgresql:// URL", value)
                return nil
            }
            return .postgres(PostgresProbeSpec(url: url))
        case "redis":
            guard let url = text(value, "redis") else { return nil }
            if unresolved(interpolation) { return nil }
            guard url.hasPrefix("redis://") || url.hasPrefix("rediss://") else {
                report("\(what).redis must be a redis:// or rediss:// URL", value)
                return nil
            }
            return .redis(RedisProbeSpec(url: url))
        case "ssm":
            var names: [String] = []
            if case .sequence = value {
                names = (strings(value, what: "\(what).ssm") ?? []).map { interpolation.apply($0, node: value) }
            } else if let name = text(value, "ssm") {
                names = [name]
            }
            guard !names.isEmpty else {
                report("\(what).ssm must name at least one parameter", value)
                return nil
            }
            var spec = SSMProbeSpec(names: names)
            if let node = options["region"] { spec.region = text(node, "region") }
            return unresolved(interpolation) ? nil : .ssm(spec)
        case "ecs":
            guard let entries = mapping(value, what: "\(what).ecs") else { return nil }
            var cluster: String?
            var services: [String] = []
            var secrets: [String] = []
            var region: String?
            for (key, keyNode, field) in entries {
                switch normalizedKey(key) {
                case "cluster": cluster = text(field, "ecs.cluster")
                case "services":
                    if case .sequence = field {
                        services = (strings(field, what: "\(what).ecs.services") ?? []).map { interpolation.apply($0, node: field) }
                    } else if let one = text(field, "ecs.services") {
                        services = [one]
                    }
                case "secrets": secrets = strings(field, what: "\(what).ecs.secrets") ?? []
                case "region": region = text(field, "ecs.region")
                default: unknownKey(key, keyNode, allowed: ConfigurationLoader.Keys.ecsProbe, section: "\(what).ecs")
                }
            }
            guard let cluster, !cluster.isEmpty else {
                report("\(what).ecs needs a cluster", value)
                return nil
            }
            guard !services.isEmpty else {
                report("\(what).ecs needs services (a list of service names)", value)
                return nil
            }
            return unresolved(interpolation) ? nil : .ecs(ECSProbeSpec(cluster: cluster, services: services, secrets: secrets, region: region))
        case "command":
            guard let command = text(value, "command"), !command.isEmpty else { return nil }
            var spec = CommandProbeSpec(command: command)
            if let node = options["contains"] { spec.contains = text(node, "contains") }
            if let node = options["directory"] { spec.directory = text(node, "directory") }
            return unresolved(interpolation) ? nil : .command(spec)
        case "deps":
            guard let entries = mapping(value, what: "\(what).deps") else { return nil }
            var requirements: String?
            var python = "python3"
            for (key, keyNode, field) in entries {
                switch normalizedKey(key) {
                case "requirements": requirements = text(field, "deps.requirements")
                case "python": python = text(field, "deps.python") ?? python
                default: unknownKey(key, keyNode, allowed: ConfigurationLoader.Keys.depsProbe, section: "\(what).deps")
                }
            }
            guard let requirements, !requirements.isEmpty else {
                report("\(what).deps needs requirements (the requirements file to compare against)", value)
                return nil
            }
            return unresolved(interpolation) ? nil : .deps(DepsProbeSpec(requirements: requirements, python: python))
        default:
            return nil
        }
    }

    mutating func hostPort(_ text: String, _ node: Node, what: String) -> HostPort? {
        if let address = HostPort(text) { return address }
        report("\(what) must be host:port (e.g. localhost:50051), not '\(text)'", node)
        return nil
    }

    /// `status: 200`, `status: [200, 204]`, or `status: 2xx`.
    mutating func statusExpectation(_ node: Node, what: String) -> StatusExpectation? {
        var items: [Node] = []
        if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
        var codes: [Int] = []
        for item in items {
            guard let text = scalar(item, what: what) else { return nil }
            if text.count == 3, text.hasSuffix("xx"), let first = text.first?.wholeNumberValue, (1...5).contains(first) {
                codes += Array(first * 100..<first * 100 + 100)
            } else if let code = Int(text), (100...599).contains(code) {
                codes.append(code)
            } else {
                report("\(what) must be a status code (200), a class (2xx) or a list of them, not '\(text)'", item)
                return nil
            }
        }
        if codes == Array(200..<300) { return .successful }
        return .codes(codes)
    }
}
