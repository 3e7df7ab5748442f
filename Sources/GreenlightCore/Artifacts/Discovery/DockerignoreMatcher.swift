/// One line of a `.dockerignore` file after Docker has read it.
public struct DockerignorePattern: Hashable, Sendable {
    /// The pattern as Docker uses it: trimmed, `filepath.Clean`ed, leading `/`
    /// removed, without the `!` of an exception.
    public var text: String
    /// `!pattern`: re-includes what earlier patterns excluded.
    public var isException: Bool
    public var location: SourceLocation
    let compiled: DockerignoreCompiledPattern
}

/// Decides which files of a build context `docker build` leaves out, with the
/// semantics of moby/patternmatcher as used by BuildKit: patterns are relative
/// to the context root, the last matching pattern wins, and a pattern that
/// matches a directory excludes everything below it unless a later `!`
/// exception matches the file or one of its parents.
public struct DockerignoreMatcher: Sendable {
    public private(set) var patterns: [DockerignorePattern]
    /// Lines Docker rejects (docker build fails on them) or whose meaning
    /// Greenlight cannot reproduce; such patterns are left out of `patterns`.
    public private(set) var issues: [ParseIssue]
    /// Whether any pattern is an exception (`!`).
    public var hasExceptions: Bool { patterns.contains { $0.isException } }

    public init(source: SourceText) {
        patterns = []
        issues = []
        for lineIndex in 0..<source.lineStarts.count {
            let lineNumber = lineIndex + 1
            let start = source.lineStarts[lineIndex]
            var end = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] - 1 : source.bytes.count
            if start >= end && lineIndex + 1 == source.lineStarts.count { break }
            if end > start && source.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            var line = source.bytes[start..<end]
            if lineIndex == 0, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
            readLine(line, lineNumber: lineNumber, source: source)
        }
    }

    /// Mirrors `ignorefile.ReadAll` followed by `patternmatcher.New` for one line.
    private mutating func readLine(_ line: ArraySlice<UInt8>, lineNumber: Int, source: SourceText) {
        if line.first == UInt8(ascii: "#") { return }
        var pattern = DockerignorePath.trimSpace(line)
        if pattern.isEmpty { return }
        let column = source.location(ofOffset: pattern.startIndex).column
        let location = SourceLocation(file: source.path, line: lineNumber, column: column)
        let invert = pattern.first == UInt8(ascii: "!")
        if invert { pattern = DockerignorePath.trimSpace(pattern.dropFirst()) }
        var text = String(decoding: pattern, as: UTF8.self)
        if !text.isEmpty {
            text = DockerignorePath.clean(text)
            if text.utf8.count > 1 && text.utf8.first == UInt8(ascii: "/") {
                text = String(decoding: text.utf8.dropFirst(), as: UTF8.self)
            }
        }
        if invert { text = "!" + text }
        // patternmatcher.New: trim, clean again, split off the `!`.
        var cleaned = DockerignorePath.clean(String(decoding: DockerignorePath.trimSpace(Array(text.utf8)[...]), as: UTF8.self))
        var isException = false
        if cleaned.utf8.first == UInt8(ascii: "!") {
            if cleaned.utf8.count == 1 {
                issues.append(ParseIssue("illegal exclusion pattern \"!\": docker build fails on this file", at: location))
                return
            }
            isException = true
            cleaned = String(decoding: cleaned.utf8.dropFirst(), as: UTF8.self)
        }
        let bytes = Array(cleaned.utf8)
        guard DockerignoreSyntax.isValid(bytes) else {
            issues.append(ParseIssue("syntax error in pattern '\(cleaned)': docker build fails on this file", at: location))
            return
        }
        switch DockerignoreCompiledPattern.compile(bytes) {
        case .success(let compiled):
            patterns.append(DockerignorePattern(text: cleaned, isException: isException, location: location, compiled: compiled))
        case .failure(let error):
            issues.append(ParseIssue("pattern '\(cleaned)' is not used: \(error.message)", at: location))
        }
    }

    /// Whether `relativePath` (relative to the context root) is left out of the
    /// build context: moby's `MatchesOrParentMatches`.
    public func isExcluded(_ relativePath: String) -> Bool {
        let cleaned = DockerignorePath.clean(relativePath)
        if cleaned == "." || patterns.isEmpty { return false }
        let path = Array(cleaned.utf8)
        var parentEnds: [Int] = []
        for (offset, byte) in path.enumerated() where byte == UInt8(ascii: "/") && offset > 0 {
            parentEnds.append(offset)
        }
        var matched = false
        for pattern in patterns {
            if pattern.isException != matched { continue }
            var match = pattern.compiled.matches(path[...])
            if !match {
                for end in parentEnds where pattern.compiled.matches(path[..<end]) {
                    match = true
                    break
                }
            }
            if match { matched = !pattern.isException }
        }
        return matched
    }

    /// For an excluded directory, whether some file below it may still be in
    /// the context because of an exception. When this is false a walker can
    /// skip the directory: BuildKit itself skips it, and `isExcluded` is true
    /// for everything below it. When it is true, check the entries one by one.
    public func mayReincludeBelow(_ directory: String) -> Bool {
        let exceptions = patterns.filter(\.isException)
        if exceptions.isEmpty { return false }
        let globCharacters: Set<UInt8> = [
            UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "^"), UInt8(ascii: "\\"),
        ]
        let trimmed = exceptions.map(Self.withoutTrailingGlob)
        if trimmed.contains(where: { $0.utf8.contains(where: globCharacters.contains) }) { return true }
        let cleaned = DockerignorePath.clean(directory)
        if cleaned == "." { return true }
        let directoryWithSlash = cleaned + "/"
        return trimmed.contains { ($0 + "/").utf8.starts(with: directoryWithSlash.utf8) }
    }

    /// fsutil's `patternWithoutTrailingGlob`.
    private static func withoutTrailingGlob(_ pattern: DockerignorePattern) -> String {
        var text = pattern.text
        if text.hasSuffix("/**") { text.removeLast(3) }
        if text.hasSuffix("/*") { text.removeLast(2) }
        return text
    }
}
