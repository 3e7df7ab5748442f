/// Git's ignore decision for a path given the ignore files that apply to it:
/// deeper `.gitignore` files override shallower ones, the last matching rule
/// of a file wins, and a file below an ignored directory stays ignored
/// whatever `!` rules say (git never looks inside ignored directories).
public struct GitignoreMatcher: Sendable {
    /// Ignore files ordered from lowest to highest precedence.
    public private(set) var files: [GitignoreFile]

    /// `files` in precedence order, lowest first: `.git/info/exclude`, then
    /// `.gitignore` files from the root down. Files whose directory does not
    /// contain a path are skipped for that path.
    public init(files: [GitignoreFile] = []) {
        self.files = files
    }

    /// A matcher with one more file of higher precedence (a deeper `.gitignore`).
    public func adding(_ file: GitignoreFile) -> GitignoreMatcher {
        var copy = self
        copy.files.append(file)
        return copy
    }

    /// Whether git ignores `path` (relative to the root), parents included.
    public func isIgnored(_ path: String, isDirectory: Bool) -> Bool {
        let normalized = PathUtilities.normalize(path)
        if normalized.isEmpty { return false }
        var components = normalized.split(separator: "/", omittingEmptySubsequences: true)
        components.removeLast()
        var ancestor = ""
        for component in components {
            ancestor = ancestor.isEmpty ? String(component) : ancestor + "/" + component
            if verdict(ancestor, isDirectory: true) == true { return true }
        }
        return verdict(normalized, isDirectory: isDirectory) ?? false
    }

    /// Whether `path` itself is ignored, for walkers that never enter ignored
    /// directories and so already know no parent is ignored.
    public func isIgnoredAssumingParentsIncluded(_ path: String, isDirectory: Bool) -> Bool {
        verdict(path, isDirectory: isDirectory) ?? false
    }

    private func verdict(_ path: String, isDirectory: Bool) -> Bool? {
        for file in files.reversed() {
            if let decision = file.match(path, isDirectory: isDirectory) { return decision }
        }
        return nil
    }
}
