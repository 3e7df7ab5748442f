extension PythonServerCommands {
    // MARK: - Workers and framework CLIs

    static func celery(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: [
            "-A", "--app", "-b", "--broker", "--result-backend", "--loader", "--config", "--workdir", "-l", "--loglevel",
            "-c", "--concurrency", "-Q", "--queues", "-X", "--exclude-queues", "-n", "--hostname", "-P", "--pool",
            "--autoscale", "-s", "--schedule", "-S", "--scheduler", "-f", "--logfile", "--pidfile", "--uid", "--gid",
            "--max-tasks-per-child", "--max-memory-per-child", "-O", "--prefetch-multiplier", "--time-limit",
            "--soft-time-limit", "--statedb", "-D", "--port", "--address", "--broker-api",
        ])
        var entry: PythonEntryPoint
        if let app = options.value("-A", "--app") {
            guard let spec = appSpec(app) else { return nil }
            entry = context.entry(.worker(module: spec.module, attribute: spec.attribute), program: program, server: "celery")
        } else {
            entry = context.entry(.fromEnvironment(variable: "CELERY_APP"), program: program, server: "celery")
        }
        entry.arguments = options.positionals
        entry.appDirectory = options.value("--workdir").map(context.absolute)
        return entry
    }

    static func taskiq(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        guard let subcommand = arguments.first, subcommand == "worker" || subcommand == "scheduler" else { return nil }
        let options = PythonCommandOptions(arguments.dropFirst(), valueOptions: [
            "-w", "--workers", "--log-level", "--tasks-pattern", "--max-async-tasks", "--max-prefetch",
            "--ack-type", "--shutdown-timeout", "--receiver", "--max-threadpool-threads", "--max-tasks-per-child",
            "--wait-tasks-timeout", "--log-format", "--update-interval",
        ])
        guard let spec = options.positionals.lazy.compactMap(appSpec).first(where: { $0.attribute != nil }) else { return nil }
        var entry = context.entry(.worker(module: spec.module, attribute: spec.attribute), program: program, server: "taskiq")
        entry.arguments = [subcommand] + options.positionals.dropFirst()
        return entry
    }

    static func fastapi(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        guard let subcommand = arguments.first, subcommand == "run" || subcommand == "dev" else { return nil }
        let options = PythonCommandOptions(arguments.dropFirst(), valueOptions: [
            "--host", "--port", "--app", "--workers", "--root-path", "--forwarded-allow-ips", "--entrypoint", "-e",
        ])
        var entry: PythonEntryPoint
        if let entrypoint = options.value("--entrypoint", "-e"), let spec = appSpec(entrypoint) {
            entry = context.entry(.asgiApp(module: spec.module, attribute: spec.attribute), program: program, server: "fastapi")
        } else {
            let path = options.positionals.first.map(context.absolute)
            entry = context.entry(.appFile(path: path, attribute: options.value("--app")), program: program, server: "fastapi")
        }
        entry.defaultHost = subcommand == "run" ? "0.0.0.0" : "127.0.0.1"
        entry.defaultPort = 8000
        entry.host = options.value("--host").map(context.value)
        entry.port = options.value("--port").map(context.value)
        return entry
    }

    /// `flask [--app X] run [--host H] [--port P]`; without `--app` Flask reads `FLASK_APP`
    /// (and `FLASK_RUN_HOST` / `FLASK_RUN_PORT` for unset options).
    static func flask(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        guard let run = arguments.firstIndex(of: "run") else { return nil }
        let global = PythonCommandOptions(arguments[..<run], valueOptions: ["--app", "-A", "--env-file", "-e"])
        let options = PythonCommandOptions(arguments[(run + 1)...], valueOptions: [
            "--host", "-h", "--port", "-p", "--cert", "--key", "--extra-files", "--exclude-patterns",
        ])
        var entry: PythonEntryPoint
        if let app = global.value("--app", "-A") {
            let parts = app.split(separator: ":", maxSplits: 1).map(String.init)
            let target = parts.first ?? app
            if target.hasSuffix(".py") || target.contains("/") {
                let attribute = parts.count > 1 ? appSpec("m:" + parts[1])?.attribute : nil
                entry = context.entry(.appFile(path: context.absolute(target), attribute: attribute), program: program, server: "flask")
            } else if let spec = appSpec(app) {
                entry = context.entry(.wsgiApp(module: spec.module, attribute: spec.attribute), program: program, server: "flask")
                entry.isFactory = spec.isFactory
            } else {
                return nil
            }
        } else {
            entry = context.entry(.fromEnvironment(variable: "FLASK_APP"), program: program, server: "flask")
        }
        entry.defaultHost = "127.0.0.1"
        entry.defaultPort = 5000
        entry.host = options.value("--host", "-h").map(context.value)
        entry.port = options.value("--port", "-p").map(context.value)
        return entry
    }

    // MARK: - Shared pieces

    /// `module:attribute`, `module:factory(args)` or `module` with a valid dotted module name.
    static func appSpec(_ text: String) -> (module: String, attribute: String?, isFactory: Bool)? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let module = String(parts[0])
        guard isDottedName(module) else { return nil }
        guard parts.count == 2 else { return (module, nil, false) }
        var attribute = String(parts[1])
        var isFactory = false
        if let paren = attribute.firstIndex(of: "(") {
            isFactory = true
            attribute = String(attribute[..<paren])
        }
        guard isDottedName(attribute) else { return nil }
        return (module, attribute, isFactory)
    }

    static func isDottedName(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        return text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { part in
            guard let first = part.first, first == "_" || first.isLetter else { return false }
            return part.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        }
    }

    /// Reads `host:port`, `[::]:port`, `:port`, `host`, `*:port` into the entry; unix sockets
    /// and file descriptors leave host and port unset. With `portOnlyWhenBare` a bare
    /// number is a port (`runserver 8000`), otherwise a bare word is a host.
    static func applyBind(_ bind: String, to entry: inout PythonEntryPoint, _ context: PythonCommandContext, portOnlyWhenBare: Bool) {
        if bind.hasPrefix("unix:") || bind.hasPrefix("fd://") || bind.hasPrefix("/") {
            entry.defaultHost = nil
            entry.defaultPort = nil
            return
        }
        guard let colon = lastColonOutsideBraces(bind) else {
            if portOnlyWhenBare, Int(bind) != nil || PythonShellWords.variable(bind) != nil {
                entry.port = context.value(bind)
            } else {
                entry.host = context.value(bind)
            }
            return
        }
        entry.host = context.value(String(bind[..<colon]))
        entry.port = context.value(String(bind[bind.index(after: colon)...]))
    }

    private static func lastColonOutsideBraces(_ text: String) -> String.Index? {
        var depth = 0
        var found: String.Index?
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "{": depth += 1
            case "}": depth = max(0, depth - 1)
            case ":": if depth == 0 { found = index }
            default: break
            }
            index = text.index(after: index)
        }
        return found
    }
}
