/// An AWS access key pair, with the session token of temporary credentials.
/// Its description never shows the secret key or the token.
public struct AWSCredentials: Sendable, Hashable, CustomStringConvertible {
    public var accessKeyID: String
    public var secretAccessKey: String
    /// Present for temporary credentials (STS, SSO exports); sent as `X-Amz-Security-Token`.
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public var description: String {
        let token = sessionToken.map { ", session token of \($0.count) characters" } ?? ""
        return "AWS credentials (access key of \(accessKeyID.count) characters\(token))"
    }
}
