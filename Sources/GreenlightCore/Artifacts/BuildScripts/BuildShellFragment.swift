/// Shell text cut out of a file (a whole script, one recipe line, a `run:`
/// block) with, for every byte, the offset in the file it came from, so
/// commands are reported where they are written even after indentation or
/// make's `$$` escapes were removed.
struct BuildShellFragment {
    var bytes: [UInt8]
    var origins: [Int]

    init(bytes: [UInt8], origins: [Int]) {
        self.bytes = bytes
        self.origins = origins
    }

    /// The whole file as one fragment.
    init(wholeFile source: SourceText) {
        bytes = source.bytes
        origins = Array(0..<source.bytes.count)
    }

    /// Text that cannot be mapped byte by byte: everything points at `origin`.
    init(text: [UInt8], origin: Int) {
        bytes = text
        origins = [Int](repeating: origin, count: text.count)
    }

    /// The file offset of fragment byte `index` (clamped).
    func origin(_ index: Int) -> Int {
        if origins.isEmpty { return 0 }
        return origins[max(0, min(index, origins.count - 1))]
    }
}
