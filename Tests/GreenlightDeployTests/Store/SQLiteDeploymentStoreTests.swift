import Foundation
import GRDB
import GreenlightDeploy
import GreenlightVerify
import Testing

@Suite(.serialized) struct SQLiteDeploymentStoreTests {
    @Test(arguments: StoreBehaviour.allCases)
    func behaves(_ behaviour: StoreBehaviour) async throws {
        try await StoreFixtures.withSQLite { store in
            try await behaviour.check(store, name: "history \(store.path)")
        }
    }

    /// A new store on the same file (a later greenlight process) sees everything, and
    /// carries on numbering steps after the ones already there.
    @Test func reopeningSeesEverything() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let first = try SQLiteDeploymentStore(path: path)
        let written = try await StoreSamples.writeSample(first)
        await first.close()

        let second = try SQLiteDeploymentStore(path: path)
        try await StoreSamples.expectSample(second, written)
        let next = try await second.startStep(StoreFixtures.step(written.deployment.id, 5, title: "later", startedAt: StoreFixtures.at(99)))
        #expect((next.id ?? 0) > (written.step.id ?? .max))
        await second.close()
    }

    /// What a process killed with SIGKILL leaves on disk: the database file and its WAL
    /// as they are while the store is open, never closed or checkpointed. Copying them
    /// aside mid-run and opening the copy must show every record a call returned.
    @Test func killedProcessLosesNothing() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let store = try SQLiteDeploymentStore(path: path)
        let written = try await StoreSamples.writeSample(store)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"), "the store writes ahead to a WAL file")

        let crashed = folder + "/after-kill"
        try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
        for suffix in ["", "-wal"] {
            try FileManager.default.copyItem(atPath: path + suffix, toPath: crashed + "/history.sqlite" + suffix)
        }
        let recovered = try SQLiteDeploymentStore(path: crashed + "/history.sqlite")
        try await StoreSamples.expectSample(recovered, written)
        await recovered.close()
        // And the next process, while the dead one's files are still as it left them.
        let next = try SQLiteDeploymentStore(path: path)
        try await StoreSamples.expectSample(next, written)
        await next.close()
        await store.close()
    }

    /// Two processes (a deployment and `greenlight history`, or two deployments) writing
    /// one file at once: nothing is lost and nobody fails.
    @Test func twoStoresWriteOneFileAtOnce() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        // Both open the new file at once: one creates the tables, the other waits and checks.
        let stores = try await withThrowingTaskGroup(of: SQLiteDeploymentStore.self) { group in
            for _ in 0..<2 { group.addTask { try SQLiteDeploymentStore(path: path) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (number, store) in stores.enumerated() {
                group.addTask {
                    for index in 0..<40 {
                        let id = String(format: "%02x%06x", number, index)
                        try await store.insert(StoreFixtures.minimal(id: id, startedAt: StoreFixtures.at(Double(index))))
                        _ = try await store.startStep(StoreFixtures.step(id, 0, title: "step", startedAt: StoreFixtures.at(Double(index))))
                        try await store.append(DeploymentEvent(deploymentID: id, at: StoreFixtures.at(Double(index)), kind: .started, message: "go"))
                        _ = try await store.deployments(DeploymentQuery(limit: 5))
                    }
                }
            }
            try await group.waitForAll()
        }
        for store in stores {
            let all = try await store.deployments(DeploymentQuery())
            #expect(all.count == 80)
            #expect(try await store.steps(deploymentID: "01000027").count == 1)
            #expect(try await store.events(deploymentID: "00000027").count == 1)
        }
        for store in stores { await store.close() }
    }

    /// Calls made at once on one store are serialised, not lost.
    @Test func manyCallsAtOnceOnOneStore() async throws {
        try await StoreFixtures.withSQLite { store in
            try await StoreConcurrency.manyCallsAtOnce(store)
        }
    }

    /// A write held up longer than the busy timeout fails with a clear message, and
    /// succeeds once the other writer is done.
    @Test func lockedDatabaseSaysSo() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let store = try SQLiteDeploymentStore(path: path, busyTimeout: 0.3)
        let other = try DatabaseQueue(path: path)
        let holding = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let finished = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            try? other.write { db in
                try db.execute(sql: "CREATE TABLE scratch (x)")
                holding.signal()
                release.wait()
            }
            finished.signal()
        }
        await StoreSamples.wait(for: holding)
        // Timed on the probe executor: the test runner's pool is busy with CPU-bound suites.
        let (message, elapsed) = await withTaskExecutorPreference(ProbeExecutor.shared) {
            let started = ContinuousClock.now
            let message = await storeErrorMessage { try await store.insert(StoreFixtures.minimal()) }
            return (message, ContinuousClock.now - started)
        }
        #expect(message == "cannot write to history \(path): database is locked (another process held it for more than 300ms)")
        #expect(elapsed < .seconds(3))
        release.signal()
        await StoreSamples.wait(for: finished)
        try await store.insert(StoreFixtures.minimal())
        #expect(try await store.deployment(id: "00c0ffee") != nil)
        await store.close()
    }

    @Test func fileHasTheAgreedLayout() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let store = try SQLiteDeploymentStore(path: path)
        try await store.insert(StoreFixtures.full())
        await store.close()
        let queue = try DatabaseQueue(path: path)
        try await queue.read { db in
            #expect(try String.fetchOne(db, sql: "PRAGMA journal_mode") == "wal")
            #expect(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") == ["v1"])
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            #expect(Set(["changes", "deployments", "events", "steps"]).isSubset(of: tables))
            let indexes = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")
            #expect(Set(indexes) == ["deployments_started_at", "deployments_environment", "steps_deployment", "events_deployment"])
            let row = try #require(try Row.fetchOne(db, sql: "SELECT started_at, finished_at, status, git_dirty FROM deployments"))
            #expect(row["started_at"] == "2023-11-14 22:13:20.123", "UTC, to the millisecond")
            #expect(row["finished_at"] == "2023-11-14 22:18:41.987")
            #expect(row["status"] == "rolled-back", "enums as their raw strings")
            #expect(row["git_dirty"] == 1)
        }
        try queue.close()
    }
}
