import GreenlightCore

/// Judges fetched SSM parameters: every name must exist and hold a real value.
/// Messages give a value's length and type, never the value.
enum SSMReport {
    /// The most problem lines one outcome lists.
    static let maximumLines = 10

    static func outcome(names: [String], parameters: [SSMParameter], invalid: [String], placeholderWords: [String]) -> ProbeOutcome {
        let byName = Dictionary(parameters.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let invalidSet = Set(invalid)
        var missing: [String] = []
        var placeholders: [String] = []
        var secure = 0
        for name in names {
            guard !invalidSet.contains(name), let parameter = byName[name] ?? lookupByARN(name, byName) else {
                missing.append("\(name) does not exist")
                continue
            }
            let type = parameter.type ?? "String"
            if type == "SecureString" { secure += 1 }
            let value = parameter.value ?? ""
            if let reason = PlaceholderDetector.reason(value, extraWords: placeholderWords) {
                placeholders.append("\(name) holds \(describe(reason)) (\(value.count) characters, \(type))")
            }
        }
        if missing.isEmpty, placeholders.isEmpty {
            let noun = names.count == 1 ? "parameter" : "parameters"
            let secureText = secure == 0 ? "" : " (\(secure) SecureString)"
            return .pass("\(names.count) \(noun) set\(secureText)")
        }
        var counts: [String] = []
        if !missing.isEmpty { counts.append("\(missing.count) missing") }
        if !placeholders.isEmpty { counts.append("\(placeholders.count) \(placeholders.count == 1 ? "placeholder" : "placeholders")") }
        let bad = missing.count + placeholders.count
        var lines = ["\(bad) of \(names.count) parameters not usable: \(counts.joined(separator: ", "))"]
        let problems = missing + placeholders
        lines += problems.prefix(maximumLines).map { "  \($0)" }
        if problems.count > maximumLines { lines.append("  … and \(problems.count - maximumLines) more") }
        return .fail(missing.isEmpty ? .placeholder : .missing, lines.joined(separator: "\n"))
    }

    /// GetParameters names a parameter asked for by ARN with its plain name.
    private static func lookupByARN(_ name: String, _ byName: [String: SSMParameter]) -> SSMParameter? {
        guard name.hasPrefix("arn:"), let range = name.range(of: ":parameter") else { return nil }
        let plain = String(name[range.upperBound...])
        return byName[plain] ?? byName["/" + plain]
    }

    /// The detector's reason without the quoted value: "a placeholder", "a placeholder (a run of x's)".
    static func describe(_ reason: String) -> String {
        guard let range = reason.range(of: "\" is ", options: .backwards) else { return "a placeholder" }
        let kind = String(reason[range.upperBound...])
        return kind == "a placeholder" ? kind : "a placeholder (\(kind))"
    }
}
