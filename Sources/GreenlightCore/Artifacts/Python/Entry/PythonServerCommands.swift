/// Readers for the command lines of Python servers, task workers and framework CLIs.
enum PythonServerCommands {
    static let servers: Set<String> = [
        "uvicorn", "gunicorn", "hypercorn", "daphne", "granian", "waitress-serve", "waitress", "celery", "taskiq",
        "fastapi", "flask",
    ]

    static func parse(
        _ server: String, _ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String
    ) -> PythonEntryPoint? {
        switch server {
        case "uvicorn": return uvicorn(arguments, context, program: program)
        case "gunicorn": return gunicorn(arguments, context, program: program)
        case "hypercorn": return hypercorn(arguments, context, program: program)
        case "daphne": return daphne(arguments, context, program: program)
        case "granian": return granian(arguments, context, program: program)
        case "waitress-serve", "waitress": return waitress(arguments, context, program: program)
        case "celery": return celery(arguments, context, program: program)
        case "taskiq": return taskiq(arguments, context, program: program)
        case "fastapi": return fastapi(arguments, context, program: program)
        case "flask": return flask(arguments, context, program: program)
        default: return nil
        }
    }

    // MARK: - ASGI / WSGI servers

    private static let uvicornValues: Set<String> = [
        "--host", "--port", "--uds", "--fd", "--app-dir", "--env-file", "--log-config", "--log-level", "--loop", "--http",
        "--ws", "--ws-max-size", "--ws-max-queue", "--ws-ping-interval", "--ws-ping-timeout", "--ws-per-message-deflate",
        "--lifespan", "--interface", "--workers", "--root-path", "--limit-concurrency", "--limit-max-requests", "--backlog",
        "--timeout-keep-alive", "--timeout-graceful-shutdown", "--ssl-keyfile", "--ssl-certfile", "--ssl-keyfile-password",
        "--ssl-version", "--ssl-cert-reqs", "--ssl-ca-certs", "--ssl-ciphers", "--header", "--forwarded-allow-ips",
        "--reload-dir", "--reload-include", "--reload-exclude", "--reload-delay", "--h11-max-incomplete-event-size",
        "--limit-max-requests-jitter", "--timeout-worker-healthcheck",
    ]

