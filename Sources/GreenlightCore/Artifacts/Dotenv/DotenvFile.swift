/// One `KEY=value` statement of a `.env` file, read the way docker compose reads it.
public struct DotenvEntry: Hashable, Sendable {
    /// How the value was written; it decides escapes and interpolation.
    public enum QuoteStyle: Hashable, Sendable {
        /// `KEY=value`: inline ` # comments` cut, trailing blanks trimmed, `${VAR}` interpolated.
        case unquoted
        /// `KEY='value'`: taken literally.
        case single
        /// `KEY="value"`: `\n`-style escapes, `${VAR}` interpolated, may span lines.
        case double
    }

    public var key: String
    /// The value compose would use: escapes applied and `${VAR}` interpolated with the
    /// entries above it in the same file (unset variables become empty or their default).
    /// Empty for an inherited `KEY` line.
    public var value: String
    /// The value as written, without its quotes.
    public var rawValue: String
    /// The location of the key.
    public var location: SourceLocation
    /// The location of the value's first character (its opening quote when quoted).
    public var valueLocation: SourceLocation
    public var quoted: QuoteStyle
    /// Written as `export KEY=value`.
    public var isExported: Bool
    /// A bare `KEY` line: compose takes the value from the shell, so it is not known here.
    public var isInherited: Bool
    /// The variables the value interpolated, in order.
    public var variables: [String]

    public init(
        key: String, value: String, rawValue: String, location: SourceLocation, valueLocation: SourceLocation,
        quoted: QuoteStyle, isExported: Bool = false, isInherited: Bool = false, variables: [String] = []
    ) {
        self.key = key
        self.value = value
        self.rawValue = rawValue
        self.location = location
        self.valueLocation = valueLocation
        self.quoted = quoted
        self.isExported = isExported
        self.isInherited = isInherited
        self.variables = variables
    }
}

/// A `.env` file (the project `.env` compose interpolates with, or a service `env_file`).
public struct DotenvFile: Sendable {
    public var path: String
    /// Statements in file order; a key set twice appears twice (the last one wins).
    public var entries: [DotenvEntry]
    public var issues: [ParseIssue]
    /// Comments with their locations, each starting at its `#`, for suppressions.
    public var comments: [Located<String>]

    public init(path: String, entries: [DotenvEntry] = [], issues: [ParseIssue] = [], comments: [Located<String>] = []) {
        self.path = path
        self.entries = entries
        self.issues = issues
        self.comments = comments
    }

    /// Reads a dotenv file. Never traps; lines that are not assignments become issues.
    public static func parse(_ source: SourceText) -> DotenvFile {
        var parser = DotenvParser(source: source)
        parser.run()
        return DotenvFile(path: source.path, entries: parser.entries, issues: parser.issues, comments: parser.comments)
    }

    /// The entry that wins for `key` (the last one), if any.
    public func entry(_ key: String) -> DotenvEntry? {
        entries.last { $0.key == key }
    }

    /// The final value of every key that has one (inherited keys are left out).
    public var values: [String: String] {
        var result: [String: String] = [:]
        for entry in entries where !entry.isInherited { result[entry.key] = entry.value }
        return result
    }
}
