import Foundation

/// Reads only the `freeze:` key of a YAML file (a runbook or `.greenlight.yml`), so a
/// freeze can be checked without loading, or failing on, the rest of the file.
public enum FreezePolicyLoader {
    /// The policy under `freeze:` in the file at `path`; empty when the file has none.
    /// Messages name the file as `path` is written.
    public static func load(path: String) throws(ConfigurationError) -> FreezePolicy {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw ConfigurationError(issues: [ParseIssue(reason, at: SourceLocation(file: path, line: 1))])
        }
        return try parse(SourceText(path: path, bytes: [UInt8](data)))
    }

    /// The policy under `freeze:` in `source`.
    public static func parse(_ source: SourceText) throws(ConfigurationError) -> FreezePolicy {
        var reader = ConfigurationLoader.Reader(source: source, knownRules: [], environment: [:])
        let (root, issue) = YAMLLoading.load(source)
        if let issue { throw ConfigurationError(issues: [issue]) }
        guard let root, !YAMLLoading.isNull(root) else { return FreezePolicy() }
        var policy = FreezePolicy()
        if let entries = reader.mapping(root, what: "\(source.path) (at its top level)"),
           let freeze = entries.first(where: { $0.key == "freeze" }) {
            policy = reader.freezePolicy(freeze.value, what: "freeze")
        }
        if !reader.issues.isEmpty { throw ConfigurationError(issues: reader.issues) }
        return policy
    }
}
