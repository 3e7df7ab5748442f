import Yams

/// Loads YAML into Yams nodes and turns Yams' errors into located `ParseIssue`s.
/// Shared by every YAML-based reader that is not a compose file (configuration,
/// runbooks), so that all of them report bad input the same way.
public enum YAMLLoading {
    /// The root node of `source`, or the located reason it could not be read.
    /// An empty document yields `nil` with no issue.
    public static func load(_ source: SourceText) -> (node: Node?, issue: ParseIssue?) {
        do {
            let node = try Yams.compose(yaml: source.string)
            return (node, nil)
        } catch {
            return (nil, issue(for: error, source: source, text: source.string))
        }
    }

    /// A located issue for a Yams error. Yams marks are 1-based lines and columns.
    public static func issue(for error: Error, source: SourceText, text: String) -> ParseIssue {
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

    /// The location of a node in `source`.
    public static func location(of node: Node, in source: SourceText) -> SourceLocation {
        guard let mark = node.mark else { return source.location(line: 1) }
        return source.location(line: mark.line, column: mark.column)
    }

    /// Mapping entries in document order with their keys as strings.
    public static func entries(_ node: Node) -> [(key: String, keyNode: Node, value: Node)]? {
        guard case let .mapping(mapping) = node else { return nil }
        return mapping.compactMap { pair in
            guard let key = pair.key.string else { return nil }
            return (key, pair.key, pair.value)
        }
    }
}

/// Closest match for a mistyped key, for "did you mean" suggestions.
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(word.lowercased(), candidate.lowercased())
            if distance <= max(2, candidate.count / 3), distance < (best?.1 ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.0
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

extension YAMLLoading {
    /// Whether a node is YAML null (`~`, `null`, or an empty value).
    public static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        if scalar.style != .plain { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
