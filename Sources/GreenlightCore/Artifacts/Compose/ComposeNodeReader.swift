import Yams

/// A key of a YAML mapping with its value, after `<<` merge keys are resolved.
struct ComposeMapItem {
    let key: String
    let keyNode: Node
    let value: Node
    let keyLocation: SourceLocation
}

/// Reads typed, located, interpolated values out of Yams nodes and collects the issues,
/// interpolation errors and interpolation records met on the way.
struct ComposeNodeReader {
    let source: SourceText
    var environment: ComposeEnvironment
    var issues: [ParseIssue] = []
    var interpolationErrors: [ParseIssue] = []
    var interpolations: [SourceLocation: ComposeInterpolation] = [:]
    /// Bounds the work merge keys can cause (aliases can repeat a mapping many times).
    private var mergeBudget = 200_000
    private static let maximumMergeDepth = 64
    private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let trueSpellings: Set<String> = ["true", "True", "TRUE"]
    private static let falseSpellings: Set<String> = ["false", "False", "FALSE"]

    init(source: SourceText, environment: ComposeEnvironment) {
        self.source = source
        self.environment = environment
    }

    // MARK: Locations and issues

    func location(_ node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: source.path, line: 1, column: 1) }
        return ComposeYAML.clamp(line: mark.line, column: mark.column, in: source)
    }

    mutating func issue(_ message: String, at node: Node) {
        issues.append(ParseIssue(message, at: location(node)))
    }

    /// "a mapping", "a list", "a string" or "null", for messages about wrong shapes.
    func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar: isNull(node) ? "null" : "a scalar"
        case .alias: "an alias"
        }
    }

    mutating func wrongShape(_ what: String, expected: String, _ node: Node) {
        issue("\(what) must be \(expected), found \(kind(node))", at: node)
    }

    // MARK: Scalars

    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return Self.nullSpellings.contains(scalar.string)
    }

    /// A YAML explicit tag such as `!reset` or `!override`, if any.
    func explicitTag(_ node: Node) -> String? {
        let name = node.tag.description
        return name.hasPrefix("!") && !name.hasPrefix("tag:") ? name : nil
    }

    /// The interpolated text of a scalar; nil for null (no issue) or a non-scalar (issue).
    mutating func string(_ node: Node, _ what: String) -> Located<String>? {
        guard case .scalar(let scalar) = node else {
            wrongShape(what, expected: "a string", node)
            return nil
        }
        if isNull(node) { return nil }
        let at = location(node)
        return Located(interpolate(scalar.string, at: at), at: at)
    }

    /// Interpolates `raw` written at `location`, recording what it used. A value reached
    /// again through an alias is recorded (and its errors reported) once.
    mutating func interpolate(_ raw: String, at location: SourceLocation) -> String {
        guard ComposeTemplate.needsExpansion(raw) else { return raw }
        if let earlier = interpolations[location], earlier.raw == raw { return earlier.value }
        let environment = self.environment
        let result = ComposeTemplate.expand(raw) { environment.lookup($0) }
        interpolations[location] = ComposeInterpolation(raw: raw, value: result.value, uses: result.uses, location: location)
        for message in result.errors { interpolationErrors.append(ParseIssue(message, at: location)) }
        for name in result.missing { self.environment.missingVariables.append(Located(name, at: location)) }
        return result.value
    }

    mutating func int(_ node: Node, _ what: String) -> Located<Int>? {
        guard let text = string(node, what) else { return nil }
        guard let value = ComposeASCII.integer(text.value.utf8) else {
            issue("\(what) must be an integer, found '\(text.value)'", at: node)
            return nil
        }
        return Located(value, at: text.location)
    }

    mutating func bool(_ node: Node, _ what: String) -> Bool? {
        guard let text = string(node, what) else { return nil }
        if Self.trueSpellings.contains(text.value) { return true }
        if Self.falseSpellings.contains(text.value) { return false }
        issue("\(what) must be true or false, found '\(text.value)'", at: node)
        return nil
    }

    /// A single string or a list of strings.
    mutating func stringList(_ node: Node, _ what: String) -> [Located<String>] {
        switch node {
        case .scalar:
            return string(node, what).map { [$0] } ?? []
        case .sequence(let sequence):
            return sequence.compactMap { string($0, "an item of \(what)") }
        default:
            wrongShape(what, expected: "a string or a list of strings", node)
            return []
        }
    }

    // MARK: Mappings

    /// The items of a mapping with merge keys resolved; nil for null (no issue) or any
    /// other shape (issue).
    mutating func mapping(_ node: Node, _ what: String) -> [ComposeMapItem]? {
        if isNull(node) { return nil }
        guard case .mapping(let mapping) = node else {
            wrongShape(what, expected: "a mapping", node)
            return nil
        }
        return items(of: mapping, depth: 0)
    }

    /// Explicit keys win over merged ones; among merge sources the earlier one wins.
    /// Merged keys take the position of their `<<` key.
    private mutating func items(of mapping: Node.Mapping, depth: Int) -> [ComposeMapItem] {
        var ordered: [(item: ComposeMapItem, merged: Bool)] = []
        var explicitKeys = Set<String>()
        var mergedKeys = Set<String>()
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                issue("mapping keys must be strings, found \(kind(keyNode))", at: keyNode)
                continue
            }
            if keyScalar.string == "<<", keyScalar.style == .plain || keyScalar.style == .any {
                for source in mergeSources(value, depth: depth) {
                    for item in source where !mergedKeys.contains(item.key) {
                        mergedKeys.insert(item.key)
                        ordered.append((item, true))
                    }
                }
                continue
            }
            explicitKeys.insert(keyScalar.string)
            ordered.append((ComposeMapItem(
                key: keyScalar.string, keyNode: keyNode, value: value, keyLocation: location(keyNode)
            ), false))
        }
        if mergedKeys.isEmpty { return ordered.map(\.item) }
        return ordered.compactMap { entry in
            entry.merged && explicitKeys.contains(entry.item.key) ? nil : entry.item
        }
    }

    private mutating func mergeSources(_ value: Node, depth: Int) -> [[ComposeMapItem]] {
        guard depth < Self.maximumMergeDepth else {
            issue("merge keys nested more than \(Self.maximumMergeDepth) levels deep", at: value)
            return []
        }
        let candidates: [Node]
        switch value {
        case .mapping: candidates = [value]
        case .sequence(let sequence): candidates = Array(sequence)
        default:
            wrongShape("a '<<' merge key", expected: "a mapping or a list of mappings", value)
            return []
        }
        var sources: [[ComposeMapItem]] = []
        for candidate in candidates {
            guard case .mapping(let mapping) = candidate else {
                wrongShape("an item of a '<<' merge key", expected: "a mapping", candidate)
                continue
            }
            guard mergeBudget >= mapping.count else {
                if mergeBudget >= 0 { issue("merge keys expand to too many entries; the rest is ignored", at: candidate) }
                mergeBudget = -1
                continue
            }
            mergeBudget -= mapping.count
            sources.append(items(of: mapping, depth: depth + 1))
        }
        return sources
    }
}
