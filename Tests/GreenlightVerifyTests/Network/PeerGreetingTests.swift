import Testing
@testable import GreenlightVerify

@Suite struct PeerGreetingTests {
    private func classify(_ text: String, complete: Bool = false) -> PeerGreeting {
        PeerGreeting.classify(Array(text.utf8), complete: complete)
    }

    @Test func recognisesHTTP1StatusLines() {
        #expect(classify("HTTP/1.1 400 Bad Request\r\n") == .http1("HTTP/1.1"))
        #expect(classify("HTTP/1.0 505 Version\r\n") == .http1("HTTP/1.0"))
        #expect(classify("HTTP/") == .undecided)
        #expect(classify("HTTP/", complete: true) == .http1("HTTP/"))
    }

    @Test func recognisesTLSRecords() {
        #expect(PeerGreeting.classify([0x16, 0x03, 0x03, 0x00, 0x7A], complete: false) == .tls)
        #expect(PeerGreeting.classify([0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x28], complete: true) == .tls)
        #expect(PeerGreeting.classify([0x16], complete: false) == .undecided)
        #expect(PeerGreeting.classify([0x16, 0x00], complete: false) == .binary)
    }

    @Test func recognisesHTMLAndText() {
        #expect(classify("<!DOCTYPE HTML>\n<html>") == .html)
        #expect(classify("SSH-2.0-OpenSSH_9.6\r\n") == .text("SSH-2.0-OpenSSH_9.6"))
        #expect(classify("+PONG\r\n") == .text("+PONG"))
        #expect(classify("+OK") == .undecided)
    }

    @Test func http2SettingsFrameIsBinary() {
        #expect(PeerGreeting.classify([0, 0, 0x18, 0x04, 0, 0, 0, 0, 0], complete: false) == .binary)
    }

    @Test func expectationsDecideMismatches() {
        #expect(ExpectedGreeting.http2.mismatch(for: .binary) == nil)
        #expect(ExpectedGreeting.http2.mismatch(for: .text("SSH-2.0")) == .answeredText("SSH-2.0"))
        #expect(ExpectedGreeting.http2.mismatch(for: .tls) == .answeredTLS)
        #expect(ExpectedGreeting.text.mismatch(for: .text("+PONG")) == nil)
        #expect(ExpectedGreeting.text.mismatch(for: .html) == .answeredHTML)
        #expect(ExpectedGreeting.text.mismatch(for: .http1("HTTP/1.1")) == .answeredHTTP1("HTTP/1.1"))
        #expect(ExpectedGreeting.tls.mismatch(for: .tls) == nil)
        #expect(ExpectedGreeting.tls.mismatch(for: .binary) == .answeredPlaintext)
    }

    @Test func mutatedGreetingsNeverTrap() {
        var random = SeededRandom(seed: 0x6772_6565)
        let seeds: [[UInt8]] = [Array("HTTP/1.1 400\r\n".utf8), [0x16, 0x03, 0x01, 0x00, 0x05], Array("<html>".utf8)]
        for index in 0..<10_000 {
            let bytes = random.mutate(seeds[index % seeds.count])
            _ = PeerGreeting.classify(bytes, complete: index % 2 == 0)
        }
    }
}
