/// Which PyPI distribution provides an import, so "the code imports X" can be
/// checked against "requirements.txt installs Y" without installing anything.
public enum PythonDistributions {
    /// PEP 503 normalisation: lowercase, runs of `-`, `_`, `.` become one `-`.
    public static func normalize(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var pendingSeparator = false
        for scalar in name.unicodeScalars {
            if scalar == "-" || scalar == "_" || scalar == "." {
                pendingSeparator = true
                continue
            }
            if pendingSeparator, !result.isEmpty { result.append("-") }
            pendingSeparator = false
            result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
        }
        return result
    }

    /// The distribution usually installed for an import (`yaml` → `PyYAML`,
    /// `google.protobuf` → `protobuf`, `google.cloud.storage` → `google-cloud-storage`).
    /// Nil when the table does not know it (then the distribution is most likely
    /// named like the import) or when the name alone is ambiguous (`google`).
    public static func distribution(forImport module: String) -> String? {
        distributions(forImport: module).first
    }

    /// Every distribution known to provide an import, preferred first
    /// (`psycopg2` → `psycopg2-binary`, `psycopg2`).
    public static func distributions(forImport module: String) -> [String] {
        var components = module.split(separator: ".").map(String.init)
        while let last = components.last {
            if let found = table[components.joined(separator: ".")] { return found }
            let versionless = Array(components.dropLast()) + [withoutVersionSuffix(last)]
            if let found = table[versionless.joined(separator: ".")] { return found }
            if let generic = namespaceDistribution(versionless) { return [generic] }
            components.removeLast()
        }
        return []
    }

    /// True when `module` is a namespace shared by many distributions (`google`,
    /// `google.cloud`, `azure`), so the imported names decide the distribution.
    public static func isNamespacePrefix(_ module: String) -> Bool {
        namespaces.contains(module)
    }

    private static let namespaces: Set<String> = [
        "google", "google.cloud", "azure", "azure.storage", "azure.keyvault", "azure.mgmt", "opentelemetry",
        "opentelemetry.instrumentation", "opentelemetry.exporter", "backports", "jaraco", "zope", "sphinxcontrib",
    ]

    /// `google.cloud.X` → `google-cloud-X`, `azure.X.Y` → `azure-X-Y`,
    /// `opentelemetry.instrumentation.X` → `opentelemetry-instrumentation-X`.
    private static func namespaceDistribution(_ components: [String]) -> String? {
        let dashed = { (parts: ArraySlice<String>) in parts.map { $0.replacingUnderscores() }.joined(separator: "-") }
        if components.count == 3, components[0] == "google", components[1] == "cloud" { return dashed(components[...]) }
        if components.count == 3, components[0] == "azure", ["storage", "keyvault", "mgmt"].contains(components[1]) {
            return dashed(components[...])
        }
        if components.count == 2, components[0] == "azure", !["storage", "keyvault", "mgmt"].contains(components[1]) {
            return dashed(components[...])
        }
        if components.count == 3, components[0] == "opentelemetry",
           components[1] == "instrumentation" || components[1] == "exporter" {
            return dashed(components[...])
        }
        return nil
    }

    /// True when installing `requirement` (a requirement line or name, extras allowed:
    /// `uvicorn[standard]>=0.30`) makes `import module` work by itself: same
    /// normalised name, a known mapping, a namespace package match, or a named extra.
    public static func provides(distribution requirement: String, import module: String) -> Bool {
        let parsed = requirementName(requirement)
        let distribution = normalize(parsed.name)
        guard !distribution.isEmpty, !module.isEmpty else { return false }
        let top = String(module.split(separator: ".").first ?? "")
        if !isNamespacePrefix(top), normalize(top) == distribution { return true }
        if distributions(forImport: module).contains(where: { normalize($0) == distribution }) { return true }
        let components = module.split(separator: ".")
        if components.count >= 2, isNamespacePrefix(top) {
            let target = alphanumerics(distribution)
            for length in 2...components.count {
                let prefix = components[..<(length - 1)].joined() + withoutVersionSuffix(String(components[length - 1]))
                if alphanumerics(prefix) == target { return true }
            }
        }
        for extra in parsed.extras {
            for dependency in PythonDependencyTable.dependencies[distribution + "[" + extra + "]"] ?? []
            where provides(distribution: dependency, import: module) {
                return true
            }
        }
        return false
    }

