/// How a container starts its Python code, read from its command line
/// (`CMD`/`ENTRYPOINT`/compose `command`): which module, script or app object
/// is loaded, by which server, and the host and port given on the command line.
public struct PythonEntryPoint: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `python -m pkg.mod`.
        case module(String)
        /// `python path/script.py`: the absolute path of the script.
        case script(String)
        /// An ASGI application `module:attribute` (uvicorn, hypercorn, daphne, gunicorn with a uvicorn worker).
        /// A nil attribute means the server's default lookup.
        case asgiApp(module: String, attribute: String?)
        /// A WSGI application `module:attribute` (gunicorn, waitress, `flask --app`).
        case wsgiApp(module: String, attribute: String?)
        /// An application given by file (`fastapi run main.py`); a nil path means the CLI's discovery.
        case appFile(path: String?, attribute: String?)
        /// A task worker loading `module:attribute` (`celery -A proj worker`, `taskiq worker mod:broker`).
        case worker(module: String, attribute: String?)
        /// The application is named by an environment variable (`flask run` with `FLASK_APP`).
        case fromEnvironment(variable: String)
        /// `python -c "..."`: code on the command line, not analysable.
        case inlineCode
    }

    public var kind: Kind
    /// The executable that starts Python, as written without its directory (`python3.11`, `uvicorn`).
    public var program: String
    /// The server or framework CLI (`uvicorn`, `gunicorn`, `hypercorn`, `daphne`, `granian`, `waitress`,
    /// `celery`, `taskiq`, `fastapi`, `flask`, `django`); nil for a plain script or module.
    public var server: String?
    /// Host from the command line; `.env` when a shell expands a variable there.
    public var host: PythonValue?
    /// Port from the command line; `.env` when a shell expands a variable there.
    public var port: PythonValue?
    /// What the server binds to when no host is given (nil: unknown or not a server).
    public var defaultHost: String?
    /// What the server binds to when no port is given.
    public var defaultPort: Int?
    /// True when the app is a factory called to build the application (`--factory`, `mod:create_app()`).
    public var isFactory = false
    /// Directory the app is imported from (`--app-dir`, `--chdir`), absolute.
    public var appDirectory: String?
    /// The working directory the command runs in (after `cd` in a shell command).
    public var workdir: String
    /// Arguments after the script, module or app (`runserver 0.0.0.0:8000`, `worker -l info`).
    public var arguments: [String] = []
    /// Variables set on the command line (`env A=B cmd`, `A=B cmd` in a shell).
    public var environment: [String: String] = [:]
    /// Launchers unwrapped on the way (`sh`, `tini`, `opentelemetry-instrument`).
    public var wrappers: [String] = []
    /// A server configuration file that may set the bind address (`gunicorn -c conf.py`).
    public var configFile: String?
    /// gunicorn/hypercorn worker class (`uvicorn.workers.UvicornWorker`).
    public var workerClass: String?

    public init(kind: Kind, program: String, workdir: String) {
        self.kind = kind
        self.program = program
        self.workdir = workdir
    }

    /// Reads a command line in exec form. Returns nil when it does not start Python
    /// (`nginx -g ...`) or cannot be understood.
    public static func parse(_ argv: [String], workdir: String) -> PythonEntryPoint? {
        let context = PythonCommandContext(workdir: workdir.isEmpty ? "/" : workdir, fromShell: false)
        return PythonEntryPointParser.command(argv[...], context, depth: 0)
    }
}

/// What the parser knows about the command being read.
struct PythonCommandContext {
    var workdir: String
    /// True for words from a shell script, where `$VAR` is expanded.
    var fromShell: Bool
    var wrappers: [String] = []
    var environment: [String: String] = [:]

    func entry(_ kind: PythonEntryPoint.Kind, program: String, server: String? = nil) -> PythonEntryPoint {
        var entry = PythonEntryPoint(kind: kind, program: program, workdir: workdir)
        entry.server = server
        entry.wrappers = wrappers
        entry.environment = environment
        return entry
    }

    /// A host or port word as a value: `$PORT` under a shell is an environment read.
    func value(_ word: String) -> PythonValue {
        if fromShell, let variable = PythonShellWords.variable(word) {
            return .env(name: variable.name, default: variable.fallback)
        }
        if let number = Int(word) { return .int(number) }
        return .literal(word)
    }

