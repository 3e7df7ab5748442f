/// One pattern line of a `.gitignore` file.
public struct GitignoreRule: Hashable, Sendable {
    /// The line as written (after trailing-space trimming).
    public var text: String
    /// `!pattern`: re-includes what an earlier or shallower rule ignored.
    public var isNegated: Bool
    /// A trailing `/`: the rule matches directories only.
    public var directoryOnly: Bool
    /// The pattern has a `/` other than a trailing one, so it is matched
    /// against the path relative to the `.gitignore`'s directory; otherwise it
    /// is matched against the last path component at any depth.
    public var isAnchored: Bool
    public var location: SourceLocation
    /// Pattern bytes handed to wildmatch (no `!`, no trailing `/`, no leading `/`).
    let pattern: [UInt8]
}

/// The rules of one `.gitignore` (or `.git/info/exclude`, or a list of
/// configured exclusions), with git's parsing: `#` comments, `\#` and `\!`
/// escapes, unescaped trailing spaces dropped, CRLF tolerated.
public struct GitignoreFile: Hashable, Sendable {
    /// The directory the rules are relative to (`""` for the project root).
    public let directory: String
    public let rules: [GitignoreRule]

    /// Reads a `.gitignore`; `directory` defaults to the directory holding it.
    public init(source: SourceText, directory: String? = nil) {
        self.directory = directory ?? PathUtilities.dirname(source.path)
        var rules: [GitignoreRule] = []
        for lineIndex in 0..<source.lineStarts.count {
            let start = source.lineStarts[lineIndex]
            var end = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] - 1 : source.bytes.count
            if end > start && source.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            var line = source.bytes[start..<end]
            if lineIndex == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            let location = SourceLocation(file: source.path, line: lineIndex + 1, column: 1)
            if let rule = Self.rule(line, location: location) { rules.append(rule) }
        }
        self.rules = rules
    }

    /// Rules given as strings (for example exclusions from configuration),
    /// relative to `directory`; locations point at `origin`, line = index + 1.
    public init(patterns: [String], directory: String = "", origin: String) {
        self.directory = directory
        var rules: [GitignoreRule] = []
        for (index, pattern) in patterns.enumerated() {
            let location = SourceLocation(file: origin, line: index + 1, column: 1)
            if let rule = Self.rule(Array(pattern.utf8)[...], location: location) { rules.append(rule) }
        }
        self.rules = rules
    }

    private static func rule(_ line: ArraySlice<UInt8>, location: SourceLocation) -> GitignoreRule? {
        guard let first = line.first, first != UInt8(ascii: "#") else { return nil }
        var bytes = trimmingTrailingSpaces(line)
        if bytes.isEmpty { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        var negated = false
        if bytes.first == UInt8(ascii: "!") {
            negated = true
            bytes = bytes.dropFirst()
        }
        var directoryOnly = false
        if bytes.last == UInt8(ascii: "/") {
            directoryOnly = true
            bytes = bytes.dropLast()
        }
        let anchored = bytes.contains(UInt8(ascii: "/"))
        if bytes.first == UInt8(ascii: "/") { bytes = bytes.dropFirst() }
        if bytes.isEmpty { return nil }
        return GitignoreRule(
            text: text, isNegated: negated, directoryOnly: directoryOnly, isAnchored: anchored,
            location: location, pattern: Array(bytes))
    }

    /// git's `trim_trailing_spaces`: drops trailing spaces not escaped by `\`.
    private static func trimmingTrailingSpaces(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var lastSpace: Int?
        var index = line.startIndex
        while index < line.endIndex {
            switch line[index] {
            case UInt8(ascii: " "):
                if lastSpace == nil { lastSpace = index }
            case UInt8(ascii: "\\"):
                index += 1
                if index >= line.endIndex { return line }
                lastSpace = nil
            default:
                lastSpace = nil
            }
            index += 1
        }
        if let lastSpace { return line[line.startIndex..<lastSpace] }
        return line
    }

    /// The verdict of this file's last matching rule for `path` (relative to
    /// the project root): true = ignored, false = re-included by `!`, nil = no
    /// rule matches or the path is not below `directory`.
    public func match(_ path: String, isDirectory: Bool) -> Bool? {
        if rules.isEmpty { return nil }
        var relativeBytes = Array(path.utf8)
        if !directory.isEmpty {
            let prefix = directory.utf8
            guard relativeBytes.count > prefix.count + 1, relativeBytes.starts(with: prefix),
                  relativeBytes[prefix.count] == UInt8(ascii: "/") else { return nil }
            relativeBytes.removeFirst(prefix.count + 1)
        }
        if relativeBytes.isEmpty { return nil }
        var basenameStart = 0
        for (offset, byte) in relativeBytes.enumerated() where byte == UInt8(ascii: "/") { basenameStart = offset + 1 }
        let basename = Array(relativeBytes[basenameStart...])
        for rule in rules.reversed() {
            if rule.directoryOnly && !isDirectory { continue }
            let target = rule.isAnchored ? relativeBytes : basename
            if GitWildmatch.matches(rule.pattern, target) { return !rule.isNegated }
        }
        return nil
    }
}
