/// The Makefile variables whose value is plain, certain text: assigned once
/// with `=`, `:=`, `::=` or `?=`, outside conditionals, and not appended to.
enum MakefileVariables {
    private static let conditionalOpeners: Set<String> = ["ifeq", "ifneq", "ifdef", "ifndef"]

    static func collect(_ source: SourceText, _ lines: [[Range<Int>]]) -> [String: String] {
        var values: [String: String] = [:]
        var uncertain: Set<String> = []
        var conditionalDepth = 0
        for ranges in lines {
            let joined = ranges.map { String(decoding: source.bytes[$0], as: UTF8.self) }.map { line in
                RecipeLines.continues(Array(line.utf8)[...]) ? String(line.dropLast()) : line
            }.joined(separator: " ")
            let text = RequirementsText.trim(joined)
            let firstWord = text.split(separator: " ").first.map(String.init) ?? ""
            if conditionalOpeners.contains(firstWord) { conditionalDepth += 1; continue }
            if firstWord == "endif" { conditionalDepth = max(0, conditionalDepth - 1); continue }
            if firstWord == "else" { continue }
            guard let (name, operation, value) = assignment(text) else { continue }
            if uncertain.contains(name) { continue }
            if conditionalDepth > 0 || operation == "+=" || operation == "!=" {
                uncertain.insert(name)
                values[name] = nil
                continue
            }
            if operation == "?=" {
                if values[name] == nil { values[name] = value }
            } else {
                values[name] = value
            }
        }
        return values
    }

    /// `NAME op value` with the operator and the value without a trailing comment.
    static func assignment(_ line: String) -> (String, String, String)? {
        var text = line
        for prefix in ["export ", "override ", "private "] where text.hasPrefix(prefix) {
            text = RequirementsText.trim(String(text.dropFirst(prefix.count)))
        }
        let bytes = Array(text.utf8)
        guard let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else { return nil }
        var nameEnd = equals
        var operation = "="
        if equals > 0, [UInt8(ascii: "?"), UInt8(ascii: "+"), UInt8(ascii: "!")].contains(bytes[equals - 1]) {
            operation = String(decoding: bytes[(equals - 1)...equals], as: UTF8.self)
            nameEnd = equals - 1
        } else {
            var colons = 0
            while nameEnd > 0, bytes[nameEnd - 1] == UInt8(ascii: ":") { nameEnd -= 1; colons += 1 }
            if colons > 0 { operation = String(repeating: ":", count: colons) + "=" }
        }
        let name = RequirementsText.trim(String(decoding: bytes[..<nameEnd], as: UTF8.self))
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.allSatisfy({ BuildShellLexer.isNameByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
        else { return nil }
        var valueBytes = Array(bytes[(equals + 1)...])
        if let hash = valueBytes.firstIndex(of: UInt8(ascii: "#")) { valueBytes = Array(valueBytes[..<hash]) }
        return (name, operation, RequirementsText.trim(String(decoding: valueBytes, as: UTF8.self)))
    }

    /// A rule line (`target: prerequisites`), as opposed to an assignment or directive.
    static func isRule(_ line: String) -> Bool {
        if assignment(line) != nil {
            // `target: VAR = value` is a target-specific assignment, still a rule line.
            let bytes = Array(line.utf8)
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) else {
                return false
            }
            return colon < equals && colon + 1 < bytes.count && bytes[colon + 1] != UInt8(ascii: "=")
                && bytes[colon + 1] != UInt8(ascii: ":")
        }
        return line.utf8.contains(UInt8(ascii: ":"))
    }
}
