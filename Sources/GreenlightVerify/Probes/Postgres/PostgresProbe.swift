import GreenlightCore
import NIOCore
import NIOSSL
import PostgresNIO

/// The `postgres` probe: logs in with the URL's credentials, runs `SELECT 1` and
/// reports the server version, or says exactly why it could not.
public struct PostgresProbe: ProbeCheck {
    public let spec: PostgresProbeSpec

    public init(spec: PostgresProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let endpoint: PostgresEndpoint
        switch PostgresEndpoint.parse(spec.url, baseDirectory: context.baseDirectory) {
        case .success(let parsed): endpoint = parsed
        case .failure(let error):
            return .fail(.setup, "invalid PostgreSQL URL \(ConnectionURL.redacted(spec.url)): \(error)")
        }
        let configuration: PostgresConnection.Configuration
        do {
            configuration = try Self.configuration(endpoint, timeout: timeout)
        } catch {
            return .fail(.setup, "cannot read CA certificates (PEM) from \(endpoint.rootCertificates ?? "sslrootcert")")
        }
        let watch = ConnectionWatch()
        do {
            let version = try await Self.selectOne(configuration, group: context.eventLoopGroup, timeout: timeout, watch: watch)
            return .pass(version.map { "SELECT 1 ok (PostgreSQL \($0))" } ?? "SELECT 1 ok")
        } catch {
            if watch.timedOut || error is CancellationError {
                return NetworkFailure.timedOut(endpoint.address, timeout, connecting: false)
            }
            return PostgresVerdict.outcome(of: error, endpoint: endpoint, timeout: timeout)
        }
    }

    /// Connects, runs the query and closes; the version is the first word of `server_version`.
    private static func selectOne(_ configuration: PostgresConnection.Configuration, group: any EventLoopGroup,
                                  timeout: Duration, watch: ConnectionWatch) async throws -> String? {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        var logger = Logger(label: "greenlight.verify.postgres")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(on: group.any(), configuration: configuration, id: 1, logger: logger)
        let timer = connection.eventLoop.scheduleTask(deadline: deadline) {
            watch.markTimedOut()
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { timer.cancel() }
        do {
            let version = try await withTaskCancellationHandler {
                let rows = try await connection.query("SELECT 1, current_setting('server_version')", logger: logger)
                var version: String?
                for try await (one, text) in rows.decode((Int, String).self) where one == 1 {
                    version = text.split(separator: " ").first.map(String.init)
                }
                return version
            } onCancel: {
                let _: EventLoopFuture<Void> = connection.close()
            }
            try? await connection.close()
            return version
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The connection settings for an endpoint: TLS as its `sslmode` asks, `timeout` for connecting.
    /// Throws when the `sslrootcert` file cannot be read.
    public static func configuration(_ endpoint: PostgresEndpoint, timeout: Duration) throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        var tlsConfiguration = TLSConfiguration.makeClientConfiguration()
        tlsConfiguration.shutdownTimeout = .milliseconds(50)
        var mode = endpoint.sslMode
        if mode == .require, endpoint.rootCertificates != nil { mode = .verifyCA } // as libpq does
        switch mode {
        case .disable:
            tls = .disable
        case .allow, .prefer:
            tlsConfiguration.certificateVerification = .none
            tls = .prefer(try NIOSSLContext(configuration: tlsConfiguration))
        case .require:
            tlsConfiguration.certificateVerification = .none
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        case .verifyCA, .verifyFull:
            tlsConfiguration.certificateVerification = mode == .verifyCA ? .noHostnameVerification : .fullVerification
            if let path = endpoint.rootCertificates {
                let roots = try NIOSSLCertificate.fromPEMFile(path)
                guard !roots.isEmpty else { throw NIOSSLError.failedToLoadCertificate }
                tlsConfiguration.trustRoots = .certificates(roots)
            }
            tls = .require(try NIOSSLContext(configuration: tlsConfiguration))
        }
        var configuration = PostgresConnection.Configuration(host: endpoint.host, port: endpoint.port, username: endpoint.user,
                                                             password: endpoint.password, database: endpoint.database, tls: tls)
        configuration.options.connectTimeout = TimeAmount(timeout)
        return configuration
    }
}
