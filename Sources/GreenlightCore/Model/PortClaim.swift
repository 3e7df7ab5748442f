/// One statement about which container port a service uses, and where it was made.
/// `port-mismatch` compares these; every message names each claim's source.
public struct PortClaim: Hashable, Sendable {
    public enum Role: Hashable, Sendable {
        /// `EXPOSE` in the Dockerfile.
        case expose
        /// The container side of compose `ports:`.
        case composePublished
        /// compose `expose:`.
        case composeExpose
        /// A `*_PORT` variable the deploy sets (name).
        case environment(String)
        /// `--port`/`--bind` of the start command (uvicorn, gunicorn…).
        case commandFlag
        /// The port the application code listens on.
        case codeListen
        /// The port the health check probes.
        case healthCheck
        /// ECS `portMappings.containerPort`.
        case containerPort
        /// A load balancer target group port.
        case targetGroup

        /// Whether this claim says where the server actually listens, as opposed to
        /// where something else expects it to listen.
        public var isListener: Bool {
            switch self {
            case .codeListen, .commandFlag, .environment: true
            default: false
            }
        }
    }

    public var port: Int
    public var role: Role
    public var location: SourceLocation
    /// How a person would name this claim: "EXPOSE 50050", "GRPC_PORT=8000 in compose environment".
    public var label: String

    public init(port: Int, role: Role, location: SourceLocation, label: String) {
        self.port = port
        self.role = role
        self.location = location
        self.label = label
    }

    /// "EXPOSE 50050 (api/Dockerfile:7)".
    public var provenance: String { "\(label) (\(location))" }
}
