import Foundation
import GreenlightDeploy

/// Records for the store tests. Times are whole milliseconds unless a test is about
/// rounding, so an expected record can be written out exactly.
enum StoreFixtures {
    static let base = Date(timeIntervalSince1970: 1_700_000_000.123)

    static func at(_ seconds: Double) -> Date {
        Date(timeIntervalSince1970: 1_700_000_000 + seconds)
    }

    /// Every field set, nothing at its default.
    static func full(id: String = "3fa9c0de") -> DeploymentRecord {
        DeploymentRecord(
            id: id, runbook: "api-production", runbookPath: "deploy/production.yml",
            runbookDigest: String(repeating: "ab", count: 32), environment: "production", status: .rolledBack,
            startedAt: base, finishedAt: Date(timeIntervalSince1970: 1_700_000_321.987), actor: "ana@example.com",
            gitCommit: "0123456789abcdef0123456789abcdef01234567", gitBranch: "release/2.4", gitDirty: true,
            commitTime: Date(timeIntervalSince1970: 1_699_990_000.5), journalPath: "deployments/2023-11-14-api.md",
            freezeOverrideReason: "hotfix for INC-42 — approved by ops", phaseIndex: 3,
            failureSummary: "phase \"smoke\" step 2: 2 probes failed: api (refused)", stoppedBy: "verify",
            productionChanged: true, caughtBeforeProduction: true, host: "ci-runner-7", pid: 48_213)
    }

    /// Only what is required; every optional nil.
    static func minimal(id: String = "00c0ffee", environment: String = "staging", runbook: String = "api",
                        status: DeploymentStatus = .running, startedAt: Date = at(60)) -> DeploymentRecord {
        DeploymentRecord(id: id, runbook: runbook, runbookPath: "deploy/\(runbook).yml", runbookDigest: "d1",
                         environment: environment, status: status, startedAt: startedAt, actor: "ci",
                         journalPath: "deployments/\(id).md", host: "laptop", pid: 7)
    }

    static func step(_ deploymentID: String, _ index: Int, title: String, startedAt: Date,
                     section: StepSection = .steps) -> StepRecord {
        StepRecord(deploymentID: deploymentID, phaseIndex: 1, phaseName: "rollout", section: section, stepIndex: index,
                   kind: "run", title: title, startedAt: startedAt)
    }

    /// A fresh folder under the temporary directory.
    static func temporaryFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-store-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Runs `body` with a new SQLite history in a temporary folder, closing and removing it after.
    static func withSQLite<Value>(_ body: (SQLiteDeploymentStore) async throws -> Value) async throws -> Value {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try SQLiteDeploymentStore(path: folder + "/history.sqlite")
        do {
            let value = try await body(store)
            await store.close()
            return value
        } catch {
            await store.close()
            throw error
        }
    }
}

/// What a thrown `StoreError` said, or nil when nothing was thrown.
func storeErrorMessage(_ body: () async throws -> Void) async -> String? {
    do {
        try await body()
        return nil
    } catch let error as StoreError {
        return error.description
    } catch {
        return "not a StoreError: \(error)"
    }
}
