/// How pip tells names, paths, archives and URLs apart on a requirement line.
enum RequirementPaths {
    private static let archiveSuffixes: [StaticString] = [
        ".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma", ".tar", ".zip",
    ]

    /// `scheme://...` (http, https, git+https, ...) or `file:...`.
    static func isURL(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        if bytes.starts(with: Array("file:".utf8)) { return true }
        guard let first = bytes.first, (0x41...0x5A).contains(first) || (0x61...0x7A).contains(first) else { return false }
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                return index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "/") && bytes[index + 2] == UInt8(ascii: "/")
            }
            let allowed = PEP508Cursor.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
            if !allowed { return false }
            index += 1
        }
        return false
    }

    static func isArchive(_ text: String) -> Bool {
        archiveSuffixes.contains { ProjectPath.hasSuffixIgnoringCase(text.utf8, $0) }
    }

    /// pip's `_looks_like_path`: contains a separator or starts with `.`.
    static func looksLikePath(_ text: String) -> Bool {
        text.hasPrefix(".") || text.utf8.contains(UInt8(ascii: "/"))
    }

    /// `#egg=name` (up to the next `&`) of a URL, if present.
    static func eggName(_ url: String) -> String? {
        guard let hash = url.utf8.firstIndex(of: UInt8(ascii: "#")) else { return nil }
        let fragment = String(decoding: url.utf8[url.utf8.index(after: hash)...], as: UTF8.self)
        for part in fragment.split(separator: "&") where part.hasPrefix("egg=") {
            let name = String(part.dropFirst(4))
            return name.isEmpty ? nil : name
        }
        return nil
    }

    /// Splits off an environment marker at the first `separator`.
    static func splitMarker(_ text: String, separator: String) -> (String, String?) {
        let bytes = Array(text.utf8)
        let needle = Array(separator.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count,
              let start = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        else { return (RequirementsText.trim(text), nil) }
        let head = String(decoding: bytes[..<start], as: UTF8.self)
        let marker = RequirementsText.trim(String(decoding: bytes[(start + needle.count)...], as: UTF8.self))
        return (RequirementsText.trim(head), marker.isEmpty ? nil : marker)
    }

    /// `path` relative to the project root when named in `file`; nil for URLs
    /// and for paths that leave the project.
    static func resolve(_ path: String, from file: String) -> String? {
        if isURL(path) || path.utf8.first == UInt8(ascii: "/") { return nil }
        return ProjectPath.join(PathUtilities.dirname(file), path)
    }
}
