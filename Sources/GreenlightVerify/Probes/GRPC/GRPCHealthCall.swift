import GreenlightCore
import NIOCore
import NIOHTTP2
import NIOPosix
import NIOSSL

/// One `grpc.health.v1.Health/Check` call on a fresh connection: HTTP/2 with prior
/// knowledge, or over TLS with ALPN "h2". Bounded by `deadline`; closes the connection
/// on every path, including cancellation.
struct GRPCHealthCall {
    var spec: GRPCProbeSpec
    /// The resolved CA file path (relative paths already joined to the base directory).
    var caFile: String?

    /// Sends the request and collects the reply; errors are NIO, NIOSSL, NIOHTTP2 or
    /// `GRPCStreamProblem`, to be read together with `watch`.
    func run(group: any EventLoopGroup, timeout: Duration, watch: ConnectionWatch) async throws -> GRPCHealthReply {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let sslContext: NIOSSLContext? = spec.tls ? try makeSSLContext() : nil
        let serverName = spec.serverName
        let host = spec.address.host
        let expectsTLS = spec.tls
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: spec.address.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(GreetingSniffer(expecting: expectsTLS ? .tls : .http2, watch: watch))
                    if let sslContext {
                        let name = serverName ?? (Self.isIPAddress(host) ? nil : host)
                        try pipeline.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: name))
                        try pipeline.addHandler(ErrorRecorder(watch: watch))
                    }
                    try pipeline.addHandler(NIOHTTP2Handler(mode: .client))
                    return try NIOAsyncChannel<HTTP2Frame, HTTP2Frame>(wrappingChannelSynchronously: channel)
                }
            }
        let timer = watch.closeAtDeadline(channel.channel, deadline: deadline)
        defer { timer.cancel() }
        return try await withTaskCancellationHandler {
            try await channel.executeThenClose { inbound, outbound in
                try await outbound.write(contentsOf: requestFrames(timeout: timeout, allocator: channel.channel.allocator))
                var collector = GRPCReplyCollector()
                for try await frame in inbound {
                    if try collector.consume(frame) { return collector.reply }
                }
                throw GRPCStreamProblem.endedEarly
            }
        } onCancel: {
            channel.channel.close(promise: nil)
        }
    }

    private func requestFrames(timeout: Duration, allocator: ByteBufferAllocator) -> [HTTP2Frame] {
        let authority = spec.serverName.map { "\($0):\(spec.address.port)" } ?? spec.address.description
        let headers: [(String, String)] = [
            (":method", "POST"),
            (":scheme", spec.tls ? "https" : "http"),
            (":path", GRPCHealthWire.checkPath),
            (":authority", authority),
            ("content-type", "application/grpc"),
            ("te", "trailers"),
            ("grpc-timeout", GRPCHealthWire.timeoutHeader(timeout)),
            ("user-agent", "greenlight-verify"),
        ]
        let body = allocator.buffer(bytes: GRPCHealthWire.requestFrame(service: spec.service))
        return [
            HTTP2Frame(streamID: GRPCReplyCollector.streamID, payload: .headers(.init(headers: .init(headers)))),
            HTTP2Frame(streamID: GRPCReplyCollector.streamID, payload: .data(.init(data: .byteBuffer(body), endStream: true))),
        ]
    }

    private func makeSSLContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.applicationProtocols = ["h2"]
        // Once the reply is in, a peer that never answers close_notify must not hold the probe.
        configuration.shutdownTimeout = .milliseconds(50)
        if spec.insecure {
            configuration.certificateVerification = .none
        } else if let caFile {
            let roots: [NIOSSLCertificate]
            do {
                roots = try NIOSSLCertificate.fromPEMFile(caFile)
            } catch {
                throw GRPCSetupProblem.unreadableCAFile(caFile)
            }
            guard !roots.isEmpty else { throw GRPCSetupProblem.unreadableCAFile(caFile) }
            configuration.trustRoots = .certificates(roots)
        }
        return try NIOSSLContext(configuration: configuration)
    }

    /// IP literals cannot be sent as SNI; NIOSSL then checks the certificate against the address.
    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }
}

/// The probe's own settings are unusable (a CA file that cannot be read).
enum GRPCSetupProblem: Error, Equatable {
    case unreadableCAFile(String)
}
