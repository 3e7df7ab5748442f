import Yams

extension ConfigurationLoader.Reader {
    /// A list of steps under `section` (`steps`, `exit-criteria`, `rollback`), each of
    /// an action in `allowed`.
    mutating func runbookSteps(_ node: Node, section: String, allowed: [String], probeNames: [String]?) -> [RunbookStep] {
        if YAMLLoading.isNull(node) { return [] }
        guard case .sequence(let sequence) = node else {
            report("\(section) must be a list of steps (- run: ./deploy.sh)", node)
            return []
        }
        var steps: [RunbookStep] = []
        for item in sequence {
            if let step = runbookStep(item, section: section, allowed: allowed, probeNames: probeNames) { steps.append(step) }
        }
        return steps
    }

    /// One step: exactly one action key, its options beside or inside it, and `name:`.
    mutating func runbookStep(_ node: Node, section: String, allowed: [String], probeNames: [String]?) -> RunbookStep? {
        let actionList = RunbookLoader.Keys.actions.joined(separator: ", ")
        guard let entries = YAMLLoading.entries(node) else {
            report("each step must be a mapping with one of \(actionList) (- run: ./deploy.sh)", node)
            return nil
        }
        let keyed = entries.map { (key: normalizedKey($0.key), written: $0.key, keyNode: $0.keyNode, value: $0.value) }
        var actions = keyed.filter { RunbookLoader.Keys.actions.contains($0.key) }
        if actions.contains(where: { $0.key == "verify" }) { actions.removeAll { $0.key == "wait" } }
        guard let action = actions.first else {
            var message = "a step has exactly one of \(actionList); this one has none"
            for entry in keyed where entry.key != "name" {
                if let suggestion = Suggestion.closest(to: entry.key, in: RunbookLoader.Keys.actions) {
                    message += " (did you mean '\(suggestion)' for '\(entry.written)'?)"
                    break
                }
            }
            report(message, node)
            return nil
        }
        guard actions.count == 1 else {
            report("a step has exactly one of \(actionList); this one has \(actions.map(\.written).joined(separator: " and ")); "
                   + "make each its own step", actions[1].keyNode)
            return nil
        }
        guard allowed.contains(action.key) else {
            let kinds = allowed.dropLast().joined(separator: ", ") + " and " + (allowed.last ?? "")
            report("\(section) may hold only \(kinds) steps, not \(action.key)", action.keyNode)
            return nil
        }
        let optionKeys = RunbookLoader.Keys.actionOptions[action.key] ?? []
        var name: String?
        var options: [String: (keyNode: Node, value: Node)] = [:]
        for entry in keyed where entry.key != action.key {
            if entry.key == "name" {
                name = requiredText(entry.value, key: "step name", at: node, missing: "")
            } else if optionKeys.contains(entry.key), options[entry.key] == nil {
                options[entry.key] = (entry.keyNode, entry.value)
            } else if optionKeys.contains(entry.key) {
                report("'\(entry.written)' is given twice in this step; give it once", entry.keyNode)
            } else {
                misplacedStepKey(entry.written, normalized: entry.key, entry.keyNode, kind: action.key, allowed: ["name"] + optionKeys)
            }
        }
        var value = action.value
        if case .mapping = action.value, let valueKey = RunbookLoader.Keys.actionValue[action.key] {
            let before = issues.count
            let inner = runbookFields(action.value, allowed: [valueKey] + optionKeys, section: action.key)
            for (key, entry) in inner.entries.sorted(by: { $0.key < $1.key }) where key != valueKey {
                if options[key] != nil {
                    report("'\(key)' is given both inside \(action.key): and beside it; give it once", entry.keyNode)
                } else {
                    options[key] = entry
                }
            }
            guard let inside = inner[valueKey] else {
                if issues.count == before { report("\(action.key): needs \(valueKey): when written as a mapping", action.value) }
                return nil
            }
            value = inside
        }
        guard let stepAction = runbookAction(action.key, value, options: options.mapValues(\.value), probeNames: probeNames) else {
            return nil
        }
        return RunbookStep(name: name, action: stepAction, location: YAMLLoading.location(of: node, in: source))
    }

