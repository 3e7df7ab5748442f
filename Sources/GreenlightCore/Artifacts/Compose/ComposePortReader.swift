import Yams

/// The `ports:` short syntax (`[host_ip:][published:]target[/protocol]`, ranges,
/// bracketed or bare IPv6 host addresses) and the `expose:` syntax.
enum ComposePortSyntax {
    struct Short {
        var containerPorts: ClosedRange<Int>
        var published: String?
        var hostIP: String?
        var proto: String
    }

    static let protocols: Set<String> = ["tcp", "udp", "sctp"]

    /// The parts of a short-syntax port, or a message saying what is wrong.
    static func short(_ text: String) -> (port: Short?, error: String?) {
        let (spec, proto) = splitProtocol(text)
        guard protocols.contains(proto) else { return (nil, "unknown protocol '\(proto)' in port '\(text)'") }
        // Like docker: the last part is the target, the one before the published port,
        // everything before that the host address (which may itself contain colons).
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false)
        let target = parts[parts.count - 1]
        let published: Substring? = parts.count >= 2 ? parts[parts.count - 2] : nil
        var hostIP: String?
        if parts.count >= 3 {
            var address = parts[0..<(parts.count - 2)].joined(separator: ":")
            if address.hasPrefix("["), address.hasSuffix("]") { address = String(address.dropFirst().dropLast()) }
            hostIP = address.isEmpty ? nil : address
        }
        guard let containerPorts = range(target) else {
            return (nil, "invalid container port '\(target)' in port '\(text)'")
        }
        if let published, !published.isEmpty, range(published) == nil {
            return (nil, "invalid published port '\(published)' in port '\(text)'")
        }
        let publishedText = published.flatMap { $0.isEmpty ? nil : String($0) }
        return (Short(containerPorts: containerPorts, published: publishedText, hostIP: hostIP, proto: proto), nil)
    }

    /// `8000` or `8000-8010` within 0...65535.
    static func range<S: StringProtocol>(_ text: S) -> ClosedRange<Int>? {
        let utf8 = Array(text.utf8)
        if let dash = utf8.firstIndex(of: UInt8(ascii: "-")), dash > 0 {
            guard let low = port(utf8[..<dash]), let high = port(utf8[(dash + 1)...]), low <= high else { return nil }
            return low...high
        }
        return port(utf8[...]).map { $0...$0 }
    }

    private static func port(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy(ComposeASCII.isDigit), let value = ComposeASCII.integer(bytes),
              value <= 65535
        else { return nil }
        return value
    }

    /// Splits `8000/udp` into (`8000`, `udp`); the protocol defaults to `tcp`.
    static func splitProtocol(_ text: String) -> (spec: String, proto: String) {
        guard let slash = text.lastIndex(of: "/") else { return (text, "tcp") }
        return (String(text[..<slash]), String(text[text.index(after: slash)...]).lowercased())
    }
}

extension ComposeNodeReader {
    mutating func ports(_ node: Node, _ what: String) -> [ComposePort] {
        guard case .sequence(let sequence) = node else {
            if !isNull(node) { wrongShape(what, expected: "a list", node) }
            return []
        }
        var ports: [ComposePort] = []
        for element in sequence {
            if case .mapping = element {
                if let port = longPort(element, what) { ports.append(port) }
                continue
            }
            guard let text = string(element, "an item of \(what)") else { continue }
            let (parsed, error) = ComposePortSyntax.short(text.value)
            if let error { issue("\(what): \(error)", at: element) }
            guard let parsed else { continue }
            ports.append(ComposePort(
                containerPorts: parsed.containerPorts, publishedPort: parsed.published, hostIP: parsed.hostIP,
                proto: parsed.proto, raw: text.value, location: text.location
            ))
        }
        return ports
    }

    private mutating func longPort(_ node: Node, _ what: String) -> ComposePort? {
        var target: Located<String>?
        var published: String?
        var hostIP: String?
        var proto = "tcp"
        var mode: String?
        for item in mapping(node, "an item of \(what)") ?? [] {
            let field = "'\(item.key)' in \(what)"
            switch item.key {
            case "target": target = string(item.value, field)
            case "published": published = string(item.value, field)?.value
            case "host_ip": hostIP = string(item.value, field)?.value
            case "protocol": proto = string(item.value, field)?.value.lowercased() ?? "tcp"
            case "mode": mode = string(item.value, field)?.value
            default: break
            }
        }
        guard let target else {
            issue("\(what): a long-syntax port needs a 'target'", at: node)
            return nil
        }
        guard let containerPorts = ComposePortSyntax.range(target.value) else {
            issue("\(what): invalid container port '\(target.value)'", at: node)
            return nil
        }
        if let published, !published.isEmpty, ComposePortSyntax.range(published) == nil {
            issue("\(what): invalid published port '\(published)'", at: node)
        }
        if !ComposePortSyntax.protocols.contains(proto) {
            issue("\(what): unknown protocol '\(proto)'", at: node)
        }
        let hostPart = [hostIP, published].compactMap { $0 }.joined(separator: ":")
        let raw = (hostPart.isEmpty ? "" : hostPart + ":") + target.value + "/" + proto
        return ComposePort(
            containerPorts: containerPorts, publishedPort: published.flatMap { $0.isEmpty ? nil : $0 },
            hostIP: hostIP, proto: proto, mode: mode, raw: raw, location: location(node)
        )
    }

    mutating func expose(_ node: Node, _ what: String) -> [ComposeExposedPort] {
        guard case .sequence(let sequence) = node else {
            if !isNull(node) { wrongShape(what, expected: "a list", node) }
            return []
        }
        var exposed: [ComposeExposedPort] = []
        for element in sequence {
            guard let text = string(element, "an item of \(what)") else { continue }
            let (spec, proto) = ComposePortSyntax.splitProtocol(text.value)
            let ports = ComposePortSyntax.range(spec)
            if ports == nil { issue("\(what): invalid port '\(text.value)'", at: element) }
            exposed.append(ComposeExposedPort(ports: ports, proto: proto, raw: text.value, location: text.location))
        }
        return exposed
    }
}
