import Foundation

/// An error AWS answered with: its code (`AccessDeniedException`) and message.
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var httpStatus: Int

    public init(code: String, message: String, httpStatus: Int) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
    }

    public var description: String { message.isEmpty ? code : "\(code): \(message)" }

    static let authCodes: Set<String> = [
        "UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch", "InvalidSignatureException",
        "ExpiredTokenException", "ExpiredToken", "AccessDenied", "AccessDeniedException", "MissingAuthenticationToken",
        "MissingAuthenticationTokenException", "IncompleteSignature", "IncompleteSignatureException",
        "AuthFailure", "UnauthorizedOperation", "InvalidAccessKeyId", "NotAuthorized", "RequestExpired",
    ]

    static let throttlingCodes: Set<String> = [
        "ThrottlingException", "Throttling", "ThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
        "ProvisionedThroughputExceededException", "LimitExceededException",
    ]

    /// Whether AWS refused the credentials or their permissions.
    public var isAuth: Bool { Self.authCodes.contains(code) }

    /// Whether AWS asked to slow down; the next attempt may pass.
    public var isThrottling: Bool { Self.throttlingCodes.contains(code) || httpStatus == 429 }

    /// Reads an error body: JSON (`__type` and `message`/`Message`), or the XML `<Code>`/`<Message>`
    /// some endpoints answer with; `typeHeader` is `x-amzn-ErrorType` when present.
    static func parse(status: Int, body: [UInt8], typeHeader: String?) -> AWSServiceError? {
        var code = typeHeader.map(cleanCode)
        var message: String?
        if let object = (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] {
            if let type = (object["__type"] ?? object["code"] ?? object["Code"]) as? String { code = cleanCode(type) }
            message = (object["message"] ?? object["Message"] ?? object["errorMessage"]) as? String
        } else {
            let text = String(decoding: body, as: UTF8.self)
            if let xmlCode = xmlElement("Code", in: text) { code = cleanCode(xmlCode) }
            message = xmlElement("Message", in: text)
        }
        guard let code, !code.isEmpty else { return nil }
        return AWSServiceError(code: code, message: message ?? "", httpStatus: status)
    }

    /// `com.amazonaws.ssm#InvalidParameters` and `UnrecognizedClientException:http://…` → the bare name.
    static func cleanCode(_ raw: String) -> String {
        var code = Substring(raw.trimmingCharacters(in: .whitespaces))
        if let colon = code.firstIndex(of: ":") { code = code[..<colon] }
        if let hash = code.lastIndex(of: "#") { code = code[code.index(after: hash)...] }
        return String(code)
    }

    static func xmlElement(_ name: String, in text: String) -> String? {
        guard let open = text.range(of: "<\(name)>"),
              let close = text.range(of: "</\(name)>", range: open.upperBound..<text.endIndex) else { return nil }
        return String(text[open.upperBound..<close.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
