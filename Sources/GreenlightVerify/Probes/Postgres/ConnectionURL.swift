import Foundation
import GreenlightCore

/// A database URL (`postgresql://user:pw@host:5432/db?sslmode=require`, `redis://:pw@host/0`)
/// split into its parts with user, password, path and query percent-decoded.
public struct ConnectionURL: Equatable, Sendable {
    var scheme: String
    var user: String?
    var password: String?
    var host: String
    var port: Int?
    /// The path without its leading "/", decoded ("" when absent).
    var path: String
    var query: [QueryItem]

    struct QueryItem: Equatable, Sendable {
        var name: String
        var value: String
    }

    /// What is wrong with a URL, in words that never include the password.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The last value given for a query parameter.
    public func queryValue(_ name: String) -> String? {
        query.last { $0.name == name }?.value
    }

    /// `host:port` for messages, with IPv6 hosts bracketed.
    func address(defaultPort: Int) -> String {
        HostPort(host: host, port: port ?? defaultPort).description
    }

    /// Splits a URL into its parts; the error never includes the password.
    public static func parse(_ text: String) throws(ParseError) -> ConnectionURL {
        guard let separator = text.range(of: "://") else { throw ParseError(description: "no scheme (expected scheme://host)") }
        let scheme = text[..<separator.lowerBound].lowercased()
        var rest = text[separator.upperBound...]
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        let remainder = rest[authorityEnd...]

        var user: String?
        var password: String?
        if let at = authority.lastIndex(of: "@") {
            let userinfo = authority[..<at]
            authority = authority[authority.index(after: at)...]
            if let colon = userinfo.firstIndex(of: ":") {
                user = try decode(userinfo[..<colon], what: "user name")
                password = try decode(userinfo[userinfo.index(after: colon)...], what: "password")
            } else {
                user = try decode(userinfo, what: "user name")
            }
            if user == "" { user = nil }
        }
        let (host, port) = try hostAndPort(authority)

        let pathText = remainder.prefix { $0 != "?" }
        let path = try decode(pathText.drop { $0 == "/" }, what: "path")
        var query: [QueryItem] = []
        if let question = remainder.firstIndex(of: "?") {
            for pair in remainder[remainder.index(after: question)...].split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = try decode(parts[0], what: "query parameter")
                let value = parts.count > 1 ? try decode(parts[1], what: "value of \(name)") : ""
                query.append(QueryItem(name: name, value: value))
            }
        }
        return ConnectionURL(scheme: scheme, user: user, password: password, host: host, port: port, path: path, query: query)
    }

    private static func hostAndPort(_ authority: Substring) throws(ParseError) -> (String, Int?) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw ParseError(description: "unclosed [ in the IPv6 host") }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw ParseError(description: "unexpected text after the IPv6 host") }
                portText = after.dropFirst()
            }
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
            if host.contains(":") { throw ParseError(description: "an IPv6 host must be written in brackets, [::1]:port") }
        } else {
            host = authority
        }
        guard !host.isEmpty else { throw ParseError(description: "no host") }
        guard let portText else { return (String(host), nil) }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw ParseError(description: "invalid port \"\(portText)\"")
        }
        return (String(host), port)
    }

    private static func decode(_ text: Substring, what: String) throws(ParseError) -> String {
        guard text.contains("%") else { return String(text) }
        guard let decoded = String(text).removingPercentEncoding else {
            throw ParseError(description: "invalid percent-encoding in the \(what)")
        }
        return decoded
    }

    /// The URL as written, with the password (if any) replaced by `***`: safe to print.
    public static func redacted(_ text: String) -> String {
        guard let separator = text.range(of: "://") else { return text }
        let rest = text[separator.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
