import Foundation
import GRDB
import GreenlightVerify

/// The history in one SQLite file, by default `.greenlight/history.sqlite` beside the
/// project. WAL mode with full syncs: every call is one committed transaction, so a
/// process killed at any moment loses nothing a call already returned; a busy timeout
/// lets a deployment and a `greenlight history` (or two deployments) share the file.
/// One connection per store: calls take microseconds, and closing the last connection
/// folds the WAL back into the file, so a closed history is one self-contained file.
public final class SQLiteDeploymentStore: DeploymentStore {
    /// The database file, absolute.
    public let path: String
    /// "history /path/history.sqlite", for messages.
    public var name: String { "history \(path)" }
    private let queue: DatabaseQueue
    private let busyTimeout: TimeInterval
    private let sql = StoreSQL.sqlite

    /// Opens the history at `path` (absolute), creating the file and its tables when
    /// missing. Its folder must exist. `busyTimeout` is how long a write waits for
    /// another process's write before it fails with "database is locked".
    public init(path: String, busyTimeout: TimeInterval = 10) throws(StoreError) {
        self.path = path
        self.busyTimeout = busyTimeout
        let name = "history \(path)"
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw StoreError("cannot open \(name): it is a folder, not a file")
        }
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder) else {
            throw StoreError("cannot open \(name): folder \(folder) does not exist")
        }
        var configuration = GRDB.Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "greenlight.history"
        configuration.journalMode = .wal
        configuration.prepareDatabase { db in
            // Committed means on disk, even if the machine (not just the process) dies.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.checkIsHistory(queue)
            try Self.migrate(queue)
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError("cannot open \(name): \(SQLiteSupport.reason(error, busyTimeout: busyTimeout))")
        }
    }

    /// Refuses an SQLite file that holds other tables and no greenlight schema, rather
    /// than adding history tables to someone's application database.
    private static func checkIsHistory(_ queue: DatabaseQueue) throws {
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) != 'sqlite_'")
        }
        guard !tables.isEmpty, !tables.contains("grdb_migrations") else { return }
        let shown = tables.sorted().prefix(3).joined(separator: ", ") + (tables.count > 3 ? "…" : "")
        throw StoreRefusal(description: "it is an SQLite database but not a greenlight history (it has tables \(shown)); choose another file")
    }

    /// Applies missing schema versions. Two processes opening a new history at once may
    /// both try; the loser's migration fails on the tables the winner made, so it checks
    /// again before giving up.
    private static func migrate(_ queue: DatabaseQueue) throws {
        let migrator = SQLiteSupport.migrator()
        var attempt = 0
        while true {
            attempt += 1
            do {
                try migrator.migrate(queue)
                return
            } catch {
                if (try? queue.read(migrator.hasCompletedMigrations)) == true { return }
                if attempt >= 3 { throw error }
            }
        }
    }

    public func insert(_ deployment: DeploymentRecord) async throws(StoreError) {
        let values = SQLiteSupport.arguments(RecordCoding.values(deployment))
        let statement = sql.insertDeployment
        try await write { db in
            do {
                try db.execute(sql: statement, arguments: values)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                throw StoreRefusal(description: "deployment \(deployment.id) is already recorded")
            }
        }
    }

    public func update(_ deployment: DeploymentRecord) async throws(StoreError) {
        let values = SQLiteSupport.arguments(RecordCoding.values(deployment))
        let statement = sql.updateDeployment
        try await write { db in
            try db.execute(sql: statement, arguments: values)
            if db.changesCount == 0 { throw StoreRefusal(description: "no deployment \(deployment.id) to update") }
        }
    }

    public func deployment(id: String) async throws(StoreError) -> DeploymentRecord? {
        try await deployments(sql.deploymentByID, [.text(id)]).first
    }

    public func deployments(idPrefix prefix: String) async throws(StoreError) -> [DeploymentRecord] {
        try await deployments(sql.deploymentsByPrefix, [.text(prefix)])
    }

    public func deployments(_ query: DeploymentQuery) async throws(StoreError) -> [DeploymentRecord] {
        let (statement, values) = sql.deployments(query)
        return try await deployments(statement, values)
    }

    private func deployments(_ statement: String, _ values: [StoreValue]) async throws(StoreError) -> [DeploymentRecord] {
        let arguments = SQLiteSupport.arguments(values)
        return try await read { db in
            try Row.fetchAll(db, sql: statement, arguments: arguments).map { try RecordCoding.deployment(SQLiteRow(row: $0)) }
        }
    }

    public func startStep(_ step: StepRecord) async throws(StoreError) -> StepRecord {
        let values = SQLiteSupport.arguments(RecordCoding.values(step))
        let statement = sql.insertStep
        let id = try await write { db in
            do {
                try db.execute(sql: statement, arguments: values)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw StoreRefusal(description: "no deployment \(step.deploymentID) for step \"\(step.title)\"")
            }
            return db.lastInsertedRowID
        }
        return StoreRecords.stored(step, id: id)
    }

    public func finishStep(_ step: StepRecord) async throws(StoreError) {
        guard let id = step.id else { throw failure("cannot write to", StoreRecords.stepWithoutID(step)) }
        let values = SQLiteSupport.arguments([.integer(id)] + RecordCoding.values(step))
        let statement = sql.updateStep
        try await write { db in
            try db.execute(sql: statement, arguments: values)
            if db.changesCount == 0 { throw StoreRefusal(description: "no step \(id) to finish") }
        }
    }

    public func steps(deploymentID: String) async throws(StoreError) -> [StepRecord] {
        let statement = sql.stepsOfDeployment
        return try await read { db in
            try Row.fetchAll(db, sql: statement, arguments: [deploymentID]).map { try RecordCoding.step(SQLiteRow(row: $0)) }
        }
    }

    public func append(_ event: DeploymentEvent) async throws(StoreError) {
        let values = SQLiteSupport.arguments(RecordCoding.values(event))
        let statement = sql.insertEvent
        try await write { db in
            do {
                try db.execute(sql: statement, arguments: values)
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                throw StoreRefusal(description: "no deployment \(event.deploymentID) for event \(event.kind.rawValue)")
            }
        }
    }

    public func events(deploymentID: String) async throws(StoreError) -> [DeploymentEvent] {
        let statement = sql.eventsOfDeployment
        return try await read { db in
            try Row.fetchAll(db, sql: statement, arguments: [deploymentID]).map { try RecordCoding.event(SQLiteRow(row: $0)) }
        }
    }

    public func recordChanges(_ changes: [ChangeRecord]) async throws(StoreError) {
        let changes = RecordCoding.unique(changes)
        guard !changes.isEmpty else { return }
        let statement = "INSERT INTO changes (\(StoreSQL.changeList)) VALUES (?1, ?2, ?3) \(StoreSQL.changeConflict)"
        try await write { db in
            for change in changes {
                let values: [StoreValue] = [.text(change.deploymentID), .text(change.sha), .date(change.committedAt)]
                do {
                    try db.execute(sql: statement, arguments: SQLiteSupport.arguments(values))
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_FOREIGNKEY {
                    throw StoreRefusal(description: "no deployment \(change.deploymentID) for change \(change.sha)")
                }
            }
        }
    }

    public func changes(deploymentIDs: [String]) async throws(StoreError) -> [ChangeRecord] {
        let ids = Array(Set(deploymentIDs))
        guard !ids.isEmpty else { return [] }
        let found = try await read { db in
            var found: [ChangeRecord] = []
            // Bounded lists of parameters: SQLite limits how many one statement takes.
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = Array(ids[start..<min(start + 500, ids.count)])
                let marks = chunk.indices.map { "?\($0 + 1)" }.joined(separator: ", ")
                let statement = "SELECT \(StoreSQL.changeList) FROM changes WHERE deployment_id IN (\(marks))"
                found += try Row.fetchAll(db, sql: statement, arguments: StatementArguments(chunk))
                    .map { try RecordCoding.change(SQLiteRow(row: $0)) }
            }
            return found
        }
        return StoreRecords.sortedChanges(found)
    }

    public func close() async {
        try? queue.close()
    }

    /// One committed transaction. It runs in a task of its own, so cancelling the caller
    /// (Ctrl-C during a deployment) does not stop a record half-way; on the probe
    /// executor, so busy cooperative threads do not delay it.
    private func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let queue = self.queue
        do {
            return try await Task(executorPreference: ProbeExecutor.shared) { try await queue.write(body) }.value
        } catch {
            throw failure("cannot write to", error)
        }
    }

    private func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws(StoreError) -> T {
        let queue = self.queue
        do {
            return try await Task(executorPreference: ProbeExecutor.shared) { try await queue.read(body) }.value
        } catch {
            throw failure("cannot read", error)
        }
    }

    private func failure(_ action: String, _ error: any Error) -> StoreError {
        StoreError("\(action) \(name): \(SQLiteSupport.reason(error, busyTimeout: busyTimeout))")
    }
}
