import Foundation

/// Everything needed to call one AWS service: credentials, region and endpoint.
public struct AWSAccess: Sendable {
    public var service: AWSService
    public var credentials: AWSCredentials
    public var region: String
    public var endpoint: AWSEndpoint

    public init(service: AWSService, credentials: AWSCredentials, region: String, endpoint: AWSEndpoint) {
        self.service = service
        self.credentials = credentials
        self.region = region
        self.endpoint = endpoint
    }
}

/// Why AWS access could not be set up, phrased as what to set. Never contains a secret.
public struct AWSSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Resolves AWS settings the way the AWS CLI does, from an environment and a home directory
/// (both injected, so tests never read the real ones).
public enum AWSEnvironment {
    /// Credentials, region and endpoint for `service`.
    ///
    /// - Credentials: `AWS_ACCESS_KEY_ID`/`AWS_SECRET_ACCESS_KEY`/`AWS_SESSION_TOKEN`, else profile
    ///   `AWS_PROFILE` (default `default`) of the shared credentials file, else of the config file.
    /// - Region: `regionOverride` (the probe's `region:`), `AWS_REGION`, `AWS_DEFAULT_REGION`, else the profile's `region`.
    /// - Endpoint: `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, else the public regional endpoint.
    public static func resolve(service: AWSService, regionOverride: String? = nil,
                               environment: [String: String], homeDirectory: String?) throws(AWSSetupError) -> AWSAccess {
        let profile = nonEmpty(environment["AWS_PROFILE"]) ?? nonEmpty(environment["AWS_DEFAULT_PROFILE"]) ?? "default"
        let credentialsPath = nonEmpty(environment["AWS_SHARED_CREDENTIALS_FILE"]) ?? homeDirectory.map { "\($0)/.aws/credentials" }
        let configPath = nonEmpty(environment["AWS_CONFIG_FILE"]) ?? homeDirectory.map { "\($0)/.aws/config" }
        let credentialsFile = credentialsPath.flatMap(AWSConfigFile.read)
        let configFile = configPath.flatMap(AWSConfigFile.read)
        let configProfile = configFile?.configProfile(profile)

        let credentials = try resolveCredentials(environment: environment, profile: profile,
                                                 credentialsProfile: credentialsFile?.credentialsProfile(profile),
                                                 configProfile: configProfile,
                                                 credentialsPath: credentialsPath, configPath: configPath)
        guard let region = nonEmpty(regionOverride) ?? nonEmpty(environment["AWS_REGION"])
            ?? nonEmpty(environment["AWS_DEFAULT_REGION"]) ?? nonEmpty(configProfile?["region"]) else {
            let file = configPath.map { " or region in \(section(profile)) of \($0)" } ?? ""
            throw AWSSetupError(message: "no AWS region: set AWS_REGION\(file), or region: on the probe")
        }
        let endpoint = try resolveEndpoint(service: service, region: region, environment: environment,
                                           configProfile: configProfile)
        return AWSAccess(service: service, credentials: credentials, region: region, endpoint: endpoint)
    }

    static func resolveCredentials(environment: [String: String], profile: String,
                                   credentialsProfile: [String: String]?, configProfile: [String: String]?,
                                   credentialsPath: String?, configPath: String?) throws(AWSSetupError) -> AWSCredentials {
        let keyID = nonEmpty(environment["AWS_ACCESS_KEY_ID"])
        let secret = nonEmpty(environment["AWS_SECRET_ACCESS_KEY"])
        switch (keyID, secret) {
        case let (keyID?, secret?):
            return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret,
                                  sessionToken: nonEmpty(environment["AWS_SESSION_TOKEN"]) ?? nonEmpty(environment["AWS_SECURITY_TOKEN"]))
        case (.some, nil):
            throw AWSSetupError(message: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
        case (nil, .some):
            throw AWSSetupError(message: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not")
        case (nil, nil):
            break
        }
        for (keys, path) in [(credentialsProfile, credentialsPath), (configProfile, configPath)] {
            guard let keys else { continue }
            let keyID = nonEmpty(keys["aws_access_key_id"])
            let secret = nonEmpty(keys["aws_secret_access_key"])
            if let keyID, let secret {
                return AWSCredentials(accessKeyID: keyID, secretAccessKey: secret,
                                      sessionToken: nonEmpty(keys["aws_session_token"]))
            }
            if keyID != nil || secret != nil {
                let missing = keyID == nil ? "aws_access_key_id" : "aws_secret_access_key"
                throw AWSSetupError(message: "profile \(profile) in \(path ?? "the AWS files") lacks \(missing)")
            }
        }
        let indirect = ["sso_session", "sso_start_url", "credential_process", "role_arn", "web_identity_token_file"]
        if let used = indirect.first(where: { configProfile?[$0] != nil || credentialsProfile?[$0] != nil }) {
            throw AWSSetupError(message: "profile \(profile) gets its credentials through \(used), which greenlight does not run; "
                + "export them first: eval \"$(aws configure export-credentials --profile \(profile) --format env)\"")
        }
        let providers = ["AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"]
        if let provider = providers.first(where: { nonEmpty(environment[$0]) != nil }) {
            throw AWSSetupError(message: "\(provider) is set, but greenlight reads only keys: export AWS_ACCESS_KEY_ID, "
                + "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (e.g. from aws configure export-credentials --format env)")
        }
        let where_ = [credentialsPath, configPath].compactMap { $0 }.joined(separator: " or ")
        let fileHint = where_.isEmpty ? "" : ", or add profile \(profile) with aws_access_key_id to \(where_)"
        throw AWSSetupError(message: "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\(fileHint)")
    }

    static func resolveEndpoint(service: AWSService, region: String, environment: [String: String],
                                configProfile: [String: String]?) throws(AWSSetupError) -> AWSEndpoint {
        let candidates: [(String, String?)] = [
            (service.endpointVariable, environment[service.endpointVariable]),
            ("AWS_ENDPOINT_URL", environment["AWS_ENDPOINT_URL"]),
            ("endpoint_url in the profile", configProfile?["endpoint_url"]),
        ]
        for (name, value) in candidates {
            guard let value = nonEmpty(value) else { continue }
            guard let endpoint = AWSEndpoint(url: value) else {
                throw AWSSetupError(message: "\(name) is not an http(s) URL: \(value)")
            }
            return endpoint
        }
        guard let endpoint = AWSEndpoint.standard(service, region: region) else {
            throw AWSSetupError(message: "AWS region \"\(region)\" does not make a valid host name")
        }
        return endpoint
    }

    private static func section(_ profile: String) -> String {
        profile == "default" ? "[default]" : "[profile \(profile)]"
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }
}
