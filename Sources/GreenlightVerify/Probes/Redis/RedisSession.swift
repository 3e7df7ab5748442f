import NIOCore
import NIOPosix
import NIOSSL

/// One connection to Redis that pipelines the endpoint's commands and reads one reply
/// per command. Bounded by the attempt's deadline; closed on every path.
struct RedisSession {
    var endpoint: RedisEndpoint

    /// The replies in command order; stops early after the first error reply.
    func run(group: any EventLoopGroup, timeout: Duration, watch: ConnectionWatch) async throws -> [RESPValue] {
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let sslContext: NIOSSLContext? = endpoint.tls ? try NIOSSLContext(configuration: Self.tlsConfiguration()) : nil
        let host = endpoint.host
        let channel = try await ClientBootstrap(group: group)
            .connectTimeout(TimeAmount(timeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .connect(host: host, port: endpoint.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(GreetingSniffer(expecting: sslContext == nil ? .text : .tls, watch: watch))
                    if let sslContext {
                        let name = GRPCHealthCall.isIPAddress(host) ? nil : host
                        try pipeline.addHandler(NIOSSLClientHandler(context: sslContext, serverHostname: name))
                        try pipeline.addHandler(ErrorRecorder(watch: watch))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let timer = watch.closeAtDeadline(channel.channel, deadline: deadline)
        defer { timer.cancel() }
        let steps = endpoint.commands
        return try await withTaskCancellationHandler {
            try await channel.executeThenClose { inbound, outbound in
                let request = steps.flatMap { RESPCommand.encode($0.arguments) }
                try await outbound.write(channel.channel.allocator.buffer(bytes: request))
                var parser = RESPParser()
                var replies: [RESPValue] = []
                var iterator = inbound.makeAsyncIterator()
                while replies.count < steps.count {
                    if let reply = try parser.next() {
                        replies.append(reply)
                        if case .error = reply { break }
                        continue
                    }
                    guard let buffer = try await iterator.next() else {
                        throw RedisSessionProblem.closed(afterReplies: replies.count, partial: parser.hasPartialReply)
                    }
                    parser.append(buffer.readableBytesView)
                }
                return replies
            }
        } onCancel: {
            channel.channel.close(promise: nil)
        }
    }

    private static func tlsConfiguration() -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.shutdownTimeout = .milliseconds(50)
        return configuration
    }
}

/// The connection ended before every reply arrived.
enum RedisSessionProblem: Error, Equatable {
    case closed(afterReplies: Int, partial: Bool)
}
