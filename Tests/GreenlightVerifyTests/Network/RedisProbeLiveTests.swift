import GreenlightCore
import Testing
@testable import GreenlightVerify

@Suite(.enabled(if: LiveServers.has("GREENLIGHT_LIVE_REDIS_URL")), .onProbeExecutor)
struct RedisProbeLiveTests {
    private let protected = LiveServers.value("GREENLIGHT_LIVE_REDIS_URL")
    private var protectedAddress: String {
        (try? ConnectionURL.parse(protected)).map { $0.address(defaultPort: 6379) } ?? ""
    }

    private func attempt(_ url: String, timeout: Duration = .seconds(2)) async -> (ProbeOutcome, Duration) {
        await NetworkTest.timed(RedisProbe(spec: RedisProbeSpec(url: url)), timeout: timeout)
    }

    @Test func passwordProtectedServerPasses() async {
        let (outcome, _) = await attempt(protected)
        #expect(outcome.ok)
        #expect(outcome.detail.hasPrefix("PONG (Redis "))
    }

    @Test func selectsANonZeroDatabase() async {
        let (outcome, _) = await attempt("redis://:redis-pw@\(protectedAddress)/5")
        #expect(outcome.ok)
        let (missing, _) = await attempt("redis://:redis-pw@\(protectedAddress)/99")
        #expect(missing.failure == .missing)
        #expect(missing.detail.hasPrefix("Redis database 99 does not exist"))
    }

    @Test func wrongPasswordIsAnAuthFailure() async {
        let (outcome, _) = await attempt("redis://:not-the-password@\(protectedAddress)/0")
        #expect(outcome == .fail(.auth, "Redis rejected the password (WRONGPASS)"))
        #expect(!outcome.detail.contains("not-the-password"))
    }

    @Test func missingPasswordSaysNOAUTH() async {
        let (outcome, _) = await attempt("redis://\(protectedAddress)")
        #expect(outcome == .fail(.auth, "Redis requires a password; the URL has none"))
    }

    @Test func openServerWithoutPasswordPasses() async {
        let (outcome, _) = await attempt("redis://\(LiveServers.value("GREENLIGHT_LIVE_REDIS_OPEN"))")
        #expect(outcome.ok)
        #expect(outcome.detail.hasPrefix("PONG"))
    }

    @Test func passwordForAnOpenServerIsAnAuthFailure() async {
        let (outcome, _) = await attempt("redis://:pw@\(LiveServers.value("GREENLIGHT_LIVE_REDIS_OPEN"))")
        #expect(outcome.failure == .auth)
    }

    @Test func silentServerTimesOutOnTime() async {
        let (outcome, elapsed) = await attempt("redis://\(LiveServers.value("GREENLIGHT_LIVE_SILENT"))", timeout: .seconds(1))
        #expect(outcome.failure == .timeout)
        #expect(elapsed < .seconds(1) + Timing.slack)
    }

    @Test func httpServerIsAProtocolError() async {
        let address = LiveServers.address("GREENLIGHT_LIVE_HTTP")
        let (outcome, _) = await attempt("redis://\(address)")
        #expect(outcome.failure == .protocolError)
        #expect(outcome.detail.hasPrefix("\(address) does not speak Redis (it answered "))
    }

    @Test func closedPortIsRefused() async {
        let (outcome, _) = await attempt("redis://\(LiveServers.value("GREENLIGHT_LIVE_CLOSED"))")
        #expect(outcome.failure == .refused)
    }

    @Test func tlsToAPlaintextRedisStallsInTheHandshake() async {
        let (outcome, elapsed) = await attempt("rediss://\(LiveServers.value("GREENLIGHT_LIVE_REDIS_OPEN"))", timeout: .seconds(1))
        #expect(outcome.failure == .timeout)
        #expect(outcome.detail.contains("in the TLS handshake with"))
        #expect(elapsed < .seconds(1) + Timing.slack)
    }

    @Test func badURLIsASetupErrorWithoutThePassword() async {
        let (outcome, _) = await attempt("redis://:hunter2@cache:port/0")
        #expect(outcome == .fail(.setup, "invalid Redis URL redis://:***@cache:port/0: invalid port \"port\""))
    }
}
