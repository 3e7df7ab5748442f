import Foundation
import GreenlightCore
@testable import GreenlightDeploy

/// One runbook (preflight, a production deploy with a gate and rollback, a verification
/// phase) and the records of deployments of it, at fixed times in Europe/Berlin.
enum JournalFixture {
    static let zone = TimeZone(identifier: "Europe/Berlin") ?? TimeZone(secondsFromGMT: 3600) ?? .current
    /// 2026-11-21 14:05:00 in Berlin (13:05:00 UTC).
    static let base = Date(timeIntervalSince1970: 1_795_266_300)
    static let id = "3fa9c2d1"

    static func at(_ seconds: TimeInterval) -> Date { base.addingTimeInterval(seconds) }

    static func location(_ line: Int) -> SourceLocation { SourceLocation(file: "deploy/production.yml", line: line) }

    static let runbook = Runbook(
        path: "deploy/production.yml", name: "Web app", environment: "production",
        description: "Ships the web app to the production ECS cluster.", directory: "/srv/app",
        phases: [
            RunbookPhase(
                name: "Preflight",
                steps: [
                    RunbookStep(name: "Static analysis", action: .check(CheckStep(path: ".")), location: location(6)),
                    RunbookStep(action: .verify(VerifyStep(probes: ["db"])), location: location(8)),
                ],
                rollback: [RunbookStep(action: .run(RunStep(command: "docker rmi app:${GIT_SHA}")), location: location(10))],
                location: location(4)),
            RunbookPhase(
                name: "Deploy",
                steps: [
                    RunbookStep(name: "Push image", action: .run(RunStep(command: "docker push app:${GIT_SHA}")), location: location(14)),
                    RunbookStep(name: "Update service", action: .run(RunStep(command: "aws ecs update-service --force-new-deployment")), location: location(16)),
                ],
                exitCriteria: [RunbookStep(action: .verify(VerifyStep(probes: ["api-health"], wait: .seconds(60))), location: location(19))],
                rollback: [RunbookStep(name: "Restore previous task definition",
                                       action: .run(RunStep(command: "aws ecs update-service --task-definition web:41")), location: location(22))],
                gate: RunbookGate(message: "Ship to everyone?", location: location(24)),
                changesProduction: true, location: location(12)),
            RunbookPhase(
                name: "Verify",
                description: "Watch the new tasks.",
                steps: [
                    RunbookStep(action: .note("Watch the error rate for 24 hours.\nPage the on-call if it rises."), location: location(28)),
                    RunbookStep(action: .verify(VerifyStep(probes: ["api", "web"])), location: location(30)),
                    RunbookStep(action: .wait(.seconds(30)), location: location(31)),
                ],
                location: location(26)),
        ])

    static func deployment(_ status: DeploymentStatus, phase: Int, finished: TimeInterval? = nil, failure: String? = nil) -> DeploymentRecord {
        DeploymentRecord(
            id: id, runbook: "Web app", runbookPath: "deploy/production.yml", runbookDigest: "abc", environment: "production",
            status: status, startedAt: at(0), finishedAt: finished.map(at), actor: "alice@example.com",
            gitCommit: "9b2e4f1c0d3a5b6e7f8091a2b3c4d5e6f7081920", gitBranch: "main", gitDirty: false,
            journalPath: "deployments/2026-11-21-web-app-3fa9c2d1.md", phaseIndex: phase, failureSummary: failure,
            productionChanged: phase >= 1, host: "laptop", pid: 4242)
    }

    static func step(_ phase: Int, _ index: Int, from start: TimeInterval, to end: TimeInterval?, _ outcome: StepOutcome?,
                     exit: Int32? = nil, message: String? = nil, output: String = "") -> StepRecord {
        step(phase, .steps, index, from: start, to: end, outcome, exit: exit, message: message, output: output)
    }

    static func step(_ phase: Int, _ section: StepSection, _ index: Int, from start: TimeInterval, to end: TimeInterval?,
                     _ outcome: StepOutcome?, exit: Int32? = nil, message: String? = nil, output: String = "") -> StepRecord {
        let phases = runbook.phases[phase]
        let planned = section == .steps ? phases.steps : section == .exitCriteria ? phases.exitCriteria : phases.rollback
        let action = planned[index]
        return StepRecord(deploymentID: id, phaseIndex: phase, phaseName: phases.name, section: section, stepIndex: index,
                          kind: action.action.kind, title: action.title, startedAt: at(start), finishedAt: end.map(at),
                          outcome: outcome, exitCode: exit, outputTail: output, message: message)
    }

    static func event(_ kind: DeploymentEvent.Kind, _ seconds: TimeInterval, _ message: String = "") -> DeploymentEvent {
        DeploymentEvent(deploymentID: id, at: at(seconds), kind: kind, message: message)
    }

    /// Phase 1 passed, at 0–9 s.
    static let preflight: [StepRecord] = [
        step(0, 0, from: 1, to: 3.2, .passed, message: "no findings"),
        step(0, 1, from: 3.5, to: 4.1, .passed, message: "db: PostgreSQL 16.4 answered"),
    ]

    /// Phase 2 steps passed, at 10–80 s.
    static let deployed: [StepRecord] = [
        step(1, 0, from: 10, to: 41.2, .passed, exit: 0),
        step(1, 1, from: 41.5, to: 44, .passed, exit: 0),
        step(1, .exitCriteria, 0, from: 44, to: 80, .passed, message: "api-health: HTTP 200 after 3 attempts"),
    ]

    static let failingOutput = (1...25).map { "line \($0)" }.joined(separator: "\n")
        + "\n```\nAn error occurred (ClientException) | cluster `web` not found\n"

    /// Phase 2's "Update service" failing at 44 s.
    static let failedUpdate: [StepRecord] = [
        step(1, 0, from: 10, to: 41.2, .passed, exit: 0),
        step(1, 1, from: 41.5, to: 44, .failed, exit: 254, message: "exit status 254", output: failingOutput),
    ]

    static func render(_ deployment: DeploymentRecord, _ steps: [StepRecord], _ events: [DeploymentEvent]) -> String {
        JournalRenderer.render(runbook: runbook, deployment: deployment, steps: steps, events: events, timeZone: zone)
    }

    /// The lines of one `## ` section, without its heading and surrounding blank lines.
    static func section(_ title: String, of journal: String) -> [String] {
        let lines = journal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("## \(title)") }) else { return [] }
        var body = Array(lines[(start + 1)...].prefix { !$0.hasPrefix("## ") })
        while body.first?.isEmpty == true { body.removeFirst() }
        while body.last?.isEmpty == true { body.removeLast() }
        return body
    }

    /// The `## ` headings in order.
    static func headings(_ journal: String) -> [String] {
        journal.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
    }
}
