/// Byte-level path arithmetic for the hot paths of discovery and parsing,
/// where `String.split` (which walks grapheme clusters) is too slow.
enum ProjectPath {
    private static let slash = UInt8(ascii: "/")
    private static let dot = UInt8(ascii: ".")

    /// The `/`-separated components of `bytes`, empty components dropped.
    static func components(_ bytes: some Collection<UInt8>, into parts: inout [[UInt8]]) {
        var current: [UInt8] = []
        for byte in bytes {
            if byte == slash {
                if !current.isEmpty { parts.append(current) }
                current = []
            } else {
                current.append(byte)
            }
        }
        if !current.isEmpty { parts.append(current) }
    }

    /// `path` appended to the project-relative `base` with `.` and `..`
    /// resolved; nil when it would climb above the project root.
    static func join(_ base: String, _ path: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(base.utf8.count + path.utf8.count + 1)
        guard append(Array(base.utf8), to: &output), append(Array(path.utf8), to: &output) else { return nil }
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the components of `bytes` to the normalised path in `output`.
    private static func append(_ bytes: [UInt8], to output: inout [UInt8]) -> Bool {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != slash { end += 1 }
            let length = end - start
            if length == 0 || (length == 1 && bytes[start] == dot) {
                // Empty or "." component.
            } else if length == 2 && bytes[start] == dot && bytes[start + 1] == dot {
                if output.isEmpty { return false }
                let cut = output.lastIndex(of: slash) ?? 0
                output.removeSubrange(cut...)
            } else {
                if !output.isEmpty { output.append(slash) }
                output.append(contentsOf: bytes[start..<end])
            }
            start = end + 1
        }
        return true
    }

    static func joined(_ parts: [[UInt8]]) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(parts.reduce(0) { $0 + $1.count + 1 })
        for (index, part) in parts.enumerated() {
            if index > 0 { result.append(slash) }
            result.append(contentsOf: part)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `bytes` ends with the ASCII `suffix`, ignoring ASCII case.
    static func hasSuffixIgnoringCase(_ bytes: some BidirectionalCollection<UInt8>, _ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        var index = bytes.index(bytes.endIndex, offsetBy: -count)
        return suffix.withUTF8Buffer { expected in
            for byte in expected {
                let actual = bytes[index]
                let lowered = (0x41...0x5A).contains(actual) ? actual + 0x20 : actual
                if lowered != byte { return false }
                index = bytes.index(after: index)
            }
            return true
        }
    }
}
