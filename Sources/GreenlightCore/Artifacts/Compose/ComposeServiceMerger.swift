/// Docker compose's rules for laying a service from a later file over the same service
/// from an earlier one: scalars are replaced, maps (environment, labels, build args,
/// depends_on) merged by key, lists (ports, expose, env_file, secrets, profiles)
/// appended without duplicates, mounts merged by target, command/entrypoint and
/// `healthcheck.test` replaced. `!reset` clears a key, `!override` replaces it whole.
/// Every value keeps the location of the file it came from.
enum ComposeServiceMerger {
    static func merge(_ base: ComposeService, _ override: ComposeService) -> ComposeService {
        var result = base
        func apply<T>(_ key: String, _ path: WritableKeyPath<ComposeService, T>, empty: T, _ merge: (T, T) -> T) {
            if override.resetKeys.contains(key) {
                result[keyPath: path] = empty
            } else if override.overrideKeys.contains(key) {
                result[keyPath: path] = override[keyPath: path]
            } else {
                result[keyPath: path] = merge(result[keyPath: path], override[keyPath: path])
            }
        }
        func replace<T>(_ old: T?, _ new: T?) -> T? { new ?? old }

        apply("image", \.image, empty: nil, replace)
        apply("build", \.build, empty: nil, mergeBuild)
        apply("command", \.command, empty: nil, replace)
        apply("entrypoint", \.entrypoint, empty: nil, replace)
        apply("environment", \.environment, empty: []) { mergeByKey($0, $1, key: \.key) }
        apply("env_file", \.envFiles, empty: []) { mergeByKey($0, $1, key: \.path) }
        apply("ports", \.ports, empty: []) { mergeByKey($0, $1, key: portIdentity) }
        apply("expose", \.expose, empty: []) { mergeByKey($0, $1, key: \.raw) }
        apply("healthcheck", \.healthcheck, empty: nil, mergeHealthcheck)
        apply("depends_on", \.dependsOn, empty: []) { mergeByKey($0, $1, key: \.service) }
        apply("profiles", \.profiles, empty: []) { mergeByKey($0, $1, key: \.self) }
        apply("restart", \.restart, empty: nil, replace)
        apply("user", \.user, empty: nil, replace)
        apply("working_dir", \.workingDir, empty: nil, replace)
        apply("platform", \.platform, empty: nil, replace)
        apply("network_mode", \.networkMode, empty: nil, replace)
        apply("deploy", \.replicas, empty: nil, replace)
        apply("extends", \.extends, empty: nil, replace)
        apply("secrets", \.secrets, empty: []) { mergeByKey($0, $1, key: \.value) }
        apply("labels", \.labels, empty: []) { mergeByKey($0, $1, key: \.key) }
        apply("volumes", \.volumes, empty: []) { mergeByKey($0, $1, key: \.target) }
        result.resetKeys = base.resetKeys.union(override.resetKeys)
        result.overrideKeys = base.overrideKeys.union(override.overrideKeys)
        return result
    }

    /// Keeps the order of `base`; an entry of `override` with a key already present
    /// replaces it in place, others are appended. Within `base` the last duplicate wins.
    static func mergeByKey<Element, Key: Hashable>(
        _ base: [Element], _ override: [Element], key: (Element) -> Key
    ) -> [Element] {
        guard !override.isEmpty else { return base }
        var result: [Element?] = base
        var positions: [Key: Int] = [:]
        for (index, element) in base.enumerated() {
            let elementKey = key(element)
            if let earlier = positions[elementKey] { result[earlier] = nil }
            positions[elementKey] = index
        }
        for element in override {
            let elementKey = key(element)
            if let index = positions[elementKey] {
                result[index] = element
            } else {
                positions[elementKey] = result.count
                result.append(element)
            }
        }
        return result.compactMap { $0 }
    }

    private static func portIdentity(_ port: ComposePort) -> String {
        let ports = port.containerPorts.map { "\($0.lowerBound)-\($0.upperBound)" } ?? port.raw
        return "\(port.hostIP ?? ""):\(port.publishedPort ?? ""):\(ports)/\(port.proto)"
    }

    private static func mergeBuild(_ base: ComposeBuild?, _ override: ComposeBuild?) -> ComposeBuild? {
        guard let base else { return override }
        guard let override else { return base }
        var result = base
        if override.hasExplicitContext {
            result.context = override.context
            result.hasExplicitContext = true
        }
        result.dockerfile = override.dockerfile ?? base.dockerfile
        result.dockerfileInline = override.dockerfileInline ?? base.dockerfileInline
        result.target = override.target ?? base.target
        result.args = mergeByKey(base.args, override.args, key: \.key)
        result.platforms = mergeByKey(base.platforms, override.platforms, key: \.value)
        return result
    }

    private static func mergeHealthcheck(
        _ base: ComposeHealthcheck?, _ override: ComposeHealthcheck?
    ) -> ComposeHealthcheck? {
        guard let base else { return override }
        guard let override else { return base }
        var result = base
        result.location = override.location
        result.test = override.test ?? base.test
        result.disable = override.disable || base.disable
        result.interval = override.interval ?? base.interval
        result.timeout = override.timeout ?? base.timeout
        result.startPeriod = override.startPeriod ?? base.startPeriod
        result.startInterval = override.startInterval ?? base.startInterval
        result.retries = override.retries ?? base.retries
        return result
    }
}
