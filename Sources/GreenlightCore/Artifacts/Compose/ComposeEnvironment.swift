import Foundation

/// A variable available to compose interpolation, with the place it was defined.
public struct ComposeVariable: Hashable, Sendable {
    public var value: String
    /// The `.env` line that set it; nil for the process environment or values given in code.
    public var location: SourceLocation?

    public init(value: String, location: SourceLocation? = nil) {
        self.value = value
        self.location = location
    }
}

/// The variables `${...}` in a compose file is interpolated with. By default only the
/// project's `.env` file counts: a scan must not depend on the shell it runs in, so the
/// real process environment is used only when explicitly asked for.
///
/// `ComposeFile.parse` returns the environment it used with `missingVariables` filled in.
public struct ComposeEnvironment: Sendable {
    /// Variables from the `.env` file (or given in code).
    public var variables: [String: ComposeVariable]
    /// Whether the process environment was captured; like docker compose, it wins over `.env`.
    public private(set) var includesProcessEnvironment: Bool
    /// Each place a variable was referenced without a default while not set (compose
    /// substitutes an empty string and warns).
    public internal(set) var missingVariables: [Located<String>]
    private var processVariables: [String: String]

    /// An environment holding `variables` (and, when asked, a snapshot of the process environment).
    public init(variables: [String: String] = [:], includeProcessEnvironment: Bool = false) {
        self.variables = variables.mapValues { ComposeVariable(value: $0) }
        self.includesProcessEnvironment = includeProcessEnvironment
        self.missingVariables = []
        self.processVariables = includeProcessEnvironment ? ProcessInfo.processInfo.environment : [:]
    }

    /// An environment from a project's `.env` file. `KEY` lines without a value are
    /// taken from the shell by compose, so they are only set when the process environment is included.
    public init(dotenv: DotenvFile, includeProcessEnvironment: Bool = false) {
        self.init(variables: [:], includeProcessEnvironment: includeProcessEnvironment)
        for entry in dotenv.entries where !entry.isInherited {
            variables[entry.key] = ComposeVariable(value: entry.value, location: entry.location)
        }
    }

    /// The variable's value as compose would see it, or nil when it is not set.
    public func lookup(_ name: String) -> ComposeVariable? {
        if let value = processVariables[name] { return ComposeVariable(value: value) }
        return variables[name]
    }
}
