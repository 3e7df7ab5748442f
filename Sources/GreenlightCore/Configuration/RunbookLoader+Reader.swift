import Foundation
import Yams

/// Entries of one mapping by normalized key (`exit_criteria` is `exit-criteria`).
struct RunbookFields {
    var entries: [String: (keyNode: Node, value: Node)] = [:]

    subscript(key: String) -> Node? { entries[key]?.value }
}

extension ConfigurationLoader.Reader {
    /// The whole runbook. Problems go to `issues`; only the project's own
    /// configuration errors are thrown, as they are.
    mutating func runbook(fileDirectory: String,
                          project: (String) throws(ConfigurationError) -> VerifyConfiguration) throws(ConfigurationError) -> Runbook {
        var runbook = Runbook(path: source.path, name: "", environment: "", directory: fileDirectory)
        let (root, issue) = YAMLLoading.load(source)
        if let issue {
            issues.append(issue)
            return runbook
        }
        guard let root, !YAMLLoading.isNull(root) else {
            issues.append(ParseIssue("the runbook is empty; it needs name, environment and phases", at: source.location(line: 1)))
            return runbook
        }
        guard case .mapping = root else {
            report("a runbook must be a mapping with name, environment and phases", root)
            return runbook
        }
        let fields = runbookFields(root, allowed: RunbookLoader.Keys.topLevel, section: "the runbook")

        runbook.name = requiredText(fields["name"], key: "name", at: root,
                                    missing: "missing name: every runbook needs one (name: production-deploy)") ?? ""
        runbook.environment = requiredText(fields["environment"], key: "environment", at: root,
                                           missing: "missing environment: say where this deploys (environment: production)") ?? ""
        if let node = fields["description"] { runbook.description = scalar(node, what: "description") }
        if let node = fields["journal"], let journal = requiredText(node, key: "journal", at: root, missing: "") {
            runbook.journalDirectory = journal
        }
        if let node = fields["timeout"], let timeout = duration(node, what: "timeout", allowZero: false) {
            runbook.defaultTimeout = timeout
        }
        if let node = fields["variables"] { runbook.variables = runbookVariables(node) }
        if let node = fields["freeze"] { runbook.freeze = freezePolicy(node, what: "freeze") }

        var directoryIsKnown = true
        if let node = fields["directory"] {
            if let directory = runbookDirectory(node, fileDirectory: fileDirectory) {
                runbook.directory = directory
            } else {
                directoryIsKnown = false
            }
        } else {
            runbook.directory = RunbookLoader.projectRoot(from: fileDirectory)
        }
        let own = fields["probes"].map { verify($0) } ?? VerifyConfiguration()
        var probeNames: [String]?
        if directoryIsKnown {
            runbook.probes = RunbookLoader.merging(project: try project(runbook.directory), runbook: own)
            let declared = fields["probes"].map(declaredProbeNames) ?? []
            probeNames = runbook.probes.names + declared.filter { !runbook.probes.names.contains($0) }
        } else {
            runbook.probes = own
        }

        if let node = fields["phases"] {
            runbook.phases = runbookPhases(node, probeNames: probeNames)
        } else {
            report("missing phases: every runbook needs at least one (phases: [{name: Build, steps: [...]}])", root)
        }
        return runbook
    }

    /// Names given under `probes:`, valid or not, so a broken probe is reported once and
    /// not again at every step naming it.
    func declaredProbeNames(_ node: Node) -> [String] {
        var items: [Node] = []
        if case .sequence(let sequence) = node {
            items = Array(sequence)
        } else if let list = YAMLLoading.entries(node)?.first(where: { normalizedKey($0.key) == "probes" })?.value,
                  case .sequence(let sequence) = list {
            items = Array(sequence)
        }
        return items.compactMap { item in
            guard case .scalar(let name)? = YAMLLoading.entries(item)?.first(where: { $0.key == "name" })?.value else { return nil }
            return name.string
        }
    }

    /// A mapping's entries by normalized key; unknown and repeated keys are reported.
    mutating func runbookFields(_ node: Node, allowed: [String], section: String) -> RunbookFields {
        var fields = RunbookFields()
        guard let entries = mapping(node, what: section) else { return fields }
        for (key, keyNode, value) in entries {
            let normal = normalizedKey(key)
            guard allowed.contains(normal) else {
                unknownKey(key, keyNode, allowed: allowed, section: section)
                continue
            }
            if let earlier = fields.entries[normal] {
                let line = YAMLLoading.location(of: earlier.keyNode, in: source).line
                report("'\(key)' is the same key as '\(earlier.keyNode.string ?? normal)' on line \(line); give it once", keyNode)
                continue
            }
            fields.entries[normal] = (keyNode, value)
        }
        return fields
    }

    /// A single non-empty value; nil after reporting. `missing` is reported at `parent`
    /// when there is no value at all (no message when empty); `empty` when it is blank.
    mutating func requiredText(_ node: Node?, key: String, at parent: Node, missing: String, empty: String? = nil) -> String? {
        guard let node else {
            if !missing.isEmpty { report(missing, parent) }
            return nil
        }
        let emptyMessage = empty ?? "\(key) is empty; give it a value"
        if YAMLLoading.isNull(node) {
            report(emptyMessage, node)
            return nil
        }
        guard let text = scalar(node, what: key) else { return nil }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            report(emptyMessage, node)
            return nil
        }
        return text
    }

    /// `directory:` resolved against the runbook's folder; nil after reporting.
    mutating func runbookDirectory(_ node: Node, fileDirectory: String) -> String? {
        guard let text = requiredText(node, key: "directory", at: node, missing: "") else { return nil }
        let resolved = RunbookLoader.absolute(text, from: fileDirectory)
        guard RunbookLoader.isDirectory(resolved) else {
            report("directory '\(text)' is not a directory (it resolves to \(resolved)); it is relative to the runbook file", node)
            return nil
        }
        return resolved
    }

    /// `variables:` in declaration order; values kept as written.
    mutating func runbookVariables(_ node: Node) -> [RunbookVariable] {
        var variables: [RunbookVariable] = []
        guard let entries = mapping(node, what: "variables") else { return variables }
        for (name, keyNode, value) in entries {
            guard let template = environmentValue(name: name, keyNode: keyNode, value: value, section: "variables") else { continue }
            variables.append(RunbookVariable(name: name, template: template, location: YAMLLoading.location(of: keyNode, in: source)))
        }
        return variables
    }

    /// One `NAME: value` of `variables:` or `env:`; nil after reporting.
    mutating func environmentValue(name: String, keyNode: Node, value: Node, section: String) -> String? {
        guard RunbookLoader.isShellIdentifier(name) else {
            report("\(section): '\(name)' is not a valid variable name; use letters, digits and _, not starting with a digit", keyNode)
            return nil
        }
        if YAMLLoading.isNull(value) {
            report("\(section).\(name) has no value; write \(name): \"\" for an empty one", value)
            return nil
        }
        return scalar(value, what: "\(section).\(name)")
    }
}
