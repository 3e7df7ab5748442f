import NIOHTTP2

/// What came back on the health call's stream: HTTP status, body bytes, and the gRPC
/// status from the trailers (or from the headers of a trailers-only response).
struct GRPCHealthReply: Equatable, Sendable {
    var httpStatus: String?
    var contentType: String?
    var body: [UInt8] = []
    var grpcStatus: String?
    var grpcMessage: String?
    /// The stream ended with END_STREAM (not reset, not cut off).
    var finished = false
}

/// Why the exchange ended without a complete reply, in HTTP/2 terms.
enum GRPCStreamProblem: Error, Equatable {
    case reset(String)
    case goAway(String)
    case bodyTooLarge
    case endedEarly
}

/// Builds a `GRPCHealthReply` from the frames of stream 1, ignoring connection-level frames.
struct GRPCReplyCollector {
    static let streamID = HTTP2StreamID(1)
    private(set) var reply = GRPCHealthReply()
    private var sawHeaders = false

    /// Takes one inbound frame; true once the reply is complete.
    mutating func consume(_ frame: HTTP2Frame) throws(GRPCStreamProblem) -> Bool {
        switch frame.payload {
        case .goAway(let lastStreamID, let code, _):
            if lastStreamID < Self.streamID { throw .goAway(GRPCStatusCode.http2ErrorName(code)) }
            return false
        default:
            break
        }
        guard frame.streamID == Self.streamID else { return false }
        switch frame.payload {
        case .headers(let headers):
            take(headers, initial: !sawHeaders)
            sawHeaders = true
            if headers.endStream { reply.finished = true }
            return headers.endStream
        case .data(let data):
            if case .byteBuffer(let buffer) = data.data {
                guard reply.body.count + buffer.readableBytes <= GRPCHealthWire.maximumMessageLength + 5 else {
                    throw .bodyTooLarge
                }
                reply.body += buffer.readableBytesView
            }
            if data.endStream { reply.finished = true }
            return data.endStream
        case .rstStream(let code):
            throw .reset(GRPCStatusCode.http2ErrorName(code))
        default:
            return false
        }
    }

    private mutating func take(_ frame: HTTP2Frame.FramePayload.Headers, initial: Bool) {
        let headers = frame.headers
        if initial {
            reply.httpStatus = headers.first(name: ":status")
            reply.contentType = headers.first(name: "content-type")
        }
        if let status = headers.first(name: "grpc-status") { reply.grpcStatus = status }
        if let message = headers.first(name: "grpc-message") { reply.grpcMessage = GRPCHealthWire.decodeMessage(message) }
    }
}
