import Foundation

/// The AWS services the probes call, with what their JSON protocol and endpoints need.
public enum AWSService: String, Sendable, CaseIterable {
    case ssm
    case ecs

    /// The `X-Amz-Target` prefix of the service's operations.
    var targetPrefix: String {
        switch self {
        case .ssm: "AmazonSSM"
        case .ecs: "AmazonEC2ContainerServiceV20141113"
        }
    }

    /// The service-specific endpoint variable the AWS CLI honours (`AWS_ENDPOINT_URL_SSM`).
    var endpointVariable: String { "AWS_ENDPOINT_URL_\(rawValue.uppercased())" }

    /// The name people know the service by, for messages.
    var displayName: String { rawValue.uppercased() }
}

/// Where requests for one service go: scheme, host, port and base path.
public struct AWSEndpoint: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    public var port: Int?
    /// The path requests are posted to (`/` unless the endpoint URL has one).
    public var path: String

    /// Parses an endpoint URL such as `https://ssm.us-east-1.amazonaws.com` or `http://127.0.0.1:5055`.
    public init?(url text: String) {
        guard let components = URLComponents(string: text.trimmingCharacters(in: .whitespaces)),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty else { return nil }
        self.scheme = scheme
        // An IPv6 literal may come back with its brackets; keep the bare address.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port
        self.path = components.path.isEmpty ? "/" : components.path
    }

    /// The default public endpoint of `service` in `region`.
    public static func standard(_ service: AWSService, region: String) -> AWSEndpoint? {
        let suffix = region.hasPrefix("cn-") ? "amazonaws.com.cn" : "amazonaws.com"
        return AWSEndpoint(url: "https://\(service.rawValue).\(region).\(suffix)")
    }

    /// The `Host` header: the host, with the port when it is not the scheme's default.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        guard let port, port != (scheme == "https" ? 443 : 80) else { return bracketed }
        return "\(bracketed):\(port)"
    }

    /// The URL to post to.
    public var url: String { "\(scheme)://\(hostHeader)\(path)" }

    public var description: String { hostHeader }
}
