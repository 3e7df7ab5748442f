/// Path helpers that reproduce Go's `path/filepath` behaviour on `/` separators,
/// because `.dockerignore` semantics are defined by what Docker's Go code does
/// with a pattern (`filepath.Clean`, `strings.TrimSpace`), not by POSIX.
enum DockerignorePath {
    /// Go's `filepath.Clean`: collapses `//`, drops `.`, resolves `..` against
    /// earlier components, keeps leading `..` of relative paths, drops a
    /// trailing `/`, and returns `.` for an empty result.
    static func clean(_ path: String) -> String {
        if path.isEmpty { return "." }
        let rooted = path.utf8.first == UInt8(ascii: "/")
        var components: [[UInt8]] = []
        ProjectPath.components(path.utf8, into: &components)
        var parts: [[UInt8]] = []
        let dot = UInt8(ascii: ".")
        for part in components {
            if part.count == 1 && part[0] == dot { continue }
            if part.count == 2 && part[0] == dot && part[1] == dot {
                if let last = parts.last, !(last.count == 2 && last[0] == dot && last[1] == dot) {
                    parts.removeLast()
                } else if !rooted {
                    parts.append(part)
                }
                continue
            }
            parts.append(part)
        }
        let joined = ProjectPath.joined(parts)
        if rooted { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// Go's `strings.TrimSpace` restricted to ASCII white space (and the
    /// Unicode spaces U+0085 and U+00A0 that Go also trims).
    static func trimSpace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, let width = spaceWidth(bytes, at: start) { start += width }
        while end > start, let width = trailingSpaceWidth(bytes, endingAt: end, from: start) { end -= width }
        return bytes[start..<end]
    }

    private static func spaceWidth(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int? {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0xC2:
            guard index + 1 < bytes.endIndex else { return nil }
            let next = bytes[index + 1]
            return next == 0x85 || next == 0xA0 ? 2 : nil
        default: return nil
        }
    }

    private static func trailingSpaceWidth(_ bytes: ArraySlice<UInt8>, endingAt end: Int, from start: Int) -> Int? {
        switch bytes[end - 1] {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return 1
        case 0x85, 0xA0:
            return end - 2 >= start && bytes[end - 2] == 0xC2 ? 2 : nil
        default: return nil
        }
    }
}
