import Yams

extension ConfigurationLoader.Keys {
    /// Keys of `verify:` and of `verify.defaults`.
    public static let verify = ["defaults", "probes"]
    public static let probeSettings = ["timeout", "retries", "interval", "start-period"]
    /// Options each probe kind accepts besides its kind key and the settings.
    public static let probeOptions: [String: [String]] = [
        "tcp": [],
        "http": ["status", "contains", "max-latency", "method", "headers", "insecure"],
        "grpc": ["service", "tls", "insecure", "server-name", "ca-file"],
        "postgres": [],
        "redis": [],
        "ssm": ["region"],
        "ecs": [],
        "command": ["contains", "directory"],
        "deps": [],
    ]
    public static let ecsProbe = ["cluster", "services", "secrets", "region"]
    public static let depsProbe = ["requirements", "python"]
}

extension ConfigurationLoader.Reader {
    /// `verify:` — either `{defaults: …, probes: […]}` or just the list of probes.
    mutating func verify(_ node: Node) -> VerifyConfiguration {
        var configuration = VerifyConfiguration()
        if YAMLLoading.isNull(node) { return configuration }
        var probeNodes: [Node] = []
        if case .sequence(let sequence) = node {
            probeNodes = Array(sequence)
        } else if let entries = mapping(node, what: "verify") {
            for (key, keyNode, value) in entries {
                switch normalizedKey(key) {
                case "defaults": configuration.defaults = probeSettings(value, base: ProbeSettings(), what: "verify.defaults")
                case "probes":
                    if YAMLLoading.isNull(value) { continue }
                    guard case .sequence(let sequence) = value else {
                        report("verify.probes must be a list of probes", value)
                        continue
                    }
                    probeNodes = Array(sequence)
                default: unknownKey(key, keyNode, allowed: ConfigurationLoader.Keys.verify, section: "verify")
                }
            }
        }
        var seen: [String: Int] = [:]
        for probeNode in probeNodes {
            let before = issues.count
            guard let (name, result) = probe(probeNode, defaults: configuration.defaults) else { continue }
            if let line = seen[name] {
                report("probe name '\(name)' is already used on line \(line)", probeNode)
                continue
            }
            seen[name] = YAMLLoading.location(of: probeNode, in: source).line
            guard issues.count == before else { continue }
            switch result {
            case .success(let spec): configuration.probes.append(spec)
            case .failure(let issue): configuration.unresolved.append(UnresolvedProbe(name: name, issue: issue))
            }
        }
        return configuration
    }

    /// `timeout`, `retries`, `interval`, `start-period` over `base`.
    mutating func probeSettings(_ node: Node, base: ProbeSettings, what: String) -> ProbeSettings {
        var settings = base
        guard let entries = mapping(node, what: what) else { return settings }
        for (key, keyNode, value) in entries {
            applySetting(normalizedKey(key), keyNode, value, to: &settings, what: what)
        }
        return settings
    }

    /// Applies one setting key; false when `key` is not a setting.
    @discardableResult
    mutating func applySetting(_ key: String, _ keyNode: Node, _ value: Node, to settings: inout ProbeSettings, what: String) -> Bool {
        switch key {
        case "timeout":
            if let duration = duration(value, what: "\(what).timeout", allowZero: false) { settings.timeout = duration }
        case "interval":
            if let duration = duration(value, what: "\(what).interval", allowZero: true) { settings.interval = duration }
        case "start-period":
            if let duration = duration(value, what: "\(what).start-period", allowZero: true) { settings.startPeriod = duration }
        case "retries":
            if let number = integer(value, what: "\(what).retries") {
                if number < 0 {
                    report("\(what).retries cannot be negative", value)
                } else {
                    settings.retries = number
                }
            }
        default:
            unknownKey(key, keyNode, allowed: ConfigurationLoader.Keys.probeSettings, section: what)
            return false
        }
        return true
    }

