import Foundation
import Testing

@Suite struct LiveServerAvailabilityTests {
    /// In CI every live server must be up: a missing package would otherwise turn the
    /// live suites off silently.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"))
    func everyLiveServerRunsInCI() {
        for key in ["GREENLIGHT_LIVE_HTTP", "GREENLIGHT_LIVE_SILENT", "GREENLIGHT_LIVE_GRPC", "GREENLIGHT_LIVE_GRPC_TLS",
                    "GREENLIGHT_LIVE_REDIS_URL", "GREENLIGHT_LIVE_REDIS_OPEN", "GREENLIGHT_LIVE_POSTGRES_URL",
                    "GREENLIGHT_LIVE_MOTO", "GREENLIGHT_LIVE_MOTO_AUTH"] {
            #expect(LiveServers.has(key), "\(key) is not running: \(LiveServers.startFailure)")
        }
    }
}
