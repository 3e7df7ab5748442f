/// Where build commands can be written.
public enum BuildScriptKind: String, Sendable, Hashable, CaseIterable {
    /// A sh/bash script: one shell, `cd` carries over from line to line.
    case shell
    /// A Makefile: every recipe line runs in its own shell in the Makefile's directory.
    case makefile
    /// A justfile: every recipe line runs in its own shell in the justfile's directory.
    case justfile
    /// A GitHub Actions workflow: `run:` steps and `docker/build-push-action` steps.
    case githubWorkflow

    /// The scanner kind for a discovered file, if it can hold build commands.
    public init?(fileKind: FileKind) {
        switch fileKind {
        case .shellScript: self = .shell
        case .makefile: self = .makefile
        case .justfile: self = .justfile
        case .githubWorkflow: self = .githubWorkflow
        default: return nil
        }
    }
}

/// One image build found in a script, recipe or workflow: which Dockerfile,
/// which context, which tags and platforms. Paths are relative to the project
/// root; a nil path means "could not be known statically", never a guess.
public struct DockerBuildInvocation: Hashable, Sendable {
    public enum Tool: String, Hashable, Sendable {
        case dockerBuild = "docker build"
        case dockerBuildx = "docker buildx build"
        case podmanBuild = "podman build"
        case buildPushAction = "docker/build-push-action"
    }

    public var tool: Tool
    /// The context argument as written (`.`, `./api`, `$CTX`, a Git URL, `-`).
    public var context: String
    /// The context directory relative to the project root; nil for URLs,
    /// stdin (`-`) or text with unknown variables.
    public var contextPath: String?
    /// `-f`/`--file` (or the action's `file`) as written; nil when not given.
    public var dockerfileAsWritten: String?
    /// `-f` resolved against the directory the command runs in, relative to
    /// the project root; nil when not given or not resolvable. (podman also
    /// tries the path relative to the context when this file does not exist.)
    public var dockerfile: String?
    public var tags: [String]
    public var platforms: [String]
    /// `--build-arg KEY=VALUE`; `--build-arg KEY` (value taken from the
    /// environment) is recorded as `KEY: "$KEY"`.
    public var buildArgs: [String: String]
    public var target: String?
    /// The directory the command runs in, relative to the project root; nil if unknown.
    public var workingDirectory: String?
    /// The command contains unquoted expansions (`$ARGS`, `$(FLAGS)`) that may
    /// add options Greenlight cannot see.
    public var hasOpaqueArguments: Bool
    /// Where the command starts (the `docker`/`podman` word or the `uses:` key).
    public var location: SourceLocation

    public init(
        tool: Tool, context: String, contextPath: String?, dockerfileAsWritten: String? = nil, dockerfile: String? = nil,
        tags: [String] = [], platforms: [String] = [], buildArgs: [String: String] = [:], target: String? = nil,
        workingDirectory: String?, hasOpaqueArguments: Bool = false, location: SourceLocation
    ) {
        self.tool = tool
        self.context = context
        self.contextPath = contextPath
        self.dockerfileAsWritten = dockerfileAsWritten
        self.dockerfile = dockerfile
        self.tags = tags
        self.platforms = platforms
        self.buildArgs = buildArgs
        self.target = target
        self.workingDirectory = workingDirectory
        self.hasOpaqueArguments = hasOpaqueArguments
        self.location = location
    }

    /// The Dockerfile the build reads: `dockerfile` when `-f` was given,
    /// otherwise `Dockerfile` at the context root; nil when unknown.
    public var dockerfilePath: String? {
        if dockerfileAsWritten != nil { return dockerfile }
        guard let contextPath else { return nil }
        return contextPath.isEmpty ? "Dockerfile" : contextPath + "/Dockerfile"
    }
}

/// The builds found in one file plus the problems met reading it.
public struct DockerBuildScan: Sendable {
    public var invocations: [DockerBuildInvocation]
    public var issues: [ParseIssue]

    public init(invocations: [DockerBuildInvocation] = [], issues: [ParseIssue] = []) {
        self.invocations = invocations
        self.issues = issues
    }
}
