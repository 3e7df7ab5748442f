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

    /// A located issue for a Yams error. Yams marks are 1-based lines and columns.
    static func issue(for error: Error, source: SourceText, text: String) -> ParseIssue {
        guard let yamlError = error as? YamlError else {
            return ParseIssue("invalid YAML: \(error)", at: clamp(line: 1, column: 1, in: source))
        }
        switch yamlError {
        case let .scanner(context, problem, mark, _),
             let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return ParseIssue(
                "invalid YAML: \(problem)\(describe(context))",
                at: clamp(line: mark.line, column: mark.column, in: source)
            )
        case let .reader(problem, offset, _, _):
            return ParseIssue("invalid YAML: \(problem)", at: location(ofCharacterOffset: offset, in: text, source: source))
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ParseIssue(
                "invalid YAML: key \(keys) is defined more than once in the same mapping",
                at: clamp(line: context.mark.line, column: context.mark.column, in: source)
            )
        default:
            return ParseIssue("invalid YAML: \(yamlError)", at: clamp(line: 1, column: 1, in: source))
        }
    }

    private static func describe(_ context: YamlError.Context?) -> String {
        guard let context, !context.text.isEmpty else { return "" }
        return " (\(context.text) started at line \(context.mark.line), column \(context.mark.column))"
    }

    /// Yams reports reader errors as a character offset into the decoded text.
    private static func location(ofCharacterOffset offset: Int?, in text: String, source: SourceText) -> SourceLocation {
        guard let offset, offset >= 0,
              let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex)
        else { return clamp(line: 1, column: 1, in: source) }
        let byteOffset = text.utf8.distance(from: text.utf8.startIndex, to: index)
        return source.location(ofOffset: byteOffset)
    }

    static func clamp(line: Int, column: Int, in source: SourceText) -> SourceLocation {
        let lastLine = max(1, source.lineCount + 1)
        return SourceLocation(file: source.path, line: min(max(1, line), lastLine), column: max(1, column))
    }
}
