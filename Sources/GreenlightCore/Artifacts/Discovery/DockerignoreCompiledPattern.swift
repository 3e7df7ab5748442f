/// One `.dockerignore` pattern turned into a matcher, following the
/// conversion moby/patternmatcher performs: literal patterns compare exactly,
/// `prefix/**` compares a prefix, `**/suffix` compares a suffix, and anything
/// else becomes an anchored expression where `*` and `?` never cross `/`,
/// `**/` spans any number of directories (zero included) and a trailing `**`
/// spans everything.
enum DockerignoreCompiledPattern: Hashable, Sendable {
    case exact([UInt8])
    case prefix([UInt8])
    case suffix([UInt8])
    case expression([DockerignoreToken])

    /// Compiles a cleaned pattern (no `!`), or explains why Docker cannot use it.
    static func compile(_ pattern: [UInt8]) -> Result<DockerignoreCompiledPattern, DockerignoreCompileError> {
        var compiler = DockerignorePatternCompiler(pattern: pattern)
        return compiler.run()
    }

    /// Whether `path` (cleaned, `/`-separated, relative to the context) matches.
    func matches(_ path: ArraySlice<UInt8>) -> Bool {
        switch self {
        case .exact(let literal):
            return path.elementsEqual(literal)
        case .prefix(let pattern):
            let prefix = pattern.dropLast(2)
            return path.count >= prefix.count && path.prefix(prefix.count).elementsEqual(prefix)
        case .suffix(let pattern):
            let suffix = pattern.dropFirst(2)
            if path.count >= suffix.count && path.suffix(suffix.count).elementsEqual(suffix) { return true }
            guard suffix.first == UInt8(ascii: "/") else { return false }
            return path.elementsEqual(suffix.dropFirst())
        case .expression(let tokens):
            return DockerignoreExpressionMatcher.matches(tokens, path)
        }
    }
}

/// Why a pattern cannot be used the way Docker would use it.
struct DockerignoreCompileError: Error, Hashable, Sendable {
    var message: String
}

/// The pieces of an expression pattern.
enum DockerignoreToken: Hashable, Sendable {
    /// One literal byte.
    case byte(UInt8)
    /// `*`: any run of characters other than `/`.
    case star
    /// `?`: one character other than `/`.
    case anyCharacter
    /// `[...]`: one character of the class (it may be `/`).
    case characterClass(DockerignoreCharacterClass)
    /// `**/` inside a pattern: zero or more whole directories.
    case anyDirectories
    /// A trailing `**` after other wildcards: anything at all.
    case anything
    /// A bare `^`, which Docker leaves as a start-of-path anchor.
    case startAnchor
}
