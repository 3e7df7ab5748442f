import Foundation
import Testing
@testable import GreenlightVerify

/// The pure judging and wording of SSM and ECS findings.
@Suite struct AWSReportTests {
    @Test func placeholderReasonsLoseTheirValue() {
        #expect(SSMReport.describe("\"changeme\" is a placeholder") == "a placeholder")
        #expect(SSMReport.describe("\"xxxxxx\" is a run of x's") == "a placeholder (a run of x's)")
        #expect(SSMReport.describe("\"<api-key>\" is a template marker") == "a placeholder (a template marker)")
    }

    @Test func parametersAskedForByARNAreMatched() {
        let arn = "arn:aws:ssm:us-east-1:123456789012:parameter/app/TOKEN"
        let outcome = SSMReport.outcome(names: [arn], parameters: [SSMParameter(name: "/app/TOKEN", type: "SecureString", value: "<token>")],
                                        invalid: [], placeholderWords: [])
        #expect(outcome.failure == .placeholder)
        #expect(outcome.detail.hasSuffix("\(arn) holds a placeholder (a template marker) (7 characters, SecureString)"))
        #expect(!outcome.detail.contains("<token>"))
    }

    static let now = Date(timeIntervalSince1970: 1_440_938_160)

    func service(_ name: String, running: Int, desired: Int, deployments: [ECSDeployment] = [],
                 events: [ECSEvent] = []) -> ECSService {
        ECSService(serviceName: name, status: "ACTIVE", desiredCount: desired, runningCount: running, pendingCount: 0,
                   taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/\(name):4", deployments: deployments, events: events)
    }

    @Test func twoDeploymentsAreNamedWithTheirCounts() {
        let rolling = service("api", running: 2, desired: 2, deployments: [
            ECSDeployment(status: "PRIMARY", taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/api:4", desiredCount: 2,
                          runningCount: 1, rolloutState: "IN_PROGRESS"),
            ECSDeployment(status: "ACTIVE", taskDefinition: "arn:aws:ecs:us-east-1:1:task-definition/api:3", desiredCount: 2,
                          runningCount: 1, rolloutState: "COMPLETED"),
        ])
        let outcome = ECSReport.outcome([ECSServiceFindings(name: "api", service: rolling)], secrets: [], now: Self.now)
        #expect(outcome.failure == .unhealthy)
        #expect(outcome.detail == "api: 2 deployments in progress: PRIMARY api:4 1/2 IN_PROGRESS, ACTIVE api:3 1/2 COMPLETED")
    }

    @Test func unstableServicesShowTheLatestEventsAndStoppedTasks() {
        let events = (0..<5).map { ECSEvent(createdAt: Self.now.timeIntervalSince1970 - Double($0) * 60, message: "event \($0)") }
        let worker = service("worker", running: 1, desired: 3, events: events.reversed())
        let task = ECSTask(taskArn: "arn:aws:ecs:us-east-1:1:task/prod/0123456789abcdef", stoppedReason: "Essential container in task exited",
                           stopCode: "EssentialContainerExited", stoppedAt: Self.now.timeIntervalSince1970 - 30,
                           containers: [ECSContainer(name: "worker", exitCode: 137, reason: "OutOfMemoryError: Container killed due to memory usage"),
                                        ECSContainer(name: "sidecar", exitCode: 0, reason: nil)])
        let findings = [ECSServiceFindings(name: "worker", service: worker, stoppedTasks: [task])]
        let lines = ECSReport.outcome(findings, secrets: [], now: Self.now).detail.split(separator: "\n").map(String.init)
        #expect(lines == [
            "worker: running 1 of 3",
            "  worker event 12:36:00Z: event 0",
            "  worker event 12:35:00Z: event 1",
            "  worker event 12:34:00Z: event 2",
            "  worker task 01234567 stopped 12:35:30Z: Essential container in task exited (worker exit 137: OutOfMemoryError: Container killed due to memory usage)",
        ])
    }

    @Test func oldEventsCarryTheirDate() {
        #expect(ECSReport.time(Self.now.timeIntervalSince1970 - 3 * 86_400, now: Self.now) == "2015-08-27 12:36Z")
    }

    @Test func inactiveServicesAreMissingAndMissingOutranksUnhealthy() {
        var deleted = service("old", running: 0, desired: 0)
        deleted.status = "INACTIVE"
        let findings = [ECSServiceFindings(name: "old", service: deleted),
                        ECSServiceFindings(name: "web", service: service("web", running: 0, desired: 1))]
        let outcome = ECSReport.outcome(findings, secrets: [], now: Self.now)
        #expect(outcome.failure == .missing)
        #expect(outcome.detail == "old: INACTIVE (deleted); web: running 0 of 1")
    }

    @Test func otherDescribeFailuresKeepTheirReason() {
        let outcome = ECSReport.outcome([ECSServiceFindings(name: "api", service: nil, failureReason: "ACCESS_DENIED")], secrets: [], now: Self.now)
        #expect(outcome.failure == .missing)
        #expect(outcome.detail == "api: not described (ACCESS_DENIED)")
    }

    @Test func passListsEveryService() {
        let findings = [ECSServiceFindings(name: "api", service: service("api", running: 2, desired: 2)),
                        ECSServiceFindings(name: "web", service: service("web", running: 1, desired: 1))]
        #expect(ECSReport.outcome(findings, secrets: [], now: Self.now) == .pass("2 services stable (api 2/2, web 1/1)"))
    }
}
