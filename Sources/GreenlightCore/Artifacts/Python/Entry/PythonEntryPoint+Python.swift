extension PythonEntryPointParser {
    /// `python [flags] (-m module | -c code | script.py) [args]`.
    static func python(_ program: String, _ arguments: ArraySlice<String>, _ context: PythonCommandContext) -> PythonEntryPoint? {
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let word = arguments[index]
            index += 1
            if word == "--" { break }
            if word == "-" { return nil }
            guard word.hasPrefix("-"), word.count > 1 else {
                return script(program, word, arguments[index...], context)
            }
            if word.hasPrefix("--") {
                if word == "--check-hash-based-pycs" { index += 1 }
                continue
            }
            // Combined single-letter flags: `-u`, `-uB`, `-um module`, `-X dev`, `-Wignore`.
            var letters = word.dropFirst()
            while let letter = letters.first {
                letters = letters.dropFirst()
                switch letter {
                case "m":
                    let module: String
                    if !letters.isEmpty {
                        module = String(letters)
                    } else if index < arguments.endIndex {
                        module = arguments[index]
                        index += 1
                    } else {
                        return nil
                    }
                    return pythonModule(program, module, arguments[index...], context)
                case "c":
                    return context.entry(.inlineCode, program: program)
                case "X", "W":
                    if letters.isEmpty { index += 1 }
                    letters = ""
                default:
                    continue
                }
            }
        }
        if index < arguments.endIndex { return script(program, arguments[index], arguments[(index + 1)...], context) }
        return nil
    }

    /// `python -m X`: a server run as a module is read as that server.
    private static func pythonModule(
        _ program: String, _ module: String, _ rest: ArraySlice<String>, _ context: PythonCommandContext
    ) -> PythonEntryPoint? {
        if PythonServerCommands.servers.contains(module) {
            return PythonServerCommands.parse(module, rest, context, program: program)
        }
        var entry = context.entry(.module(module), program: program)
        entry.arguments = Array(rest)
        return entry
    }

    private static func script(
        _ program: String, _ path: String, _ rest: ArraySlice<String>, _ context: PythonCommandContext
    ) -> PythonEntryPoint {
        var entry = context.entry(.script(context.absolute(path)), program: program)
        entry.arguments = Array(rest)
        if PathUtilities.basename(path) == "manage.py", rest.first == "runserver" {
            entry.server = "django"
            entry.defaultHost = "127.0.0.1"
            entry.defaultPort = 8000
            let options = PythonCommandOptions(rest.dropFirst(), valueOptions: ["--settings", "--pythonpath", "--verbosity", "-v"])
            if let address = options.positionals.first {
                PythonServerCommands.applyBind(address, to: &entry, context, portOnlyWhenBare: true)
            }
        }
        return entry
    }
}

/// Programs that start another command after their own options
/// (`tini --`, `opentelemetry-instrument`, `poetry run`).
struct PythonLauncher {
    /// A subcommand that must come first (`run` for `poetry run`).
    var subcommand: String?
    var valueOptions: Set<String> = []
    /// True when every `--option` takes a value (`opentelemetry-instrument --traces_exporter console`).
    var allLongOptionsTakeValues = false
    /// True when every `-option` takes a value (`dockerize -wait tcp://db:5432`).
    var allOptionsTakeValues = false
    /// Positional words before the command (`gosu USER cmd`).
    var skipPositionals = 0
    /// True when the command is what follows `--` if present (`doppler run -- cmd`).
    var commandAfterDoubleDash = false
}

enum PythonLaunchers {
    static let table: [String: PythonLauncher] = [
        "tini": PythonLauncher(valueOptions: ["-p", "-e"]),
        "tini-static": PythonLauncher(valueOptions: ["-p", "-e"]),
        "dumb-init": PythonLauncher(valueOptions: ["-r", "--rewrite"]),
        "catatonit": PythonLauncher(),
        "gosu": PythonLauncher(skipPositionals: 1),
        "su-exec": PythonLauncher(skipPositionals: 1),
        "ddtrace-run": PythonLauncher(),
        "opentelemetry-instrument": PythonLauncher(allLongOptionsTakeValues: true),
        "newrelic-admin": PythonLauncher(subcommand: "run-program"),
        "poetry": PythonLauncher(subcommand: "run"),
        "pipenv": PythonLauncher(subcommand: "run"),
        "pdm": PythonLauncher(subcommand: "run"),
        "rye": PythonLauncher(subcommand: "run"),
        "uv": PythonLauncher(subcommand: "run", valueOptions: [
            "--with", "--with-requirements", "--python", "-p", "--project", "--directory", "--env-file", "--package",
            "--extra", "--group", "--index", "--index-url", "--extra-index-url", "--python-preference", "-m", "--module",
        ]),
        "doppler": PythonLauncher(subcommand: "run", commandAfterDoubleDash: true),
        "infisical": PythonLauncher(subcommand: "run", commandAfterDoubleDash: true),
        "dotenv": PythonLauncher(valueOptions: ["-f", "--file", "-e", "--export"], commandAfterDoubleDash: true),
        "watchmedo": PythonLauncher(subcommand: "auto-restart", commandAfterDoubleDash: true),
        "wait-for-it": PythonLauncher(commandAfterDoubleDash: true),
        "wait-for-it.sh": PythonLauncher(commandAfterDoubleDash: true),
        "dockerize": PythonLauncher(allOptionsTakeValues: true),
        "nohup": PythonLauncher(),
        "time": PythonLauncher(),
        "nice": PythonLauncher(valueOptions: ["-n"]),
    ]

    static func unwrap(
        _ name: String, _ launcher: PythonLauncher, _ arguments: ArraySlice<String>, _ context: PythonCommandContext, depth: Int
    ) -> PythonEntryPoint? {
        var words = arguments
        if name == "dotenv" {
            while let first = words.first, first != "run", first != "--" {
                words = words.dropFirst(launcher.valueOptions.contains(first) ? 2 : 1)
            }
            if words.first == "run" { words = words.dropFirst() }
        }
        if name == "newrelic-admin", words.first == "run-python" {
            return PythonEntryPointParser.python("python", words.dropFirst(), context)
        }
        if let subcommand = launcher.subcommand {
            guard words.first == subcommand else { return nil }
            words = words.dropFirst()
        }
        if launcher.commandAfterDoubleDash, let separator = words.firstIndex(of: "--") {
            return PythonEntryPointParser.command(words[(separator + 1)...], context, depth: depth + 1)
        }
        var module: String?
        while let word = words.first, word.hasPrefix("-"), word != "-" {
            words = words.dropFirst()
            if word == "--" { break }
            if word.contains("=") { continue }
            let takesValue = launcher.valueOptions.contains(word) || launcher.allOptionsTakeValues
                || (launcher.allLongOptionsTakeValues && word.hasPrefix("--"))
            if takesValue {
                if name == "uv", word == "-m" || word == "--module" { module = words.first }
                words = words.dropFirst()
            }
        }
        if let module {
            return PythonEntryPointParser.python("python", ["-m", module] + words, context)
        }
        words = words.dropFirst(launcher.skipPositionals)
        if name == "uv" || name == "pdm" || name == "rye", let first = words.first, first.hasSuffix(".py") {
            return PythonEntryPointParser.python("python", words, context)
        }
        return PythonEntryPointParser.command(words, context, depth: depth + 1)
    }
}
