/// A literal setting the project makes somewhere (an `.env` line, a compose
/// `environment` entry, a Dockerfile `ENV`/`ARG`), for the rules that judge values
/// themselves (placeholders, secrets, debug switches) wherever they are written.
public struct ConfigValue: Hashable, Sendable {
    public enum Origin: String, Hashable, Sendable {
        case dotenv = "env file"
        case composeEnvironment = "compose environment"
        case dockerfileEnv = "Dockerfile ENV"
        case dockerfileArg = "Dockerfile ARG default"
        case taskDefinitionEnvironment = "task definition environment"
        case ssmParameter = "SSM parameter value"
        case terraformVariable = "Terraform variable"
        case cloudFormationParameter = "CloudFormation parameter default"
    }

    public var key: String
    public var value: String
    public var origin: Origin
    public var location: SourceLocation
    /// The service it applies to, when it belongs to one.
    public var service: String?
    /// Whether the value was written in this file (as opposed to interpolated from
    /// `${VAR}` or `${VAR:-default}` read elsewhere).
    public var isLiteral: Bool

    public init(key: String, value: String, origin: Origin, location: SourceLocation, service: String? = nil, isLiteral: Bool = true) {
        self.key = key
        self.value = value
        self.origin = origin
        self.location = location
        self.service = service
        self.isLiteral = isLiteral
    }
}

/// An image a project names: a Dockerfile `FROM`, or a compose `image:`.
public struct ImageUse: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `FROM` of a Dockerfile stage (the stage's image after ARG expansion).
        case from
        /// compose `image:` of a service that is pulled, not built.
        case pulled
        /// compose `image:` that names the tag a `build:` produces.
        case buildTag
        /// The image an ECS container definition deploys.
        case deployed
    }

    /// The reference after variable expansion.
    public var reference: String
    /// As written, when it differs (`${VERSION:-latest}`).
    public var written: String
    public var kind: Kind
    public var location: SourceLocation
    public var service: String?

    public init(reference: String, written: String, kind: Kind, location: SourceLocation, service: String? = nil) {
        self.reference = reference
        self.written = written
        self.kind = kind
        self.location = location
        self.service = service
    }
}

/// A Docker build context a service is built from.
public struct BuildContext: Hashable, Sendable {
    /// Directory relative to the scanned root (`""` for the root).
    public var path: String
    public var dockerfile: String
    /// The ignore file that applies (`.dockerignore` or `<Dockerfile>.dockerignore`), if any.
    public var ignoreFile: String?
    /// Whether the Dockerfile copies the whole context (`COPY . .`).
    public var copiesWholeContext: Bool
    /// Where the build is declared (compose `build:`, or the Dockerfile itself).
    public var location: SourceLocation
    public var services: [String]

    public init(path: String, dockerfile: String, ignoreFile: String?, copiesWholeContext: Bool,
                location: SourceLocation, services: [String]) {
        self.path = path
        self.dockerfile = dockerfile
        self.ignoreFile = ignoreFile
        self.copiesWholeContext = copiesWholeContext
        self.location = location
        self.services = services
    }
}

/// Everything Greenlight understood about a project: the linked services plus the
/// project-wide facts rules need. Built once per run; rules only read it.
public struct Project: Sendable {
    public var tree: any FileTree
    public var configuration: Configuration
    public var services: [Service]
    public var configValues: [ConfigValue]
    public var images: [ImageUse]
    public var buildContexts: [BuildContext]
    /// Secret-shaped string literals found in reachable application code.
    public var codeLiterals: [Located<String>]
    public var parseIssues: [ParseIssue]
    /// The root Terraform modules, for rules that follow references (`aws_ssm_parameter.x.arn`).
    public var terraform: [TerraformModule]
    /// CloudFormation templates (task definitions, SSM parameters, services, target groups).
    public var cloudFormation: [CloudFormationTemplate]
    /// Text of every file that was read, by relative path (for excerpts, suppressions, baselines).
    public var sources: [String: SourceText]
    /// Number of files Greenlight read.
    public var fileCount: Int

    public init(tree: any FileTree, configuration: Configuration) {
        self.tree = tree
        self.configuration = configuration
        self.services = []
        self.configValues = []
        self.images = []
        self.buildContexts = []
        self.codeLiterals = []
        self.parseIssues = []
        self.terraform = []
        self.cloudFormation = []
        self.sources = [:]
        self.fileCount = 0
    }

    public func service(named name: String) -> Service? {
        services.first { $0.name == name }
    }
}
