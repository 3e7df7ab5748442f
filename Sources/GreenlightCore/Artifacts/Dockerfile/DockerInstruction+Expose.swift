/// One EXPOSE entry read into its parts.
public struct DockerExposedPort: Sendable, Hashable {
    /// The (first) port number; nil when the text uses a variable or is not a valid port.
    public var port: Int?
    /// The port text without the protocol, as written (`8000`, `8000-8010`, `${PORT}`).
    public var portText: String
    /// The protocol, lower-cased; `tcp` when none is written.
    public var proto: String
    /// Why Docker would reject this entry, or nil when it is valid or cannot be judged (variables).
    public var problem: String?

    public init(port: Int?, portText: String, proto: String, problem: String? = nil) {
        self.port = port
        self.portText = portText
        self.proto = proto
        self.problem = problem
    }
}

extension DockerInstruction {
    /// EXPOSE entries: `8000` → (8000, "8000", "tcp"); `53/udp`; `${PORT}` → port nil;
    /// `8000-8010` → port 8000 with the range text kept. Nil for other keywords.
    public var expose: [(port: Int?, portText: String, proto: String)]? {
        exposedPorts?.map { ($0.port, $0.portText, $0.proto) }
    }

    /// EXPOSE entries with the reason Docker would reject each invalid one. Nil for other keywords.
    public var exposedPorts: [DockerExposedPort]? {
        guard kind == .expose else { return nil }
        return DockerBytes.fields(Array(argumentText.utf8)[...]).map(DockerPortSpec.read)
    }
}

/// Reads `port[-end][/proto]` like Docker's `nat.ParsePortSpecs`.
enum DockerPortSpec {
    static let protocols: Set<String> = ["tcp", "udp", "sctp"]

    static func read(_ word: ArraySlice<UInt8>) -> DockerExposedPort {
        // Like nat.SplitProtoPort: the text after the first `/` up to the next one is the
        // protocol, and an empty protocol means tcp.
        var portPart = word
        var proto = "tcp"
        if let slash = word.firstIndex(of: DockerBytes.slash) {
            portPart = word[word.startIndex..<slash]
            let rest = word[(slash + 1)...]
            let protoBytes = rest[rest.startIndex..<(rest.firstIndex(of: DockerBytes.slash) ?? rest.endIndex)]
            if !protoBytes.isEmpty { proto = DockerBytes.lowercased(DockerBytes.string(protoBytes)) }
        }
        if let colon = portPart.lastIndex(of: DockerBytes.colon) {
            portPart = portPart[(colon + 1)...]
        }
        let text = DockerBytes.string(portPart)
        if word.contains(DockerBytes.dollar) {
            return DockerExposedPort(port: nil, portText: text, proto: proto)
        }
        if !protocols.contains(proto) {
            return DockerExposedPort(port: nil, portText: text, proto: proto, problem: "invalid protocol '\(proto)' (use tcp, udp or sctp)")
        }
        let parts = portPart.split(separator: DockerBytes.dash, maxSplits: 1, omittingEmptySubsequences: false)
        guard let start = number(parts[0]) else {
            return DockerExposedPort(port: nil, portText: text, proto: proto, problem: "invalid port '\(text)'")
        }
        if parts.count == 2 {
            guard let end = number(parts[1]), end >= start else {
                return DockerExposedPort(port: nil, portText: text, proto: proto, problem: "invalid port range '\(text)'")
            }
        }
        return DockerExposedPort(port: start, portText: text, proto: proto)
    }

    /// A decimal port in 0...65535.
    static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 5, bytes.allSatisfy(DockerBytes.isDigit) else { return nil }
        let value = bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return value <= 65535 ? value : nil
    }
}
