import AsyncHTTPClient
import Foundation
import NIOPosix
@testable import GreenlightVerify

/// Probe contexts for the live AWS tests: moto's endpoint and test keys in an injected
/// environment, so nothing reads the real AWS settings of the machine.
enum AWSLive {
    static var available: Bool { LiveServers.has("GREENLIGHT_LIVE_MOTO") }

    /// The environment pointing every AWS call at `endpoint` with moto's test keys.
    static func environment(endpoint: String = LiveServers.value("GREENLIGHT_LIVE_MOTO"),
                            accessKey: String = "testing", secret: String = "testing") -> [String: String] {
        ["AWS_ACCESS_KEY_ID": accessKey, "AWS_SECRET_ACCESS_KEY": secret, "AWS_REGION": "us-east-1",
         "AWS_ENDPOINT_URL": endpoint, "HOME": "/nonexistent-greenlight-home"]
    }

    /// A client configured as a probe run should be: the runner retries, so the pool must not
    /// retry a refused connection until the deadline on its own.
    static let httpClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: configuration)
    }()

    static func context(_ environment: [String: String] = environment()) -> ProbeContext {
        ProbeContext(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, httpClient: httpClient,
                     environment: environment, baseDirectory: FileManager.default.currentDirectoryPath)
    }

    /// The moto with IAM authentication on, with made-up keys.
    static var rejectingContext: ProbeContext {
        context(environment(endpoint: LiveServers.value("GREENLIGHT_LIVE_MOTO_AUTH"),
                            accessKey: "AKIAGREENLIGHTMADEUP", secret: "made-up-secret-key-for-a-rejection-test"))
    }

    /// An endpoint nothing listens on.
    static var refusingContext: ProbeContext {
        context(environment(endpoint: "http://\(LiveServers.value("GREENLIGHT_LIVE_CLOSED"))"))
    }
}
