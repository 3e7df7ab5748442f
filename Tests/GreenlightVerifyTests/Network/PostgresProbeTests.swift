import GreenlightCore
import Testing
@testable import GreenlightVerify

@Suite struct PostgresEndpointTests {
    @Test func readsEveryPart() throws {
        let endpoint = try PostgresEndpoint.parse(
            "postgres://app%2Bro:p%40ss@db.internal/orders?sslmode=verify-full&sslrootcert=certs/rds.pem", baseDirectory: "/srv/app").get()
        #expect(endpoint == PostgresEndpoint(host: "db.internal", port: 5432, user: "app+ro", password: "p@ss", database: "orders",
                                             sslMode: .verifyFull, rootCertificates: "/srv/app/certs/rds.pem"))
        let defaults = try PostgresEndpoint.parse("postgresql://u@h:6000", baseDirectory: "/").get()
        #expect(defaults.sslMode == .prefer && defaults.database == nil && defaults.password == nil && defaults.port == 6000)
    }

    @Test func badURLsAreSetupErrorsThatHideThePassword() async {
        let cases = [
            ("postgresql://u:hunter2@h/db?sslmode=always",
             "invalid PostgreSQL URL postgresql://u:***@h/db?sslmode=always: sslmode \"always\" is not one of disable, allow, prefer, require, verify-ca, verify-full"),
            ("mysql://u:hunter2@h/db", "invalid PostgreSQL URL mysql://u:***@h/db: scheme mysql://, expected postgresql:// or postgres://"),
            ("postgresql://h/db", "invalid PostgreSQL URL postgresql://h/db: no user name (postgresql://user:password@host/db)"),
            ("postgresql://u:hunter2@h:99999/db", "invalid PostgreSQL URL postgresql://u:***@h:99999/db: invalid port \"99999\""),
        ]
        for (url, message) in cases {
            let outcome = await PostgresProbe(spec: PostgresProbeSpec(url: url)).attemptOnProbeExecutor(timeout: .seconds(1), context: NetworkTest.context())
            #expect(outcome == .fail(.setup, message))
            #expect(!outcome.detail.contains("hunter2"))
        }
    }

    @Test func serverErrorsByClass() throws {
        let endpoint = try PostgresEndpoint.parse("postgresql://greenlight@h/nosuchdb", baseDirectory: "/").get()
        #expect(PostgresVerdict.serverOutcome(sqlState: "28P01", message: "x", endpoint: endpoint)
            == .fail(.auth, "password authentication failed for user greenlight"))
        #expect(PostgresVerdict.serverOutcome(sqlState: "3D000", message: "x", endpoint: endpoint)
            == .fail(.missing, "database nosuchdb does not exist"))
        #expect(PostgresVerdict.serverOutcome(sqlState: "57P03", message: nil, endpoint: endpoint)
            == .fail(.unhealthy, "the database system is starting up"))
        #expect(PostgresVerdict.serverOutcome(sqlState: "XX000", message: "boom", endpoint: endpoint)
            == .fail(.unhealthy, "PostgreSQL error SQLSTATE XX000: boom"))
    }
}

@Suite(.enabled(if: LiveServers.has("GREENLIGHT_LIVE_POSTGRES_URL")), .onProbeExecutor)
struct PostgresProbeLiveTests {
    private let url = LiveServers.value("GREENLIGHT_LIVE_POSTGRES_URL")
    private var address: String { (try? ConnectionURL.parse(url)).map { $0.address(defaultPort: 5432) } ?? "" }

    private func attempt(_ url: String, timeout: Duration = .seconds(3)) async -> (ProbeOutcome, Duration) {
        await NetworkTest.timed(PostgresProbe(spec: PostgresProbeSpec(url: url)), timeout: timeout)
    }

    @Test func selectOnePasses() async {
        let (outcome, _) = await attempt(url)
        #expect(outcome.ok)
        #expect(outcome.detail.hasPrefix("SELECT 1 ok (PostgreSQL "))
    }

    @Test func disabledTLSPasses() async {
        let (outcome, _) = await attempt(url + "?sslmode=disable")
        #expect(outcome.ok)
    }

    @Test func wrongPasswordIsAnAuthFailure() async {
        let (outcome, _) = await attempt("postgresql://greenlight:wrong-pw@\(address)/greenlight")
        #expect(outcome == .fail(.auth, "password authentication failed for user greenlight"))
    }

    @Test func missingDatabaseIsMissing() async {
        let (outcome, _) = await attempt("postgresql://greenlight:greenlight-pw@\(address)/nosuchdb")
        #expect(outcome == .fail(.missing, "database nosuchdb does not exist"))
    }

    @Test func requiredTLSAgainstAPlainServerFails() async {
        let (outcome, _) = await attempt(url + "?sslmode=require")
        #expect(outcome == .fail(.tls, "server does not support TLS (sslmode=require)"))
    }

    @Test func closedPortIsRefused() async {
        let (outcome, _) = await attempt("postgresql://greenlight:pw@\(LiveServers.value("GREENLIGHT_LIVE_CLOSED"))/greenlight")
        #expect(outcome.failure == .refused)
    }

    @Test func silentServerTimesOutOnTime() async {
        let (outcome, elapsed) = await attempt(
            "postgresql://greenlight:pw@\(LiveServers.value("GREENLIGHT_LIVE_SILENT"))/greenlight?sslmode=disable", timeout: .seconds(1))
        #expect(outcome.failure == .timeout)
        #expect(elapsed < .seconds(1) + Timing.slack)
    }

    @Test(.enabled(if: LiveServers.has("GREENLIGHT_LIVE_GRPC")))
    func otherProtocolIsAProtocolError() async {
        let grpc = LiveServers.value("GREENLIGHT_LIVE_GRPC")
        let (outcome, _) = await attempt("postgresql://greenlight:pw@\(grpc)/greenlight?sslmode=disable")
        #expect(outcome.failure == .protocolError)
        #expect(outcome.detail.hasPrefix("\(grpc) "))
    }
}
