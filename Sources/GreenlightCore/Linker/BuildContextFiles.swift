/// The files a `docker build` sends to the builder: everything under the context
/// directory that `.dockerignore` does not exclude. Paths are relative to the context.
struct BuildContextFiles: Sendable {
    let root: String
    let files: [String]
    let fileSet: Set<String>
    let directories: Set<String>
    /// Files under the context that `.dockerignore` excludes, for "excluded by .dockerignore" hints.
    let ignored: Set<String>

    init(root: String, allFiles: SortedPaths, isIgnored: (String) -> Bool) {
        self.root = root
        var files: [String] = []
        var ignored: Set<String> = []
        var directories: Set<String> = [""]
        for path in allFiles.under(root) {
            let relative = root.isEmpty ? path : String(path.dropFirst(root.count + 1))
            if isIgnored(relative) {
                ignored.insert(relative)
                continue
            }
            files.append(relative)
            var directory = PathUtilities.dirname(relative)
            while !directory.isEmpty, directories.insert(directory).inserted {
                directory = PathUtilities.dirname(directory)
            }
        }
        self.files = files
        self.fileSet = Set(files)
        self.directories = directories
        self.ignored = ignored
    }

    /// Files at or below a context-relative directory, relative to that directory.
    func contents(of directory: String) -> [(relative: String, path: String)] {
        if directory.isEmpty { return files.map { ($0, $0) } }
        let prefix = directory + "/"
        return files.compactMap { $0.hasPrefix(prefix) ? (String($0.dropFirst(prefix.count)), $0) : nil }
    }

    /// Files and directories directly matching a glob pattern (context-relative).
    func matches(_ pattern: String) -> [String] {
        var result = files.filter { PathGlob.matches(pattern, $0) }
        result += directories.filter { !$0.isEmpty && PathGlob.matches(pattern, $0) }.sorted()
        return result
    }
}

/// Project file paths sorted, so the files under a directory are found by binary search.
public struct SortedPaths: Sendable {
    public let paths: [String]

    public init(_ paths: [String]) {
        self.paths = paths.sorted()
    }

    /// Paths under `directory` (all paths for the root).
    public func under(_ directory: String) -> ArraySlice<String> {
        if directory.isEmpty { return paths[...] }
        let prefix = directory + "/"
        var low = 0
        var high = paths.count
        while low < high {
            let mid = (low + high) / 2
            if paths[mid] < prefix { low = mid + 1 } else { high = mid }
        }
        var end = low
        while end < paths.count, paths[end].hasPrefix(prefix) { end += 1 }
        return paths[low..<end]
    }
}
