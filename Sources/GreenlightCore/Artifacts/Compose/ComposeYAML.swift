import Yams

/// Turns compose bytes into a Yams node tree, or one located issue when the YAML is invalid.
enum ComposeYAML {
    /// The root node of each document (compose merges several documents in order), or
    /// no nodes and one issue when the YAML cannot be read.
    static func load(_ source: SourceText, issues: inout [ParseIssue]) -> [Node] {
        let text = source.string
        do {
            // The basic resolver tags every plain scalar as a string: values are typed by
            // the compose reader itself, and key comparison stays free of regex work.
            let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            var documents: [Node] = []
            while let root = try parser.nextRoot() { documents.append(root) }
            return documents
        } catch {
            issues.append(issue(for: error, source: source, text: text))
            return []
        }
    }

    static func issue(for error: Error, source: SourceText, text: String) -> ParseIssue {
        YAMLLoading.issue(for: error, source: source, text: text)
    }

    static func clamp(line: Int, column: Int, in source: SourceText) -> SourceLocation {
        YAMLLoading.clamp(line: line, column: column, in: source)
    }
}