    private static func uvicorn(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: uvicornValues)
        guard let spec = options.positionals.lazy.compactMap(appSpec).first(where: { $0.attribute != nil }) else { return nil }
        let isWSGI = options.value("--interface") == "wsgi"
        var entry = context.entry(
            isWSGI ? .wsgiApp(module: spec.module, attribute: spec.attribute) : .asgiApp(module: spec.module, attribute: spec.attribute),
            program: program, server: "uvicorn"
        )
        entry.isFactory = options.has("--factory") || spec.isFactory
        entry.appDirectory = options.value("--app-dir").map(context.absolute)
        if options.value("--uds", "--fd") == nil {
            entry.defaultHost = "127.0.0.1"
            entry.defaultPort = 8000
            entry.host = options.value("--host").map(context.value)
            entry.port = options.value("--port").map(context.value)
        }
        return entry
    }

    private static let gunicornValues: Set<String> = [
        "-b", "--bind", "-w", "--workers", "-k", "--worker-class", "-c", "--config", "--chdir", "--pythonpath", "-t",
        "--timeout", "--graceful-timeout", "--keep-alive", "--threads", "--worker-connections", "--max-requests",
        "--max-requests-jitter", "--log-level", "--access-logfile", "--error-logfile", "--log-file", "--access-logformat",
        "--log-config", "--logger-class", "-n", "--name", "-u", "--user", "-g", "--group", "-m", "--umask", "-p", "--pid",
        "--worker-tmp-dir", "-e", "--env", "--forwarded-allow-ips", "--proxy-allow-from", "--certfile", "--keyfile",
        "--ca-certs", "--ssl-version", "--cert-reqs", "--ciphers", "--backlog", "--limit-request-line",
        "--limit-request-fields", "--limit-request-field_size", "--statsd-host", "--statsd-prefix", "--dogstatsd-tags",
        "--paste", "--reload-engine", "--reload-extra-file", "--log-syslog-to", "--log-syslog-prefix",
        "--log-syslog-facility", "--tmp-upload-dir", "--worker-class-args", "--wsgi-app",
    ]

    private static func gunicorn(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: gunicornValues)
        guard let spec = (options.value("--wsgi-app").map { [$0] } ?? options.positionals).lazy.compactMap(appSpec).first else {
            return nil
        }
        let workerClass = options.value("-k", "--worker-class")
        let isASGI = workerClass.map { $0.lowercased().contains("uvicorn") } ?? false
        let attribute = spec.attribute ?? "application"
        var entry = context.entry(
            isASGI ? .asgiApp(module: spec.module, attribute: attribute) : .wsgiApp(module: spec.module, attribute: attribute),
            program: program, server: "gunicorn"
        )
        entry.isFactory = spec.isFactory
        entry.workerClass = workerClass
        entry.configFile = options.value("-c", "--config").map(context.absolute)
        entry.appDirectory = options.value("--chdir").map(context.absolute)
        entry.defaultHost = "127.0.0.1"
        entry.defaultPort = 8000
        if let bind = options.value("-b", "--bind") { applyBind(bind, to: &entry, context, portOnlyWhenBare: false) }
        return entry
    }

    private static func hypercorn(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: [
            "-b", "--bind", "--insecure-bind", "--quic-bind", "-w", "--workers", "-k", "--worker-class", "-c", "--config",
            "--root-path", "--access-logfile", "--error-logfile", "--log-level", "--log-config", "--keyfile", "--certfile",
            "--ca-certs", "--ciphers", "--graceful-timeout", "--read-timeout", "--keep-alive", "--max-requests",
            "--max-requests-jitter", "-p", "--pid", "-m", "--umask", "-u", "--user", "-g", "--group", "--access-log-format",
            "--backlog", "--statsd-host", "--statsd-prefix", "--server-name",
        ])
        guard let spec = options.positionals.lazy.compactMap(appSpec).first else { return nil }
        var entry = context.entry(.asgiApp(module: spec.module, attribute: spec.attribute ?? "app"), program: program, server: "hypercorn")
        entry.isFactory = spec.isFactory
        entry.configFile = options.value("-c", "--config")
        entry.workerClass = options.value("-k", "--worker-class")
        entry.defaultHost = "127.0.0.1"
        entry.defaultPort = 8000
        if let bind = options.value("-b", "--bind", "--insecure-bind") { applyBind(bind, to: &entry, context, portOnlyWhenBare: false) }
        return entry
    }

    private static func daphne(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: [
            "-b", "--bind", "-p", "--port", "-u", "--unix-socket", "--fd", "-e", "--endpoint", "--access-log", "--log-fmt",
            "--ping-interval", "--ping-timeout", "--root-path", "--application-close-timeout", "--websocket_timeout",
            "--websocket_connect_timeout", "-t", "--http-timeout", "-v", "--verbosity", "--server-name",
            "--proxy-headers-host", "--proxy-headers-port", "-s",
        ])
        guard let spec = options.positionals.lazy.compactMap(appSpec).first(where: { $0.attribute != nil }) else { return nil }
        var entry = context.entry(.asgiApp(module: spec.module, attribute: spec.attribute), program: program, server: "daphne")
        entry.defaultHost = "127.0.0.1"
        entry.defaultPort = 8000
        entry.host = options.value("-b", "--bind").map(context.value)
        entry.port = options.value("-p", "--port").map(context.value)
        if let endpoint = options.value("-e", "--endpoint"), endpoint.hasPrefix("tcp:") {
            for part in endpoint.split(separator: ":").dropFirst() {
                if part.hasPrefix("port=") { entry.port = context.value(String(part.dropFirst(5))) }
                if part.hasPrefix("interface=") { entry.host = context.value(String(part.dropFirst(10))) }
            }
        }
        return entry
    }

    private static func granian(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: [
            "--host", "--port", "--interface", "--http", "--ws", "--workers", "--threads", "--blocking-threads",
            "--runtime-threads", "--runtime-mode", "--loop", "--task-impl", "--backlog", "--backpressure", "--log-level",
            "--log-config", "--ssl-keyfile", "--ssl-certificate", "--ssl-keyfile-password", "--url-path-prefix",
            "--working-dir", "--env-files", "--process-name", "--pid-file", "--workers-lifetime", "--reload-paths",
            "--reload-ignore-dirs", "--reload-ignore-patterns",
        ])
        guard let spec = options.positionals.lazy.compactMap(appSpec).first else { return nil }
        let isWSGI = options.value("--interface") == "wsgi"
        var entry = context.entry(
            isWSGI ? .wsgiApp(module: spec.module, attribute: spec.attribute) : .asgiApp(module: spec.module, attribute: spec.attribute),
            program: program, server: "granian"
        )
        entry.isFactory = options.has("--factory") || spec.isFactory
        entry.appDirectory = options.value("--working-dir").map(context.absolute)
        entry.defaultHost = "127.0.0.1"
        entry.defaultPort = 8000
        entry.host = options.value("--host").map(context.value)
        entry.port = options.value("--port").map(context.value)
        return entry
    }

    private static func waitress(_ arguments: ArraySlice<String>, _ context: PythonCommandContext, program: String) -> PythonEntryPoint? {
        let options = PythonCommandOptions(arguments, valueOptions: [
            "--host", "--port", "--listen", "--unix-socket", "--unix-socket-perms", "--url-scheme", "--url-prefix", "--ident",
            "--threads", "--backlog", "--recv-bytes", "--send-bytes", "--outbuf-overflow", "--outbuf-high-watermark",
            "--inbuf-overflow", "--connection-limit", "--cleanup-interval", "--channel-timeout", "--asyncore-loop-timeout",
            "--trusted-proxy", "--trusted-proxy-count", "--trusted-proxy-headers",
        ])
        guard let spec = options.positionals.lazy.compactMap(appSpec).first else { return nil }
        var entry = context.entry(.wsgiApp(module: spec.module, attribute: spec.attribute ?? "application"), program: program, server: "waitress")
        entry.isFactory = options.has("--call") || spec.isFactory
        entry.defaultHost = "0.0.0.0"
        entry.defaultPort = 8080
        entry.host = options.value("--host").map(context.value)
        entry.port = options.value("--port").map(context.value)
        if let listen = options.value("--listen") { applyBind(listen, to: &entry, context, portOnlyWhenBare: false) }
        return entry
    }
}
