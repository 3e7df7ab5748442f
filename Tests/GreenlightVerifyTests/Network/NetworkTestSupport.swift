import AsyncHTTPClient
import GreenlightCore
import NIOPosix
import Testing
@testable import GreenlightVerify

/// What the network probe tests share: a probe context on the process-wide event loops,
/// live server addresses, and a clock for "returned within the timeout".
enum NetworkTest {
    static func context(baseDirectory: String = "/") -> ProbeContext {
        ProbeContext(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, httpClient: .shared,
                     environment: [:], baseDirectory: baseDirectory)
    }

    /// The `host:port` of a live server variable (URL-valued ones too).
    static func address(_ key: String) throws -> HostPort {
        try #require(HostPort(LiveServers.address(key)), "\(key) is not a host:port: \(LiveServers.value(key))")
    }

    /// Runs one attempt and measures how long it took.
    static func timed(_ probe: some ProbeCheck, timeout: Duration = .seconds(2)) async -> (ProbeOutcome, Duration) {
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await probe.attemptOnProbeExecutor(timeout: timeout, context: context())
        return (outcome, clock.now - start)
    }
}
