/// The bytes of one file with a line index, so parsers can work on UTF-8 bytes
/// (fast) and still report lines and columns the way a person counts them.
public struct SourceText: Sendable {
    /// Path relative to the scanned root, `/`-separated.
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        self.lineStarts = starts
    }

    public init(path: String, string: String) {
        self.init(path: path, bytes: Array(string.utf8))
    }

    public var lineCount: Int {
        // A trailing newline does not open a new line.
        if let last = bytes.last, last == UInt8(ascii: "\n") { return lineStarts.count - 1 }
        return lineStarts.count
    }

    /// The 1-based line containing `offset`.
    public func line(ofOffset offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    /// The location of the byte at `offset` (clamped to the file).
    public func location(ofOffset offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = line(ofOffset: clamped)
        let start = lineStarts[line - 1]
        var column = 1
        var index = start
        while index < clamped {
            // Count only bytes that start a scalar (not 10xxxxxx continuation bytes).
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: path, line: line, column: column)
    }

    /// A location at the start of a 1-based line.
    public func location(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// The text of a 1-based line without its line terminator, or nil past the end.
    public func lineText(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, end <= bytes.count, end - 1 >= start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard start <= end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
