/// Ports, hosts and the service kind that follow from the start command itself.
extension CodeLinker {
    /// `--port`/`--bind` of uvicorn, gunicorn and friends, or their defaults when absent.
    func addCommandClaims(_ entry: PythonEntryPoint, command: StartCommand, service: inout Service, code: inout CodeModel,
                          image: ContainerImage, workdir: String) {
        guard let server = entry.server else { return }
        let environment = service.environment
        let display = "`\(command.display)`"
        func lookup(_ name: String) -> String? {
            entry.environment[name] ?? environment.effective(name)?.value
        }
        let configured = entry.configFile != nil || lookup("GUNICORN_CMD_ARGS") != nil
            || (server == "gunicorn" && image.filesystem.existence(PathUtilities.join(workdir, "gunicorn.conf.py")).exists != false)

        if let port = entry.port {
            if let value = value(port, lookup: lookup), let number = Int(value) {
                service.ports.append(PortClaim(port: number, role: .commandFlag, location: command.location,
                                               label: "\(server) --port \(number) in \(display)"))
            }
        } else if let defaultPort = entry.defaultPort, !configured {
            let fromEnvironment = server == "uvicorn" ? lookup("UVICORN_PORT") : (server == "gunicorn" ? lookup("PORT") : nil)
            if let fromEnvironment, let number = Int(fromEnvironment) {
                service.ports.append(PortClaim(port: number, role: .commandFlag, location: command.location,
                                               label: "\(server) port \(number) from its environment"))
            } else if fromEnvironment == nil {
                service.ports.append(PortClaim(port: defaultPort, role: .commandFlag, location: command.location,
                                               label: "\(server)'s default port \(defaultPort) (\(display) has no --port)"))
            }
        }

        if let host = entry.host {
            if let value = value(host, lookup: lookup) {
                code.binds.append(HostBinding(host: value, how: "the host given in \(display)", location: command.location))
            }
        } else if let defaultHost = entry.defaultHost, !configured {
            let variable = server == "uvicorn" ? "UVICORN_HOST" : (server == "flask" ? "FLASK_RUN_HOST" : nil)
            let fromEnvironment = variable.flatMap(lookup)
            let gunicornPort = server == "gunicorn" && lookup("PORT") != nil
            if fromEnvironment == nil, !gunicornPort {
                code.binds.append(HostBinding(host: defaultHost, how: "\(server)'s default when \(display) gives no host",
                                              location: command.location))
            }
        }
    }

    private func value(_ value: PythonValue, lookup: (String) -> String?) -> String? {
        switch value {
        case .literal(let text): return text
        case .int(let number): return String(number)
        case .env(let name, let defaultValue): return lookup(name) ?? defaultValue
        case .unknown: return nil
        }
    }

    /// What the service is: configured, else from the code's servers, else from the start command.
    func inferKind(_ service: inout Service, override: ServiceOverride?) {
        if let kind = override?.kind {
            service.kind = kind
            service.kindEvidence = "set in .greenlight.yml"
            return
        }
        if let code = service.code {
            let grpc = code.servers.filter { $0.kind == .grpc }
            let http = code.servers.filter { $0.kind == .http }
            if let first = grpc.first, http.isEmpty {
                service.kind = .grpc
                service.kindEvidence = "grpc.server() at \(first.location)"
                return
            }
            if let first = http.first, grpc.isEmpty {
                service.kind = .http
                service.kindEvidence = "\(first.framework) at \(first.location)"
                return
            }
            if !grpc.isEmpty { return }  // both: the health check's port decides, which rules do per probe
        }
        if let command = service.command, let entry = PythonEntryPoint.parse(command.argv, workdir: service.container?.workdir ?? "/"),
           let server = entry.server {
            switch entry.kind {
            case .worker:
                service.kind = .worker
            case .asgiApp, .wsgiApp, .appFile:
                service.kind = .http
            default:
                return
            }
            service.kindEvidence = "\(server) in `\(command.display)` (\(command.location))"
        }
    }
}
