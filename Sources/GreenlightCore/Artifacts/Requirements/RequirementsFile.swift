/// A `-r other.txt` or `-c constraints.txt` line.
public struct RequirementReference: Hashable, Sendable {
    /// As written.
    public var path: String
    /// Relative to the project root (pip resolves these against the directory of
    /// the file that names them); nil for URLs and paths leaving the project.
    public var resolvedPath: String?
    public var location: SourceLocation

    public init(path: String, resolvedPath: String?, location: SourceLocation) {
        self.path = path
        self.resolvedPath = resolvedPath
        self.location = location
    }
}

/// A requirement without a name: a local directory or archive (`./pkg`,
/// `-e .`, `dist/app-1.0-py3-none-any.whl`) or a URL without `#egg=`.
/// Relative paths are as written: pip resolves them against its working
/// directory, which only the Dockerfile knows.
public struct UnnamedRequirement: Hashable, Sendable {
    public var reference: String
    public var isEditable: Bool
    public var isURL: Bool
    public var marker: String?
    public var location: SourceLocation

    public init(reference: String, isEditable: Bool, isURL: Bool, marker: String? = nil, location: SourceLocation) {
        self.reference = reference
        self.isEditable = isEditable
        self.isURL = isURL
        self.marker = marker
        self.location = location
    }
}

/// What a pip requirements file declares.
public struct RequirementsFile: Sendable {
    public var path: String
    public var requirements: [PythonRequirement]
    public var unnamedRequirements: [UnnamedRequirement]
    /// `-r` / `--requirement` lines.
    public var includes: [RequirementReference]
    /// `-c` / `--constraint` lines.
    public var constraints: [RequirementReference]
    /// `-i` / `--index-url` (the last one wins, as in pip).
    public var indexURL: Located<String>?
    public var extraIndexURLs: [Located<String>]
    public var findLinks: [Located<String>]
    public var noIndex: Bool
    /// `--require-hashes`, or implied by any `--hash`.
    public var requireHashes: Bool
    /// Lines pip would reject or that could not be understood.
    public var issues: [ParseIssue]

    public init(path: String) {
        self.path = path
        requirements = []
        unnamedRequirements = []
        includes = []
        constraints = []
        indexURL = nil
        extraIndexURLs = []
        findLinks = []
        noIndex = false
        requireHashes = false
        issues = []
    }

    /// Parses pip's requirements-file syntax.
    public static func parse(_ source: SourceText) -> RequirementsFile {
        var parser = RequirementsFileParser(source: source)
        return parser.run()
    }

    /// The requirement named `name` (any spelling), if declared.
    public func requirement(named name: String) -> PythonRequirement? {
        let normalized = PythonRequirement.normalize(name)
        return requirements.first { $0.normalizedName == normalized }
    }
}
