/// What one health-check command does: which program it runs, and which protocol
/// and port it talks to, read from the command's arguments.
public struct HealthProbe: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case http
        case grpc
        case tcp
        /// Checks something other than a port of this container (a file, a process, a database client).
        case other
    }

    /// The program as written (`curl`, `/bin/grpc_health_probe`).
    public var program: String
    /// Its name without a directory (`grpc_health_probe`).
    public var tool: String
    public var protocolKind: Kind
    public var host: String?
    public var port: Int?
    /// HTTP path, for HTTP probes.
    public var path: String?

    /// Reads a probe from a command's words; nil for an empty command.
    public init?(argv: [String]) {
        guard let first = argv.first else { return nil }
        program = first
        tool = PathUtilities.basename(first)
        protocolKind = .other
        let arguments = Array(argv.dropFirst())
        switch tool {
        case "curl", "wget", "http", "https", "httpie":
            if let url = arguments.first(where: HealthProbe.looksLikeURL) ?? arguments.first(where: { $0.hasPrefix("localhost") || $0.hasPrefix("127.0.0.1") }) {
                setURL(url)
            }
        case "nc", "ncat", "netcat":
            protocolKind = .tcp
            let positional = arguments.filter { !$0.hasPrefix("-") }
            if positional.count >= 2 {
                host = positional[positional.count - 2]
                port = Int(positional[positional.count - 1])
            } else if let last = positional.last {
                port = Int(last)
            }
        case "grpc_health_probe", "grpc-health-probe", "grpcurl":
            protocolKind = .grpc
            for (index, argument) in arguments.enumerated() {
                var address: String?
                if argument.hasPrefix("-addr=") || argument.hasPrefix("--addr=") {
                    address = String(argument.split(separator: "=", maxSplits: 1).last ?? "")
                } else if argument == "-addr" || argument == "--addr", index + 1 < arguments.count {
                    address = arguments[index + 1]
                } else if tool == "grpcurl", !argument.hasPrefix("-"), argument.contains(":") {
                    address = argument
                }
                if let address { setAddress(address) }
            }
        case "python", "python3", "node":
            // `python -c "urllib.request.urlopen('http://localhost:8000/health')"`,
            // `python -c "socket.create_connection(('localhost', 50051))"`.
            let code = arguments.joined(separator: " ")
            if let url = HealthProbe.firstURL(in: code) {
                setURL(url)
            } else if code.contains("create_connection") || code.contains("socket.socket") || code.contains("net.connect") || code.contains("createConnection") {
                protocolKind = .tcp
                port = HealthProbe.lastNumber(in: code)
            } else if code.contains("grpc_health") || code.contains("health_pb2") {
                protocolKind = .grpc
                if let address = HealthProbe.firstHostPort(in: code) { setAddress(address) }
            }
        default:
            break
        }
    }

    private mutating func setURL(_ url: String) {
        let lower = url.lowercased()
        protocolKind = .http
        var rest = Substring(url)
        var defaultPort = 80
        if lower.hasPrefix("https://") {
            rest = rest.dropFirst(8)
            defaultPort = 443
        } else if lower.hasPrefix("http://") {
            rest = rest.dropFirst(7)
        }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        path = authorityEnd < rest.endIndex ? String(rest[authorityEnd...]) : "/"
        setAddress(String(authority), defaultPort: defaultPort)
    }

    private mutating func setAddress(_ address: String, defaultPort: Int? = nil) {
        var authority = Substring(address)
        if authority.hasPrefix("[") , let close = authority.firstIndex(of: "]") {
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            authority = authority[authority.index(after: close)...]
            if authority.hasPrefix(":") { port = Int(authority.dropFirst()) } else { port = defaultPort }
            return
        }
        if let colon = authority.lastIndex(of: ":") {
            host = String(authority[..<colon])
            port = Int(authority[authority.index(after: colon)...].prefix(while: \.isNumber))
        } else {
            host = String(authority)
            port = defaultPort
        }
    }

    static func looksLikeURL(_ word: String) -> Bool {
        let lower = word.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    static func firstURL(in code: String) -> String? {
        guard let start = code.range(of: "http://") ?? code.range(of: "https://") else { return nil }
        let tail = code[start.lowerBound...]
        let end = tail.firstIndex(where: { $0 == "'" || $0 == "\"" || $0 == " " || $0 == ")" || $0 == "`" }) ?? tail.endIndex
        return String(tail[..<end])
    }

    static func firstHostPort(in code: String) -> String? {
        for marker in ["localhost:", "127.0.0.1:", "0.0.0.0:", "[::]:"] {
            if let range = code.range(of: marker) {
                let digits = code[range.upperBound...].prefix(while: \.isNumber)
                if !digits.isEmpty { return marker + digits }
            }
        }
        return nil
    }

    static func lastNumber(in code: String) -> Int? {
        var result: Int?
        var current = ""
        for character in code + " " {
            if character.isNumber {
                current.append(character)
            } else {
                if let value = Int(current), (1...65535).contains(value), current.count >= 2 { result = value }
                current = ""
            }
        }
        return result
    }
}
