/// A value in application code that Greenlight could read statically.
public enum CodeValue: Hashable, Sendable {
    case literal(String)
    case integer(Int)
    /// Read from an environment variable, with the code's default when it has one.
    case environment(name: String, defaultValue: String?)
    case unknown
}

/// The code reads an environment variable.
public struct CodeEnvRead: Hashable, Sendable {
    public var name: String
    public var hasDefault: Bool
    /// Whether the code fails when the variable is missing (`os.environ["X"]`, a
    /// settings field without default) rather than getting None.
    public var raisesWhenMissing: Bool
    public var defaultValue: String?
    /// Other names that satisfy the read (pydantic aliases), and whether names match
    /// case-insensitively (pydantic settings do).
    public var alternativeNames: [String]
    public var caseInsensitive: Bool
    public var location: SourceLocation

    public init(name: String, hasDefault: Bool, raisesWhenMissing: Bool, defaultValue: String?,
                alternativeNames: [String] = [], caseInsensitive: Bool = false, location: SourceLocation) {
        self.name = name
        self.hasDefault = hasDefault
        self.raisesWhenMissing = raisesWhenMissing
        self.defaultValue = defaultValue
        self.alternativeNames = alternativeNames
        self.caseInsensitive = caseInsensitive
        self.location = location
    }

    /// Whether a variable set under `names` satisfies this read.
    public func isSatisfied(by names: Set<String>) -> Bool {
        let wanted = [name] + alternativeNames
        if caseInsensitive {
            let upper = Set(names.map { $0.uppercased() })
            return wanted.contains { upper.contains($0.uppercased()) }
        }
        return wanted.contains { names.contains($0) }
    }
}

/// The code starts a server of some protocol.
public struct CodeServerHint: Hashable, Sendable {
    public var kind: ServiceKind
    /// "grpc.server", "FastAPI", "Flask"…
    public var framework: String
    public var location: SourceLocation

    public init(kind: ServiceKind, framework: String, location: SourceLocation) {
        self.kind = kind
        self.framework = framework
        self.location = location
    }
}

/// The code listens on a host and port.
public struct CodeListen: Hashable, Sendable {
    public var host: CodeValue
    public var port: CodeValue
    public var location: SourceLocation

    public init(host: CodeValue, port: CodeValue, location: SourceLocation) {
        self.host = host
        self.port = port
        self.location = location
    }
}

/// An import of a generated module (`*_pb2`, `*_pb2_grpc`) and whether the image has it.
public struct GeneratedImport: Hashable, Sendable {
    public var module: String
    public var location: SourceLocation
    public var resolved: Bool

    public init(module: String, location: SourceLocation, resolved: Bool) {
        self.module = module
        self.location = location
        self.resolved = resolved
    }
}

/// A host the server binds, how Greenlight knows, and where.
public struct HostBinding: Hashable, Sendable {
    public var host: String
    /// "uvicorn's default when --host is not given", "add_insecure_port(\"localhost:50051\")".
    public var how: String
    public var location: SourceLocation

    public init(host: String, how: String, location: SourceLocation) {
        self.host = host
        self.how = how
        self.location = location
    }
}

/// What a service's start command runs, read from its Python code by following
/// local imports from the entry module.
public struct CodeModel: Sendable {
    /// "python -m workflow_engine", "uvicorn app.main:app".
    public var entry: String
    /// The entry module or script in the image, when it resolved.
    public var entryFile: String?
    /// Project files reachable from the entry.
    public var files: [String]
    /// Third-party top-level imports (not stdlib, not local, not generated), with where each is imported first.
    public var thirdPartyImports: [Located<String>]
    public var envReads: [CodeEnvRead]
    public var servers: [CodeServerHint]
    public var listens: [CodeListen]
    public var generatedImports: [GeneratedImport]
    /// Calls that open a database or cache connection at start-up.
    public var databaseHints: [Located<String>]
    /// The hosts the server binds, resolved through the service's environment and the
    /// servers' defaults (uvicorn and gunicorn bind 127.0.0.1 unless told otherwise).
    public var binds: [HostBinding]

    public init(entry: String) {
        self.entry = entry
        self.files = []
        self.thirdPartyImports = []
        self.envReads = []
        self.servers = []
        self.listens = []
        self.generatedImports = []
        self.databaseHints = []
        self.binds = []
    }
}
