/// A block the analyzer is inside, with what it needs to know about it.
struct PythonBlock {
    enum Kind {
        case function(name: String, isStartup: Bool)
        case classBody(name: String)
        case ifBranch(isTypeChecking: Bool, isMainGuard: Bool)
        case tryBody(id: Int)
        case exceptHandler(tryID: Int)
        /// `for`, `while`, `with`, `match`, `case`, `finally`, a try's `else`.
        case plain
    }

    var kind: Kind
    /// Parameter names of a function (they shadow outer names with unknown values).
    var parameters: [String] = []
    /// The enclosing scope's locals, restored when a function block closes.
    var savedLocals: [String: PythonLocalBinding]?
    /// The settings class being collected, for a pydantic settings class body.
    var settings: PythonSettingsClass?
    /// Function locals bound to application objects, for factories.
    var localAppKinds: [String: PythonAppKind] = [:]
    /// Function locals bound to settings instances, for `get_settings()` functions.
    var localSettings: [String: String] = [:]

    init(_ kind: Kind) {
        self.kind = kind
    }

    var isFunction: Bool {
        if case .function = kind { return true }
        return false
    }

    var isClass: Bool {
        if case .classBody = kind { return true }
        return false
    }
}

/// What a function-local name holds: the token range of its last assigned
/// expression, or something the analyzer cannot follow.
enum PythonLocalBinding {
    case expression(Range<Int>)
    case imported(PythonNameReference)
    case opaque
}

/// The module-level assignments of one name: the last one and how many there were.
struct PythonModuleBinding {
    enum Target {
        case expression(Range<Int>)
        case imported(PythonNameReference)
        case opaque
    }

    var target: Target
    /// True when the last assignment is inside an `if`, `try`, loop or other block.
    var isConditional: Bool
    var count = 1
}

/// A listen call whose values are resolved once the whole module is read.
struct PythonPendingListen {
    var spec: PythonListenSpec
    var host: PythonExpression?
    var port: PythonExpression?
    /// A whole `host:port` address expression (gRPC `add_insecure_port`, waitress `listen=`).
    var address: PythonExpression?
    /// True when the call passes `*args`/`**kwargs`, so a missing argument is not the default.
    var hasUnpacking: Bool
    var locals: [String: PythonLocalBinding]
    var location: SourceLocation
}

/// A pydantic `BaseSettings` subclass: its fields and the configuration that
/// decides which environment variables they read.
struct PythonSettingsClass {
    struct Field {
        var name: String
        /// Names from `alias=`, `validation_alias=`, `env=`; they bypass `env_prefix`.
        var explicitNames: [String]
        var hasDefault: Bool
        var defaultValue: String?
        var location: SourceLocation
    }

    var name: String
    var fields: [Field] = []
    /// Fields before this index come from a settings base class of the same module.
    var ownFieldStart = 0
    var envPrefix = ""
    var caseSensitive = false
    var envFiles: [String] = []

    /// The environment variable names a field is read from, first one preferred.
    func envNames(of field: Field) -> [String] {
        let names = field.explicitNames.isEmpty ? [envPrefix + field.name] : field.explicitNames
        return caseSensitive ? names : names.map { $0.uppercased() }
    }

    func field(named name: String) -> Field? {
        fields.last(where: { $0.name == name })
    }
}
