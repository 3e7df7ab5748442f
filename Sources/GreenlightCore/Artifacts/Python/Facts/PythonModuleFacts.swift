/// What one Python file does that matters at deploy time: what it imports,
/// which environment variables it reads, which servers it starts and where they
/// listen, which databases it connects to on start-up and which application
/// objects it defines. Built by a static reading; nothing is executed.
public struct PythonModuleFacts: Sendable {
    public var path: String
    public var imports: [PythonImport] = []
    public var envReads: [PythonEnvRead] = []
    public var serverHints: [PythonServerHint] = []
    public var listens: [PythonListen] = []
    /// Imports of generated protobuf modules (`*_pb2`, `*_pb2_grpc`); `module` is the pb2 module itself.
    public var pb2Imports: [PythonImport] = []
    /// Database and cache connections made at module level or in start-up code, by qualified call name.
    public var databaseHints: [Located<String>] = []
    /// Module-level names bound to application objects (`app = FastAPI()`).
    public var appObjects: [String: PythonAppKind] = [:]
    /// Module-level functions that build and return an application object (`create_app`).
    public var appFactories: [String: PythonAppKind] = [:]
    /// Every name bound at module level (assignments, imports, functions, classes).
    public var topLevelNames: Set<String> = []
    /// True when a `from x import *` may bind further names.
    public var hasStarImport = false
    /// Module-level names assigned in this module (and `settings.field` paths of its
    /// settings objects) with what is known of their value, so other modules importing
    /// them can be resolved. Names bound by imports are followed with `importedBinding(of:)`.
    public var exports: [String: PythonBinding] = [:]
    /// True when the module has an `if __name__ == "__main__":` block.
    public var definesMain = false
    public var mainGuardLocation: SourceLocation?
    /// The lines of the `if __name__ == "__main__":` block. What happens there (a
    /// `uvicorn.run(...)`, an env read) only happens when the module runs as a script.
    public var mainGuardLines: ClosedRange<Int>?

    /// True when `location` is inside the module's `if __name__ == "__main__":` block.
    public func isInMainGuard(_ location: SourceLocation) -> Bool {
        mainGuardLines?.contains(location.line) ?? false
    }
    /// Calls to `load_dotenv()`, which may supply variables from a `.env` file.
    public var dotenvLoads: [SourceLocation] = []
    public var issues: [ParseIssue] = []

    public init(path: String) {
        self.path = path
    }

    /// True when the module connects to a database or cache while starting.
    public var opensDatabaseAtStartup: Bool { !databaseHints.isEmpty }

    /// Reads one file. Never traps; syntax problems are in `issues`.
    public static func analyze(_ source: SourceText) -> PythonModuleFacts {
        let stream = PythonTokenizer.tokenize(source, keepingComments: false)
        var analyzer = PythonModuleAnalyzer(source: source, tokens: stream.tokens)
        analyzer.facts.issues = stream.issues
        analyzer.run()
        return analyzer.facts
    }

    /// Where a module-level name bound by an import comes from, for following
    /// names across modules (`from .config import settings` → `.config`, `settings`).
    public func importedBinding(of name: String) -> PythonNameReference? {
        for item in imports.reversed() where !item.isTypeCheckingOnly {
            if item.isFromImport {
                for imported in item.names where imported != "*" && (item.aliases[imported] ?? imported) == name {
                    return PythonNameReference(module: item.module, level: item.level, path: imported)
                }
            } else if let alias = item.alias {
                if alias == name { return PythonNameReference(module: item.module, level: 0, path: "") }
            } else if item.topLevel == name {
                return PythonNameReference(module: name, level: 0, path: "")
            }
        }
        return nil
    }
}
