/// `${NAME}` and `${NAME:-default}` references, as compose files and shells write them.
/// Used for probe options in `.greenlight.yml` and for runbook variables.
public enum VariableTemplate {
    /// Fills the references in `text` from `values`; names with no value and no default
    /// are left out of the text and listed in `missing`, in order of appearance.
    /// An empty value counts as unset when there is a default (as `${NAME:-default}` does in sh).
    public static func expand(_ text: String, values: [String: String]) -> (text: String, missing: [String]) {
        guard text.contains("${") else { return (text, []) }
        var result = ""
        var missing: [String] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            result += rest[..<start.lowerBound]
            guard let close = rest[start.upperBound...].firstIndex(of: "}") else {
                result += rest[start.lowerBound...]
                return (result, missing)
            }
            let body = rest[start.upperBound..<close]
            let name: Substring
            var fallback: Substring?
            if let separator = body.range(of: ":-") {
                name = body[..<separator.lowerBound]
                fallback = body[separator.upperBound...]
            } else {
                name = body
            }
            if let value = values[String(name)], !(value.isEmpty && fallback != nil) {
                result += value
            } else if let fallback {
                result += fallback
            } else {
                missing.append(String(name))
            }
            rest = rest[rest.index(after: close)...]
        }
        result += rest
        return (result, missing)
    }
}
