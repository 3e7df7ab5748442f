/// A file placed in an image by the build, and where it came from.
public struct ImageFile: Hashable, Sendable {
    /// The project file it was copied from (relative path), nil when it was
    /// written inline (heredoc) or copied from another image.
    public var sourcePath: String?
    /// The `COPY`/`ADD`/`RUN` that put it there.
    public var addedBy: SourceLocation

    public init(sourcePath: String?, addedBy: SourceLocation) {
        self.sourcePath = sourcePath
        self.addedBy = addedBy
    }
}

/// A directory in the image whose contents Greenlight cannot know: a `RUN` step
/// may have written there, or it came from an image it does not know.
public struct UncertainRegion: Hashable, Sendable {
    public var path: String
    public var reason: String
    public var location: SourceLocation?

    public init(path: String, reason: String, location: SourceLocation?) {
        self.path = path
        self.reason = reason
        self.location = location
    }
}

/// The answer to "does this path exist in the image?".
public enum PathExistence: Hashable, Sendable {
    case file(ImageFile)
    case directory
    case absent
    /// A build step may have created it; rules stay silent.
    case unknown(UncertainRegion)

    public var exists: Bool? {
        switch self {
        case .file, .directory: true
        case .absent: false
        case .unknown: nil
        }
    }
}

/// The application files of an image, simulated from `WORKDIR`, `COPY` and `ADD`
/// over the real build context, with the places `RUN` may have changed marked
/// uncertain. Files of the base image itself are not listed: questions about the
/// base image go to the base-image catalog.
public struct ImageFilesystem: Hashable, Sendable {
    public private(set) var files: [String: ImageFile] = [:]
    public private(set) var directories: Set<String> = ["/"]
    public private(set) var uncertain: [UncertainRegion] = []

    public init() {}

    public mutating func addFile(_ path: String, _ file: ImageFile) {
        let normalized = PathUtilities.normalize(path)
        files[normalized] = file
        directories.remove(normalized)
        addDirectory(PathUtilities.dirname(normalized))
    }

    public mutating func addDirectory(_ path: String) {
        var current = PathUtilities.normalize(path)
        while !current.isEmpty, !directories.contains(current) {
            directories.insert(current)
            current = PathUtilities.dirname(current)
        }
    }

    /// Removes a path and everything below it (`rm -rf`).
    public mutating func remove(_ path: String) {
        let normalized = PathUtilities.normalize(path)
        let prefix = normalized == "/" ? "/" : normalized + "/"
        files = files.filter { $0.key != normalized && !$0.key.hasPrefix(prefix) }
        directories = directories.filter { $0 == "/" || ($0 != normalized && !$0.hasPrefix(prefix)) }
    }

    /// Marks a directory (and everything below it) as possibly changed by the build.
    public mutating func markUncertain(_ path: String, reason: String, location: SourceLocation?) {
        let normalized = PathUtilities.normalize(path)
        if uncertain.contains(where: { PathUtilities.relative(normalized, to: $0.path) != nil || $0.path == "/" }) { return }
        uncertain.append(UncertainRegion(path: normalized, reason: reason, location: location))
    }

    public func existence(_ path: String) -> PathExistence {
        let normalized = PathUtilities.normalize(path)
        if let file = files[normalized] { return .file(file) }
        if directories.contains(normalized) { return .directory }
        if let region = uncertainRegion(covering: normalized) { return .unknown(region) }
        return .absent
    }

    /// The uncertain region that contains `path`, if any.
    public func uncertainRegion(covering path: String) -> UncertainRegion? {
        uncertain.first { region in
            region.path == "/" || path == region.path || path.hasPrefix(region.path + "/")
        }
    }

    /// Files at or below `path`, keyed by their path relative to `path`
    /// (`""` when `path` is itself a file).
    public func contents(of path: String) -> [(relative: String, file: ImageFile)] {
        let normalized = PathUtilities.normalize(path)
        if let file = files[normalized] { return [("", file)] }
        let prefix = normalized == "/" ? "/" : normalized + "/"
        return files.compactMap { key, file in
            key.hasPrefix(prefix) ? (String(key.dropFirst(prefix.count)), file) : nil
        }.sorted { $0.relative < $1.relative }
    }

    /// Subdirectories at or below `path`, relative to it.
    public func subdirectories(of path: String) -> [String] {
        let normalized = PathUtilities.normalize(path)
        let prefix = normalized == "/" ? "/" : normalized + "/"
        return directories.compactMap { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil }
    }

    /// Uncertain regions at or below `path`, or covering it, relative to it.
    public func uncertainRegions(within path: String) -> [UncertainRegion] {
        let normalized = PathUtilities.normalize(path)
        return uncertain.filter { region in
            region.path == "/" || region.path == normalized || region.path.hasPrefix(normalized == "/" ? "/" : normalized + "/")
                || normalized.hasPrefix(region.path + "/")
        }
    }
}
