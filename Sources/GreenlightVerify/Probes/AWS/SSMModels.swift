/// `AmazonSSM.GetParameters` request.
struct SSMGetParametersInput: Encodable, Sendable {
    var names: [String]
    var withDecryption = true

    enum CodingKeys: String, CodingKey {
        case names = "Names"
        case withDecryption = "WithDecryption"
    }
}

/// `AmazonSSM.GetParameters` answer.
struct SSMGetParametersOutput: Decodable, Sendable {
    var parameters: [SSMParameter]?
    var invalidParameters: [String]?

    enum CodingKeys: String, CodingKey {
        case parameters = "Parameters"
        case invalidParameters = "InvalidParameters"
    }
}

/// One parameter as GetParameters returns it (the value decrypted).
struct SSMParameter: Decodable, Sendable, Hashable {
    var name: String
    /// `String`, `StringList` or `SecureString`.
    var type: String?
    var value: String?

    enum CodingKeys: String, CodingKey {
        case name = "Name"
        case type = "Type"
        case value = "Value"
    }
}
