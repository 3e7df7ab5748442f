import GreenlightCore
/// Where and how to reach Redis, read from `redis://[user][:password]@host[:port][/db]`
/// (`rediss://` for TLS).
struct RedisEndpoint: Equatable, Sendable {
    var host: String
    var port: Int
    var tls: Bool
    var user: String?
    var password: String?
    var database: Int

    var address: String { HostPort(host: host, port: port).description }

    /// The endpoint, or what is wrong with the URL (without its password).
    static func parse(_ text: String) -> Result<RedisEndpoint, ConnectionURL.ParseError> {
        let url: ConnectionURL
        do {
            url = try ConnectionURL.parse(text)
        } catch {
            return .failure(error)
        }
        guard url.scheme == "redis" || url.scheme == "rediss" else {
            return .failure(.init(description: "scheme \(url.scheme)://, expected redis:// or rediss://"))
        }
        var database = 0
        let path = url.path.hasSuffix("/") ? String(url.path.dropLast()) : url.path
        if let db = url.queryValue("db"), path.isEmpty {
            guard let number = Int(db), number >= 0 else { return .failure(.init(description: "database \"\(db)\" is not a number")) }
            database = number
        } else if !path.isEmpty {
            guard let number = Int(path), number >= 0 else {
                return .failure(.init(description: "database \"\(path)\" is not a number"))
            }
            database = number
        }
        let password = url.password.flatMap { $0.isEmpty ? nil : $0 }
        return .success(RedisEndpoint(host: url.host, port: url.port ?? 6379, tls: url.scheme == "rediss",
                                      user: url.user, password: password, database: database))
    }

    /// The commands one attempt pipelines: AUTH (when a password is given), SELECT (when
    /// the database is not 0), PING, and INFO server for the version.
    var commands: [RedisStep] {
        var steps: [RedisStep] = []
        if let password {
            steps.append(RedisStep(name: "AUTH", arguments: ["AUTH"] + (user.map { [$0] } ?? []) + [password]))
        }
        if database != 0 { steps.append(RedisStep(name: "SELECT", arguments: ["SELECT", String(database)])) }
        steps.append(RedisStep(name: "PING", arguments: ["PING"]))
        steps.append(RedisStep(name: "INFO", arguments: ["INFO", "server"]))
        return steps
    }
}

/// One command of the attempt; `name` is what messages show (never the arguments).
struct RedisStep: Equatable, Sendable {
    var name: String
    var arguments: [String]
}
