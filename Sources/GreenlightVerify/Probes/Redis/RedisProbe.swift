import Foundation
import GreenlightCore

/// The `redis` probe: connects (TLS for `rediss://`), authenticates, selects the database
/// and expects PONG to PING; reports the server version when INFO allows.
public struct RedisProbe: ProbeCheck {
    public let spec: RedisProbeSpec

    public init(spec: RedisProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let endpoint: RedisEndpoint
        switch RedisEndpoint.parse(spec.url) {
        case .success(let parsed): endpoint = parsed
        case .failure(let error):
            return .fail(.setup, "invalid Redis URL \(ConnectionURL.redacted(spec.url)): \(error)")
        }
        let watch = ConnectionWatch()
        do {
            let replies = try await RedisSession(endpoint: endpoint).run(group: context.eventLoopGroup, timeout: timeout, watch: watch)
            return RedisVerdict.outcome(of: replies, endpoint: endpoint)
        } catch {
            return RedisVerdict.outcome(of: error, watch: watch, endpoint: endpoint, timeout: timeout)
        }
    }
}

/// Turns Redis replies and connection failures into the one-line outcome.
enum RedisVerdict {
    static func outcome(of replies: [RESPValue], endpoint: RedisEndpoint) -> ProbeOutcome {
        var version: String?
        for (step, reply) in zip(endpoint.commands, replies) {
            if case .error(let text) = reply {
                if step.name == "INFO" { break }
                return errorOutcome(text, step: step, endpoint: endpoint)
            }
            switch step.name {
            case "PING":
                guard reply == .simple("PONG") else {
                    return .fail(.protocolError, "Redis at \(endpoint.address) answered PING with \(show(reply))")
                }
            case "INFO":
                if case .bulk(let bytes?) = reply { version = serverVersion(in: bytes) }
            default:
                guard reply == .simple("OK") else {
                    return .fail(.protocolError, "Redis at \(endpoint.address) answered \(step.name) with \(show(reply))")
                }
            }
        }
        guard replies.count >= endpoint.commands.count - 1 else {
            return .fail(.protocolError, "Redis at \(endpoint.address) did not answer every command")
        }
        return .pass(version.map { "PONG (Redis \($0))" } ?? "PONG")
    }

    static func errorOutcome(_ text: String, step: RedisStep, endpoint: RedisEndpoint) -> ProbeOutcome {
        let code = text.prefix { $0 != " " }
        let lower = text.lowercased()
        let shown = oneLine(text)
        switch code {
        case "NOAUTH":
            return .fail(.auth, "Redis requires a password; the URL has none")
        case "WRONGPASS":
            let who = endpoint.user.map { " for user \($0)" } ?? ""
            return .fail(.auth, "Redis rejected the password\(who) (WRONGPASS)")
        case "NOPERM":
            return .fail(.auth, "Redis user \(endpoint.user ?? "default") may not run \(step.name): \(shown)")
        case "LOADING":
            return .fail(.unhealthy, "Redis is loading the dataset")
        default:
            break
        }
        if step.name == "AUTH", lower.contains("no password is set") || lower.contains("without any password configured") {
            return .fail(.auth, "the URL has a password but Redis at \(endpoint.address) has none configured")
        }
        if step.name == "AUTH", lower.contains("invalid password") || lower.contains("invalid username-password") {
            return .fail(.auth, "Redis rejected the password")
        }
        if step.name == "SELECT", lower.contains("db index") {
            return .fail(.missing, "Redis database \(endpoint.database) does not exist (\(shown))")
        }
        return .fail(.unhealthy, "Redis at \(endpoint.address) answered \(step.name) with \(shown)")
    }

    static func outcome(of thrown: any Error, watch: ConnectionWatch, endpoint: RedisEndpoint, timeout: Duration) -> ProbeOutcome {
        let target = endpoint.address
        let error = watch.firstError ?? thrown
        if watch.timedOut || error is CancellationError {
            return watch.timeoutOutcome(target: target, timeout: timeout, tls: endpoint.tls, plaintextHint: "use redis://")
        }
        if let mismatch = watch.mismatch {
            switch mismatch {
            case .answeredTLS:
                return .fail(.tls, "\(target) answered with TLS — use a rediss:// URL")
            case .answeredPlaintext:
                return .fail(.tls, "\(target) answered in plaintext to a TLS handshake — use a redis:// URL")
            case .closedSilently:
                let hint = endpoint.tls ? "during the TLS handshake" : "without answering (a TLS port? use rediss://)"
                return .fail(.protocolError, "\(target) closed the connection \(hint)")
            case .answeredHTTP1, .answeredHTML, .answeredText:
                return .fail(.protocolError, "\(target) does not speak Redis (\(mismatch.answer)) — is this the HTTP port?")
            }
        }
        switch error {
        case RESPParser.ParseError.notRESP(let byte):
            return .fail(.protocolError, "\(target) does not speak Redis (RESP): its reply starts with byte 0x\(String(byte, radix: 16))")
        case RESPParser.ParseError.malformed(let reason):
            return .fail(.protocolError, "\(target) sent a malformed Redis reply (\(reason))")
        case RESPParser.ParseError.tooLarge:
            return .fail(.protocolError, "\(target) sent an implausibly large Redis reply")
        case RedisSessionProblem.closed(let count, _):
            return .fail(.protocolError, "\(target) closed the connection after \(count) of \(endpoint.commands.count) replies")
        default:
            return NetworkFailure.describe(error, target: target, timeout: timeout)
        }
    }

    /// `redis_version:7.0.15` from INFO server.
    static func serverVersion(in info: [UInt8]) -> String? {
        for line in String(decoding: info, as: UTF8.self).split(whereSeparator: \.isNewline) where line.hasPrefix("redis_version:") {
            let version = line.dropFirst("redis_version:".count).trimmingCharacters(in: .whitespaces)
            return version.isEmpty ? nil : String(version.prefix(40))
        }
        return nil
    }

    private static func show(_ reply: RESPValue) -> String {
        switch reply {
        case .simple(let text): "+\(oneLine(text))"
        case .error(let text): oneLine(text)
        case .integer(let value): "integer \(value)"
        case .bulk(let bytes): bytes.map { "a \($0.count)-byte string" } ?? "null"
        case .array(let elements): elements.map { "an array of \($0.count)" } ?? "a null array"
        }
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 }.prefix(200))
    }
}
