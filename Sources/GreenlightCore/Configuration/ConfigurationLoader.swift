import Yams

/// An error in a configuration file: a located message, printed as `file:line: message`.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var issues: [ParseIssue]

    public var description: String {
        issues.map { "\($0.location.file):\($0.location.line):\($0.location.column): \($0.message)" }
            .joined(separator: "\n")
    }
}

/// Reads `.greenlight.yml`. Unknown keys and bad values are errors with a location
/// and, where a known key is close, a suggestion.
public enum ConfigurationLoader {
    public static let fileName = ".greenlight.yml"

    /// Keys allowed at each level; the single declaration the validator and the docs use.
    public enum Keys {
        public static let topLevel = ["rules", "services", "exclude", "fail-on", "policy", "terraform-var-files", "verify", "freeze"]
        public static let service = ["kind", "context", "dockerfile", "entry", "health-path", "start-period", "rules"]
        public static let policy = ["placeholder-words", "secret-names", "start-period", "minimum-cpu", "minimum-memory"]
        public static let policyKinds = ["http", "grpc", "tcp", "worker", "database"]
    }

    /// Parses configuration text. `knownRules` are the rule ids that may be named;
    /// `environment` fills `${VAR}` references in the `verify:` section.
    public static func parse(_ source: SourceText, knownRules: [String],
                             environment: [String: String] = [:]) throws(ConfigurationError) -> Configuration {
        var reader = Reader(source: source, knownRules: knownRules, environment: environment)
        var configuration = reader.read()
        configuration.verify.applyPolicy(configuration.policy)
        if !reader.issues.isEmpty { throw ConfigurationError(issues: reader.issues) }
        return configuration
    }

    struct Reader {
        let source: SourceText
        let knownRules: [String]
        let environment: [String: String]
        var issues: [ParseIssue] = []

        init(source: SourceText, knownRules: [String], environment: [String: String]) {
            self.source = source
            self.knownRules = knownRules
            self.environment = environment
        }

        mutating func read() -> Configuration {
            var configuration = Configuration()
            configuration.path = source.path
            let (root, issue) = YAMLLoading.load(source)
            if let issue { issues.append(issue); return configuration }
            guard let root else { return configuration }
            if YAMLLoading.isNull(root) {
                return configuration
            }
            guard let entries = mapping(root, what: "the configuration") else { return configuration }
            for (key, keyNode, value) in entries {
                switch key {
                case "rules": configuration.rules = ruleLevels(value)
                case "services": configuration.services = services(value)
                case "exclude": configuration.exclude = strings(value, what: "exclude") ?? []
                case "fail-on":
                    if let text = scalar(value, what: "fail-on") {
                        if let level = FailLevel(rawValue: text) {
                            configuration.failOn = level
                        } else {
                            report("fail-on must be one of \(FailLevel.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", value)
                        }
                    }
                case "policy": configuration.policy = policy(value)
                case "terraform-var-files": configuration.terraformVariableFiles = strings(value, what: "terraform-var-files") ?? []
                case "verify": configuration.verify = verify(value)
                case "freeze": configuration.freeze = freezePolicy(value, what: "freeze")
                default: unknownKey(key, keyNode, allowed: Keys.topLevel, section: "top level")
                }
            }
            return configuration
        }

        mutating func services(_ node: Node) -> [String: ServiceOverride] {
            var result: [String: ServiceOverride] = [:]
            guard let entries = mapping(node, what: "services") else { return result }
            for (name, _, value) in entries {
                var override = ServiceOverride()
                guard let fields = mapping(value, what: "services.\(name)") else { continue }
                for (key, keyNode, field) in fields {
                    switch key {
                    case "kind":
                        if let text = scalar(field, what: "kind") {
                            if let kind = ServiceKind(rawValue: text) {
                                override.kind = kind
                            } else {
                                report("kind must be one of \(ServiceKind.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", field)
                            }
                        }
                    case "context": override.context = scalar(field, what: "context")
                    case "dockerfile": override.dockerfile = scalar(field, what: "dockerfile")
                    case "entry":
                        if case .sequence = field {
                            override.entry = strings(field, what: "entry")
                        } else if let text = scalar(field, what: "entry") {
                            override.entry = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                        }
                    case "health-path": override.healthPath = scalar(field, what: "health-path")
                    case "start-period": override.startPeriod = seconds(field, what: "services.\(name).start-period")
                    case "rules": override.rules = ruleLevels(field)
                    default: unknownKey(key, keyNode, allowed: Keys.service, section: "services.\(name)")
                    }
                }
                result[name] = override
            }
            return result
        }

