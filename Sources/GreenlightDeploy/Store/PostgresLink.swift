import GreenlightVerify
import PostgresNIO

/// The one connection of a PostgreSQL store: made on first use, made again on the next
/// call after the server or network dropped it, closed when the store closes. Each call
/// has a time limit; on timeout the connection is closed so nothing waits for it.
actor PostgresLink {
    let endpoint: PostgresEndpoint
    private let configuration: PostgresConnection.Configuration
    private let connectTimeout: Duration
    private let queryTimeout: Duration
    private let logger: Logger
    private var connection: PostgresConnection?
    private var connecting: Task<PostgresConnection, any Error>?
    private var nextID = 1
    private var closed = false

    init(endpoint: PostgresEndpoint, configuration: PostgresConnection.Configuration, connectTimeout: Duration,
         queryTimeout: Duration) {
        self.endpoint = endpoint
        self.configuration = configuration
        self.connectTimeout = connectTimeout
        self.queryTimeout = queryTimeout
        var logger = Logger(label: "greenlight.history.postgres")
        logger.logLevel = .critical
        self.logger = logger
    }

    deinit {
        // A store dropped without close(): close its connection, keeping it alive until then.
        let connection = self.connection
        connection?.close().whenComplete { _ in _ = connection }
    }

    /// Runs `body` on the connection within the query time limit.
    func run<Value: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Value) async throws -> Value {
        let connection = try await connected()
        let logger = self.logger
        return try await Deadline.run(queryTimeout, connecting: false, onTimeout: {
            let _: EventLoopFuture<Void> = connection.close()
        }) {
            try await body(connection, logger)
        }
    }

    private func connected() async throws -> PostgresConnection {
        guard !closed else { throw StoreRefusal(description: "the store is closed") }
        if let connection, !connection.isClosed { return connection }
        if let connecting { return try await connecting.value }
        let (configuration, logger, limit, id) = (self.configuration, self.logger, connectTimeout, nextID)
        nextID += 1
        // Off the cooperative pool, like the store's calls (an unstructured task would
        // not inherit their executor).
        let task = Task(executorPreference: ProbeExecutor.shared) {
            try await Deadline.run(limit, connecting: true) {
                try await PostgresConnection.connect(configuration: configuration, id: id, logger: logger)
            }
        }
        connecting = task
        defer { connecting = nil }
        let connection = try await task.value
        if closed {
            try? await connection.close()
            throw StoreRefusal(description: "the store is closed")
        }
        self.connection = connection
        return connection
    }

    func close() async {
        closed = true
        connecting?.cancel()
        if let connection { try? await connection.close() }
        connection = nil
    }
}

/// Creates the history tables when missing, under an advisory lock so that several
/// processes opening one new database at once do not trip over each other.
enum PostgresSchema {
    static func prepare(_ connection: PostgresConnection, logger: Logger) async throws {
        let versions = StoreSchema.versions(.postgres)
        if try await currentVersion(connection, logger: logger) >= versions.count { return }
        try await connection.withTransaction(logger: logger) { connection in
            let lock = "SELECT pg_advisory_xact_lock(hashtext('greenlight-history:' || coalesce(current_schema(), '')))"
            _ = try await PostgresSupport.rows(connection, PostgresQuery(unsafeSQL: lock), logger)
            _ = try await PostgresSupport.rows(
                connection, "CREATE TABLE IF NOT EXISTS greenlight_schema (version INTEGER NOT NULL)", logger)
            let current = try await currentVersion(connection, logger: logger)
            if current == 0 { try await refuseForeignTables(connection, logger: logger) }
            for (index, statements) in versions.enumerated() where index + 1 > current {
                for statement in statements {
                    _ = try await PostgresSupport.rows(connection, PostgresQuery(unsafeSQL: statement), logger)
                }
                let version = index + 1 // a parameter, like every value
                _ = try await PostgresSupport.rows(connection, "INSERT INTO greenlight_schema (version) VALUES (\(version))", logger)
            }
        }
    }

    /// Refuses a schema that already has tables named like the history's but no schema
    /// version: they belong to something else, and greenlight must not write into them.
    private static func refuseForeignTables(_ connection: PostgresConnection, logger: Logger) async throws {
        let names = ["deployments", "steps", "events", "changes"]
        let found = try await PostgresSupport.rows(
            connection, "SELECT name FROM unnest(\(names)::text[]) AS name WHERE to_regclass(name) IS NOT NULL", logger)
        let clashes = try found.map { try $0[0].decode(String.self) }
        guard !clashes.isEmpty else { return }
        throw StoreRefusal(description: "the database already has tables \(clashes.joined(separator: ", ")) that are not a greenlight history; "
            + "keep the history in a schema of its own (add options=-csearch_path%3Dgreenlight to the URL)")
    }

    /// The highest schema version applied, 0 for a database without the history tables.
    private static func currentVersion(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        let exists = try await PostgresSupport.rows(connection, "SELECT to_regclass('greenlight_schema') IS NOT NULL", logger)
        guard try exists.first?[0].decode(Bool.self) == true else { return 0 }
        let rows = try await PostgresSupport.rows(connection, "SELECT coalesce(max(version), 0) FROM greenlight_schema", logger)
        return try rows.first?[0].decode(Int.self) ?? 0
    }
}