    /// A key in a step that is neither its action, `name`, nor one of its options.
    mutating func misplacedStepKey(_ written: String, normalized: String, _ keyNode: Node, kind: String, allowed: [String]) {
        let owners = RunbookLoader.Keys.actionOptions.filter { $0.value.contains(normalized) }.map(\.key).sorted()
        if !owners.isEmpty {
            report("'\(written)' applies to \(owners.joined(separator: " and ")) steps, not \(kind)", keyNode)
        } else {
            unknownKey(written, keyNode, allowed: allowed, section: "a \(kind) step")
        }
    }

    /// The action of kind `kind` from its value and options; nil after reporting.
    mutating func runbookAction(_ kind: String, _ value: Node, options: [String: Node], probeNames: [String]?) -> StepAction? {
        switch kind {
        case "run":
            if case .sequence = value {
                report("run must be one command; write several lines as run: | followed by the lines", value)
                return nil
            }
            guard let command = requiredText(value, key: "run", at: value, missing: "", empty: "run has no command; give it one") else {
                return nil
            }
            var step = RunStep(command: command)
            if let node = options["timeout"] { step.timeout = duration(node, what: "timeout", allowZero: false) }
            if let node = options["directory"] { step.directory = requiredText(node, key: "directory", at: node, missing: "") }
            if let node = options["env"], let entries = mapping(node, what: "env") {
                for (name, keyNode, field) in entries {
                    if let text = environmentValue(name: name, keyNode: keyNode, value: field, section: "env") { step.environment[name] = text }
                }
            }
            return .run(step)
        case "check":
            guard let path = requiredText(value, key: "check", at: value, missing: "",
                                          empty: "check has no path; give the path to check (check: . for the whole project)") else {
                return nil
            }
            var step = CheckStep(path: path)
            if let node = options["fail-on"], let text = scalar(node, what: "fail-on") {
                if let level = FailLevel(rawValue: text) {
                    step.failOn = level
                } else {
                    report("fail-on must be one of \(FailLevel.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'", node)
                }
            }
            return .check(step)
        case "verify":
            guard let names = verifiedProbeNames(value, probeNames: probeNames) else { return nil }
            var step = VerifyStep(probes: names)
            if let node = options["wait"] { step.wait = duration(node, what: "wait", allowZero: false) }
            return .verify(step)
        case "wait":
            return duration(value, what: "wait", allowZero: false).map(StepAction.wait)
        default:
            return requiredText(value, key: "note", at: value, missing: "", empty: "note has no text; give it some").map(StepAction.note)
        }
    }

    /// `verify: api-health` or `verify: [api, db]`, each name defined; nil after reporting.
    mutating func verifiedProbeNames(_ value: Node, probeNames: [String]?) -> [String]? {
        var nodes: [Node] = [value]
        if case .sequence(let sequence) = value {
            guard !sequence.isEmpty else {
                report("verify names no probe; give a probe name or a list of them", value)
                return nil
            }
            nodes = Array(sequence)
        }
        var names: [String] = []
        for node in nodes {
            guard let name = requiredText(node, key: "verify", at: node, missing: "",
                                          empty: "verify names no probe; give a probe name or a list of them") else { continue }
            if let probeNames, !probeNames.contains(name) {
                var message = "probe '\(name)' is not defined in probes: or .greenlight.yml verify:"
                if let suggestion = Suggestion.closest(to: name, in: probeNames) {
                    message += "; did you mean '\(suggestion)'?"
                } else if probeNames.isEmpty {
                    message += "; no probes are defined"
                } else {
                    message += " (defined: \(probeNames.joined(separator: ", ")))"
                }
                report(message, node)
                continue
            }
            names.append(name)
        }
        return names.count == nodes.count ? names : nil
    }
}
