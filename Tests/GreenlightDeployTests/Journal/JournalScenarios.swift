import Foundation
@testable import GreenlightDeploy

/// Whole deployments of `JournalFixture.runbook`, one per way a deployment can stand.
enum JournalScenarios {
    typealias F = JournalFixture

    static var succeeded: String {
        let steps = F.preflight + F.deployed + [
            F.step(2, 0, from: 200, to: 200, .passed),
            F.step(2, 1, from: 200.5, to: 201.3, .passed, message: "api: HTTP 200; web: HTTP 200"),
            F.step(2, 2, from: 201.5, to: 231.5, .passed),
        ]
        let events = [
            F.event(.started, 0.5, "on laptop (pid 4242)"),
            F.event(.gateWaiting, 80.5, "Ship to everyone?"),
            F.event(.gateApproved, 199, "approved by alice@example.com"),
            F.event(.finished, 232, "succeeded"),
        ]
        return F.render(F.deployment(.succeeded, phase: 2, finished: 232), steps, events)
    }

    static var rolledBack: String {
        var deployment = F.deployment(.rolledBack, phase: 1, finished: 60, failure: "Update service failed: exit status 254")
        deployment.freezeOverrideReason = "hotfix for INC-42 | customers cannot log in"
        let steps = F.preflight + F.failedUpdate + [
            F.step(1, .rollback, 0, from: 45, to: 52.4, .passed, exit: 0),
            F.step(0, .rollback, 0, from: 52.5, to: 53, .passed, exit: 0),
        ]
        let events = [
            F.event(.started, 0.5, "on laptop (pid 4242)"),
            F.event(.freezeOverridden, 0.6, "hotfix for INC-42 | customers cannot log in"),
            F.event(.note, 0.7, "Deploying the *login* fix from `main`."),
            F.event(.rollbackStarted, 44, "after Update service failed"),
            F.event(.rollbackFinished, 53.5, "2 steps passed"),
            F.event(.finished, 60, "rolled back"),
        ]
        return F.render(deployment, steps, events)
    }

    static var failedRollback: String {
        let deployment = F.deployment(.failed, phase: 1, finished: 60, failure: "Update service failed: exit status 254")
        let steps = F.preflight + F.failedUpdate + [
            F.step(1, .rollback, 0, from: 45, to: 47, .failed, exit: 255, message: "exit status 255",
                   output: "An error occurred (AccessDenied) when calling UpdateService\n"),
        ]
        let events = [
            F.event(.started, 0.5),
            F.event(.rollbackStarted, 44, "after Update service failed"),
            F.event(.rollbackFinished, 47.5, "rollback failed"),
            F.event(.finished, 60, "failed"),
        ]
        return F.render(deployment, steps, events)
    }

    static var awaitingApproval: String {
        let events = [F.event(.started, 0.5), F.event(.gateWaiting, 80.5, "Ship to everyone?")]
        return F.render(F.deployment(.awaitingApproval, phase: 1), F.preflight + F.deployed, events)
    }

    static var interrupted: String {
        let steps = F.preflight + [F.step(1, 0, from: 10, to: 41.2, .passed, exit: 0), F.step(1, 1, from: 41.5, to: nil, nil)]
        return F.render(F.deployment(.running, phase: 1), steps, [F.event(.started, 0.5)])
    }
}
