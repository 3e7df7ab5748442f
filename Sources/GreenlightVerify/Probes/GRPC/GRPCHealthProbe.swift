import GreenlightCore
import NIOCore
import NIOHTTP2

/// The `grpc` probe: asks a server's standard `grpc.health.v1.Health/Check` whether it
/// (or one named service) is SERVING, over plaintext HTTP/2 or TLS.
public struct GRPCHealthProbe: ProbeCheck {
    public let spec: GRPCProbeSpec

    public init(spec: GRPCProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let watch = ConnectionWatch()
        let target = spec.address.description
        let call = GRPCHealthCall(spec: spec, caFile: spec.caFile.map { Self.resolve($0, against: context.baseDirectory) })
        do {
            let reply = try await call.run(group: context.eventLoopGroup, timeout: timeout, watch: watch)
            return GRPCHealthVerdict.outcome(of: reply, target: target, service: spec.service)
        } catch {
            return GRPCHealthVerdict.outcome(of: error, watch: watch, spec: spec, timeout: timeout)
        }
    }

    static func resolve(_ path: String, against base: String) -> String {
        if path.hasPrefix("/") || base.isEmpty { return path }
        return base.hasSuffix("/") ? base + path : base + "/" + path
    }
}

/// Turns what the health call produced into the one-line outcome a person reads.
enum GRPCHealthVerdict {
    static func outcome(of reply: GRPCHealthReply, target: String, service: String) -> ProbeOutcome {
        guard let statusText = reply.grpcStatus else {
            if let http = reply.httpStatus, http != "200" {
                let type = reply.contentType.map { ", content-type \($0)" } ?? ""
                return .fail(.protocolError, "\(target) answered HTTP/2 status \(http)\(type), not a gRPC response")
            }
            return .fail(.protocolError, "\(target) ended the gRPC call without a grpc-status")
        }
        guard let code = Int(statusText) else {
            return .fail(.protocolError, "\(target) sent an invalid grpc-status \"\(statusText)\"")
        }
        switch code {
        case GRPCStatusCode.ok:
            return servingOutcome(reply, target: target, service: service)
        case GRPCStatusCode.notFound:
            let what = service.isEmpty ? "the overall service \"\"" : "service \(service)"
            return .fail(.missing, "the server does not know \(what)")
        case GRPCStatusCode.unimplemented:
            return .fail(.missing, "the server has no grpc.health.v1 health service (register grpc_health.v1 HealthServicer)")
        default:
            let message = reply.grpcMessage.flatMap { $0.isEmpty ? nil : ": \(oneLine($0))" } ?? ""
            return .fail(.unhealthy, "health check of \(describe(service)) failed with gRPC \(GRPCStatusCode.name(code))\(message)")
        }
    }

    private static func servingOutcome(_ reply: GRPCHealthReply, target: String, service: String) -> ProbeOutcome {
        let status: UInt64
        do {
            guard let message = try GRPCHealthWire.firstMessage(in: reply.body) else {
                return .fail(.protocolError, "\(target) answered grpc-status OK without a HealthCheckResponse")
            }
            status = try GRPCHealthWire.servingStatus(from: message)
        } catch {
            return .fail(.protocolError, "\(target): \(error)")
        }
        let name = GRPCStatusCode.servingStatusName(status)
        if status == 1 {
            return .pass(service.isEmpty ? "SERVING" : "SERVING (service \(service))")
        }
        return .fail(.unhealthy, service.isEmpty ? "the server is \(name)" : "service \(service) is \(name)")
    }

    static func outcome(of thrown: any Error, watch: ConnectionWatch, spec: GRPCProbeSpec, timeout: Duration) -> ProbeOutcome {
        let target = spec.address.description
        let error = watch.firstError ?? thrown
        if watch.timedOut || error is CancellationError {
            return watch.timeoutOutcome(target: target, timeout: timeout, tls: spec.tls, plaintextHint: "drop tls: true")
        }
        if let mismatch = watch.mismatch {
            return mismatchOutcome(mismatch, target: target)
        }
        switch error {
        case GRPCSetupProblem.unreadableCAFile(let path):
            return .fail(.setup, "cannot read CA certificates (PEM) from \(path)")
        case let problem as GRPCStreamProblem:
            switch problem {
            case .reset(let code): return .fail(.protocolError, "\(target) reset the gRPC stream (\(code))")
            case .goAway(let code): return .fail(.protocolError, "\(target) refused the gRPC call (GOAWAY \(code))")
            case .bodyTooLarge: return .fail(.protocolError, "\(target) sent a response far larger than a health response")
            case .endedEarly: return .fail(.protocolError, "\(target) closed the connection before completing the gRPC call")
            }
        case let http2 as any NIOHTTP2Error:
            return .fail(.protocolError, "\(target) broke the HTTP/2 protocol (\(http2))")
        default:
            break
        }
        let outcome = NetworkFailure.describe(error, target: target, timeout: timeout)
        if outcome.failure == .tls, spec.caFile == nil, !spec.insecure {
            return .fail(.tls, outcome.detail + " (for a private CA set ca-file, or insecure to skip verification)")
        }
        return outcome
    }

    static func mismatchOutcome(_ mismatch: ConnectionMismatch, target: String) -> ProbeOutcome {
        switch mismatch {
        case .answeredTLS:
            return .fail(.tls, "\(target) answered with TLS to plaintext HTTP/2 — set tls: true")
        case .answeredPlaintext:
            return .fail(.tls, "\(target) answered in plaintext to a TLS handshake — it does not speak TLS; drop tls: true")
        case .closedSilently:
            return .fail(.protocolError,
                         "\(target) does not speak HTTP/2 gRPC (it closed the connection on the HTTP/2 preface) — is this a TLS port (tls: true) or the HTTP port?")
        case .answeredHTTP1, .answeredHTML, .answeredText:
            return .fail(.protocolError, "\(target) does not speak HTTP/2 gRPC (\(mismatch.answer)) — is this the HTTP port?")
        }
    }

    private static func describe(_ service: String) -> String {
        service.isEmpty ? "the server" : "service \(service)"
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 }.prefix(200))
    }
}
