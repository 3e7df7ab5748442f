import GreenlightCore
import NIOCore
import Synchronization

/// What happened to one probe connection besides its data: a protocol mismatch seen in the
/// first bytes, or the attempt's deadline closing it. Shared between the channel's handlers,
/// the deadline timer and the probe, so every failure path can be told apart afterwards.
final class ConnectionWatch: Sendable {
    private struct State {
        var mismatch: ConnectionMismatch?
        var timedOut = false
        var receivedBytes = false
        var firstError: (any Error)?
    }

    private let state = Mutex(State())

    var mismatch: ConnectionMismatch? { state.withLock { $0.mismatch } }
    var timedOut: Bool { state.withLock { $0.timedOut } }
    /// Whether the peer sent anything at all.
    var receivedBytes: Bool { state.withLock { $0.receivedBytes } }

    /// The first error a recording handler saw (a TLS handshake failure, say), which is more
    /// telling than the "channel closed" a later read or write reports.
    var firstError: (any Error)? { state.withLock { $0.firstError } }

    func record(error: any Error) {
        state.withLock { if $0.firstError == nil { $0.firstError = error } }
    }

    func noteBytesReceived() {
        state.withLock { $0.receivedBytes = true }
    }

    func record(_ mismatch: ConnectionMismatch) {
        state.withLock { if $0.mismatch == nil, !$0.timedOut { $0.mismatch = mismatch } }
    }

    /// Marks the attempt timed out (for deadlines enforced by other means than `closeAtDeadline`).
    func markTimedOut() {
        state.withLock { $0.timedOut = true }
    }

    /// The timeout outcome; a TLS connection that never heard back says the handshake stalled.
    func timeoutOutcome(target: String, timeout: Duration, tls: Bool, plaintextHint: String) -> ProbeOutcome {
        if tls, !receivedBytes {
            return .fail(.timeout, "timed out after \(DurationText.format(timeout)) in the TLS handshake with \(target) — "
                + "is it a plaintext port? (\(plaintextHint))")
        }
        return NetworkFailure.timedOut(target, timeout, connecting: false)
    }

    /// Closes `channel` at `deadline`, marking the attempt timed out. Cancel the returned
    /// task once the exchange is over.
    func closeAtDeadline(_ channel: any Channel, deadline: NIODeadline) -> Scheduled<Void> {
        channel.eventLoop.scheduleTask(deadline: deadline) { [self] in
            markTimedOut()
            channel.close(promise: nil)
        }
    }
}

/// Sits first in a probe's pipeline and holds the server's first bytes until they show
/// which protocol it speaks. A mismatch is recorded in the watch and the channel closed;
/// otherwise the bytes pass on unchanged.
final class GreetingSniffer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let expected: ExpectedGreeting
    private let watch: ConnectionWatch
    private var held: ByteBuffer?
    private var decided = false

    init(expecting expected: ExpectedGreeting, watch: ConnectionWatch) {
        self.expected = expected
        self.watch = watch
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard !decided else {
            context.fireChannelRead(data)
            return
        }
        watch.noteBytesReceived()
        var all = held ?? context.channel.allocator.buffer(capacity: buffer.readableBytes)
        var incoming = buffer
        all.writeBuffer(&incoming)
        held = all
        decide(context: context, complete: false)
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !decided {
            if (held?.readableBytes ?? 0) == 0 {
                decided = true
                watch.record(.closedSilently)
            } else {
                decide(context: context, complete: true)
            }
        }
        context.fireChannelInactive()
    }

    private func decide(context: ChannelHandlerContext, complete: Bool) {
        guard let bytes = held else { return }
        let greeting = PeerGreeting.classify(Array(bytes.readableBytesView), complete: complete)
        if greeting == .undecided { return }
        let mismatch = expected.mismatch(for: greeting)
        decided = true
        held = nil
        if let mismatch {
            watch.record(mismatch)
            context.close(promise: nil)
        } else {
            context.fireChannelRead(wrapInboundOut(bytes))
        }
    }
}

/// Records the first error that passes through it (placed after the TLS handler) and
/// passes every error on.
final class ErrorRecorder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let watch: ConnectionWatch

    init(watch: ConnectionWatch) {
        self.watch = watch
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        watch.record(error: error)
        context.fireErrorCaught(error)
    }
}