    /// One probe. Returns nil when it has no usable name; `.failure` when a `${VAR}` is unset.
    mutating func probe(_ node: Node, defaults: ProbeSettings) -> (String, Result<ProbeSpec, ParseIssue>)? {
        guard let entries = mapping(node, what: "each probe") else { return nil }
        let keyed = entries.map { (key: normalizedKey($0.key), keyNode: $0.keyNode, value: $0.value) }
        guard let nameEntry = keyed.first(where: { $0.key == "name" }) else {
            report("a probe needs a name (name: api-health)", node)
            return nil
        }
        guard let name = scalar(nameEntry.value, what: "name"), !name.isEmpty else { return nil }
        let kinds = keyed.filter { ProbeTarget.kinds.contains($0.key) }
        guard let kindEntry = kinds.first else {
            report("probe '\(name)' needs one kind key: \(ProbeTarget.kinds.joined(separator: ", "))", node)
            return (name, .failure(ParseIssue("no kind", at: YAMLLoading.location(of: node, in: source))))
        }
        if kinds.count > 1 {
            report("probe '\(name)' has \(kinds.count) kind keys (\(kinds.map(\.key).joined(separator: ", "))); give each its own probe", kinds[1].keyNode)
        }
        let kind = kindEntry.key
        let allowedOptions = ConfigurationLoader.Keys.probeOptions[kind] ?? []
        var settings = defaults
        var options: [String: Node] = [:]
        let what = "probe '\(name)'"
        for entry in keyed where entry.key != "name" && entry.key != kind {
            if ConfigurationLoader.Keys.probeSettings.contains(entry.key) {
                applySetting(entry.key, entry.keyNode, entry.value, to: &settings, what: what)
            } else if allowedOptions.contains(entry.key) {
                options[entry.key] = entry.value
            } else if ProbeTarget.kinds.contains(entry.key) {
                continue
            } else {
                let owners = ConfigurationLoader.Keys.probeOptions.filter { $0.value.contains(entry.key) }.map(\.key).sorted()
                if !owners.isEmpty {
                    report("'\(entry.key)' applies to \(owners.joined(separator: " and ")) probes, not \(kind)", entry.keyNode)
                } else {
                    unknownKey(entry.key, entry.keyNode, allowed: ["name"] + ConfigurationLoader.Keys.probeSettings + allowedOptions,
                               section: what)
                }
            }
        }
        var interpolation = Interpolation(environment: environment)
        let target = probeTarget(kind: kind, value: kindEntry.value, options: options, what: what, interpolation: &interpolation)
        let location = YAMLLoading.location(of: node, in: source)
        if let missing = interpolation.missing.first {
            let issue = ParseIssue("probe '\(name)' uses ${\(missing.name)}, which is not set", at: YAMLLoading.location(of: missing.node, in: source))
            return (name, .failure(issue))
        }
        guard let target else { return (name, .failure(ParseIssue("invalid", at: location))) }
        return (name, .success(ProbeSpec(name: name, target: target, settings: settings, location: location)))
    }

    /// Snake-case spellings (`start_period`, `max_latency`) are accepted for the kebab-case keys.
    func normalizedKey(_ key: String) -> String {
        key.contains("_") ? key.replacingOccurrences(of: "_", with: "-") : key
    }

    /// A duration: `2s`, `500ms`, `1m30s`, or a number of seconds.
    mutating func duration(_ node: Node, what: String, allowZero: Bool) -> Duration? {
        guard let text = scalar(node, what: what) else { return nil }
        var seconds: Double?
        if let number = Double(text) { seconds = number } else { seconds = DockerDuration.seconds(text) }
        guard let seconds, seconds >= 0, seconds < 86_400 * 7 else {
            report("\(what) must be a duration such as 2s, 500ms or 1m30s, not '\(text)'", node)
            return nil
        }
        if seconds == 0, !allowZero {
            report("\(what) must be longer than zero", node)
            return nil
        }
        return .milliseconds(Int64((seconds * 1000).rounded()))
    }

    mutating func boolean(_ node: Node, what: String) -> Bool? {
        guard let text = scalar(node, what: what) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("\(what) must be true or false, not '\(text)'", node)
            return nil
        }
    }
}

/// Fills `${VAR}` and `${VAR:-default}` from the environment and remembers what was missing.
struct Interpolation {
    let environment: [String: String]
    var missing: [(name: String, node: Node)] = []

    init(environment: [String: String]) {
        self.environment = environment
    }

    mutating func apply(_ text: String, node: Node) -> String {
        let (result, unset) = VariableTemplate.expand(text, values: environment)
        missing += unset.map { ($0, node) }
        return result
    }
}
