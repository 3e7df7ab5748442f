import Foundation

/// One entry of a directory listing.
public struct DirectoryEntry: Hashable, Sendable {
    public var name: String
    public var isDirectory: Bool

    public init(name: String, isDirectory: Bool) {
        self.name = name
        self.isDirectory = isDirectory
    }
}

/// Read access to a project tree by paths relative to its root (`/`-separated,
/// no leading `/`, `""` for the root itself). The engine runs the same way on
/// a directory on disk and on files held in memory (rule examples, tests).
public protocol FileTree: Sendable {
    /// The bytes of a regular file, or nil when it does not exist or cannot be read.
    func read(_ path: String) -> [UInt8]?
    /// The entries of a directory sorted by name, or nil when it is not a directory.
    func list(_ path: String) -> [DirectoryEntry]?
}

extension FileTree {
    public func exists(_ path: String) -> Bool {
        read(path) != nil || list(path) != nil
    }

    public func isDirectory(_ path: String) -> Bool {
        list(path) != nil
    }

    public func sourceText(_ path: String) -> SourceText? {
        read(path).map { SourceText(path: path, bytes: $0) }
    }
}

/// A project on disk. Symbolic links to directories are not followed, so a link
/// loop cannot hang a scan.
public struct DiskFileTree: FileTree {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    private func url(_ path: String) -> URL {
        path.isEmpty ? root : root.appendingPathComponent(path)
    }

    public func read(_ path: String) -> [UInt8]? {
        // `FileManager.contents` returns empty data for an empty file (an `__init__.py`),
        // where `FileHandle.readToEnd` returns nil.
        let full = url(path).path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
              let data = FileManager.default.contents(atPath: full)
        else { return nil }
        return [UInt8](data)
    }

    public func list(_ path: String) -> [DirectoryEntry]? {
        let directory = url(path).path
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
        else { return nil }
        return names.sorted().map { name in
            let full = directory + "/" + name
            var entryIsDir: ObjCBool = false
            let attributes = try? FileManager.default.attributesOfItem(atPath: full)
            let isLink = (attributes?[.type] as? FileAttributeType) == .typeSymbolicLink
            let exists = FileManager.default.fileExists(atPath: full, isDirectory: &entryIsDir)
            return DirectoryEntry(name: name, isDirectory: exists && entryIsDir.boolValue && !isLink)
        }
    }
}

/// A project held in memory: a map from relative path to file contents.
/// Directories are implied by the paths.
public struct MemoryFileTree: FileTree {
    public private(set) var files: [String: [UInt8]]
    private var directories: [String: Set<String>]

    public init(_ files: [String: String]) {
        self.init(bytes: files.mapValues { Array($0.utf8) })
    }

    public init(bytes files: [String: [UInt8]]) {
        self.files = [:]
        self.directories = ["": []]
        for (path, contents) in files { add(path, contents) }
    }

    public mutating func add(_ path: String, _ contents: [UInt8]) {
        let normalized = MemoryFileTree.normalize(path)
        files[normalized] = contents
        var components = normalized.split(separator: "/").map(String.init)
        var child = components.popLast() ?? ""
        while true {
            let parent = components.joined(separator: "/")
            directories[parent, default: []].insert(child)
            guard let last = components.popLast() else { break }
            child = last
        }
    }

    private static func normalize(_ path: String) -> String {
        path.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.joined(separator: "/")
    }

    public func read(_ path: String) -> [UInt8]? {
        files[MemoryFileTree.normalize(path)]
    }

    public func list(_ path: String) -> [DirectoryEntry]? {
        let normalized = MemoryFileTree.normalize(path)
        guard let children = directories[normalized] else { return nil }
        return children.sorted().map { name in
            let full = normalized.isEmpty ? name : normalized + "/" + name
            return DirectoryEntry(name: name, isDirectory: directories[full] != nil)
        }
    }
}
