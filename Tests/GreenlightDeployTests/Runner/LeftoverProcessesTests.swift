import Foundation
import Testing
@testable import GreenlightDeploy

/// Finding what a killed deployment's step left running, from a `/proc` laid out in a
/// temporary folder.
@Suite struct LeftoverProcessesTests {
    static func proc(_ processes: [(pid: Int, environment: [String], stat: String, command: [String])]) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("proc-\(UUID().uuidString)").path
        for process in processes {
            let directory = "\(root)/\(process.pid)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try Data(process.environment.joined(separator: "\0").utf8 + [0]).write(to: URL(fileURLWithPath: directory + "/environ"))
            try Data(process.stat.utf8).write(to: URL(fileURLWithPath: directory + "/stat"))
            try Data(process.command.joined(separator: "\0").utf8 + [0]).write(to: URL(fileURLWithPath: directory + "/cmdline"))
        }
        try FileManager.default.createDirectory(atPath: root + "/self", withIntermediateDirectories: true)
        return root
    }

    @Test func findsTheStepsProcessesByDeploymentAndReadsTheirGroup() throws {
        let root = try Self.proc([
            (3610, ["PATH=/bin", "GREENLIGHT_DEPLOYMENT_ID=d1e47ffe"], "3610 (sh) S 1 3610 3407 0 -1", ["/bin/sh", "-c", "sleep 60"]),
            (3612, ["GREENLIGHT_DEPLOYMENT_ID=d1e47ffe", "HOME=/root"], "3612 (odd) name (x)) S 3610 3610 3407 0", ["sleep", "60"]),
            (3700, ["GREENLIGHT_DEPLOYMENT_ID=d1e47ffe0"], "3700 (sh) S 1 3700 3407 0", ["other"]),
            (3800, ["GREENLIGHT_DEPLOYMENT_ID=aaaaaaaa"], "3800 (sh) S 1 3800 3407 0", ["other deployment"]),
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let found = LeftoverProcesses.find(deploymentID: "d1e47ffe", procRoot: root)
        #expect(found == [LeftoverProcess(pid: 3610, processGroup: 3610, command: "/bin/sh -c sleep 60"),
                          LeftoverProcess(pid: 3612, processGroup: 3610, command: "sleep 60")])
        #expect(LeftoverProcesses.stopCommand(found) == "kill -- -3610")
    }

    @Test func nothingIsFoundWithoutProc() {
        #expect(LeftoverProcesses.find(deploymentID: "d1e47ffe", procRoot: "/nonexistent-proc").isEmpty)
    }
}
