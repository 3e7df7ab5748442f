import GreenlightCore

/// Where and how to reach PostgreSQL, read from
/// `postgres[ql]://user:password@host[:port][/database][?sslmode=…&sslrootcert=…]`.
struct PostgresEndpoint: Equatable, Sendable {
    /// libpq's `sslmode` values.
    enum SSLMode: String, CaseIterable, Sendable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    var host: String
    var port: Int
    var user: String
    var password: String?
    /// nil connects to the database named after the user, as libpq does.
    var database: String?
    var sslMode: SSLMode
    /// PEM trust roots (`sslrootcert`), already resolved against the base directory;
    /// nil for the system's roots.
    var rootCertificates: String?

    var address: String { HostPort(host: host, port: port).description }

    static func parse(_ text: String, baseDirectory: String) -> Result<PostgresEndpoint, ConnectionURL.ParseError> {
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
