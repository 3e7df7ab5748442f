import Foundation
import GreenlightCore

/// Builds probes from what `greenlight check` knows of a compose project: each port a
/// service publishes, probed on the host with the service's protocol — gRPC health for a
/// gRPC server, HTTP on its health path for a web server, PING for Redis, else TCP.
public enum ProbeDeriver {
    /// Scans the project at `root` and derives its probes.
    public static func derive(root: String, configuration: Configuration) -> [ProbeSpec] {
        let project = ProjectScanner.scan(DiskFileTree(root: URL(fileURLWithPath: root)), configuration: configuration)
        return derive(project: project, readFile: { path in
            FileManager.default.contents(atPath: PathUtilities.join(root, path)).map { [UInt8]($0) }
        })
    }

    /// The probes of every compose service with a published TCP port, in service order.
    public static func derive(project: Project, readFile: (String) -> [UInt8]?) -> [ProbeSpec] {
        var composeFiles: [String: ComposeFile] = [:]
        var probes: [ProbeSpec] = []
        for service in project.services {
            guard case .compose(let file) = service.target else { continue }
            if composeFiles[file] == nil {
                guard let bytes = project.sources[file]?.bytes ?? readFile(file) else { continue }
                composeFiles[file] = ComposeFile.parse(SourceText(path: file, bytes: bytes), environment: environment(beside: file, readFile: readFile))
            }
            guard let compose = composeFiles[file],
                  let declared = compose.services.first(where: { $0.name == service.name }) else { continue }
            let published = declared.ports.compactMap { mapping(of: $0) }
            for (container, host, hostPort) in published {
                let name = published.count == 1 ? service.name : "\(service.name)-\(container)"
                let target = probeTarget(for: service, containerPort: container, host: host, hostPort: hostPort,
                                         onlyPort: published.count == 1, configuration: project.configuration)
                var settings = project.configuration.verify.defaults
                if let startPeriod = service.healthCheck?.startPeriod, startPeriod > 0 {
                    settings.startPeriod = .milliseconds(Int64(startPeriod * 1000))
                }
                probes.append(ProbeSpec(name: name, target: target, settings: settings))
            }
        }
        return probes
    }

    /// `(container port, host, published port)` of a fixed TCP port mapping.
    static func mapping(of port: ComposePort) -> (Int, String, Int)? {
        guard port.proto == "tcp", let containerPorts = port.containerPorts,
              let text = port.publishedPort, !text.isEmpty else { return nil }
        let first = text.split(separator: "-").first.map(String.init) ?? text
        guard let published = Int(first), (1...65535).contains(published) else { return nil }
        let host: String
        switch port.hostIP ?? "" {
        case "", "0.0.0.0", "::", "[::]": host = "localhost"
        case let ip: host = ip.hasPrefix("[") ? String(ip.dropFirst().dropLast()) : ip
        }
        return (containerPorts.lowerBound, host, published)
    }

    static func probeTarget(for service: Service, containerPort: Int, host: String, hostPort: Int,
                            onlyPort: Bool, configuration: Configuration) -> ProbeTarget {
        let address = HostPort(host: host, port: hostPort)
        let listeners = Set(service.ports.filter(\.role.isListener).map(\.port))
        let healthProbe = service.healthCheck?.probes.first { $0.port == containerPort || ($0.port == nil && onlyPort) }
        let isMainPort = listeners.contains(containerPort) || healthProbe != nil || (listeners.isEmpty && onlyPort)
        if isMainPort {
            switch service.kind {
            case .grpc:
                return .grpc(GRPCProbeSpec(address: address))
            case .http:
                let path = configuration.services[service.name]?.healthPath ?? healthProbe?.path ?? "/health"
                return .http(HTTPProbeSpec(url: "http://\(address)\(path.hasPrefix("/") ? path : "/" + path)"))
            default:
                break
            }
            if healthProbe?.protocolKind == .grpc { return .grpc(GRPCProbeSpec(address: address)) }
            if healthProbe?.protocolKind == .http, let path = healthProbe?.path {
                return .http(HTTPProbeSpec(url: "http://\(address)\(path)"))
            }
        }
        if imageName(service) == "redis", containerPort == 6379, !requiresPassword(service) {
            return .redis(RedisProbeSpec(url: "redis://\(address)"))
        }
        return .tcp(TCPProbeSpec(address: address))
    }

    /// `redis` for `redis:7-alpine` or `docker.io/library/redis`.
    static func imageName(_ service: Service) -> String? {
        guard let image = service.image?.value else { return nil }
        let withoutTag = image.split(separator: "@").first.map(String.init) ?? image
        let lastPart = withoutTag.split(separator: "/").last.map(String.init) ?? withoutTag
        return lastPart.split(separator: ":").first.map(String.init)
    }

    static func requiresPassword(_ service: Service) -> Bool {
        (service.command?.argv.contains { $0.contains("requirepass") } ?? false)
            || service.environment.contains { $0.name == "REDIS_PASSWORD" }
    }

    static func environment(beside file: String, readFile: (String) -> [UInt8]?) -> ComposeEnvironment {
        let directory = (file as NSString).deletingLastPathComponent
        let path = directory.isEmpty ? ".env" : PathUtilities.join(directory, ".env")
        guard let bytes = readFile(path) else { return ComposeEnvironment(includeProcessEnvironment: true) }
        return ComposeEnvironment(dotenv: DotenvFile.parse(SourceText(path: path, bytes: bytes)), includeProcessEnvironment: true)
    }
}
