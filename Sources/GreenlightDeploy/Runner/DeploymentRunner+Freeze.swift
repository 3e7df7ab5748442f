import Foundation
import GreenlightCore

extension DeploymentRunner {
    /// Refuses to start inside a freeze window of the runbook or of the project's
    /// `.greenlight.yml`, unless overridden with a reason. Returns the reason to record
    /// when a freeze was overridden, nil when no freeze was in force.
    func checkFreeze() throws(DeployError) -> String? {
        let now = options.now()
        var refusals: [String] = []
        for policy in try freezePolicies() where !policy.isEmpty {
            let status = FreezeCalendar.status(of: policy, at: now)
            if status.frozen { refusals.append(FreezeCalendar.refusal(status, policy: policy, runbook: runbook.path)) }
        }
        guard !refusals.isEmpty else { return nil }
        if let reason = options.freezeOverrideReason { return reason }
        throw DeployError(.frozen, refusals.joined(separator: "\n"))
    }

    /// The runbook's freeze policy and the project's, each in its own time zone.
    private func freezePolicies() throws(DeployError) -> [FreezePolicy] {
        let project = (runbook.directory as NSString).appendingPathComponent(ConfigurationLoader.fileName)
        guard FileManager.default.fileExists(atPath: project) else { return [runbook.freeze] }
        do {
            return [runbook.freeze, try FreezePolicyLoader.load(path: project)]
        } catch {
            throw DeployError(.usage, error.description)
        }
    }
}
