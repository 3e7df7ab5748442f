import NIOCore
import PostgresNIO

/// Turns PostgresNIO's errors into the one-line outcome: SQLSTATE classes for what the
/// server said, NetworkFailure for what the network did.
public enum PostgresVerdict {
    /// The failure kind and one-line detail for an error from connecting or querying.
    public static func outcome(of error: any Error, endpoint: PostgresEndpoint, timeout: Duration) -> ProbeOutcome {
        let target = endpoint.address
        guard let error = error as? PSQLError else {
            return NetworkFailure.describe(error, target: target, timeout: timeout)
        }
        switch error.code {
        case .server:
            return serverOutcome(sqlState: error.serverInfo?[.sqlState] ?? "", message: error.serverInfo?[.message], endpoint: endpoint)
        case .sslUnsupported:
            return .fail(.tls, "server does not support TLS (sslmode=\(endpoint.sslMode.rawValue))")
        case .failedToAddSSLHandler:
            return .fail(.tls, "TLS with \(target) could not be set up")
        case .authMechanismRequiresPassword:
            return .fail(.auth, "PostgreSQL at \(target) requires a password for user \(endpoint.user); the URL has none")
        case .unsupportedAuthMechanism:
            return .fail(.auth, "PostgreSQL at \(target) asks for an authentication method this probe cannot use")
        case .saslError:
            return .fail(.auth, "SCRAM authentication with \(target) failed for user \(endpoint.user)")
        case .messageDecodingFailure, .unexpectedBackendMessage, .receivedUnencryptedDataAfterSSLRequest:
            return .fail(.protocolError, "\(target) does not speak the PostgreSQL protocol — is this the right port?")
        case .serverClosedConnection, .uncleanShutdown:
            if let underlying = error.underlying { return NetworkFailure.describe(underlying, target: target, timeout: timeout) }
            return .fail(.protocolError, "\(target) closed the connection before the query finished")
        case .connectionError:
            if let underlying = error.underlying { return NetworkFailure.describe(underlying, target: target, timeout: timeout) }
            return .fail(.unreachable, "cannot connect to \(target)")
        case .queryCancelled, .clientClosedConnection:
            return NetworkFailure.timedOut(target, timeout, connecting: false)
        default:
            return .fail(.protocolError, "PostgreSQL at \(target): \(error.code)")
        }
    }

    static func serverOutcome(sqlState: String, message: String?, endpoint: PostgresEndpoint) -> ProbeOutcome {
        let said = message.map { String($0.map { $0.isNewline ? " " : $0 }.prefix(200)) }
        switch sqlState {
        case "28P01":
            return .fail(.auth, "password authentication failed for user \(endpoint.user)")
        case "28000":
            return .fail(.auth, said ?? "PostgreSQL rejected user \(endpoint.user) (SQLSTATE 28000)")
        case "3D000":
            return .fail(.missing, "database \(endpoint.database ?? endpoint.user) does not exist")
        case "57P03":
            return .fail(.unhealthy, said ?? "the database system is starting up")
        case "53300":
            return .fail(.unhealthy, said ?? "too many connections")
        default:
            let detail = said.map { ": \($0)" } ?? ""
            return .fail(.unhealthy, "PostgreSQL error \(sqlState.isEmpty ? "without SQLSTATE" : "SQLSTATE \(sqlState)")\(detail)")
        }
    }
}
