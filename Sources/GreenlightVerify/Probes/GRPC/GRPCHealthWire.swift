import Foundation
import GreenlightCore

/// The bytes of `grpc.health.v1.Health/Check`, by hand: the two tiny protobuf messages
/// and gRPC's 5-byte length-prefixed framing.
enum GRPCHealthWire {
    /// The method path every standard health service answers on.
    static let checkPath = "/grpc.health.v1.Health/Check"

    /// The largest response message accepted; a health response is a few bytes.
    static let maximumMessageLength = 64 * 1024

    enum DecodeError: Error, Equatable, CustomStringConvertible {
        case truncated
        case compressed
        case tooLarge(Int)
        case malformedProtobuf(String)

        var description: String {
            switch self {
            case .truncated: "the response message is cut short"
            case .compressed: "the response message is compressed although no compression was offered"
            case .tooLarge(let length): "the response message is \(length) bytes, far more than a health response"
            case .malformedProtobuf(let reason): "the response is not a HealthCheckResponse (\(reason))"
            }
        }
    }

    /// `HealthCheckRequest { string service = 1; }`, framed for the wire.
    static func requestFrame(service: String) -> [UInt8] {
        var message: [UInt8] = []
        let name = Array(service.utf8)
        if !name.isEmpty {
            message.append(0x0A) // field 1, wire type 2 (length-delimited)
            appendVarint(UInt64(name.count), to: &message)
            message += name
        }
        return lengthPrefixed(message)
    }

    /// A gRPC message: compression flag 0, big-endian length, the bytes.
    static func lengthPrefixed(_ message: [UInt8]) -> [UInt8] {
        let length = UInt32(message.count)
        return [0, UInt8(length >> 24), UInt8((length >> 16) & 0xFF), UInt8((length >> 8) & 0xFF), UInt8(length & 0xFF)] + message
    }

    /// The first message of a response body; nil when the body holds no message at all.
    static func firstMessage(in body: [UInt8]) throws(DecodeError) -> [UInt8]? {
        if body.isEmpty { return nil }
        guard body.count >= 5 else { throw .truncated }
        guard body[0] == 0 else { throw .compressed }
        let length = Int(body[1]) << 24 | Int(body[2]) << 16 | Int(body[3]) << 8 | Int(body[4])
        guard length <= maximumMessageLength else { throw .tooLarge(length) }
        guard body.count >= 5 + length else { throw .truncated }
        return Array(body[5..<(5 + length)])
    }

    /// `HealthCheckResponse { ServingStatus status = 1; }`: the status number, 0 (UNKNOWN)
    /// when the field is absent as protobuf's default; unknown fields are skipped.
    static func servingStatus(from message: [UInt8]) throws(DecodeError) -> UInt64 {
        var index = 0
        var status: UInt64 = 0
        while index < message.count {
            let key = try readVarint(message, &index)
            let field = key >> 3
            let wireType = key & 7
            guard field != 0 else { throw .malformedProtobuf("field number 0") }
            switch wireType {
            case 0:
                let value = try readVarint(message, &index)
                if field == 1 { status = value }
            case 1:
                try skip(8, message, &index)
            case 2:
                let length = try readVarint(message, &index)
                guard length <= UInt64(message.count) else { throw .malformedProtobuf("length past the end") }
                try skip(Int(length), message, &index)
            case 5:
                try skip(4, message, &index)
            default:
                throw .malformedProtobuf("wire type \(wireType)")
            }
        }
        return status
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    static func readVarint(_ bytes: [UInt8], _ index: inout Int) throws(DecodeError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            guard shift < 64 else { throw .malformedProtobuf("varint longer than 10 bytes") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        throw .malformedProtobuf("varint cut short")
    }

    private static func skip(_ count: Int, _ bytes: [UInt8], _ index: inout Int) throws(DecodeError) {
        guard count <= bytes.count - index else { throw .malformedProtobuf("field past the end") }
        index += count
    }

    /// The `grpc-timeout` header for a deadline: whole milliseconds, at most 8 digits.
    static func timeoutHeader(_ timeout: Duration) -> String {
        let milliseconds = max(1, DurationText.milliseconds(timeout))
        if milliseconds <= 99_999_999 { return "\(milliseconds)m" }
        return "\(min(milliseconds / 1000, 99_999_999))S"
    }

    /// `grpc-message` is percent-encoded UTF-8; undecodable text is kept as sent.
    static func decodeMessage(_ text: String) -> String {
        text.removingPercentEncoding ?? text
    }
}
