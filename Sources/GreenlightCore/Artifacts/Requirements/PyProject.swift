/// What a `pyproject.toml` says about a Python project's name, entry points
/// and dependencies, from PEP 621 (`[project]`), PEP 735
/// (`[dependency-groups]`), Poetry (`[tool.poetry]`) and uv (`[tool.uv]`).
public struct PyProject: Sendable {
    public var path: String
    public var name: Located<String>?
    /// `[project] requires-python` or Poetry's `python` dependency.
    public var requiresPython: Located<String>?
    /// Runtime dependencies: `[project] dependencies` and Poetry's main group.
    public var dependencies: [PythonRequirement]
    /// `[project.optional-dependencies]` by extra name.
    public var optionalDependencies: [String: [PythonRequirement]]
    /// `[dependency-groups]` (includes expanded), Poetry groups and
    /// `dev-dependencies`, uv `dev-dependencies` (as group `dev`).
    public var dependencyGroups: [String: [PythonRequirement]]
    /// Console scripts: `[project.scripts]` and `[tool.poetry.scripts]`,
    /// name → `module:function`.
    public var scripts: [String: Located<String>]
    /// `[project] dynamic`: fields a build backend fills in (for example
    /// `dependencies` read from requirements.txt).
    public var dynamic: [String]
    /// Requirements files that supply dynamic dependencies
    /// (`[tool.setuptools.dynamic] dependencies = {file = [...]}`), as written.
    public var dynamicDependencyFiles: [Located<String>]
    /// `[build-system] build-backend`.
    public var buildBackend: String?
    /// The whole document, for readers that need other tables.
    public var document: TOMLTable
    public var issues: [ParseIssue]

    /// Every requirement: runtime, optional and group dependencies.
    public var allRequirements: [PythonRequirement] {
        dependencies + optionalDependencies.keys.sorted().flatMap { optionalDependencies[$0] ?? [] }
            + dependencyGroups.keys.sorted().flatMap { dependencyGroups[$0] ?? [] }
    }

    public init(path: String) {
        self.path = path
        name = nil
        requiresPython = nil
        dependencies = []
        optionalDependencies = [:]
        dependencyGroups = [:]
        scripts = [:]
        dynamic = []
        dynamicDependencyFiles = []
        buildBackend = nil
        document = TOMLTable()
        issues = []
    }

    public static func parse(_ source: SourceText) -> PyProject {
        let parsed = TOMLDocument.parse(source)
        var project = PyProject(path: source.path)
        project.document = parsed.root
        project.issues = parsed.issues
        var reader = PyProjectReader(root: parsed.root)
        reader.read(into: &project)
        project.issues += reader.issues
        return project
    }
}

/// Pulls the deployment-relevant fields out of a parsed pyproject.toml.
struct PyProjectReader {
    let root: TOMLTable
    var issues: [ParseIssue] = []

    init(root: TOMLTable) {
        self.root = root
    }

