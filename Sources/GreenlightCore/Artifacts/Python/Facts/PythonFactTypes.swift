/// A value the code passes for a host, port or similar setting, as far as a
/// static reading can tell. `.unknown` means "could not tell", never "absent".
public enum PythonValue: Hashable, Sendable {
    case literal(String)
    case int(Int)
    /// Read from an environment variable, with the literal fallback when there is one.
    case env(name: String, default: String?)
    case unknown
}

/// A module-level name of another module that a value comes from, kept when
/// the analysed module alone cannot tell the value (`from .config import settings`).
public struct PythonNameReference: Hashable, Sendable {
    /// The module as written in the import, without leading dots.
    public var module: String
    /// Leading dots of a relative import; 0 for an absolute one.
    public var level: Int
    /// The dotted name inside that module (`settings.grpc_port`, `PORT`); empty for the module itself.
    public var path: String

    public init(module: String, level: Int, path: String) {
        self.module = module
        self.level = level
        self.path = path
    }
}

/// What a module-level name is known to hold: a value, or a pointer into another module.
public struct PythonBinding: Hashable, Sendable {
    public var value: PythonValue
    public var reference: PythonNameReference?

    public init(value: PythonValue, reference: PythonNameReference? = nil) {
        self.value = value
        self.reference = reference
    }
}

/// One `import` or `from ... import` statement (one per module for `import a, b`).
public struct PythonImport: Hashable, Sendable {
    /// The dotted module name without leading dots (`""` for `from . import x`).
    public var module: String
    /// The names of a from-import (`["*"]` for a star import); empty for `import x`.
    public var names: [String]
    /// Local aliases of from-imported names (`from x import a as b` → `["a": "b"]`).
    public var aliases: [String: String]
    /// Number of leading dots (relative import level).
    public var level: Int
    /// `import x.y as z` → `"z"`.
    public var alias: String?
    public var isFromImport: Bool
    /// True when the import may not run or may fail harmlessly: inside a function,
    /// an `if` branch, an except handler, or a `try:` whose handlers catch ImportError.
    public var isConditional: Bool
    /// The same when the module is the program's `__main__`: the `if __name__ == "__main__":`
    /// block then runs, so imports inside it alone are unconditional.
    public var isConditionalWhenMain: Bool
    /// True under `if TYPE_CHECKING:`: never executed at run time.
    public var isTypeCheckingOnly: Bool
    public var location: SourceLocation

    public init(
        module: String, names: [String] = [], aliases: [String: String] = [:], level: Int = 0, alias: String? = nil,
        isFromImport: Bool = false, isConditional: Bool = false, isConditionalWhenMain: Bool? = nil,
        isTypeCheckingOnly: Bool = false, location: SourceLocation
    ) {
        self.module = module
        self.names = names
        self.aliases = aliases
        self.level = level
        self.alias = alias
        self.isFromImport = isFromImport
        self.isConditional = isConditional
        self.isConditionalWhenMain = isConditionalWhenMain ?? isConditional
        self.isTypeCheckingOnly = isTypeCheckingOnly
        self.location = location
    }

    /// The top-level package of an absolute import (`google` for `google.protobuf`).
    public var topLevel: String {
        String(module.split(separator: ".", maxSplits: 1).first ?? "")
    }
}

/// An environment variable the code reads, and what happens when the deploy does not set it.
public struct PythonEnvRead: Hashable, Sendable {
    public var name: String
    /// True when a fallback applies when the variable is unset.
    public var hasDefault: Bool
    /// The fallback as text when it is a literal.
    public var defaultValue: String?
    /// True when a missing variable raises at the read (`os.environ["X"]`, a required settings field).
    public var raisesWhenMissing: Bool
    /// True for pydantic settings without `case_sensitive=True`: `port` satisfies `PORT`.
    public var isCaseInsensitive: Bool
    /// Other names that satisfy the read (`AliasChoices`, `env=[...]`).
    public var alternativeNames: [String]
    /// The pydantic settings class the read belongs to.
    public var settingsClass: String?
    /// `env_file` entries of that settings class, which may supply the value instead.
    public var envFiles: [String]
    public var location: SourceLocation

    public init(
        name: String, hasDefault: Bool, defaultValue: String? = nil, raisesWhenMissing: Bool,
        isCaseInsensitive: Bool = false, alternativeNames: [String] = [], settingsClass: String? = nil,
        envFiles: [String] = [], location: SourceLocation
    ) {
        self.name = name
        self.hasDefault = hasDefault
        self.defaultValue = defaultValue
        self.raisesWhenMissing = raisesWhenMissing
        self.isCaseInsensitive = isCaseInsensitive
        self.alternativeNames = alternativeNames
        self.settingsClass = settingsClass
        self.envFiles = envFiles
        self.location = location
    }
}

/// Which protocol a server speaks.
public enum PythonServerKind: String, Hashable, Sendable {
    case grpc
    case http
}

/// Evidence that the code runs a server (`grpc.server(`, `FastAPI(`, `uvicorn.run(`).
public struct PythonServerHint: Hashable, Sendable {
    public var kind: PythonServerKind
    /// `grpc`, `grpc.aio`, `fastapi`, `flask`, `starlette`, `aiohttp`, `django`, `uvicorn`, `http.server`...
    public var framework: String
    public var location: SourceLocation

    public init(kind: PythonServerKind, framework: String, location: SourceLocation) {
        self.kind = kind
        self.framework = framework
        self.location = location
    }
}

/// An address a server in the code binds to.
public struct PythonListen: Hashable, Sendable {
    public var kind: PythonServerKind
    public var framework: String
    public var host: PythonValue
    public var port: PythonValue
    /// True when the call does not pass a host and the framework's default applies.
    public var hostIsDefault: Bool
    /// True when the call does not pass a port and the framework's default applies.
    public var portIsDefault: Bool
    /// Where the host comes from when it is a name of another module.
    public var hostReference: PythonNameReference?
    /// Where the port comes from when it is a name of another module.
    public var portReference: PythonNameReference?
    public var location: SourceLocation

    public init(
        kind: PythonServerKind, framework: String, host: PythonValue, port: PythonValue,
        hostIsDefault: Bool = false, portIsDefault: Bool = false,
        hostReference: PythonNameReference? = nil, portReference: PythonNameReference? = nil,
        location: SourceLocation
    ) {
        self.kind = kind
        self.framework = framework
        self.host = host
        self.port = port
        self.hostIsDefault = hostIsDefault
        self.portIsDefault = portIsDefault
        self.hostReference = hostReference
        self.portReference = portReference
        self.location = location
    }
}

/// What kind of application object a module-level name holds, so `mod:app`
/// entry points can be checked against the server that loads them.
public enum PythonAppKind: String, Hashable, Sendable, CaseIterable {
    case fastapi, starlette, quart, litestar, sanic, aiohttp, flask, falcon, falconASGI, djangoWSGI, djangoASGI
    case celery, taskiq, dramatiq, grpcServer

    /// The server interface the object implements.
    public var interface: PythonAppInterface {
        switch self {
        case .fastapi, .starlette, .quart, .litestar, .falconASGI, .djangoASGI: .asgi
        case .flask, .falcon, .djangoWSGI: .wsgi
        case .sanic, .aiohttp, .celery, .taskiq, .dramatiq, .grpcServer: .other
        }
    }
}

/// The calling convention a web application object offers to a server.
public enum PythonAppInterface: String, Hashable, Sendable {
    case asgi
    case wsgi
    /// Not loadable by an ASGI/WSGI server (runs its own loop: workers, gRPC, aiohttp, Sanic).
    case other
}