    /// Import names that installing `requirement` brings along through its
    /// dependencies (not its own): `fastapi` → `starlette`, `pydantic`, `anyio`...
    public static func transitiveImports(ofDistribution requirement: String) -> Set<String> {
        let parsed = requirementName(requirement)
        let root = normalize(parsed.name)
        var pending = PythonDependencyTable.dependencies[root] ?? []
        for extra in parsed.extras { pending += PythonDependencyTable.dependencies[root + "[" + extra + "]"] ?? [] }
        var seen: Set<String> = [root]
        var imports: Set<String> = []
        while let next = pending.popLast() {
            let dependency = requirementName(next)
            let name = normalize(dependency.name)
            let key = dependency.extras.isEmpty ? name : name + "[" + dependency.extras.joined(separator: ",") + "]"
            guard seen.insert(key).inserted else { continue }
            if name != root { imports.formUnion(importNames(ofDistribution: name)) }
            pending += PythonDependencyTable.dependencies[name] ?? []
            for extra in dependency.extras { pending += PythonDependencyTable.dependencies[name + "[" + extra + "]"] ?? [] }
        }
        return imports
    }

    /// True when any of `requirements` provides `module` directly or brings it along.
    public static func isProvided(import module: String, byRequirements requirements: [String]) -> Bool {
        if requirements.contains(where: { provides(distribution: $0, import: module) }) { return true }
        let components = module.split(separator: ".")
        for requirement in requirements {
            let brought = transitiveImports(ofDistribution: requirement)
            for length in stride(from: components.count, through: 1, by: -1)
            where brought.contains(components[..<length].joined(separator: ".")) {
                return true
            }
        }
        return false
    }

    /// The import names a distribution installs, as far as the tables know.
    public static func importNames(ofDistribution name: String) -> Set<String> {
        let normalized = normalize(requirementName(name).name)
        var names = reverseTable[normalized] ?? []
        names.formUnion(PythonDependencyTable.extraImports[normalized] ?? [])
        if names.isEmpty { names.insert(normalized.replacingDashes()) }
        return names
    }

    /// The name and extras of a requirement (`Uvicorn[standard] >= 0.30 ; python_version > "3.8"`).
    public static func requirementName(_ requirement: String) -> (name: String, extras: [String]) {
        var name = ""
        var extras: [String] = []
        var extra = ""
        var inExtras = false
        for scalar in requirement.unicodeScalars {
            if inExtras {
                if scalar == "]" {
                    if !extra.isEmpty { extras.append(normalize(extra)) }
                    break
                }
                if scalar == "," {
                    if !extra.isEmpty { extras.append(normalize(extra)) }
                    extra = ""
                } else if scalar != " " {
                    extra.unicodeScalars.append(scalar)
                }
                continue
            }
            if scalar == "[" {
                inExtras = true
                continue
            }
            if "<>=!~;@ (\t".unicodeScalars.contains(scalar) {
                if name.isEmpty { continue }
                break
            }
            name.unicodeScalars.append(scalar)
        }
        return (name, extras)
    }

    // MARK: - Tables

    private static let table: [String: [String]] = {
        var table: [String: [String]] = [:]
        for entry in PythonDistributionTable.entries { table[entry.module] = entry.distributions }
        return table
    }()

    private static let reverseTable: [String: Set<String>] = {
        var reverse: [String: Set<String>] = [:]
        for entry in PythonDistributionTable.entries {
            for distribution in entry.distributions { reverse[normalize(distribution), default: []].insert(entry.module) }
        }
        return reverse
    }()

    /// `secretmanager_v1beta1` → `secretmanager`: Google's versioned API modules.
    static func withoutVersionSuffix(_ component: String) -> String {
        let scalars = Array(component.unicodeScalars)
        var index = scalars.count - 1
        while index >= 2 {
            if scalars[index - 1] == "v", scalars[index - 2] == "_", scalars[index] >= "0", scalars[index] <= "9" {
                var result = ""
                result.unicodeScalars.append(contentsOf: scalars[..<(index - 2)])
                return result.isEmpty ? component : result
            }
            index -= 1
        }
        return component
    }

    private static func alphanumerics(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") }.map(Character.init))
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }

    fileprivate func replacingDashes() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
