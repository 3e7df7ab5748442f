/// One docker-compose file as read from the repository, interpolated with the project's
/// `.env` variables, with anchors, aliases and `<<` merge keys resolved.
public struct ComposeFile: Sendable {
    public var path: String
    /// Top-level `name:`.
    public var name: String?
    /// Services in file order.
    public var services: [ComposeService]
    /// Names declared under the top-level `volumes:`, `networks:`, `secrets:` and `configs:`.
    public var volumes: [Located<String>]
    public var networks: [Located<String>]
    public var secrets: [Located<String>]
    public var configs: [Located<String>]
    /// Paths of other compose files pulled in with top-level `include:`.
    public var includes: [Located<String>]
    /// Invalid YAML, wrong shapes and values compose would reject.
    public var issues: [ParseIssue]
    /// `${VAR:?message}` / `${VAR?message}` failures and malformed `${...}`, located at the value.
    public var interpolationErrors: [ParseIssue]
    /// YAML comments with their locations, each starting at its `#`, for suppressions.
    public var comments: [Located<String>]
    /// For every value that contained `$`, keyed by the value's location: the text as
    /// written and the variables it used. List items are keyed by their own location.
    public var interpolations: [SourceLocation: ComposeInterpolation]
    /// The environment used, with `missingVariables` recorded.
    public var environment: ComposeEnvironment

    public init(path: String, environment: ComposeEnvironment = ComposeEnvironment()) {
        self.path = path
        self.services = []
        self.volumes = []
        self.networks = []
        self.secrets = []
        self.configs = []
        self.includes = []
        self.issues = []
        self.interpolationErrors = []
        self.comments = []
        self.interpolations = [:]
        self.environment = environment
    }

    /// Reads a compose file. Never traps: invalid YAML gives one issue at the error's
    /// location and no services; values of the wrong shape give located issues and the
    /// rest of the file is still read. Several YAML documents (`---`) are merged in order.
    public static func parse(_ source: SourceText, environment: ComposeEnvironment = ComposeEnvironment()) -> ComposeFile {
        var file = ComposeFile(path: source.path, environment: environment)
        file.comments = ComposeCommentScanner.comments(in: source)
        let documents = ComposeYAML.load(source, issues: &file.issues)
        var reader = ComposeNodeReader(source: source, environment: environment)
        for (index, root) in documents.enumerated() {
            if index == 0 {
                reader.readTopLevel(root, into: &file)
            } else {
                var document = ComposeFile(path: source.path)
                reader.readTopLevel(root, into: &document)
                file.absorb(document)
            }
        }
        file.issues += reader.issues
        file.interpolationErrors = reader.interpolationErrors
        file.interpolations = reader.interpolations
        file.environment = reader.environment
        return file
    }

    /// Lays a later YAML document of the same file over this one, as compose does.
    private mutating func absorb(_ document: ComposeFile) {
        let merged = ComposeProject.merge([self, document])
        name = merged.name
        services = merged.services
        volumes = merged.volumes
        networks = merged.networks
        secrets = merged.secrets
        configs = merged.configs
        includes = merged.includes
    }

    /// The service called `name`, if any.
    public func service(named name: String) -> ComposeService? {
        services.first { $0.name == name }
    }

    /// The interpolation behind the value at `location`, if it contained `$`.
    public func interpolation(at location: SourceLocation) -> ComposeInterpolation? {
        interpolations[location]
    }
}