        mutating func policy(_ node: Node) -> Policy {
            var policy = Policy()
            guard let entries = mapping(node, what: "policy") else { return policy }
            for (key, keyNode, value) in entries {
                switch key {
                case "placeholder-words": policy.placeholderWords = strings(value, what: key) ?? []
                case "secret-names": policy.secretNames = strings(value, what: key) ?? []
                case "start-period": policy.startPeriod.merge(kindNumbers(value, what: key, seconds: true)) { _, new in new }
                case "minimum-cpu": policy.minimumCPU.merge(kindNumbers(value, what: key, seconds: false)) { _, new in new }
                case "minimum-memory": policy.minimumMemory.merge(kindNumbers(value, what: key, seconds: false)) { _, new in new }
                default: unknownKey(key, keyNode, allowed: Keys.policy, section: "policy")
                }
            }
            return policy
        }

        /// `{http: 120s, grpc: 180}`: a number per kind of service.
        mutating func kindNumbers(_ node: Node, what: String, seconds: Bool) -> [String: Int] {
            var result: [String: Int] = [:]
            guard let entries = mapping(node, what: "policy.\(what)") else { return result }
            for (kind, keyNode, value) in entries {
                guard Keys.policyKinds.contains(kind) else {
                    unknownKey(kind, keyNode, allowed: Keys.policyKinds, section: "policy.\(what)")
                    continue
                }
                let number = seconds ? self.seconds(value, what: "policy.\(what).\(kind)") : integer(value, what: "policy.\(what).\(kind)")
                if let number { result[kind] = number }
            }
            return result
        }

        /// A duration in seconds: `180`, `180s`, `3m`.
        mutating func seconds(_ node: Node, what: String) -> Int? {
            guard let text = scalar(node, what: what) else { return nil }
            if let value = Int(text) { return value }
            if let value = DockerDuration.seconds(text) { return Int(value) }
            report("\(what) must be a duration such as 180s or 3m, not '\(text)'", node)
            return nil
        }

        mutating func integer(_ node: Node, what: String) -> Int? {
            guard let text = scalar(node, what: what) else { return nil }
            if let value = Int(text) { return value }
            report("\(what) must be a whole number, not '\(text)'", node)
            return nil
        }

        mutating func ruleLevels(_ node: Node) -> [String: RuleLevel] {
            var result: [String: RuleLevel] = [:]
            guard let entries = mapping(node, what: "rules") else { return result }
            for (id, keyNode, value) in entries {
                guard knownRules.contains(id) else {
                    unknownKey(id, keyNode, allowed: knownRules, section: "rules", noun: "rule")
                    continue
                }
                guard let text = scalar(value, what: "rules.\(id)") else { continue }
                if let level = RuleLevel(text) {
                    result[id] = level
                } else {
                    report("rules.\(id) must be error, warning, note or off, not '\(text)'", value)
                }
            }
            return result
        }

        mutating func mapping(_ node: Node, what: String) -> [(key: String, keyNode: Node, value: Node)]? {
            if YAMLLoading.isNull(node) { return [] }
            guard let entries = YAMLLoading.entries(node) else {
                report("\(what) must be a mapping", node)
                return nil
            }
            return entries
        }

        mutating func scalar(_ node: Node, what: String) -> String? {
            guard case .scalar(let scalar) = node else {
                report("\(what) must be a single value", node)
                return nil
            }
            return scalar.string
        }

        mutating func strings(_ node: Node, what: String) -> [String]? {
            guard case .sequence(let sequence) = node else {
                report("\(what) must be a list", node)
                return nil
            }
            var result: [String] = []
            for item in sequence {
                if let text = scalar(item, what: "each item of \(what)") { result.append(text) }
            }
            return result
        }

        mutating func unknownKey(_ key: String, _ node: Node, allowed: [String], section: String, noun: String = "key") {
            var message = "unknown \(noun) '\(key)' in \(section)"
            if let suggestion = Suggestion.closest(to: key, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else if noun == "key" {
                message += " (allowed: \(allowed.joined(separator: ", ")))"
            }
            report(message, node)
        }

        mutating func report(_ message: String, _ node: Node) {
            issues.append(ParseIssue(message, at: YAMLLoading.location(of: node, in: source)))
        }
    }
}
