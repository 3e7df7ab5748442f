import Foundation
import GreenlightVerify
import PostgresNIO

/// The history in a PostgreSQL database (`--store postgres://user:pw@host/db`), shared
/// by a team and CI. Same tables as the SQLite history, created when missing; every
/// call is one statement or transaction, committed before it returns. The URL takes
/// libpq's `sslmode`, `sslrootcert`, `application_name` and `options` (for example
/// `options=-csearch_path%3Ddeploys` to keep the tables in schema `deploys`).
public final class PostgresDeploymentStore: DeploymentStore {
    /// "PostgreSQL history at host:port/database", for messages; never the password.
    public let name: String
    private let link: PostgresLink
    private let connectTimeout: Duration
    private let sql = StoreSQL.postgres

    private init(name: String, link: PostgresLink, connectTimeout: Duration) {
        self.name = name
        self.link = link
        self.connectTimeout = connectTimeout
    }

    /// Connects, creates the tables if missing and returns the store. A wrong URL,
    /// refused connection, rejected password or missing database fails within
    /// `connectTimeout`; later calls give up after `queryTimeout`. Relative
    /// `sslrootcert` paths are resolved against `directory`.
    public static func open(url: String, directory: String, connectTimeout: Duration = .seconds(5),
                            queryTimeout: Duration = .seconds(30)) async throws(StoreError) -> PostgresDeploymentStore {
        let endpoint: PostgresEndpoint
        switch PostgresEndpoint.parse(url, baseDirectory: directory) {
        case .success(let parsed): endpoint = parsed
        case .failure(let error):
            throw StoreError("cannot open PostgreSQL history \(ConnectionURL.redacted(url)): invalid URL: \(error)")
        }
        let name = historyName(endpoint)
        var configuration: PostgresConnection.Configuration
        do {
            configuration = try PostgresProbe.configuration(endpoint, timeout: connectTimeout)
        } catch {
            throw StoreError("cannot open \(name): cannot read CA certificates (PEM) from \(endpoint.rootCertificates ?? "sslrootcert")")
        }
        let query = try? ConnectionURL.parse(url)
        configuration.options.additionalStartupParameters = [
            ("application_name", query?.queryValue("application_name") ?? "greenlight"),
        ] + (query?.queryValue("options").map { [("options", $0)] } ?? [])
        let link = PostgresLink(endpoint: endpoint, configuration: configuration, connectTimeout: connectTimeout,
                                queryTimeout: queryTimeout)
        let store = PostgresDeploymentStore(name: name, link: link, connectTimeout: connectTimeout)
        do {
            try await store.shielded { try await link.run { connection, logger in
                try await PostgresSchema.prepare(connection, logger: logger)
            } }
        } catch {
            await link.close()
            throw store.failure("cannot open", error)
        }
        return store
    }

    /// "PostgreSQL history at host:port/database".
    static func historyName(_ endpoint: PostgresEndpoint) -> String {
        "PostgreSQL history at \(endpoint.address)/\(endpoint.database ?? endpoint.user)"
    }

    public func insert(_ deployment: DeploymentRecord) async throws(StoreError) {
        let query = PostgresSupport.query(sql.insertDeployment, RecordCoding.values(deployment))
        try await write { connection, logger in
            do {
                _ = try await PostgresSupport.rows(connection, query, logger)
            } catch where PostgresSupport.sqlState(error) == "23505" {
                throw StoreRefusal(description: "deployment \(deployment.id) is already recorded")
            }
        }
    }

    public func update(_ deployment: DeploymentRecord) async throws(StoreError) {
        let query = PostgresSupport.query(sql.updateDeployment + " RETURNING id", RecordCoding.values(deployment))
        try await write { connection, logger in
            if try await PostgresSupport.rows(connection, query, logger).isEmpty {
                throw StoreRefusal(description: "no deployment \(deployment.id) to update")
            }
        }
    }

    public func deployment(id: String) async throws(StoreError) -> DeploymentRecord? {
        try await fetch(PostgresSupport.query(sql.deploymentByID, [.text(id)]), RecordCoding.deployment).first
    }

    public func deployments(idPrefix prefix: String) async throws(StoreError) -> [DeploymentRecord] {
        try await fetch(PostgresSupport.query(sql.deploymentsByPrefix, [.text(prefix)]), RecordCoding.deployment)
    }

    public func deployments(_ query: DeploymentQuery) async throws(StoreError) -> [DeploymentRecord] {
        let (statement, values) = sql.deployments(query)
        return try await fetch(PostgresSupport.query(statement, values), RecordCoding.deployment)
    }

    public func startStep(_ step: StepRecord) async throws(StoreError) -> StepRecord {
        let query = PostgresSupport.query(sql.insertStep + " RETURNING id", RecordCoding.values(step))
        let id = try await write { connection, logger in
            do {
                let rows = try await PostgresSupport.rows(connection, query, logger)
                guard let id = try rows.first?[0].decode(Int64.self) else {
                    throw StoreRefusal(description: "the server returned no id for step \"\(step.title)\"")
                }
                return id
            } catch where PostgresSupport.sqlState(error) == "23503" {
                throw StoreRefusal(description: "no deployment \(step.deploymentID) for step \"\(step.title)\"")
            }
        }
        return StoreRecords.stored(step, id: id)
    }

