/// Where an environment variable of a running container gets its value.
public enum EnvSource: Hashable, Sendable {
    /// `ENV` in the Dockerfile (inherited by the final stage).
    case dockerfile
    /// `environment:` of a compose service.
    case compose
    /// A file named by compose `env_file:`.
    case envFile(String)
    /// A compose `environment: [KEY]` entry with no value: taken from the shell
    /// that runs `docker compose`, or the project's `.env`.
    case host
    /// ECS task definition `environment` (literal) and `secrets` (`valueFrom`).
    case ecsEnvironment
    case ecsSecret(valueFrom: String)

    public var label: String {
        switch self {
        case .dockerfile: "Dockerfile ENV"
        case .compose: "compose environment"
        case .envFile(let path): "env_file \(path)"
        case .host: "the host environment"
        case .ecsEnvironment: "task definition environment"
        case .ecsSecret: "task definition secret"
        }
    }
}

/// One environment variable a deploy target sets, with its value (nil when it
/// is not known statically) and where that value comes from.
public struct EnvBinding: Hashable, Sendable {
    public var name: String
    public var value: String?
    public var source: EnvSource
    public var location: SourceLocation
    /// Variables the value was interpolated from (`${API_PORT:-8000}` → `API_PORT`).
    public var interpolatedFrom: [String]

    public init(name: String, value: String?, source: EnvSource, location: SourceLocation, interpolatedFrom: [String] = []) {
        self.name = name
        self.value = value
        self.source = source
        self.location = location
        self.interpolatedFrom = interpolatedFrom
    }

    /// "GRPC_PORT=8000 (compose environment, docker-compose.yml:14)".
    public var provenance: String {
        "\(name)=\(value ?? "…") (\(source.label), \(location))"
    }
}

extension Array where Element == EnvBinding {
    /// The binding that wins for `name`: later entries override earlier ones, in the
    /// order Docker applies them (image ENV, then env_file, then environment).
    public func effective(_ name: String) -> EnvBinding? {
        last(where: { $0.name == name })
    }

    /// One binding per name, the effective one, in first-seen order.
    public var effectiveBindings: [EnvBinding] {
        var order: [String] = []
        var latest: [String: EnvBinding] = [:]
        for binding in self {
            if latest[binding.name] == nil { order.append(binding.name) }
            latest[binding.name] = binding
        }
        return order.compactMap { latest[$0] }
    }
}
