import Testing
@testable import GreenlightVerify

/// Reading AWS error answers and turning them into probe outcomes.
@Suite struct AWSServiceErrorTests {
    static let endpoint = AWSEndpoint.standard(.ssm, region: "us-east-1")

    func parse(_ status: Int, _ body: String, header: String? = nil) -> AWSServiceError? {
        AWSServiceError.parse(status: status, body: Array(body.utf8), typeHeader: header)
    }

    @Test func readsJSONErrors() {
        let error = parse(400, #"{"__type":"com.amazonaws.ssm#ParameterNotFound","message":"Parameter /x not found."}"#)
        #expect(error == AWSServiceError(code: "ParameterNotFound", message: "Parameter /x not found.", httpStatus: 400))
        let capital = parse(400, #"{"__type":"UnrecognizedClientException:http://internal.amazon.com/coral/","Message":"The security token included in the request is invalid."}"#)
        #expect(capital?.code == "UnrecognizedClientException")
        #expect(capital?.message == "The security token included in the request is invalid.")
    }

    @Test func readsXMLErrorsAndTheErrorTypeHeader() {
        let xml = parse(403, "<?xml version=\"1.0\"?><ErrorResponse><Errors><Error><Code>InvalidClientTokenId</Code><Message>The token &amp; key are invalid.</Message></Error></Errors></ErrorResponse>")
        #expect(xml == AWSServiceError(code: "InvalidClientTokenId", message: "The token & key are invalid.", httpStatus: 403))
        let header = parse(400, "", header: "ThrottlingException:http://internal.amazon.com/")
        #expect(header?.code == "ThrottlingException")
        #expect(parse(502, "<html>Bad gateway</html>") == nil)
    }

    func outcome(_ code: String, _ status: Int = 400) -> ProbeOutcome {
        guard let endpoint = Self.endpoint else { return .fail(.setup, "no endpoint") }
        let access = AWSAccess(service: .ssm, credentials: AWSCredentials(accessKeyID: "K", secretAccessKey: "S"),
                               region: "us-east-1", endpoint: endpoint)
        return AWSCallError.service(AWSServiceError(code: code, message: "m", httpStatus: status))
            .outcome(operation: "GetParameters", access: access, timeout: .seconds(2))
    }

    @Test(arguments: ["UnrecognizedClientException", "InvalidClientTokenId", "SignatureDoesNotMatch",
                      "InvalidSignatureException", "ExpiredTokenException", "AccessDenied", "AccessDeniedException"])
    func credentialErrorsAreAuth(_ code: String) {
        let outcome = outcome(code, 403)
        #expect(outcome.failure == .auth)
        #expect(outcome.detail == "AWS SSM at ssm.us-east-1.amazonaws.com rejected GetParameters: \(code): m")
    }

    @Test func throttlingAndServerErrorsAreWorthRetrying() {
        #expect(outcome("ThrottlingException").failure == .unreachable)
        #expect(outcome("ThrottlingException").detail.contains("a later attempt may pass"))
        #expect(outcome("Anything", 429).failure == .unreachable)
        #expect(outcome("InternalServerError", 500).failure == .unreachable)
    }

    @Test func otherErrorsAreNamed() {
        #expect(outcome("ClusterNotFoundException").failure == .missing)
        #expect(outcome("ValidationException").failure == .setup)
        let other = outcome("InvalidKeyId")
        #expect(other.failure == .protocolError)
        #expect(other.detail == "AWS SSM at ssm.us-east-1.amazonaws.com answered GetParameters with InvalidKeyId: m")
    }

    @Test func configFileSectionsAndComments() {
        let file = AWSConfigFile(parsing: "; comment\n[default]\nregion=us-east-1\n[ profile   dev ]\nregion = eu-west-1 # note\n")
        #expect(file.configProfile("default")?["region"] == "us-east-1")
        #expect(file.configProfile("dev")?["region"] == "eu-west-1")
        #expect(file.credentialsProfile("dev") == nil)
    }
}
