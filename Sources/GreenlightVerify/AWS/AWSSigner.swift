import Crypto
import Foundation

/// One HTTP request as Signature Version 4 sees it, before signing.
public struct AWSRequestToSign: Sendable {
    public var method: String
    /// The unencoded path (`/`, `/example space/`); each segment is percent-encoded when signing.
    public var path: String
    /// Unencoded query parameters, in any order.
    public var query: [(name: String, value: String)]
    /// Headers to send and sign; `Host` must be among them.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, path: String = "/", query: [(name: String, value: String)] = [],
                headers: [(name: String, value: String)], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }
}

/// A signed request: the headers to send, and the intermediate texts for diagnosis and tests.
public struct AWSSignedRequest: Sendable {
    /// The request's headers plus `X-Amz-Date`, `X-Amz-Security-Token` (with a session token),
    /// `X-Amz-Content-Sha256` (when asked for) and `Authorization`.
    public var headers: [(name: String, value: String)]
    public var canonicalRequest: String
    public var stringToSign: String
    public var authorization: String
}

/// AWS Signature Version 4 (`AWS4-HMAC-SHA256`) for one region and service.
public struct AWSSigner: Sendable {
    public var credentials: AWSCredentials
    public var region: String
    /// The signing name: `ssm`, `ecs`…
    public var service: String
    /// Whether to add and sign `X-Amz-Content-Sha256` (S3 needs it; other services accept it).
    public var includesContentHash: Bool

    public init(credentials: AWSCredentials, region: String, service: String, includesContentHash: Bool = false) {
        self.credentials = credentials
        self.region = region
        self.service = service
        self.includesContentHash = includesContentHash
    }

    /// Signs `request` as of `date`. Every header of the request is signed; `X-Amz-Date`
    /// is added unless the request already carries one.
    public func sign(_ request: AWSRequestToSign, at date: Date) -> AWSSignedRequest {
        let (stampedDate, day) = AWSSigningText.timestamps(date)
        var headers = request.headers
        var amzDate = stampedDate
        if let given = headers.first(where: { $0.name.lowercased() == "x-amz-date" }) {
            amzDate = given.value
        } else {
            headers.append((name: "X-Amz-Date", value: amzDate))
        }
        let payloadHash = AWSSigningText.sha256Hex(request.body)
        if includesContentHash, !headers.contains(where: { $0.name.lowercased() == "x-amz-content-sha256" }) {
            headers.append((name: "X-Amz-Content-Sha256", value: payloadHash))
        }
        if let token = credentials.sessionToken,
           !headers.contains(where: { $0.name.lowercased() == "x-amz-security-token" }) {
            headers.append((name: "X-Amz-Security-Token", value: token))
        }
        let (canonicalHeaders, signedHeaders) = Self.canonicalHeaders(headers)
        let canonicalRequest = [
            request.method.uppercased(),
            AWSSigningText.encodePath(request.path),
            Self.canonicalQuery(request.query),
            canonicalHeaders,
            signedHeaders,
            payloadHash,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = [
            "AWS4-HMAC-SHA256", amzDate, scope, AWSSigningText.sha256Hex(Array(canonicalRequest.utf8)),
        ].joined(separator: "\n")
        let signature = AWSSigningText.hex(signature(of: stringToSign, day: day))
        let authorization = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
        headers.append((name: "Authorization", value: authorization))
        return AWSSignedRequest(headers: headers, canonicalRequest: canonicalRequest,
                                stringToSign: stringToSign, authorization: authorization)
    }

    /// The signing key chain: kSecret → kDate → kRegion → kService → kSigning, then the signature.
    func signature(of stringToSign: String, day: String) -> [UInt8] {
        var key = SymmetricKey(data: Array("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Array(HMAC<SHA256>.authenticationCode(for: Array(part.utf8), using: key)))
        }
        return Array(HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: key))
    }

    /// `name:value\n` lines sorted by lower-cased name (repeated names joined by commas in
    /// their order), and the `;`-separated list of signed names.
    static func canonicalHeaders(_ headers: [(name: String, value: String)]) -> (String, String) {
        var values: [String: [String]] = [:]
        for header in headers {
            values[header.name.lowercased(), default: []].append(AWSSigningText.trimHeaderValue(header.value))
        }
        let names = values.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let lines = names.map { "\($0):\(values[$0, default: []].joined(separator: ","))\n" }.joined()
        return (lines, names.joined(separator: ";"))
    }

    /// Parameters percent-encoded and sorted by name, then value (byte order).
    static func canonicalQuery(_ query: [(name: String, value: String)]) -> String {
        query.map { (AWSSigningText.percentEncode($0.name), AWSSigningText.percentEncode($0.value)) }
            .sorted { left, right in
                if left.0 != right.0 { return Array(left.0.utf8).lexicographicallyPrecedes(Array(right.0.utf8)) }
                return Array(left.1.utf8).lexicographicallyPrecedes(Array(right.1.utf8))
            }
            .map { "\($0.0)=\($0.1)" }
            .joined(separator: "&")
    }
}
