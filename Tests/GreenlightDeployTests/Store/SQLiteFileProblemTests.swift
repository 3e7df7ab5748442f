import Foundation
import GRDB
import GreenlightDeploy
import Testing

/// Files that are not a usable history give one clear line, never a crash.
@Suite struct SQLiteFileProblemTests {
    private func openMessage(_ path: String) -> String? {
        do {
            _ = try SQLiteDeploymentStore(path: path)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func textFileIsNotADatabase() throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        try Data(String(repeating: "deployments: none yet\n", count: 300).utf8).write(to: URL(fileURLWithPath: path))
        #expect(openMessage(path) == "cannot open history \(path): not an SQLite database (file is not a database)")
    }

    /// A real history whose pages were overwritten (a disk error, a bad copy).
    @Test func damagedHistoryIsReported() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let store = try SQLiteDeploymentStore(path: path)
        try await store.insert(StoreFixtures.full())
        await store.close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "closing folds the WAL into the file")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 8000))
        try handle.close()

        let message = try #require(openMessage(path))
        #expect(message.hasPrefix("cannot open history \(path): "), "\(message)")
        #expect(message.contains("damaged") || message.contains("not an SQLite database"), "\(message)")
        #expect(!message.contains("\n"))
    }

    @Test func otherApplicationsDatabaseIsLeftAlone() throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/app.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE users (id INTEGER PRIMARY KEY); CREATE TABLE events (id INTEGER PRIMARY KEY)")
        }
        try queue.close()
        #expect(openMessage(path) == "cannot open history \(path): it is an SQLite database but not a greenlight history (it has tables events, users); choose another file")
        let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables.sorted() == ["events", "users"], "nothing was added to it")
    }

    @Test func emptyFileBecomesAHistory() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        let store = try SQLiteDeploymentStore(path: path)
        try await store.insert(StoreFixtures.minimal())
        #expect(try await store.deployments(DeploymentQuery()).count == 1)
        await store.close()
    }

    @Test func missingFolderAndFolderInsteadOfFile() throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(openMessage(folder + "/nope/history.sqlite")
                == "cannot open history \(folder)/nope/history.sqlite: folder \(folder)/nope does not exist")
        #expect(openMessage(folder) == "cannot open history \(folder): it is a folder, not a file")
    }

    @Test func unreadableValuesAreErrorsNotCrashes() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/history.sqlite"
        let store = try SQLiteDeploymentStore(path: path)
        try await store.insert(StoreFixtures.minimal())
        // Edited by hand, or by a newer greenlight with statuses this one does not know.
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in try db.execute(sql: "UPDATE deployments SET status = 'paused'") }
        var message = await storeErrorMessage { _ = try await store.deployments(DeploymentQuery()) }
        #expect(message == "cannot read history \(path): deployment 00c0ffee: unknown status \"paused\" (written by a newer greenlight?)")
        try await queue.write { db in try db.execute(sql: "UPDATE deployments SET status = 'running', started_at = 'yesterday'") }
        message = await storeErrorMessage { _ = try await store.deployment(id: "00c0ffee") }
        #expect(message == "cannot read history \(path): deployment 00c0ffee: started_at \"yesterday\" is not a timestamp (YYYY-MM-DD HH:MM:SS.SSS)")
        try await queue.write { db in try db.execute(sql: "UPDATE deployments SET started_at = '2024-01-01 00:00:00.000', pid = 'x'") }
        message = await storeErrorMessage { _ = try await store.deployment(id: "00c0ffee") }
        #expect(message == "cannot read history \(path): deployment 00c0ffee: pid is not an integer")
        try queue.close()
        await store.close()
    }
}
