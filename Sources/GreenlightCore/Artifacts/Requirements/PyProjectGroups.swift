/// PEP 735 `[dependency-groups]`: lists of requirement strings and
/// `{include-group = "name"}` tables, expanded with cycle detection.
struct DependencyGroupResolver {
    let table: TOMLTable
    var issues: [ParseIssue] = []
    private var resolved: [String: [PythonRequirement]] = [:]

    init(table: TOMLTable) {
        self.table = table
    }

    mutating func requirements(of group: String) -> [PythonRequirement] {
        var visiting: [String] = []
        return expand(group, visiting: &visiting, reportAt: nil)
    }

    private mutating func expand(_ group: String, visiting: inout [String], reportAt: SourceLocation?) -> [PythonRequirement] {
        if let done = resolved[group] { return done }
        let normalized = PythonRequirement.normalize(group)
        guard let key = table.keys.first(where: { PythonRequirement.normalize($0) == normalized }), let node = table[key] else {
            if let reportAt { issues.append(ParseIssue("dependency group '\(group)' does not exist", at: reportAt)) }
            return []
        }
        if visiting.contains(normalized) {
            issues.append(ParseIssue("dependency group '\(group)' includes itself", at: reportAt ?? node.location))
            return []
        }
        guard let items = node.array else {
            issues.append(ParseIssue("[dependency-groups] \(key) must be an array", at: node.location))
            return []
        }
        visiting.append(normalized)
        var result: [PythonRequirement] = []
        for item in items {
            if let text = item.string {
                if let requirement = PyProjectReader.requirement(text, at: item.location, issues: &issues) {
                    result.append(requirement)
                }
            } else if let include = item.table?["include-group"]?.string {
                result += expand(include, visiting: &visiting, reportAt: item.location)
            } else {
                issues.append(ParseIssue("[dependency-groups] \(key) entries must be strings or include-group tables", at: item.location))
            }
        }
        visiting.removeLast()
        if reportAt == nil || visiting.isEmpty { resolved[group] = result }
        return result
    }
}

/// Poetry dependency tables: `name = "^1.2"`, `name = {version = "...",
/// extras = [...], git/path/url = "...", develop = true, markers = "..."}`, or
/// an array of such constraints.
struct PoetryDependencyReader {
    var issues: [ParseIssue] = []

    struct Result {
        var requirements: [PythonRequirement] = []
        var python: Located<String>?
    }

    mutating func dependencies(_ node: TOMLNode?, field: String) -> Result {
        var result = Result()
        guard let node else { return result }
        guard let table = node.table else {
            issues.append(ParseIssue("\(field) must be a table", at: node.location))
            return result
        }
        for name in table.keys {
            guard let entry = table[name] else { continue }
            if name.lowercased() == "python" {
                if let constraint = entry.string { result.python = Located(constraint, at: entry.location) }
                continue
            }
            guard case .some = PEP508Cursor.validName(name) else {
                issues.append(ParseIssue("'\(name)' is not a valid package name", at: entry.location))
                continue
            }
            if let requirement = requirement(name, entry, field: field) { result.requirements.append(requirement) }
        }
        return result
    }

    private mutating func requirement(_ name: String, _ entry: TOMLNode, field: String) -> PythonRequirement? {
        switch entry.value {
        case .string(let constraint):
            let specifier = RequirementsText.trim(constraint)
            return PythonRequirement(
                name: name, specifier: specifier == "*" ? "" : specifier, pinnedVersion: Self.pin(specifier),
                location: entry.location)
        case .table(let options):
            let version = RequirementsText.trim(options["version"]?.string ?? "")
            let extras = options["extras"]?.array?.compactMap(\.string) ?? []
            let url = options["git"]?.string ?? options["path"]?.string ?? options["url"]?.string
            return PythonRequirement(
                name: name, extras: extras, specifier: version == "*" ? "" : version, pinnedVersion: Self.pin(version),
                marker: options["markers"]?.string, url: url, isEditable: options["develop"]?.boolean ?? false,
                location: entry.location)
        case .array:
            // Several constraints chosen by Python version or platform.
            return PythonRequirement(name: name, location: entry.location)
        default:
            issues.append(ParseIssue("\(field) \(name) must be a version string or a table", at: entry.location))
            return nil
        }
    }

    /// Poetry pins with `==1.2.3` or a bare `1.2.3`.
    static func pin(_ constraint: String) -> String? {
        var text = constraint
        if text.hasPrefix("==") { text = RequirementsText.trim(String(text.dropFirst(2))) }
        guard let first = text.utf8.first, (0x30...0x39).contains(first) else { return nil }
        let allowed = text.utf8.allSatisfy { PEP508Cursor.isVersionByte($0) && $0 != UInt8(ascii: "*") }
        return allowed ? text : nil
    }
}

extension PEP508Cursor {
    /// `name` when it is a whole valid PEP 508 distribution name.
    static func validName(_ name: String) -> String? {
        var cursor = PEP508Cursor(Array(name.utf8))
        guard let parsed = cursor.identifier(), cursor.isAtEnd else { return nil }
        return parsed
    }
}
