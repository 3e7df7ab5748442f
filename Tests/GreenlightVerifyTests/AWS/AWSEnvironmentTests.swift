import Foundation
import GreenlightCore
import Testing
@testable import GreenlightVerify

/// Credential, region and endpoint resolution from injected environments and home directories.
@Suite struct AWSEnvironmentTests {
    /// A fresh home directory with the given `.aws/credentials` and `.aws/config` contents.
    func home(credentials: String? = nil, config: String? = nil) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-aws-\(UUID().uuidString)")
        let aws = directory.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        if let credentials { try credentials.write(to: aws.appendingPathComponent("credentials"), atomically: true, encoding: .utf8) }
        if let config { try config.write(to: aws.appendingPathComponent("config"), atomically: true, encoding: .utf8) }
        return directory.path
    }

    func resolve(_ environment: [String: String], home: String? = nil, service: AWSService = .ssm,
                 region: String? = nil) -> Result<AWSAccess, AWSSetupError> {
        Result { () throws(AWSSetupError) -> AWSAccess in
            try AWSEnvironment.resolve(service: service, regionOverride: region, environment: environment, homeDirectory: home)
        }
    }

    @Test func environmentKeysWinOverTheCredentialsFile() throws {
        let home = try home(credentials: "[default]\naws_access_key_id = FILEKEY\naws_secret_access_key = filesecret\n")
        let access = try resolve(["AWS_ACCESS_KEY_ID": "ENVKEY", "AWS_SECRET_ACCESS_KEY": "envsecret",
                                  "AWS_SESSION_TOKEN": "token", "AWS_REGION": "eu-west-1"], home: home).get()
        #expect(access.credentials == AWSCredentials(accessKeyID: "ENVKEY", secretAccessKey: "envsecret", sessionToken: "token"))
        #expect(access.region == "eu-west-1")
        #expect(access.endpoint.url == "https://ssm.eu-west-1.amazonaws.com/")
    }

    @Test func profileComesFromTheCredentialsFileAndRegionFromTheConfigFile() throws {
        let home = try home(
            credentials: "# team keys\n[default]\naws_access_key_id=DEFAULTKEY\naws_secret_access_key=defaultsecret\n\n[prod]\naws_access_key_id = PRODKEY\naws_secret_access_key = prodsecret ; rotated monthly\naws_session_token = prodtoken\n",
            config: "[default]\nregion = us-west-2\n[profile prod]\nregion = eu-central-1\ns3 =\n  max_concurrent_requests = 20\n")
        let access = try resolve(["AWS_PROFILE": "prod"], home: home, service: .ecs).get()
        #expect(access.credentials == AWSCredentials(accessKeyID: "PRODKEY", secretAccessKey: "prodsecret", sessionToken: "prodtoken"))
        #expect(access.region == "eu-central-1")
        #expect(access.endpoint.hostHeader == "ecs.eu-central-1.amazonaws.com")
        let fallback = try resolve([:], home: home).get()
        #expect(fallback.credentials.accessKeyID == "DEFAULTKEY")
        #expect(fallback.region == "us-west-2")
    }

    @Test func explicitFilesAndRegionPrecedence() throws {
        let other = try home(credentials: "[default]\naws_access_key_id = K\naws_secret_access_key = S\n",
                             config: "[default]\nregion = ap-south-1\n")
        let environment = ["AWS_SHARED_CREDENTIALS_FILE": "\(other)/.aws/credentials", "AWS_CONFIG_FILE": "\(other)/.aws/config"]
        #expect(try resolve(environment, home: "/nonexistent").get().region == "ap-south-1")
        #expect(try resolve(environment.merging(["AWS_DEFAULT_REGION": "sa-east-1"]) { $1 }).get().region == "sa-east-1")
        #expect(try resolve(environment.merging(["AWS_DEFAULT_REGION": "sa-east-1", "AWS_REGION": "ca-central-1"]) { $1 }).get().region == "ca-central-1")
        #expect(try resolve(environment.merging(["AWS_REGION": "ca-central-1"]) { $1 }, region: "us-east-2").get().region == "us-east-2")
    }

    @Test func serviceEndpointWinsOverTheGeneralOne() throws {
        let base = ["AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-east-1",
                    "AWS_ENDPOINT_URL": "http://localhost:4566", "AWS_ENDPOINT_URL_SSM": "http://127.0.0.1:5055"]
        #expect(try resolve(base, service: .ssm).get().endpoint.url == "http://127.0.0.1:5055/")
        #expect(try resolve(base, service: .ecs).get().endpoint.url == "http://localhost:4566/")
        #expect(try resolve(base, service: .ecs).get().endpoint.hostHeader == "localhost:4566")
        #expect(AWSEndpoint(url: "https://ecs.us-east-1.amazonaws.com:443")?.hostHeader == "ecs.us-east-1.amazonaws.com")
        #expect(AWSEndpoint.standard(.ssm, region: "cn-north-1")?.host == "ssm.cn-north-1.amazonaws.com.cn")
        #expect(AWSEndpoint(url: "http://[::1]:5055")?.hostHeader == "[::1]:5055")
        #expect(AWSEndpoint(url: "http://localhost:4566/prefix")?.url == "http://localhost:4566/prefix")
    }

    @Test func badEndpointIsASetupError() {
        let result = resolve(["AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S", "AWS_REGION": "us-east-1",
                              "AWS_ENDPOINT_URL_ECS": "localhost:4566"], service: .ecs)
        #expect(result.failureMessage == "AWS_ENDPOINT_URL_ECS is not an http(s) URL: localhost:4566")
    }

    @Test func missingCredentialsNameWhatToSet() throws {
        let home = try home()
        let message = resolve(["AWS_REGION": "us-east-1"], home: home).failureMessage
        #expect(message == "no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or add profile default with aws_access_key_id to \(home)/.aws/credentials or \(home)/.aws/config")
        #expect(resolve(["AWS_ACCESS_KEY_ID": "K", "AWS_REGION": "us-east-1"]).failureMessage
            == "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not")
    }

    @Test func halfAProfileIsNamedAndTheSecretNeverShown() throws {
        let home = try home(credentials: "[default]\naws_secret_access_key = topsecretvalue\n")
        let message = resolve(["AWS_REGION": "us-east-1"], home: home).failureMessage
        #expect(message == "profile default in \(home)/.aws/credentials lacks aws_access_key_id")
        #expect(message?.contains("topsecretvalue") == false)
    }

    @Test func ssoProfilesAskForExportedCredentials() throws {
        let home = try home(config: "[profile dev]\nsso_session = corp\nregion = us-east-1\n")
        let message = resolve(["AWS_PROFILE": "dev"], home: home).failureMessage
        #expect(message?.hasPrefix("profile dev gets its credentials through sso_session") == true)
        #expect(message?.contains("aws configure export-credentials --profile dev") == true)
    }

    @Test func roleProvidersInTheEnvironmentAskForExportedKeys() {
        let message = resolve(["AWS_REGION": "us-east-1", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/credentials/abc"]).failureMessage
        #expect(message?.hasPrefix("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI is set, but greenlight reads only keys") == true)
    }

    @Test func missingRegionNamesWhatToSet() throws {
        let home = try home()
        let message = resolve(["AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S"], home: home).failureMessage
        #expect(message == "no AWS region: set AWS_REGION or region in [default] of \(home)/.aws/config, or region: on the probe")
    }

    @Test func setupFailureReachesTheProbeOutcome() async {
        let outcome = await SSMProbe(spec: SSMProbeSpec(names: ["/a"]))
            .attemptOnProbeExecutor(timeout: .seconds(1), context: AWSLive.context(["AWS_ACCESS_KEY_ID": "K", "AWS_SECRET_ACCESS_KEY": "S"]))
        #expect(outcome.failure == .setup)
        #expect(outcome.detail == "no AWS region: set AWS_REGION, or region: on the probe")
    }
}

extension Result where Failure == AWSSetupError {
    var failureMessage: String? {
        if case .failure(let error) = self { return error.message }
        return nil
    }
}
