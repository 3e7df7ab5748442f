import Foundation
import GreenlightDeploy
import Testing

@Suite struct HistoryReportTests {
    let utc = TimeZone(secondsFromGMT: 0) ?? .current

    var records: [DeploymentRecord] {
        var first = MetricsFixture.deployment("3fa9c2d1", "production", .succeeded, MetricsFixture.march(3, 10), seconds: 240)
        first.actor = "ana@example.com"
        var second = MetricsFixture.deployment("77b0e4aa", "staging", .rolledBack, MetricsFixture.march(4, 9, 30), seconds: 30)
        second.runbook = "web-api"
        second.gitCommit = nil
        second.actor = "ci"
        second.failureSummary = "phase switch: verify api failed (refused)"
        var third = MetricsFixture.deployment("0c1d2e3f", "production", .running, MetricsFixture.march(29, 8), seconds: nil)
        third.gitCommit = "fedcba9876543210"
        third.gitDirty = true
        third.actor = "bo"
        return [first, second, third]
    }

    @Test func oneAlignedLinePerDeployment() {
        #expect(HistoryReport(timeZone: utc).text(records) == """
            ID        RUNBOOK  ENVIRONMENT  COMMIT    STARTED           DURATION  OUTCOME      WHO
            3fa9c2d1  web      production   0123456   2025-03-03 10:00     4m 0s  succeeded    ana@example.com
            77b0e4aa  web-api  staging      –         2025-03-04 09:30       30s  rolled-back  ci
            0c1d2e3f  web      production   fedcba9*  2025-03-29 08:00         –  running      bo

            """)
    }

    @Test func startTimesAreInTheGivenZone() throws {
        let tokyo = try #require(TimeZone(secondsFromGMT: 9 * 3600))
        #expect(HistoryReport(timeZone: tokyo).text(records).contains("  2025-03-03 19:00  "))
    }

    @Test func jsonHasEveryFieldInSnakeCase() throws {
        let text = HistoryReport(timeZone: utc).json(records)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let deployments = try #require(document["deployments"] as? [[String: Any]])
        #expect(deployments.count == 3)
        #expect(deployments[0]["id"] as? String == "3fa9c2d1")
        #expect(deployments[0]["started_at"] as? String == "2025-03-03T10:00:00Z")
        #expect(deployments[0]["finished_at"] as? String == "2025-03-03T10:04:00Z")
        #expect(deployments[0]["duration_seconds"] as? Int == 240)
        #expect(deployments[0]["git_commit"] as? String == "0123456789abcdef")
        #expect(deployments[1]["status"] as? String == "rolled-back")
        #expect(deployments[1]["git_commit"] is NSNull)
        #expect(deployments[1]["failure_summary"] as? String == "phase switch: verify api failed (refused)")
        #expect(deployments[2]["outcome"] as? String == "running")
        #expect(deployments[2]["finished_at"] is NSNull)
        #expect(deployments[2]["git_dirty"] as? Bool == true)
    }

    /// A running deployment whose process on this machine has exited is interrupted;
    /// one whose process lives, or that ran on another machine, is running.
    @Test func runningWithoutItsProcessIsInterrupted() throws {
        let exited = Process()
        exited.executableURL = URL(fileURLWithPath: "/bin/sh")
        exited.arguments = ["-c", "exit 0"]
        try exited.run()
        exited.waitUntilExit()

        var dead = MetricsFixture.deployment("dead0001", "production", .running, MetricsFixture.march(2), seconds: nil)
        dead.host = LocalProcess.hostName
        dead.pid = exited.processIdentifier
        var alive = dead
        alive.id = "alive001"
        alive.pid = getpid()
        var elsewhere = dead
        elsewhere.id = "other001"
        elsewhere.host = LocalProcess.hostName + "-elsewhere"
        var finished = dead
        finished.id = "done0001"
        finished.status = .failed

        #expect(!LocalProcess.hostName.isEmpty)
        #expect(dead.isInterrupted)
        #expect(dead.outcome == "interrupted")
        #expect(!alive.isInterrupted)
        #expect(alive.outcome == "running")
        #expect(!elsewhere.isInterrupted)
        #expect(!finished.isInterrupted)
        #expect(finished.outcome == "failed")
        let text = HistoryReport(timeZone: utc).text([dead, alive])
        #expect(text.contains("  interrupted  "))
        #expect(text.contains("  running      "))
    }
}
