import AsyncHTTPClient
import GreenlightCore
import NIOCore
import NIOHTTP1
import NIOSSL

/// `http: URL` — a request answered with an expected status, optionally containing
/// some text and within a latency budget (`curl -f URL`).
public struct HTTPProbe: ProbeCheck {
    public let spec: HTTPProbeSpec
    /// The most of a body read to look for `contains`.
    static let bodyLimit = 1 << 20

    public init(spec: HTTPProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        var request = HTTPClientRequest(url: spec.url)
        request.method = HTTPMethod(rawValue: spec.method)
        request.headers.add(name: "User-Agent", value: "greenlight/\(Greenlight.version)")
        for header in spec.headers {
            request.headers.replaceOrAdd(name: header.name, value: header.value)
        }
        if spec.insecure {
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            request.tlsConfiguration = tls
        }
        let clock = ContinuousClock()
        let start = clock.now
        let status: HTTPResponseStatus
        let body: String
        do {
            let response = try await context.httpClient.execute(request, timeout: TimeAmount(timeout))
            status = response.status
            let needsBody = spec.contains != nil || !spec.status.accepts(Int(status.code))
            if needsBody {
                let buffer = try await response.body.collect(upTo: Self.bodyLimit)
                body = String(buffer: buffer)
            } else {
                for try await _ in response.body {}
                body = ""
            }
        } catch let error as NIOTooManyBytesError {
            _ = error
            return .fail(.content, "the response body is larger than \(Self.bodyLimit / 1024) KiB")
        } catch {
            return NetworkFailure.describe(error, target: spec.url, timeout: timeout)
        }
        let elapsed = clock.now - start
        let statusText = "\(status.code) \(status.reasonPhrase)"
        guard spec.status.accepts(Int(status.code)) else {
            let excerpt = Self.excerpt(body)
            let suffix = excerpt.isEmpty ? "" : ": \(excerpt)"
            return .fail(.status, "status \(statusText) (expected \(spec.status))\(suffix)")
        }
        if let needle = spec.contains, !body.contains(needle) {
            return .fail(.content, "\(statusText), but the body does not contain \"\(needle)\": \(Self.excerpt(body))")
        }
        if let limit = spec.maxLatency, elapsed > limit {
            return .fail(.latency, "\(statusText) in \(DurationText.format(Self.rounded(elapsed))), slower than max-latency \(DurationText.format(limit))")
        }
        return .pass(statusText)
    }

    /// The first line of a body, shortened for a one-line message.
    static func excerpt(_ body: String) -> String {
        let line = body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 80 ? String(trimmed.prefix(77)) + "..." : trimmed
    }

    static func rounded(_ duration: Duration) -> Duration {
        .milliseconds(DurationText.milliseconds(duration))
    }
}
