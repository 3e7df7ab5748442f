/// What the first bytes a server sends reveal about the protocol it speaks, so a probe
/// pointed at the wrong port says "it answered HTTP/1.1" instead of a parser error.
enum PeerGreeting: Equatable, Sendable {
    /// A TLS record (handshake or alert).
    case tls
    /// An HTTP/1 status line; the version as sent ("HTTP/1.1").
    case http1(String)
    /// An HTML page with no status line (what HTTP/0.9-style error pages look like).
    case html
    /// A line of printable text: the line, shortened.
    case text(String)
    /// Anything else: binary protocol bytes, or garbage.
    case binary
    /// Not enough bytes yet to tell.
    case undecided

    /// Bytes needed before the greeting can always be told.
    static let decisiveLength = 8

    /// Classifies the first bytes received; `complete` when no more will come.
    static func classify(_ bytes: [UInt8], complete: Bool) -> PeerGreeting {
        guard let first = bytes.first else { return .undecided }
        if first == 0x16 || first == 0x15 {
            if bytes.count >= 2 { return bytes[1] == 0x03 ? .tls : .binary }
            return complete ? .binary : .undecided
        }
        guard isPrintable(first) else { return .binary }
        if bytes.count < decisiveLength, !complete, !bytes.contains(0x0A) { return .undecided }
        let line = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        if line.starts(with: Array("HTTP/".utf8)) {
            return .http1(String(decoding: line.prefix { $0 != 0x20 }.prefix(12), as: UTF8.self))
        }
        if first == UInt8(ascii: "<") { return .html }
        guard line.allSatisfy(isPrintable) else { return .binary }
        let shown = String(decoding: line.prefix(40), as: UTF8.self)
        return .text(line.count > 40 ? shown + "…" : shown)
    }

    private static func isPrintable(_ byte: UInt8) -> Bool {
        (0x20..<0x7F).contains(byte) || byte == 0x09
    }
}

/// The protocol a probe speaks first, which decides which greetings are mismatches.
enum ExpectedGreeting: Sendable {
    /// A TLS handshake record.
    case tls
    /// An HTTP/2 server's SETTINGS frame: any text at all is a mismatch.
    case http2
    /// A text protocol of its own (RESP): only TLS, HTTP/1 and HTML are mismatches.
    case text

    func mismatch(for greeting: PeerGreeting) -> ConnectionMismatch? {
        switch (self, greeting) {
        case (_, .undecided), (.tls, .tls): nil
        case (.tls, _): .answeredPlaintext
        case (_, .tls): .answeredTLS
        case (_, .http1(let version)): .answeredHTTP1(version)
        case (_, .html): .answeredHTML
        case (.http2, .text(let line)): .answeredText(line)
        case (.http2, .binary), (.text, .text), (.text, .binary): nil
        }
    }
}

/// How a connection went wrong before the protocol itself could say: recorded by the
/// pipeline's handlers, read by the probe once the exchange ends.
enum ConnectionMismatch: Equatable, Sendable {
    /// We spoke plaintext; the server answered with TLS.
    case answeredTLS
    /// The server answered with an HTTP/1 status line.
    case answeredHTTP1(String)
    /// The server answered with an HTML page and no status line.
    case answeredHTML
    /// The server answered with a line of text.
    case answeredText(String)
    /// We expected TLS; the server answered in plaintext.
    case answeredPlaintext
    /// The server closed the connection before sending a byte.
    case closedSilently

    /// "it answered HTTP/1.1", for messages.
    var answer: String {
        switch self {
        case .answeredTLS: "it answered with TLS"
        case .answeredHTTP1(let version): "it answered \(version)"
        case .answeredHTML: "it answered with an HTML page"
        case .answeredText(let line): "it answered \"\(line)\""
        case .answeredPlaintext: "it answered in plaintext"
        case .closedSilently: "it closed the connection without answering"
        }
    }
}
