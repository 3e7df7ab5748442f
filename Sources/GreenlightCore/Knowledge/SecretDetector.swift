/// Recognises secrets: values in a known credential format, and variable names
/// that hold secrets. Shared by `hardcoded-secret` and the live probes.
public enum SecretDetector {
    /// Known credential formats: a prefix, a minimum length of the remainder and its alphabet.
    struct Format: Sendable {
        let name: String
        let prefix: String
        let minimumTail: Int
        let alphabet: @Sendable (Character) -> Bool
    }

    static func token(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_" || character == "-")
    }

    static func upperDigit(_ character: Character) -> Bool {
        character.isASCII && (character.isUppercase || character.isNumber)
    }

    static let formats: [Format] = [
        Format(name: "Anthropic API key", prefix: "sk-ant-", minimumTail: 32, alphabet: token),
        Format(name: "OpenAI project API key", prefix: "sk-proj-", minimumTail: 32, alphabet: token),
        Format(name: "OpenAI API key", prefix: "sk-", minimumTail: 32, alphabet: token),
        Format(name: "Stripe live secret key", prefix: "sk_live_", minimumTail: 20, alphabet: token),
        Format(name: "Stripe restricted key", prefix: "rk_live_", minimumTail: 20, alphabet: token),
        Format(name: "AWS access key id", prefix: "AKIA", minimumTail: 16, alphabet: upperDigit),
        Format(name: "AWS temporary access key id", prefix: "ASIA", minimumTail: 16, alphabet: upperDigit),
        Format(name: "GitHub personal access token", prefix: "ghp_", minimumTail: 36, alphabet: token),
        Format(name: "GitHub OAuth token", prefix: "gho_", minimumTail: 36, alphabet: token),
        Format(name: "GitHub app token", prefix: "ghs_", minimumTail: 36, alphabet: token),
        Format(name: "GitHub fine-grained token", prefix: "github_pat_", minimumTail: 40, alphabet: token),
        Format(name: "GitLab personal access token", prefix: "glpat-", minimumTail: 20, alphabet: token),
        Format(name: "Slack token", prefix: "xoxb-", minimumTail: 20, alphabet: token),
        Format(name: "Slack token", prefix: "xoxp-", minimumTail: 20, alphabet: token),
        Format(name: "Google API key", prefix: "AIza", minimumTail: 35, alphabet: token),
        Format(name: "SendGrid API key", prefix: "SG.", minimumTail: 40, alphabet: { token($0) || $0 == "." }),
        Format(name: "Hugging Face token", prefix: "hf_", minimumTail: 30, alphabet: token),
    ]

    /// The name of the credential format `value` is in, or nil.
    public static func knownFormat(_ value: String) -> String? {
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        if trimmed.contains("-----BEGIN"), trimmed.contains("PRIVATE KEY") { return "private key" }
        for format in formats where trimmed.hasPrefix(format.prefix) {
            let tail = trimmed.dropFirst(format.prefix.count)
            if tail.count >= format.minimumTail, tail.allSatisfy(format.alphabet) { return format.name }
            return nil
        }
        return nil
    }

    /// Finds credentials embedded in a longer text (a line of code, a URL).
    public static func embedded(in text: String) -> (format: String, value: String)? {
        for format in formats {
            var search = text[...]
            while let range = search.range(of: format.prefix) {
                let before = range.lowerBound == text.startIndex ? nil : text[text.index(before: range.lowerBound)]
                let tail = text[range.upperBound...].prefix(while: format.alphabet)
                if before.map({ !token($0) }) ?? true, tail.count >= format.minimumTail {
                    return (format.name, format.prefix + tail)
                }
                search = text[range.upperBound...]
            }
        }
        if text.contains("-----BEGIN"), text.contains("PRIVATE KEY-----") { return ("private key", "-----BEGIN … PRIVATE KEY-----") }
        return nil
    }

    /// A fast pre-check over raw bytes: whether any known key prefix (or a PEM
    /// header) occurs at all, so most files are never split into lines.
    public static func mayContainSecret(_ bytes: [UInt8]) -> Bool {
        let prefixes = formats.map { Array($0.prefix.utf8) } + [Array("-----BEGIN".utf8)]
        let firstBytes = Set(prefixes.compactMap(\.first))
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if firstBytes.contains(byte) {
                for prefix in prefixes where prefix[0] == byte && index + prefix.count <= count {
                    var matched = true
                    for offset in 1..<prefix.count where bytes[index + offset] != prefix[offset] {
                        matched = false
                        break
                    }
                    if matched { return true }
                }
            }
            index += 1
        }
        return false
    }

    /// Name fragments of variables that hold secrets.
    static let secretNameParts = ["SECRET", "TOKEN", "PASSWORD", "PASSWD", "API_KEY", "APIKEY", "PRIVATE_KEY", "ACCESS_KEY", "CREDENTIAL", "AUTH_KEY", "SIGNING_KEY", "ENCRYPTION_KEY", "CLIENT_SECRET", "SERVICE_ROLE_KEY", "SECRET_KEY"]

    /// Whether a variable named `name` holds a secret.
    public static func isSecretName(_ name: String, extra: [String] = []) -> Bool {
        let upper = name.uppercased()
        if extra.contains(where: { $0.uppercased() == upper }) { return true }
        if upper.hasSuffix("_FILE") || upper.hasSuffix("_PATH") || upper.hasSuffix("_ARN") || upper.hasSuffix("_NAME") || upper.hasSuffix("_ID") && !upper.hasSuffix("KEY_ID") { return false }
        return secretNameParts.contains { upper.contains($0) } || upper.hasSuffix("_KEY") || upper == "KEY"
    }

    /// Whether a literal value assigned to a secret-named variable is likely a real
    /// secret rather than a local-development default like "postgres" or "password".
    public static func looksLikeRealSecret(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        guard trimmed.count >= 16, !trimmed.contains(" "), !trimmed.contains("${"), !trimmed.contains("$("),
              !trimmed.hasPrefix("/"), !trimmed.hasPrefix("arn:"), !trimmed.contains("://")
        else { return false }
        let hasLetter = trimmed.contains(where: \.isLetter)
        let hasDigit = trimmed.contains(where: \.isNumber)
        let distinct = Set(trimmed).count
        return hasLetter && hasDigit && distinct >= 10
    }
}

import Foundation
