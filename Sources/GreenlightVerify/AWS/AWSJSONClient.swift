import AsyncHTTPClient
import Foundation
import NIOCore

/// Calls AWS JSON-protocol operations (`AmazonSSM.GetParameters`…) over the run's shared
/// HTTP client: POST to the endpoint, `application/x-amz-json-1.1`, signed with SigV4.
public struct AWSJSONClient: Sendable {
    public let access: AWSAccess
    let httpClient: HTTPClient
    /// The largest answer read; AWS answers for these operations are far smaller.
    static let maximumResponseBytes = 8 * 1024 * 1024

    public init(access: AWSAccess, httpClient: HTTPClient) {
        self.access = access
        self.httpClient = httpClient
    }

    /// A client for `service` with a probe run's environment and HTTP client: the one place
    /// probes resolve credentials, region and endpoint.
    static func forProbe(_ service: AWSService, region: String?, context: ProbeContext) throws(AWSSetupError) -> AWSJSONClient {
        let access = try AWSEnvironment.resolve(service: service, regionOverride: region,
                                                environment: context.environment, homeDirectory: context.environment["HOME"])
        return AWSJSONClient(access: access, httpClient: context.httpClient)
    }

    /// Calls `operation` with `input`, decoding the answer as `Output`; gives up at `deadline`.
    /// Throws `AWSCallError`.
    public func call<Input: Encodable, Output: Decodable>(_ operation: String, _ input: Input, as _: Output.Type,
                                                         deadline: NIODeadline) async throws(AWSCallError) -> Output {
        let body: [UInt8]
        do {
            body = Array(try JSONEncoder().encode(input))
        } catch {
            throw .malformed("a request that cannot be encoded: \(error)")
        }
        let signer = AWSSigner(credentials: access.credentials, region: access.region, service: access.service.rawValue)
        let unsigned = AWSRequestToSign(method: "POST", path: access.endpoint.path, headers: [
            (name: "Host", value: access.endpoint.hostHeader),
            (name: "Content-Type", value: "application/x-amz-json-1.1"),
            (name: "X-Amz-Target", value: "\(access.service.targetPrefix).\(operation)"),
        ], body: body)
        let signed = signer.sign(unsigned, at: Date())
        var request = HTTPClientRequest(url: access.endpoint.url)
        request.method = .POST
        for header in signed.headers { request.headers.add(name: header.name, value: header.value) }
        request.body = .bytes(ByteBuffer(bytes: body))

        let status: Int
        let answer: [UInt8]
        let errorType: String?
        do {
            let response = try await httpClient.execute(request, deadline: deadline)
            status = Int(response.status.code)
            errorType = response.headers.first(name: "x-amzn-ErrorType")
            answer = Array(buffer: try await response.body.collect(upTo: Self.maximumResponseBytes))
        } catch {
            throw .transport(error)
        }
        guard (200..<300).contains(status) else {
            if let error = AWSServiceError.parse(status: status, body: answer, typeHeader: errorType) {
                throw .service(error)
            }
            throw .malformed("status \(status) and no AWS error in the body")
        }
        do {
            return try JSONDecoder().decode(Output.self, from: Data(answer))
        } catch {
            throw .malformed("an answer that is not \(operation) JSON (\(answer.count) bytes)")
        }
    }
}

extension NIODeadline {
    /// The deadline `duration` from now.
    static func after(_ duration: Duration) -> NIODeadline {
        let (seconds, attoseconds) = duration.components
        return .now() + .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
