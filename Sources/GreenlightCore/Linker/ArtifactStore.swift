/// Reads and parses each project file at most once per run, whichever service
/// asks first, and keeps every source text for excerpts, suppressions and baselines.
final class ArtifactStore: Sendable {
    let tree: any FileTree
    private let texts = LockedCache<String, SourceText?>()
    private let dockerfiles = LockedCache<String, Dockerfile?>()
    private let requirements = LockedCache<String, RequirementsFile?>()
    private let pyprojects = LockedCache<String, PyProject?>()
    private let dotenvs = LockedCache<String, DotenvFile?>()
    private let pythonModules = LockedCache<String, PythonModuleFacts?>()
    private let ignoreFiles = LockedCache<String, DockerignoreMatcher?>()

    init(tree: any FileTree) {
        self.tree = tree
    }

    func source(_ path: String) -> SourceText? {
        texts.value(for: path) { tree.sourceText(path) }
    }

    func dockerfile(_ path: String) -> Dockerfile? {
        dockerfiles.value(for: path) { source(path).map(Dockerfile.parse) }
    }

    func requirementsFile(_ path: String) -> RequirementsFile? {
        requirements.value(for: path) { source(path).map(RequirementsFile.parse) }
    }

    func pyproject(_ path: String) -> PyProject? {
        pyprojects.value(for: path) { source(path).map(PyProject.parse) }
    }

    func dotenv(_ path: String) -> DotenvFile? {
        dotenvs.value(for: path) { source(path).map(DotenvFile.parse) }
    }

    func python(_ path: String) -> PythonModuleFacts? {
        pythonModules.value(for: path) { source(path).map(PythonModuleFacts.analyze) }
    }

    func dockerignore(_ path: String) -> DockerignoreMatcher? {
        ignoreFiles.value(for: path) { source(path).map { DockerignoreMatcher(source: $0) } }
    }

    /// Every text that was read, by path.
    var sources: [String: SourceText] {
        texts.snapshot.compactMapValues { $0 }
    }

    /// Parse problems of every artifact that was parsed.
    var parseIssues: [ParseIssue] {
        var issues: [ParseIssue] = []
        issues += dockerfiles.snapshot.values.compactMap { $0 }.flatMap(\.issues)
        issues += requirements.snapshot.values.compactMap { $0 }.flatMap(\.issues)
        issues += pyprojects.snapshot.values.compactMap { $0 }.flatMap(\.issues)
        issues += dotenvs.snapshot.values.compactMap { $0 }.flatMap(\.issues)
        issues += pythonModules.snapshot.values.compactMap { $0 }.flatMap(\.issues)
        issues += ignoreFiles.snapshot.values.compactMap { $0 }.flatMap(\.issues)
        return issues
    }
}

/// The project tree seen through the store: readers that take a `FileTree` (the
/// Terraform loader) read each file once, and the store keeps its text.
struct StoreBackedTree: FileTree {
    let store: ArtifactStore

    func read(_ path: String) -> [UInt8]? {
        store.source(path)?.bytes
    }

    func list(_ path: String) -> [DirectoryEntry]? {
        store.tree.list(path)
    }
}
