import GreenlightCore

/// Writes probes as the `verify:` section of `.greenlight.yml` (`verify --derive --print`).
/// Reading the output back gives the same probes.
public enum ProbeYAML {
    public static func render(_ probes: [ProbeSpec], defaults: ProbeSettings = ProbeSettings()) -> String {
        var lines = ["verify:", "  probes:"]
        for probe in probes {
            lines.append("    - name: \(scalar(probe.name))")
            lines += target(probe.target).map { "      " + $0 }
            lines += settings(probe.settings, defaults: defaults).map { "      " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func target(_ target: ProbeTarget) -> [String] {
        switch target {
        case .tcp(let spec):
            return ["tcp: \(scalar(spec.address.description))"]
        case .http(let spec):
            var lines = ["http: \(scalar(spec.url))"]
            if spec.method != "GET" { lines.append("method: \(spec.method)") }
            if case .codes(let codes) = spec.status { lines.append("status: [\(codes.map(String.init).joined(separator: ", "))]") }
            if let contains = spec.contains { lines.append("contains: \(scalar(contains))") }
            if let latency = spec.maxLatency { lines.append("max-latency: \(DurationText.format(latency))") }
            if !spec.headers.isEmpty {
                lines.append("headers:")
                lines += spec.headers.map { "  \(scalar($0.name)): \(scalar($0.value))" }
            }
            if spec.insecure { lines.append("insecure: true") }
            return lines
        case .grpc(let spec):
            var lines = ["grpc: \(scalar(spec.address.description))"]
            if !spec.service.isEmpty { lines.append("service: \(scalar(spec.service))") }
            if spec.tls { lines.append("tls: true") }
            if spec.insecure { lines.append("insecure: true") }
            if let name = spec.serverName { lines.append("server-name: \(scalar(name))") }
            if let file = spec.caFile { lines.append("ca-file: \(scalar(file))") }
            return lines
        case .postgres(let spec):
            return ["postgres: \(scalar(spec.url))"]
        case .redis(let spec):
            return ["redis: \(scalar(spec.url))"]
        case .ssm(let spec):
            var lines = ["ssm:"] + spec.names.map { "  - \(scalar($0))" }
            if let region = spec.region { lines.append("region: \(scalar(region))") }
            return lines
        case .ecs(let spec):
            var lines = ["ecs:", "  cluster: \(scalar(spec.cluster))", "  services: [\(spec.services.map(scalar).joined(separator: ", "))]"]
            if !spec.secrets.isEmpty { lines.append("  secrets: [\(spec.secrets.map(scalar).joined(separator: ", "))]") }
            if let region = spec.region { lines.append("  region: \(scalar(region))") }
            return lines
        case .command(let spec):
            var lines = ["command: \(scalar(spec.command))"]
            if let contains = spec.contains { lines.append("contains: \(scalar(contains))") }
            if let directory = spec.directory { lines.append("directory: \(scalar(directory))") }
            return lines
        case .deps(let spec):
            return ["deps:", "  requirements: \(scalar(spec.requirements))", "  python: \(scalar(spec.python))"]
        }
    }

    static func settings(_ settings: ProbeSettings, defaults: ProbeSettings) -> [String] {
        var lines: [String] = []
        if settings.timeout != defaults.timeout { lines.append("timeout: \(DurationText.format(settings.timeout))") }
        if settings.retries != defaults.retries { lines.append("retries: \(settings.retries)") }
        if settings.interval != defaults.interval { lines.append("interval: \(DurationText.format(settings.interval))") }
        if settings.startPeriod != defaults.startPeriod { lines.append("start-period: \(DurationText.format(settings.startPeriod))") }
        return lines
    }

    /// A YAML scalar: plain when that reads back as the same string, else double-quoted.
    static func scalar(_ text: String) -> String {
        let special: Set<Character> = [":", "#", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\"]
        let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", ""]
        let needsQuotes = reserved.contains(text.lowercased()) || text.first == " " || text.last == " "
            || text.first == "-" || text.first == "?" || Double(text) != nil
            || text.contains(": ") || text.contains(" #") || text.first.map { special.contains($0) } ?? true
            || text.contains(where: { $0.isNewline || $0 == "\t" })
        guard needsQuotes else { return text }
        var escaped = "\""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }
}
