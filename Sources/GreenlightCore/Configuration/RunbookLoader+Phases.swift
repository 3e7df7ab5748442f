import Yams

extension ConfigurationLoader.Reader {
    /// `phases:`, a non-empty list with unique names. `probeNames` are the probes
    /// `verify:` steps may name (nil: unknown, not checked).
    mutating func runbookPhases(_ node: Node, probeNames: [String]?) -> [RunbookPhase] {
        guard case .sequence(let sequence) = node else {
            report("phases must be a list of phases (- name: Build)", node)
            return []
        }
        guard !sequence.isEmpty else {
            report("phases is empty; a runbook needs at least one phase", node)
            return []
        }
        var phases: [RunbookPhase] = []
        var seen: [String: Int] = [:]
        let items = Array(sequence)
        for (index, item) in items.enumerated() {
            guard let phase = runbookPhase(item, isLast: index == items.count - 1, probeNames: probeNames) else { continue }
            if let line = seen[phase.name] {
                report("phase name '\(phase.name)' is already used on line \(line); phase names must be unique", item)
                continue
            }
            seen[phase.name] = phase.location.line
            phases.append(phase)
        }
        return phases
    }

    /// One phase; nil when it has no usable name.
    mutating func runbookPhase(_ node: Node, isLast: Bool, probeNames: [String]?) -> RunbookPhase? {
        guard case .mapping = node else {
            report("each phase must be a mapping with a name and steps (- name: Build)", node)
            return nil
        }
        var name: String?
        if let nameNode = YAMLLoading.entries(node)?.first(where: { normalizedKey($0.key) == "name" })?.value {
            name = requiredText(nameNode, key: "phase name", at: node, missing: "")
        } else {
            report("a phase needs a name (name: Pre-deployment analysis)", node)
        }
        let section = name.map { "phase '\($0)'" } ?? "a phase"
        let fields = runbookFields(node, allowed: RunbookLoader.Keys.phase, section: section)
        var phase = RunbookPhase(name: name ?? "", location: YAMLLoading.location(of: node, in: source))
        if let value = fields["description"] { phase.description = scalar(value, what: "\(section) description") }
        if let value = fields["changes-production"] {
            phase.changesProduction = boolean(value, what: "changes-production") ?? false
        }
        let before = issues.count
        if let value = fields["steps"] {
            phase.steps = runbookSteps(value, section: "steps", allowed: RunbookLoader.Keys.actions, probeNames: probeNames)
        }
        if let value = fields["exit-criteria"] {
            phase.exitCriteria = runbookSteps(value, section: "exit-criteria", allowed: RunbookLoader.Keys.exitCriteriaActions,
                                              probeNames: probeNames)
        }
        if phase.steps.isEmpty, phase.exitCriteria.isEmpty, issues.count == before {
            report("\(section) has no steps and no exit-criteria; give it at least one step", node)
        }
        if let value = fields["rollback"] {
            phase.rollback = runbookSteps(value, section: "rollback", allowed: RunbookLoader.Keys.actions, probeNames: probeNames)
        }
        if let value = fields["gate"] {
            phase.gate = runbookGate(value)
            if phase.gate != nil, isLast {
                report("gate on the last phase: there is no next phase to approve", value)
            }
        }
        guard let name else { return nil }
        phase.name = name
        return phase
    }

    /// `gate: true`, `gate: "Question?"` or `gate: {message: "Question?"}`; nil for
    /// `false`, an empty value, or after reporting.
    mutating func runbookGate(_ node: Node) -> RunbookGate? {
        let location = YAMLLoading.location(of: node, in: source)
        if YAMLLoading.isNull(node) { return nil }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain, ["true", "yes", "on", "false", "no", "off"].contains(scalar.string.lowercased()) {
                return boolean(node, what: "gate") == true ? RunbookGate(location: location) : nil
            }
            guard let message = requiredText(node, key: "gate", at: node, missing: "") else { return nil }
            return RunbookGate(message: message, location: location)
        case .mapping:
            let fields = runbookFields(node, allowed: RunbookLoader.Keys.gate, section: "gate")
            guard let value = fields["message"] else { return RunbookGate(location: location) }
            guard let message = requiredText(value, key: "gate message", at: node, missing: "") else { return nil }
            return RunbookGate(message: message, location: location)
        default:
            report("gate must be true, a question (gate: Deploy to production?) or {message: …}", node)
            return nil
        }
    }
}
