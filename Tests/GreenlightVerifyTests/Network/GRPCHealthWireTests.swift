import NIOHTTP2
import Testing
@testable import GreenlightVerify

@Suite struct GRPCHealthWireTests {
    @Test func requestForWholeServerIsAnEmptyMessage() {
        #expect(GRPCHealthWire.requestFrame(service: "") == [0, 0, 0, 0, 0])
    }

    @Test func requestCarriesServiceNameAsField1() {
        let frame = GRPCHealthWire.requestFrame(service: "greenlight.Healthy")
        #expect(Array(frame.prefix(5)) == [0, 0, 0, 0, 20])
        #expect(Array(frame[5...6]) == [0x0A, 18])
        #expect(String(decoding: frame[7...], as: UTF8.self) == "greenlight.Healthy")
    }

    @Test func longServiceNamesUseMultiByteLengthVarints() {
        let name = String(repeating: "s", count: 300)
        let frame = GRPCHealthWire.requestFrame(service: name)
        #expect(Array(frame[5...7]) == [0x0A, 0xAC, 0x02])
        #expect(frame.count == 5 + 3 + 300)
    }

    @Test func decodesServingStatusAndSkipsUnknownFields() throws {
        // field 2 varint, field 3 bytes, field 4 fixed64, field 5 fixed32, then status = 2.
        let message: [UInt8] = [0x10, 0x96, 0x01, 0x1A, 0x02, 0x61, 0x62, 0x21] + [UInt8](repeating: 0, count: 8)
            + [0x2D, 1, 2, 3, 4, 0x08, 0x02]
        #expect(try GRPCHealthWire.servingStatus(from: message) == 2)
        #expect(try GRPCHealthWire.servingStatus(from: []) == 0)
        #expect(try GRPCHealthWire.servingStatus(from: [0x08, 0x01]) == 1)
    }

    @Test func rejectsMalformedProtobuf() {
        #expect(throws: GRPCHealthWire.DecodeError.self) { try GRPCHealthWire.servingStatus(from: [0x08]) }
        #expect(throws: GRPCHealthWire.DecodeError.self) { try GRPCHealthWire.servingStatus(from: [0x1A, 0x05, 0x01]) }
        #expect(throws: GRPCHealthWire.DecodeError.self) { try GRPCHealthWire.servingStatus(from: [0x0B]) }
        #expect(throws: GRPCHealthWire.DecodeError.self) {
            try GRPCHealthWire.servingStatus(from: [0x08] + [UInt8](repeating: 0xFF, count: 11))
        }
    }

    @Test func framesAreReadByTheirLengthPrefix() throws {
        #expect(try GRPCHealthWire.firstMessage(in: []) == nil)
        #expect(try GRPCHealthWire.firstMessage(in: [0, 0, 0, 0, 2, 0x08, 0x01, 0xEE]) == [0x08, 0x01])
        #expect(throws: GRPCHealthWire.DecodeError.truncated) { try GRPCHealthWire.firstMessage(in: [0, 0, 0, 0, 2, 0x08]) }
        #expect(throws: GRPCHealthWire.DecodeError.compressed) { try GRPCHealthWire.firstMessage(in: [1, 0, 0, 0, 0]) }
        #expect(throws: GRPCHealthWire.DecodeError.tooLarge(0x7F00_0000)) {
            try GRPCHealthWire.firstMessage(in: [0, 0x7F, 0, 0, 0])
        }
    }

    @Test func mutatedResponsesNeverTrap() {
        var random = SeededRandom(seed: 0x6772_7063)
        let base: [UInt8] = [0, 0, 0, 0, 9, 0x08, 0x01, 0x12, 0x03, 0x61, 0x62, 0x63, 0x18, 0x05]
        for _ in 0..<20_000 {
            let bytes = random.mutate(base)
            if let message = try? GRPCHealthWire.firstMessage(in: bytes) {
                _ = try? GRPCHealthWire.servingStatus(from: message)
            }
        }
    }

    @Test func timeoutHeaderUsesMillisecondsWithinEightDigits() {
        #expect(GRPCHealthWire.timeoutHeader(.seconds(2)) == "2000m")
        #expect(GRPCHealthWire.timeoutHeader(.milliseconds(250)) == "250m")
        #expect(GRPCHealthWire.timeoutHeader(.zero) == "1m")
        #expect(GRPCHealthWire.timeoutHeader(.seconds(200_000)) == "200000S")
    }

    @Test func grpcMessagesArePercentDecoded() {
        #expect(GRPCHealthWire.decodeMessage("unknown%20service%3A x") == "unknown service: x")
        #expect(GRPCHealthWire.decodeMessage("100%") == "100%")
    }

    @Test func statusNames() {
        #expect(GRPCStatusCode.name(14) == "UNAVAILABLE (14)")
        #expect(GRPCStatusCode.name(99) == "status 99")
        #expect(GRPCStatusCode.servingStatusName(3) == "SERVICE_UNKNOWN")
        #expect(GRPCStatusCode.http2ErrorName(.refusedStream) == "REFUSED_STREAM")
    }
}
