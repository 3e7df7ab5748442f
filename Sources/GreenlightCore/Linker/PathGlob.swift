/// Go's `filepath.Match` on `/`-separated paths, which Docker uses for COPY and ADD
/// sources: `*` and `?` never cross a `/`, `[a-z]`, `[^a]` classes, `\` escapes.
public enum PathGlob {
    /// Whether a COPY source contains pattern characters.
    public static func isPattern(_ text: String) -> Bool {
        text.contains(where: { $0 == "*" || $0 == "?" || $0 == "[" })
    }

    /// Whether `path` matches `pattern` as a whole (same number of segments).
    public static func matches(_ pattern: String, _ path: String) -> Bool {
        let patternSegments = pattern.split(separator: "/", omittingEmptySubsequences: true)
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: true)
        guard patternSegments.count == pathSegments.count else { return false }
        for (segmentPattern, segment) in zip(patternSegments, pathSegments) {
            if !matchSegment(Array(segmentPattern.utf8)[...], Array(segment.utf8)[...]) { return false }
        }
        return true
    }

    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP = -1
        var starT = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex {
                let byte = pattern[p]
                if byte == UInt8(ascii: "*") {
                    starP = p
                    starT = t
                    p += 1
                    continue
                }
                if byte == UInt8(ascii: "?") {
                    p += 1
                    t += 1
                    continue
                }
                if byte == UInt8(ascii: "[") , let (matched, next) = matchClass(pattern, from: p, byte: text[t]) {
                    if matched {
                        p = next
                        t += 1
                        continue
                    }
                } else {
                    var literal = byte
                    var next = p + 1
                    if byte == UInt8(ascii: "\\"), p + 1 < pattern.endIndex {
                        literal = pattern[p + 1]
                        next = p + 2
                    }
                    if literal == text[t] {
                        p = next
                        t += 1
                        continue
                    }
                }
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    /// Matches a `[...]` class at `start`; returns whether `byte` is in it and the index after `]`.
    private static func matchClass(_ pattern: ArraySlice<UInt8>, from start: Int, byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negated = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "^") || pattern[index] == UInt8(ascii: "!") {
            negated = true
            index += 1
        }
        var matched = false
        var first = true
        while index < pattern.endIndex {
            var low = pattern[index]
            if low == UInt8(ascii: "]"), !first { return (matched != negated, index + 1) }
            first = false
            if low == UInt8(ascii: "\\"), index + 1 < pattern.endIndex {
                index += 1
                low = pattern[index]
            }
            var high = low
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                high = pattern[index + 2]
                index += 2
            }
            if byte >= low, byte <= high { matched = true }
            index += 1
        }
        return nil
    }
}
