extension ComposeProject {
    /// The base file names docker compose looks for, in its order of preference.
    public static let baseFileNames = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"]
    /// The override file names docker compose adds to the base, in its order of preference.
    public static let overrideFileNames = [
        "compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml",
    ]

    /// Whether `name` (a file name, not a path) looks like a compose file: a base, an
    /// override, or a variant such as `docker-compose.prod.yml` / `compose-dev.yaml`.
    public static func isComposeFileName(_ name: String) -> Bool {
        baseFileNames.contains(name) || overrideFileNames.contains(name) || isVariantName(name)
    }

    /// Splits the compose files among `paths` into the projects docker compose would run,
    /// each as its files in merge order. Per directory: the preferred base file plus its
    /// override file; every other base file on its own; a variant such as
    /// `docker-compose.prod.yml` on its own when it gives every service an `image` or
    /// `build` (or is not in `parsed`), else merged over the base as `-f base -f variant`
    /// would. An override file without a base counts only when it stands on its own.
    public static func defaultFileGroups(in paths: [String], parsed: [String: ComposeFile] = [:]) -> [[String]] {
        var byDirectory: [String: [String]] = [:]
        for path in paths where isComposeFileName(PathUtilities.basename(path)) {
            byDirectory[PathUtilities.dirname(path), default: []].append(path)
        }
        var groups: [[String]] = []
        for directory in byDirectory.keys.sorted() {
            groups += groupsInDirectory(byDirectory[directory] ?? [], parsed: parsed)
        }
        return groups
    }

    private static func groupsInDirectory(_ paths: [String], parsed: [String: ComposeFile]) -> [[String]] {
        func path(named name: String) -> String? {
            paths.first { PathUtilities.basename($0) == name }
        }
        let bases = baseFileNames.compactMap(path(named:))
        let override = overrideFileNames.lazy.compactMap(path(named:)).first
        var groups: [[String]] = []
        if let base = bases.first {
            groups.append([base] + (override.map { [$0] } ?? []))
            groups += bases.dropFirst().map { [$0] }
        } else if let override, standsAlone(override, parsed: parsed) != false {
            groups.append([override])
        }
        let variants = paths.filter { isVariantName(PathUtilities.basename($0)) }.sorted()
        for variant in variants {
            if let base = bases.first, standsAlone(variant, parsed: parsed) == false {
                groups.append([base, variant])
            } else {
                groups.append([variant])
            }
        }
        return groups
    }

    /// True when every service has an `image` or `build`, false when one lacks both (or
    /// there are none), nil when the file was not parsed.
    private static func standsAlone(_ path: String, parsed: [String: ComposeFile]) -> Bool? {
        guard let file = parsed[path] else { return nil }
        guard !file.services.isEmpty else { return false }
        return file.services.allSatisfy { $0.image != nil || $0.build != nil }
    }

    /// `compose.<x>.yml`, `docker-compose-<x>.yaml` and the like, but not the base or override names.
    private static func isVariantName(_ name: String) -> Bool {
        guard !baseFileNames.contains(name), !overrideFileNames.contains(name) else { return false }
        let stem: Substring
        if name.hasSuffix(".yml") {
            stem = name.dropLast(4)
        } else if name.hasSuffix(".yaml") {
            stem = name.dropLast(5)
        } else {
            return false
        }
        for prefix in ["docker-compose", "compose"] where stem.hasPrefix(prefix) {
            let rest = stem.dropFirst(prefix.count)
            guard let separator = rest.first, separator == "." || separator == "-" || separator == "_" else { continue }
            return rest.count > 1
        }
        return false
    }
}