    mutating func read(into project: inout PyProject) {
        if let table = root["project"]?.table {
            project.name = locatedString(table["name"], field: "[project] name")
            project.requiresPython = locatedString(table["requires-python"], field: "[project] requires-python")
            project.dependencies = requirementList(table["dependencies"], field: "[project] dependencies")
            if let extras = table["optional-dependencies"]?.table {
                for extra in extras.keys {
                    project.optionalDependencies[extra] = requirementList(
                        extras[extra], field: "[project.optional-dependencies] \(extra)")
                }
            }
            project.scripts = scriptTable(table["scripts"], field: "[project.scripts]")
            project.dynamic = table["dynamic"]?.array?.compactMap(\.string) ?? []
        }
        project.buildBackend = root[path: ["build-system", "build-backend"]]?.string
        if let files = root[path: ["tool", "setuptools", "dynamic", "dependencies", "file"]] {
            let nodes = files.array ?? [files]
            project.dynamicDependencyFiles = nodes.compactMap { node in node.string.map { Located($0, at: node.location) } }
        }
        if let groups = root["dependency-groups"]?.table {
            var resolver = DependencyGroupResolver(table: groups)
            for group in groups.keys {
                project.dependencyGroups[group] = resolver.requirements(of: group)
            }
            issues += resolver.issues
        }
        if let poetry = root[path: ["tool", "poetry"]]?.table {
            var poetryReader = PoetryDependencyReader()
            if project.name == nil { project.name = locatedString(poetry["name"], field: "[tool.poetry] name") }
            let main = poetryReader.dependencies(poetry["dependencies"], field: "[tool.poetry.dependencies]")
            project.dependencies += main.requirements
            if project.requiresPython == nil { project.requiresPython = main.python }
            if let legacy = poetry["dev-dependencies"] {
                project.dependencyGroups["dev", default: []] +=
                    poetryReader.dependencies(legacy, field: "[tool.poetry.dev-dependencies]").requirements
            }
            if let groups = poetry["group"]?.table {
                for group in groups.keys {
                    let node = groups[group]?.table?["dependencies"]
                    project.dependencyGroups[group, default: []] +=
                        poetryReader.dependencies(node, field: "[tool.poetry.group.\(group).dependencies]").requirements
                }
            }
            for (name, target) in scriptTable(poetry["scripts"], field: "[tool.poetry.scripts]") where project.scripts[name] == nil {
                project.scripts[name] = target
            }
            issues += poetryReader.issues
        }
        if let uvDev = root[path: ["tool", "uv", "dev-dependencies"]] {
            project.dependencyGroups["dev", default: []] += requirementList(uvDev, field: "[tool.uv] dev-dependencies")
        }
    }

    private mutating func locatedString(_ node: TOMLNode?, field: String) -> Located<String>? {
        guard let node else { return nil }
        guard let text = node.string else {
            issues.append(ParseIssue("\(field) must be a string", at: node.location))
            return nil
        }
        return Located(text, at: node.location)
    }

    /// An array of PEP 508 strings.
    mutating func requirementList(_ node: TOMLNode?, field: String) -> [PythonRequirement] {
        guard let node else { return [] }
        guard let items = node.array else {
            issues.append(ParseIssue("\(field) must be an array of requirement strings", at: node.location))
            return []
        }
        var result: [PythonRequirement] = []
        for item in items {
            guard let text = item.string else {
                issues.append(ParseIssue("\(field) must contain requirement strings", at: item.location))
                continue
            }
            if let requirement = PyProjectReader.requirement(text, at: item.location, issues: &issues) {
                result.append(requirement)
            }
        }
        return result
    }

    static func requirement(_ text: String, at location: SourceLocation, issues: inout [ParseIssue]) -> PythonRequirement? {
        switch PEP508Parser.parse(text) {
        case .success(let parsed):
            return PythonRequirement(
                name: parsed.name, extras: parsed.extras, specifier: parsed.specifier, pinnedVersion: parsed.pinnedVersion,
                marker: parsed.marker, url: parsed.url, location: location)
        case .failure(let failure):
            issues.append(ParseIssue("invalid requirement '\(text)': \(failure.message)", at: location))
            return nil
        }
    }

    private mutating func scriptTable(_ node: TOMLNode?, field: String) -> [String: Located<String>] {
        guard let node else { return [:] }
        guard let table = node.table else {
            issues.append(ParseIssue("\(field) must be a table", at: node.location))
            return [:]
        }
        var scripts: [String: Located<String>] = [:]
        for name in table.keys {
            guard let entry = table[name] else { continue }
            if let target = entry.string {
                scripts[name] = Located(target, at: entry.location)
            } else if let reference = entry.table?["reference"], let target = reference.string {
                scripts[name] = Located(target, at: reference.location)
            } else {
                issues.append(ParseIssue("\(field) \(name) must be a 'module:function' string", at: entry.location))
            }
        }
        return scripts
    }
}
