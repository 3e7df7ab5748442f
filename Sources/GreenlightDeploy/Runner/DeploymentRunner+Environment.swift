import Foundation
import GreenlightCore

extension DeploymentRunner {
    /// The environment steps run with: the process environment, then the built-in
    /// variables, then the runbook's `variables:` in order (each may use the ones
    /// before it). A variable naming an unset `${VAR}` stops the deployment before it
    /// starts, with the variable's line.
    func makeExecutor(for deployment: DeploymentRecord) throws(DeployError) -> StepExecutor {
        var environment = options.environment
        for (name, value) in Self.builtins(deployment: deployment, journal: journalPath(deployment)) {
            environment[name] = value
        }
        var problems: [String] = []
        for variable in runbook.variables {
            let (value, missing) = VariableTemplate.expand(variable.template, values: environment)
            if !missing.isEmpty {
                let names = missing.map { "${\($0)}" }.joined(separator: ", ")
                problems.append("\(variable.location.file):\(variable.location.line): variable \(variable.name) uses \(names), which is not set")
            }
            environment[variable.name] = value
        }
        guard problems.isEmpty else {
            throw DeployError(.usage, problems.joined(separator: "\n") + "\nSet it in the environment, or give a default: ${NAME:-value}")
        }
        let progress = self.progress
        return StepExecutor(runbook: runbook, environment: environment, onOutput: { progress(.output($0)) })
    }

    /// Variables every step sees.
    static func builtins(deployment: DeploymentRecord, journal: String) -> [String: String] {
        var values = [
            "GREENLIGHT_DEPLOYMENT_ID": deployment.id,
            "GREENLIGHT_RUNBOOK": deployment.runbook,
            "GREENLIGHT_ENVIRONMENT": deployment.environment,
            "GREENLIGHT_JOURNAL": journal,
            "GREENLIGHT_ACTOR": deployment.actor,
        ]
        if let commit = deployment.gitCommit {
            values["GIT_SHA"] = commit
            values["GIT_SHORT_SHA"] = String(commit.prefix(7))
        }
        if let branch = deployment.gitBranch { values["GIT_BRANCH"] = branch }
        return values
    }
}

/// How deploy output words times, durations and statuses.
public enum DeployText {
    /// "2026-11-21 14:05:09", as the journal writes times.
    public static func time(_ date: Date, in timeZone: TimeZone) -> String {
        JournalClock(timeZone: timeZone).time(date)
    }

    /// "850ms", "12.4s", "4m 12s", "2h 5m".
    public static func duration(_ seconds: TimeInterval) -> String {
        if seconds < 1 { return "\(Int((seconds * 1000).rounded()))ms" }
        if seconds < 60 { return String(format: "%.1fs", seconds) }
        let total = Int(seconds.rounded())
        if total < 3600 { return "\(total / 60)m \(total % 60)s" }
        return "\(total / 3600)h \((total % 3600) / 60)m"
    }

    /// "succeeded", "rolled back", "awaiting approval"…
    public static func status(_ status: DeploymentStatus) -> String {
        status.rawValue.replacingOccurrences(of: "-", with: " ")
    }
}