    public func finishStep(_ step: StepRecord) async throws(StoreError) {
        guard let id = step.id else { throw failure("cannot write to", StoreRecords.stepWithoutID(step)) }
        let query = PostgresSupport.query(sql.updateStep + " RETURNING id", [.integer(id)] + RecordCoding.values(step))
        try await write { connection, logger in
            if try await PostgresSupport.rows(connection, query, logger).isEmpty {
                throw StoreRefusal(description: "no step \(id) to finish")
            }
        }
    }

    public func steps(deploymentID: String) async throws(StoreError) -> [StepRecord] {
        try await fetch(PostgresSupport.query(sql.stepsOfDeployment, [.text(deploymentID)]), RecordCoding.step)
    }

    public func append(_ event: DeploymentEvent) async throws(StoreError) {
        let query = PostgresSupport.query(sql.insertEvent, RecordCoding.values(event))
        try await write { connection, logger in
            do {
                _ = try await PostgresSupport.rows(connection, query, logger)
            } catch where PostgresSupport.sqlState(error) == "23503" {
                throw StoreRefusal(description: "no deployment \(event.deploymentID) for event \(event.kind.rawValue)")
            }
        }
    }

    public func events(deploymentID: String) async throws(StoreError) -> [DeploymentEvent] {
        try await fetch(PostgresSupport.query(sql.eventsOfDeployment, [.text(deploymentID)]), RecordCoding.event)
    }

    public func recordChanges(_ changes: [ChangeRecord]) async throws(StoreError) {
        let changes = RecordCoding.unique(changes)
        guard !changes.isEmpty else { return }
        // One statement for all rows: arrays as parameters, unnested by the server.
        var bindings = PostgresBindings(capacity: 3)
        bindings.append(changes.map(\.deploymentID))
        bindings.append(changes.map(\.sha))
        bindings.append(changes.map { StoreDate.rounded($0.committedAt) })
        let query = PostgresQuery(unsafeSQL: "INSERT INTO changes (\(StoreSQL.changeList)) SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) \(StoreSQL.changeConflict)", binds: bindings)
        try await write { connection, logger in
            do {
                _ = try await PostgresSupport.rows(connection, query, logger)
            } catch where PostgresSupport.sqlState(error) == "23503" {
                // Name the first change without its deployment, as the SQLite history does.
                let ids = Array(Set(changes.map(\.deploymentID)))
                let found = try await PostgresSupport.rows(connection, "SELECT id FROM deployments WHERE id = ANY(\(ids))", logger)
                let known = Set(try found.map { try $0[0].decode(String.self) })
                guard let orphan = changes.first(where: { !known.contains($0.deploymentID) }) else { throw error }
                throw StoreRefusal(description: "no deployment \(orphan.deploymentID) for change \(orphan.sha)")
            }
        }
    }

    public func changes(deploymentIDs: [String]) async throws(StoreError) -> [ChangeRecord] {
        let ids = Array(Set(deploymentIDs))
        guard !ids.isEmpty else { return [] }
        var bindings = PostgresBindings(capacity: 1)
        bindings.append(ids)
        let query = PostgresQuery(unsafeSQL: "SELECT \(StoreSQL.changeList) FROM changes WHERE deployment_id = ANY($1) \(StoreSQL.changeOrder)", binds: bindings)
        return StoreRecords.sortedChanges(try await fetch(query, RecordCoding.change))
    }

    public func close() async {
        await link.close()
    }

    private func write<Value: Sendable>(
        _ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Value
    ) async throws(StoreError) -> Value {
        let link = self.link
        do {
            return try await shielded { try await link.run(body) }
        } catch {
            throw failure("cannot write to", error)
        }
    }

    private func fetch<Record: Sendable>(_ query: PostgresQuery,
                                         _ decode: @escaping @Sendable (PostgresStoreRow) throws(StoreRowError) -> Record)
    async throws(StoreError) -> [Record] {
        let link = self.link
        do {
            return try await shielded {
                try await link.run { connection, logger in
                    try await PostgresSupport.rows(connection, query, logger).map { row throws(StoreRowError) in
                        try decode(PostgresStoreRow(row: row))
                    }
                }
            }
        } catch {
            throw failure("cannot read", error)
        }
    }

    /// Runs in a task of its own, so cancelling the caller (Ctrl-C during a deployment)
    /// does not stop a record half-way; on the probe executor, so busy cooperative
    /// threads do not delay it.
    private func shielded<Value: Sendable>(_ body: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await Task(executorPreference: ProbeExecutor.shared) { try await body() }.value
    }

    private func failure(_ action: String, _ error: any Error) -> StoreError {
        let reason = PostgresSupport.reason(error, endpoint: link.endpoint, connectTimeout: connectTimeout)
        return StoreError("\(action) \(name): \(reason)")
    }
}
