/// A file found by `ProjectDiscovery`, with what it is.
public struct DiscoveredFile: Hashable, Sendable {
    /// Relative to the project root, `/`-separated.
    public var path: String
    public var kind: FileKind

    public init(path: String, kind: FileKind) {
        self.path = path
        self.kind = kind
    }
}

/// The files of a project that matter for deployment, found in one walk.
public struct DiscoveredProject: Sendable {
    /// Every file sorted by path (unclassified ones as `.other`).
    public var files: [DiscoveredFile]
    /// Paths of each kind, sorted; kinds with no file are absent.
    public var byKind: [FileKind: [String]]
    /// Every directory the walk entered, `""` for the root.
    public var directories: Set<String>

    public init(files: [DiscoveredFile], directories: Set<String>) {
        self.files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        var byKind: [FileKind: [String]] = [:]
        for file in self.files { byKind[file.kind, default: []].append(file.path) }
        self.byKind = byKind
        self.directories = directories
    }

    /// Paths of one kind (empty when there are none).
    public func paths(_ kind: FileKind) -> [String] {
        byKind[kind] ?? []
    }

    /// The ignore file BuildKit uses for a build with this Dockerfile and
    /// context directory: `<Dockerfile>.dockerignore` next to the Dockerfile
    /// when it exists, else `.dockerignore` at the context root, else nil.
    public func dockerignore(forDockerfile dockerfile: String, context: String) -> String? {
        let ignoreFiles = Set(paths(.dockerignore))
        let specific = dockerfile + ".dockerignore"
        if ignoreFiles.contains(specific) { return specific }
        let contextIgnore = PathUtilities.join(context, ".dockerignore")
        return ignoreFiles.contains(contextIgnore) ? contextIgnore : nil
    }
}
