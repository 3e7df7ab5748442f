/// Pure functions on `/`-separated paths. Paths inside an image are absolute
/// (`/app/main.py`); paths in a project are relative to its root (`api/main.py`).
public enum PathUtilities {
    /// Joins `path` onto `base` and normalises `.` and `..`. An absolute `path` replaces `base`.
    public static func join(_ base: String, _ path: String) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        if base.isEmpty { return normalize(path) }
        return normalize(base + "/" + path)
    }

    /// Collapses `//`, `.` and `..`; keeps a leading `/`. `..` never climbs above the root.
    public static func normalize(_ path: String) -> String {
        if isNormal(path) { return path }
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if !parts.isEmpty { parts.removeLast() }
                continue
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : joined
    }

    /// Whether `path` is already normal: no empty, `.` or `..` segments and no trailing `/`.
    static func isNormal(_ path: String) -> Bool {
        let bytes = path.utf8
        guard !bytes.isEmpty else { return true }
        if bytes.count == 1, bytes.first == UInt8(ascii: "/") { return true }
        var segmentLength = 0
        var segmentDots = 0
        var index = 0
        for byte in bytes {
            if byte == UInt8(ascii: "/") {
                // An empty segment is allowed only as the root of an absolute path.
                if segmentLength == 0 && index != 0 { return false }
                if segmentLength > 0 && segmentDots == segmentLength && segmentLength <= 2 { return false }
                segmentLength = 0
                segmentDots = 0
            } else {
                segmentLength += 1
                if byte == UInt8(ascii: ".") { segmentDots += 1 }
            }
            index += 1
        }
        if segmentLength == 0 { return false }
        if segmentDots == segmentLength && segmentLength <= 2 { return false }
        return true
    }

    /// The directory part of a path (`""` for a bare name, `/` for a file at the root).
    public static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// A relative path that leads from directory `from` to `to` (both relative to one root).
    public static func relativePath(from directory: String, to path: String) -> String {
        let base = directory.split(separator: "/").map(String.init)
        let target = path.split(separator: "/").map(String.init)
        var common = 0
        while common < base.count, common < target.count, base[common] == target[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        return (up + target[common...]).joined(separator: "/")
    }

    /// `child` relative to `ancestor` if it lies inside it (or is it), else nil.
    public static func relative(_ child: String, to ancestor: String) -> String? {
        if ancestor.isEmpty || ancestor == "." { return child }
        if child == ancestor { return "" }
        let prefix = ancestor.hasSuffix("/") ? ancestor : ancestor + "/"
        return child.hasPrefix(prefix) ? String(child.dropFirst(prefix.count)) : nil
    }
}
