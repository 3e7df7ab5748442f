/// Walks a project once and classifies the files deployment analysis reads.
///
/// Each directory is listed exactly once; file contents are read only for the
/// shebang check of extension-less files under `scripts/` or `bin/` (and for
/// `.gitignore` files). Tool and dependency directories are skipped, as is
/// everything git ignores (`.gitignore` at any depth plus `.git/info/exclude`)
/// and everything matched by the configured `excludedPaths`.
public enum ProjectDiscovery {
    /// Directory names never entered: version control, build outputs of tools,
    /// virtual environments, dependency caches.
    public static let skippedDirectoryNames: Set<String> = [
        ".git", ".hg", ".svn", ".build", "node_modules", ".venv", "venv", "vendor", "__pycache__",
        ".tox", ".nox", ".mypy_cache", ".pytest_cache", ".ruff_cache", ".eggs", ".terraform", "site-packages",
    ]

    /// Walks `tree`. `excludedPaths` are gitignore-style patterns relative to
    /// the root (from configuration); a negation only re-includes what an
    /// earlier configured pattern excluded.
    public static func discover(in tree: some FileTree, excludedPaths: [String] = []) -> DiscoveredProject {
        let configured = GitignoreMatcher(files: [GitignoreFile(patterns: excludedPaths, origin: ".greenlight.yml")])
        var rootMatcher = GitignoreMatcher()
        if let exclude = tree.sourceText(".git/info/exclude") {
            rootMatcher = rootMatcher.adding(GitignoreFile(source: exclude, directory: ""))
        }
        var files: [DiscoveredFile] = []
        var directories: Set<String> = []
        var pending: [(directory: String, matcher: GitignoreMatcher)] = [("", rootMatcher)]
        while let (directory, inherited) = pending.popLast() {
            // A directory is entered once, whatever names a tree reports.
            guard !directories.contains(directory), let entries = tree.list(directory) else { continue }
            if !directory.isEmpty && isEnvironmentDirectory(entries) { continue }
            directories.insert(directory)
            var matcher = inherited
            let gitignorePath = join(directory, ".gitignore")
            if entries.contains(where: { $0.name == ".gitignore" && !$0.isDirectory }),
               let source = tree.sourceText(gitignorePath) {
                matcher = matcher.adding(GitignoreFile(source: source, directory: directory))
            }
            for entry in entries.reversed() where isOrdinaryName(entry.name) {
                let path = join(directory, entry.name)
                if matcher.isIgnoredAssumingParentsIncluded(path, isDirectory: entry.isDirectory)
                    || configured.isIgnoredAssumingParentsIncluded(path, isDirectory: entry.isDirectory) {
                    continue
                }
                if entry.isDirectory {
                    if !shouldSkipDirectory(named: entry.name) { pending.append((path, matcher)) }
                    continue
                }
                switch FileClassifier.classify(path: path) {
                case .kind(let kind):
                    files.append(DiscoveredFile(path: path, kind: kind))
                case .shebangCandidate:
                    if let bytes = tree.read(path), FileClassifier.hasShellShebang(bytes) {
                        files.append(DiscoveredFile(path: path, kind: .shellScript))
                    } else {
                        files.append(DiscoveredFile(path: path, kind: .other))
                    }
                case .none:
                    files.append(DiscoveredFile(path: path, kind: .other))
                }
            }
        }
        return DiscoveredProject(files: files, directories: directories)
    }

    static func shouldSkipDirectory(named name: String) -> Bool {
        skippedDirectoryNames.contains(name) || name.hasPrefix(".build-") || name.hasSuffix(".egg-info")
    }

    /// A Python virtual environment or conda environment, whatever its name.
    private static func isEnvironmentDirectory(_ entries: [DirectoryEntry]) -> Bool {
        entries.contains { entry in
            (entry.name == "pyvenv.cfg" && !entry.isDirectory) || (entry.name == "conda-meta" && entry.isDirectory)
        }
    }

    /// Names that cannot be a real child entry (and could make a walk loop).
    private static func isOrdinaryName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.utf8.contains(UInt8(ascii: "/"))
    }

    private static func join(_ directory: String, _ name: String) -> String {
        directory.isEmpty ? name : directory + "/" + name
    }
}
