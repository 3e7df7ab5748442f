import Foundation

/// What the ECS probe learned about one service it was asked about.
struct ECSServiceFindings: Sendable {
    var name: String
    /// nil when ECS does not know the service.
    var service: ECSService?
    /// ECS's failure reason for a service it could not describe (`MISSING`).
    var failureReason: String?
    /// Secrets no container of the service's task definition receives.
    var lackingSecrets: [String] = []
    /// `family:revision` of the service's task definition, once read.
    var taskDefinitionLabel: String?
    /// Why the task definition could not be read for the secrets check.
    var taskDefinitionFailure: ProbeOutcome?
    /// Recently stopped tasks, newest first (read only for unstable services).
    var stoppedTasks: [ECSTask] = []

    var isMissing: Bool { service == nil || service?.status == "INACTIVE" }

    /// Why the service is not stable: "running 2 of 3", "2 deployments in progress: …".
    var stabilityProblems: [String] {
        guard let service else { return [] }
        var problems: [String] = []
        if let status = service.status, status != "ACTIVE" { problems.append("status \(status)") }
        let deployments = service.deployments ?? []
        if deployments.count > 1 {
            let described = deployments.map { deployment in
                var text = "\(deployment.status ?? "?") \(ECSReport.label(deployment.taskDefinition))"
                text += " \(deployment.runningCount ?? 0)/\(deployment.desiredCount ?? 0)"
                if let state = deployment.rolloutState { text += " \(state)" }
                return text
            }
            problems.append("\(deployments.count) deployments in progress: \(described.joined(separator: ", "))")
        } else if let deployment = deployments.first, deployment.rolloutState == "FAILED" {
            problems.append("deployment FAILED\(deployment.rolloutStateReason.map { ": \($0)" } ?? "")")
        }
        let running = service.runningCount ?? 0
        let desired = service.desiredCount ?? 0
        if running != desired { problems.append("running \(running) of \(desired)") }
        return problems
    }
}

/// Turns ECS findings into one outcome: a summary line, then a few lines of evidence.
enum ECSReport {
    static let maximumDetailLines = 8
    static let eventsPerService = 3
    static let stoppedTasksPerService = 3

    static func outcome(_ findings: [ECSServiceFindings], secrets: [String], now: Date) -> ProbeOutcome {
        var summary: [String] = []
        var details: [String] = []
        var failures: [ProbeFailure] = []
        for finding in findings {
            if finding.isMissing {
                var why = "missing"
                if finding.service?.status == "INACTIVE" {
                    why = "INACTIVE (deleted)"
                } else if let reason = finding.failureReason, reason != "MISSING" {
                    why = "not described (\(reason))"
                }
                summary.append("\(finding.name): \(why)")
                failures.append(.missing)
                continue
            }
            guard let service = finding.service else { continue }
            var problems = finding.stabilityProblems
            if !problems.isEmpty { failures.append(.unhealthy) }
            if !finding.lackingSecrets.isEmpty {
                let label = finding.taskDefinitionLabel ?? label(service.taskDefinition)
                let noun = finding.lackingSecrets.count == 1 ? "secret" : "secrets"
                problems.append("task definition \(label) lacks \(noun) \(finding.lackingSecrets.joined(separator: ", "))")
                failures.append(.missing)
            }
            if let failure = finding.taskDefinitionFailure {
                problems.append("secrets not checked: \(failure.detail)")
                failures.append(failure.failure ?? .protocolError)
            }
            if problems.isEmpty {
                summary.append("\(finding.name) stable (\(service.runningCount ?? 0)/\(service.desiredCount ?? 0))")
                continue
            }
            summary.append("\(finding.name): \(problems.joined(separator: ", "))")
            guard !finding.stabilityProblems.isEmpty else { continue }
            let events = (service.events ?? []).sorted { ($0.createdAt ?? 0) > ($1.createdAt ?? 0) }
            for event in events.prefix(eventsPerService) {
                details.append("\(finding.name) event \(time(event.createdAt, now: now)): \(event.message ?? "")")
            }
            for task in finding.stoppedTasks.prefix(stoppedTasksPerService) {
                details.append("\(finding.name) \(stoppedTaskLine(task, now: now))")
            }
        }
        let failure = [ProbeFailure.missing, .unhealthy].first(where: failures.contains) ?? failures.first
        guard let failure else {
            let counts = findings.compactMap { finding in
                finding.service.map { "\(finding.name) \($0.runningCount ?? 0)/\($0.desiredCount ?? 0)" }
            }
            let noun = findings.count == 1 ? "service" : "services"
            let secretText = secrets.isEmpty ? "" : "; \(secrets.count) \(secrets.count == 1 ? "secret" : "secrets") passed"
            return .pass("\(findings.count) \(noun) stable (\(counts.joined(separator: ", ")))\(secretText)")
        }
        var lines = [summary.joined(separator: "; ")]
        lines += details.prefix(maximumDetailLines).map { "  \($0)" }
        return .fail(failure, lines.joined(separator: "\n"))
    }

    /// `api:3` for `arn:aws:ecs:…:task-definition/api:3`.
    static func label(_ taskDefinition: String?) -> String {
        guard let taskDefinition else { return "?" }
        if let slash = taskDefinition.lastIndex(of: "/") { return String(taskDefinition[taskDefinition.index(after: slash)...]) }
        return taskDefinition
    }

    /// "task 1a2b3c4d stopped 12:36:00Z: Essential container in task exited (worker exit 1: OutOfMemoryError)".
    static func stoppedTaskLine(_ task: ECSTask, now: Date) -> String {
        let id = task.taskArn.map { String(label($0).prefix(8)) } ?? "?"
        let when = task.stoppedAt.map { " \(time($0, now: now))" } ?? ""
        var text = "task \(id) stopped\(when): \(task.stoppedReason ?? task.stopCode ?? "no reason given")"
        let containers = (task.containers ?? []).compactMap { container -> String? in
            let failed = (container.exitCode ?? 0) != 0
            guard failed || container.reason != nil else { return nil }
            var part = container.name ?? "container"
            if let code = container.exitCode { part += " exit \(code)" }
            if let reason = container.reason { part += ": \(reason)" }
            return part
        }
        if !containers.isEmpty { text += " (\(containers.joined(separator: "; ")))" }
        return text
    }

    /// `12:36:00Z` for a moment within a day of `now`, else `2015-08-30 12:36Z`.
    static func time(_ seconds: Double?, now: Date) -> String {
        guard let seconds else { return "?" }
        let stamp = AWSSigningText.timestamps(Date(timeIntervalSince1970: seconds)).amzDate
        let characters = Array(stamp)
        let clock = "\(String(characters[9...10])):\(String(characters[11...12])):\(String(characters[13...14]))Z"
        if abs(now.timeIntervalSince1970 - seconds) < 86_400 { return clock }
        let day = "\(String(characters[0...3]))-\(String(characters[4...5]))-\(String(characters[6...7]))"
        return "\(day) \(clock.prefix(5))Z"
    }
}
