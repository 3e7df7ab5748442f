import AsyncHTTPClient
import GreenlightCore
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the errors SwiftNIO and AsyncHTTPClient raise while connecting into the words
/// a person expects: "connection refused", "timed out after 2s", "TLS: certificate verify failed".
public enum NetworkFailure {
    /// The failure kind and one-line detail for a connection-level error to `target`.
    public static func describe(_ error: any Error, target: String, timeout: Duration? = nil) -> ProbeOutcome {
        if let connection = error as? NIOConnectionError {
            if connection.dnsAError != nil, connection.dnsAAAAError != nil, connection.connectionErrors.isEmpty {
                return .fail(.unreachable, "cannot resolve host of \(target)")
            }
            if let first = connection.connectionErrors.first {
                return describe(first.error, target: target, timeout: timeout)
            }
            return .fail(.unreachable, "cannot connect to \(target)")
        }
        if let io = error as? IOError {
            return errno(io.errnoCode, target: target, timeout: timeout)
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout: return timedOut(target, timeout, connecting: true)
            case .eof, .outputClosed, .inputClosed, .alreadyClosed, .ioOnClosedChannel:
                return .fail(.protocolError, "\(target) closed the connection")
            default: return .fail(.unreachable, "\(target): \(channel)")
            }
        }
        if let client = error as? HTTPClientError {
            if client == .connectTimeout { return timedOut(target, timeout, connecting: true) }
            if client == .readTimeout || client == .deadlineExceeded || client == .writeTimeout {
                return timedOut(target, timeout, connecting: false)
            }
            if client == .remoteConnectionClosed {
                return .fail(.protocolError, "\(target) closed the connection without answering")
            }
            if client == .invalidURL || client == .emptyHost || client == .emptyScheme {
                return .fail(.setup, "invalid URL \(target): \(client)")
            }
            return .fail(.protocolError, "\(target): \(client)")
        }
        if let ssl = error as? NIOSSLError {
            return .fail(.tls, "TLS with \(target) failed: \(ssl)")
        }
        if let boring = error as? BoringSSLError {
            return .fail(.tls, "TLS with \(target) failed: \(boring)")
        }
        if let verification = error as? NIOSSLExtraError {
            return .fail(.tls, "TLS with \(target) failed: \(verification)")
        }
        if error is CancellationError {
            return timedOut(target, timeout, connecting: false)
        }
        return .fail(.unreachable, "\(target): \(error)")
    }

    static func errno(_ code: Int32, target: String, timeout: Duration?) -> ProbeOutcome {
        switch code {
        case ECONNREFUSED: .fail(.refused, "connection refused by \(target)")
        case ETIMEDOUT: timedOut(target, timeout, connecting: true)
        case EHOSTUNREACH, ENETUNREACH: .fail(.unreachable, "\(target) is unreachable")
        case ECONNRESET, EPIPE: .fail(.protocolError, "\(target) reset the connection")
        default: .fail(.unreachable, "\(target): \(String(cString: strerror(code)))")
        }
    }

    static func timedOut(_ target: String, _ timeout: Duration?, connecting: Bool) -> ProbeOutcome {
        let what = connecting ? "connecting to" : "waiting for an answer from"
        if let timeout {
            return .fail(.timeout, "timed out after \(DurationText.format(timeout)) \(what) \(target)")
        }
        return .fail(.timeout, "timed out \(what) \(target)")
    }
}
