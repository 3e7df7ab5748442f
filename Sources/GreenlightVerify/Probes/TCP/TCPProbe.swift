import GreenlightCore
import NIOCore
import NIOPosix

/// `tcp: host:port` — something accepts connections there (`nc -z host port`).
public struct TCPProbe: ProbeCheck {
    public let spec: TCPProbeSpec

    public init(spec: TCPProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let target = spec.address.description
        do {
            let channel = try await ClientBootstrap(group: context.eventLoopGroup)
                .connectTimeout(TimeAmount(timeout))
                .connect(host: spec.address.host, port: spec.address.port)
                .get()
            try? await channel.close()
            return .pass("accepting connections on \(target)")
        } catch {
            return NetworkFailure.describe(error, target: target, timeout: timeout)
        }
    }
}

extension TimeAmount {
    /// The same span as a Swift `Duration`, in nanoseconds.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
