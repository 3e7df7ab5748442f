import GreenlightCore

/// Where and how to reach PostgreSQL, read from
/// `postgres[ql]://user:password@host[:port][/database][?sslmode=…&sslrootcert=…]`.
public struct PostgresEndpoint: Equatable, Sendable {
    /// libpq's `sslmode` values.
    public enum SSLMode: String, CaseIterable, Sendable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    /// nil connects to the database named after the user, as libpq does.
    public var database: String?
    public var sslMode: SSLMode
    /// PEM trust roots (`sslrootcert`), already resolved against the base directory;
    /// nil for the system's roots.
    public var rootCertificates: String?

    /// `host:port` for messages, IPv6 hosts bracketed.
    public var address: String { HostPort(host: host, port: port).description }

    /// Reads a `postgres://` or `postgresql://` URL; relative `sslrootcert` paths are resolved
    /// against `baseDirectory`. The error never includes the password.
    public static func parse(_ text: String, baseDirectory: String) -> Result<PostgresEndpoint, ConnectionURL.ParseError> {
        let url: ConnectionURL
        do {
            url = try ConnectionURL.parse(text)
        } catch {
            return .failure(error)
        }
        guard url.scheme == "postgres" || url.scheme == "postgresql" else {
            return .failure(.init(description: "scheme \(url.scheme)://, expected postgresql:// or postgres://"))
        }
        guard let user = url.user else { return .failure(.init(description: "no user name (postgresql://user:password@host/db)")) }
        let modeText = url.queryValue("sslmode") ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            let known = SSLMode.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(.init(description: "sslmode \"\(modeText)\" is not one of \(known)"))
        }
        var roots = url.queryValue("sslrootcert").flatMap { $0.isEmpty || $0 == "system" ? nil : $0 }
        if let path = roots, !path.hasPrefix("/"), !baseDirectory.isEmpty {
            roots = baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
        }
        return .success(PostgresEndpoint(host: url.host, port: url.port ?? 5432, user: user, password: url.password,
                                         database: url.path.isEmpty ? nil : url.path, sslMode: mode, rootCertificates: roots))
    }
}