    func absolute(_ path: String) -> String {
        PathUtilities.join(workdir, path)
    }
}

/// Dispatch from the program name to the reader for it.
enum PythonEntryPointParser {
    static let maxDepth = 8

    static func command(_ words: ArraySlice<String>, _ context: PythonCommandContext, depth: Int) -> PythonEntryPoint? {
        guard depth < maxDepth else { return nil }
        var words = words
        var context = context
        while context.fromShell, let first = words.first, let assignment = assignment(first) {
            context.environment[assignment.name] = assignment.value
            words = words.dropFirst()
        }
        guard let program = words.first else { return nil }
        let name = PathUtilities.basename(program)
        let arguments = words.dropFirst()
        if shells.contains(name) { return shell(arguments, context, depth: depth) }
        if name == "exec" { return command(arguments, context, depth: depth + 1) }
        if name == "env" { return environment(arguments, context, depth: depth) }
        if let launcher = PythonLaunchers.table[name] {
            context.wrappers.append(name)
            return PythonLaunchers.unwrap(name, launcher, arguments, context, depth: depth)
        }
        if isPython(name) { return python(name, arguments, context) }
        if PythonServerCommands.servers.contains(name) {
            return PythonServerCommands.parse(name, arguments, context, program: name)
        }
        if name.hasSuffix(".py") {
            var entry = context.entry(.script(context.absolute(program)), program: name)
            entry.arguments = Array(arguments)
            return entry
        }
        return nil
    }

    static let shells: Set<String> = ["sh", "bash", "dash", "ash", "zsh", "ksh"]

    /// `python`, `python3`, `python3.12`, `pypy3`.
    static func isPython(_ name: String) -> Bool {
        for prefix in ["python", "pypy"] where name.hasPrefix(prefix) {
            let version = name.dropFirst(prefix.count)
            return version.allSatisfy { $0.isNumber || $0 == "." }
        }
        return false
    }

    static func assignment(_ word: String) -> (name: String, value: String)? {
        guard let equal = word.firstIndex(of: "="), equal != word.startIndex else { return nil }
        let name = word[..<equal]
        guard name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }),
              !(name.first?.isNumber ?? true)
        else { return nil }
        return (String(name), String(word[word.index(after: equal)...]))
    }

    /// `sh -c "script"`: the last command of the script that starts Python wins
    /// (earlier ones are migrations, `cd`, `echo`...); `cd` moves the working directory.
    private static func shell(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, depth: Int) -> PythonEntryPoint? {
        var index = arguments.startIndex
        var sawCommandFlag = false
        while index < arguments.endIndex, arguments[index].hasPrefix("-") || arguments[index].hasPrefix("+") {
            let option = arguments[index]
            if option == "-o" || option == "+o" { index += 1 }
            if !option.hasPrefix("--"), option.contains("c") { sawCommandFlag = true }
            index += 1
        }
        guard sawCommandFlag, index < arguments.endIndex else { return nil }
        var context = context
        context.fromShell = true
        context.wrappers.append("sh")
        var candidates: [(words: [String], context: PythonCommandContext)] = []
        for words in PythonShellWords.commands(arguments[index]) {
            guard let first = words.first else { continue }
            if first == "cd", words.count >= 2 {
                context.workdir = context.absolute(words[1])
            } else if first == "export" {
                for word in words.dropFirst() {
                    if let assignment = assignment(word) { context.environment[assignment.name] = assignment.value }
                }
            } else {
                candidates.append((words, context))
            }
        }
        for candidate in candidates.reversed() {
            if let entry = command(candidate.words[...], candidate.context, depth: depth + 1) { return entry }
        }
        return nil
    }

    /// `env [-i] [-u NAME] A=B ... cmd`.
    private static func environment(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, depth: Int) -> PythonEntryPoint? {
        var context = context
        var words = arguments
        while let word = words.first {
            if word == "-u" || word == "--unset" || word == "-C" || word == "--chdir" {
                if word == "-C" || word == "--chdir", words.count > 1 {
                    context.workdir = context.absolute(words[words.index(after: words.startIndex)])
                }
                words = words.dropFirst(2)
            } else if word.hasPrefix("-") {
                words = words.dropFirst()
            } else if let assignment = assignment(word) {
                context.environment[assignment.name] = assignment.value
                words = words.dropFirst()
            } else {
                break
            }
        }
        return command(words, context, depth: depth + 1)
    }
}
