import Foundation
import Testing
@testable import GreenlightVerify

/// Cases from AWS's published Signature Version 4 test suite (aws-sig-v4-test-suite):
/// each request with the suite's expected canonical request and Authorization header.
@Suite struct AWSSignerTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path = "/"
        var query: [(name: String, value: String)] = []
        var headers: [(name: String, value: String)] = []
        var body = ""
        var sessionToken: String?
        var canonicalRequest: String
        var authorization: String
        var testDescription: String { name }
    }

    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    /// 2015-08-30T12:36:00Z, the suite's signing time.
    static let suiteDate = Date(timeIntervalSince1970: 1_440_938_160)
    static let emptyHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    static let host = (name: "Host", value: "example.amazonaws.com")
    static let date = (name: "X-Amz-Date", value: "20150830T123600Z")
    static let credential = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
    static let stsToken = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    static func plain(_ method: String, _ path: String, _ query: String) -> String {
        "\(method)\n\(path)\n\(query)\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n\(emptyHash)"
    }

    static let vectors: [Vector] = [
        Vector(name: "get-vanilla", method: "GET", headers: [host, date],
               canonicalRequest: plain("GET", "/", ""),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(name: "get-vanilla-empty-query-key", method: "GET", query: [("Param1", "value1")], headers: [host, date],
               canonicalRequest: plain("GET", "/", "Param1=value1"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=a67d582fa61cc504c4bae71f336f98b97f1ea3c7a6bfe1b6e45aec72011b9aeb"),
        Vector(name: "get-vanilla-query-order-key-case", method: "GET", query: [("Param2", "value2"), ("Param1", "value1")],
               headers: [host, date], canonicalRequest: plain("GET", "/", "Param1=value1&Param2=value2"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(name: "get-vanilla-query-order-key", method: "GET", query: [("Param1", "value2"), ("Param1", "Value1")],
               headers: [host, date], canonicalRequest: plain("GET", "/", "Param1=Value1&Param1=value2"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=eedbc4e291e521cf13422ffca22be7d2eb8146eecf653089df300a15b2382bd1"),
        Vector(name: "get-vanilla-query-order-value", method: "GET", query: [("Param1", "value2"), ("Param1", "value1")],
               headers: [host, date], canonicalRequest: plain("GET", "/", "Param1=value1&Param1=value2"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694"),
        Vector(name: "get-vanilla-query-unreserved", method: "GET",
               query: [("-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
                        "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")],
               headers: [host, date],
               canonicalRequest: plain("GET", "/", "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197"),
        Vector(name: "get-vanilla-utf8-query", method: "GET", query: [("\u{1234}", "bar")], headers: [host, date],
               canonicalRequest: plain("GET", "/", "%E1%88%B4=bar"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04"),
        Vector(name: "get-utf8", method: "GET", path: "/\u{1234}", headers: [host, date],
               canonicalRequest: plain("GET", "/%E1%88%B4", ""),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=8318018e0b0f223aa2bbf98705b62bb787dc9c0e678f255a891fd03141be5d85"),
        Vector(name: "get-space", method: "GET", path: "/example space/", headers: [host, date],
               canonicalRequest: plain("GET", "/example%20space/", ""),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=652487583200325589f1fba4c7e578f72c47cb61beeca81406b39ddec1366741"),
        Vector(name: "get-unreserved", method: "GET", path: "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
               headers: [host, date],
               canonicalRequest: plain("GET", "/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", ""),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f"),
        Vector(name: "get-header-key-duplicate", method: "GET",
               headers: [host, ("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1"), date],
               canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value2,value2,value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
               authorization: credential + "SignedHeaders=host;my-header1;x-amz-date, Signature=c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        Vector(name: "get-header-value-order", method: "GET",
               headers: [host, ("My-Header1", "value4"), ("My-Header1", "value1"), ("My-Header1", "value3"), ("My-Header1", "value2"), date],
               canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value4,value1,value3,value2\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
               authorization: credential + "SignedHeaders=host;my-header1;x-amz-date, Signature=08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01"),
        Vector(name: "get-header-value-trim", method: "GET",
               headers: [host, ("My-Header1", " value1"), ("My-Header2", " \"a   b   c\""), date],
               canonicalRequest: "GET\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nmy-header2:\"a b c\"\nx-amz-date:20150830T123600Z\n\nhost;my-header1;my-header2;x-amz-date\n\(emptyHash)",
               authorization: credential + "SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        Vector(name: "post-vanilla", method: "POST", headers: [host, date],
               canonicalRequest: plain("POST", "/", ""),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        Vector(name: "post-vanilla-query", method: "POST", query: [("Param1", "value1")], headers: [host, date],
               canonicalRequest: plain("POST", "/", "Param1=value1"),
               authorization: credential + "SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
        Vector(name: "post-header-key-sort", method: "POST", headers: [host, ("My-Header1", "value1"), date],
               canonicalRequest: "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:value1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
               authorization: credential + "SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
        Vector(name: "post-header-value-case", method: "POST", headers: [host, ("My-Header1", "VALUE1"), date],
               canonicalRequest: "POST\n/\n\nhost:example.amazonaws.com\nmy-header1:VALUE1\nx-amz-date:20150830T123600Z\n\nhost;my-header1;x-amz-date\n\(emptyHash)",
               authorization: credential + "SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d"),
        Vector(name: "post-x-www-form-urlencoded", method: "POST",
               headers: [("Content-Type", "application/x-www-form-urlencoded"), host, date], body: "Param1=value1",
               canonicalRequest: "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
               authorization: credential + "SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        Vector(name: "post-sts-header-before", method: "POST", headers: [host, date], sessionToken: stsToken,
               canonicalRequest: "POST\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-security-token:\(stsToken)\n\nhost;x-amz-date;x-amz-security-token\n\(emptyHash)",
               authorization: credential + "SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
    ]

    static func signer(sessionToken: String? = nil) -> AWSSigner {
        AWSSigner(credentials: AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: sessionToken),
                  region: "us-east-1", service: "service")
    }

    @Test(arguments: vectors)
    func signsLikeThePublishedSuite(_ vector: Vector) {
        let request = AWSRequestToSign(method: vector.method, path: vector.path, query: vector.query,
                                       headers: vector.headers, body: Array(vector.body.utf8))
        let signed = Self.signer(sessionToken: vector.sessionToken).sign(request, at: Self.suiteDate)
        #expect(signed.canonicalRequest == vector.canonicalRequest)
        #expect(signed.authorization == vector.authorization)
        #expect(signed.headers.last?.name == "Authorization")
        #expect(signed.headers.last?.value == vector.authorization)
    }

    @Test func addsTheDateHeaderFromTheClock() {
        let signed = Self.signer().sign(AWSRequestToSign(method: "GET", headers: [Self.host]), at: Self.suiteDate)
        #expect(signed.headers.contains { $0.name == "X-Amz-Date" && $0.value == "20150830T123600Z" })
        #expect(signed.authorization == Self.vectors[0].authorization)
    }

    @Test func sendsTheSessionTokenItSigns() {
        let signed = Self.signer(sessionToken: "tok").sign(AWSRequestToSign(method: "POST", headers: [Self.host]), at: Self.suiteDate)
        #expect(signed.headers.contains { $0.name == "X-Amz-Security-Token" && $0.value == "tok" })
        #expect(signed.authorization.contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"))
    }

    @Test func contentHashHeaderIsOptionalAndSigned() {
        var signer = Self.signer()
        signer.includesContentHash = true
        let signed = signer.sign(AWSRequestToSign(method: "GET", headers: [Self.host]), at: Self.suiteDate)
        #expect(signed.headers.contains { $0.name == "X-Amz-Content-Sha256" && $0.value == Self.emptyHash })
        #expect(signed.authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date,"))
    }

    @Test func timestampsAreUTCAcrossLeapDaysAndEpochs() {
        #expect(AWSSigningText.timestamps(Self.suiteDate) == ("20150830T123600Z", "20150830"))
        #expect(AWSSigningText.timestamps(Date(timeIntervalSince1970: 0)) == ("19700101T000000Z", "19700101"))
        // 2024-02-29T23:59:59Z
        #expect(AWSSigningText.timestamps(Date(timeIntervalSince1970: 1_709_251_199)) == ("20240229T235959Z", "20240229"))
    }

    @Test func descriptionHidesTheSecret() {
        let credentials = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: Self.secret, sessionToken: "tok")
        #expect(!credentials.description.contains(Self.secret))
        #expect(!credentials.description.contains("AKIDEXAMPLE"))
    }
}
