import Foundation
import GreenlightDeploy
import GreenlightTestSupport
import GreenlightVerify
import PostgresNIO

/// The live PostgreSQL server of the test run, with a schema of its own per test so
/// that tests running side by side never see each other's rows.
enum LivePostgres {
    static var available: Bool { LiveServers.has("GREENLIGHT_LIVE_POSTGRES_URL") }
    static var url: String { LiveServers.value("GREENLIGHT_LIVE_POSTGRES_URL") }
    static var address: String { LiveServers.value("GREENLIGHT_LIVE_POSTGRES_ADDRESS") }
    /// How the stores of the live server name themselves.
    static var name: String { "PostgreSQL history at \(address)/greenlight" }

    /// The live URL with the schema as its search path and extra query parameters.
    static func url(schema: String, extra: String = "") -> String {
        url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)" + extra
    }

    /// Runs `body` with the URL of a new, empty schema, dropped afterwards.
    static func withSchema<Value>(_ body: (_ url: String, _ schema: String) async throws -> Value) async throws -> Value {
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        try await execute("CREATE SCHEMA \(schema)")
        do {
            let value = try await body(url(schema: schema), schema)
            try await execute("DROP SCHEMA \(schema) CASCADE")
            return value
        } catch {
            try? await execute("DROP SCHEMA \(schema) CASCADE")
            throw error
        }
    }

    /// Opens a store on a new schema, runs `body`, closes the store and drops the schema.
    static func withStore<Value>(_ body: (PostgresDeploymentStore, _ url: String) async throws -> Value) async throws -> Value {
        try await withSchema { url, _ in
            let store = try await PostgresDeploymentStore.open(url: url, directory: "/tmp")
            do {
                let value = try await body(store, url)
                await store.close()
                return value
            } catch {
                await store.close()
                throw error
            }
        }
    }

    /// Runs one statement (made of constants only) as the test's administrator.
    static func execute(_ sql: String) async throws {
        _ = try await rows(PostgresQuery(unsafeSQL: sql))
    }

    /// The rows of a query, each as its cells' text or nil.
    static func rows(_ query: PostgresQuery) async throws -> [[String?]] {
        guard case .success(let endpoint) = PostgresEndpoint.parse(url, baseDirectory: "/tmp") else {
            throw StoreError("the live PostgreSQL URL does not parse")
        }
        let configuration = try PostgresProbe.configuration(endpoint, timeout: .seconds(10))
        var logger = Logger(label: "greenlight.tests.postgres")
        logger.logLevel = .critical
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        do {
            var result: [[String?]] = []
            for try await row in try await connection.query(query, logger: logger) {
                result.append(try row.map { try $0.decode(String?.self) })
            }
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
