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

/// A project on disk, read with plain POSIX calls: a scan lists thousands of
/// directories and reads thousands of files, and Foundation's URL and attribute
/// APIs cost more than the parsing. Symbolic links to directories are not
/// followed, so a link loop cannot hang a scan.
public struct DiskFileTree: FileTree {
    public let root: URL
    private let rootPath: String

    public init(root: URL) {
        self.root = root.standardizedFileURL
        var path = self.root.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.rootPath = path
    }

    private func fullPath(_ path: String) -> String {
        path.isEmpty ? rootPath : (rootPath == "/" ? "/" + path : rootPath + "/" + path)
    }

    public func read(_ path: String) -> [UInt8]? {
        let descriptor = open(fullPath(path), O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8]()
        var capacity = max(Int(info.st_size), 0) + 1
        bytes.reserveCapacity(capacity)
        var buffer = [UInt8](repeating: 0, count: min(max(capacity, 4096), 1 << 20))
        while true {
            let count = buffer.withUnsafeMutableBytes { raw in
                Foundation.read(descriptor, raw.baseAddress, raw.count)
            }
            if count < 0 { return nil }
            if count == 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
            capacity += count
        }
        return bytes
    }

    public func list(_ path: String) -> [DirectoryEntry]? {
        let directoryPath = fullPath(path)
        guard let directory = opendir(directoryPath) else { return nil }
        defer { closedir(directory) }
        var entries: [DirectoryEntry] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            var isDirectory: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isDirectory = true
            case Int32(DT_REG), Int32(DT_LNK): isDirectory = false
            default:
                // Filesystems that do not report types: ask stat (without following links).
                var info = stat()
                isDirectory = lstat(directoryPath + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            entries.append(DirectoryEntry(name: name, isDirectory: isDirectory))
        }
        return entries.sorted { $0.name < $1.name }
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
