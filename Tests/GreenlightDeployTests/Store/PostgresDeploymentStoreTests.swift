import Foundation
import GreenlightDeploy
import GreenlightTestSupport
import GreenlightVerify
import PostgresNIO
import Testing

@Suite(.enabled(if: LivePostgres.available), .serialized) struct PostgresDeploymentStoreTests {
    @Test(arguments: StoreBehaviour.allCases)
    func behaves(_ behaviour: StoreBehaviour) async throws {
        try await LivePostgres.withStore { store, _ in
            #expect(store.name == LivePostgres.name)
            try await behaviour.check(store, name: store.name)
        }
    }

    /// A new store on the same database (a later greenlight process) sees everything.
    @Test func reopeningSeesEverything() async throws {
        try await LivePostgres.withSchema { url, schema in
            let first = try await PostgresDeploymentStore.open(url: url, directory: "/tmp")
            let written = try await StoreSamples.writeSample(first)
            await first.close()
            let second = try await PostgresDeploymentStore.open(url: url, directory: "/tmp")
            try await StoreSamples.expectSample(second, written)
            await second.close()
            // The tables are in the URL's schema, with the schema version recorded.
            let tables = try await LivePostgres.rows("SELECT table_name::text FROM information_schema.tables WHERE table_schema = \(schema) ORDER BY 1")
            #expect(tables.map { $0[0] ?? "" } == ["changes", "deployments", "events", "greenlight_schema", "steps"])
            let versions = try await LivePostgres.rows(PostgresQuery(unsafeSQL: "SELECT version::text FROM \(schema).greenlight_schema"))
            #expect(versions == [["1"]])
        }
    }

    /// Several processes opening one new database at once: one creates the tables, the
    /// others wait for it, and all of them can write.
    @Test func storesOpeningANewDatabaseAtOnce() async throws {
        try await LivePostgres.withSchema { url, _ in
            let stores = try await withThrowingTaskGroup(of: PostgresDeploymentStore.self) { group in
                for _ in 0..<4 { group.addTask { try await PostgresDeploymentStore.open(url: url, directory: "/tmp") } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (number, store) in stores.enumerated() {
                    group.addTask {
                        for index in 0..<10 {
                            let id = String(format: "%02x%06x", number, index)
                            try await store.insert(StoreFixtures.minimal(id: id, startedAt: StoreFixtures.at(Double(index))))
                            _ = try await store.startStep(StoreFixtures.step(id, 0, title: "s", startedAt: StoreFixtures.at(Double(index))))
                        }
                    }
                }
                try await group.waitForAll()
            }
            for store in stores {
                #expect(try await store.deployments(DeploymentQuery()).count == 40)
                await store.close()
            }
        }
    }

    /// Calls made at once on one store share its connection without mixing up answers.
    @Test func manyCallsAtOnceOnOneStore() async throws {
        try await LivePostgres.withStore { store, _ in
            try await StoreConcurrency.manyCallsAtOnce(store)
        }
    }

    @Test func tablesOfSomethingElseAreLeftAlone() async throws {
        try await LivePostgres.withSchema { url, schema in
            try await LivePostgres.execute("CREATE TABLE \(schema).events (id serial PRIMARY KEY, title text)")
            let (message, _) = await Self.openMessage(url)
            #expect(message == "cannot open \(LivePostgres.name): the database already has tables events that are not a greenlight history; "
                + "keep the history in a schema of its own (add options=-csearch_path%3Dgreenlight to the URL)")
            let tables = try await LivePostgres.rows("SELECT table_name::text FROM information_schema.tables WHERE table_schema = \(schema)")
            #expect(tables == [["events"]], "nothing was created beside them")
        }
    }

    /// A connection the server dropped is made again on the next call.
    @Test func reconnectsAfterTheServerDropsTheConnection() async throws {
        try await LivePostgres.withSchema { url, schema in
            let application = "greenlight-test-\(schema)"
            let store = try await PostgresDeploymentStore.open(url: url + "&application_name=\(application)", directory: "/tmp")
            try await store.insert(StoreFixtures.minimal())
            let killed = try await LivePostgres.rows("SELECT pg_terminate_backend(pid)::text FROM pg_stat_activity WHERE application_name = \(application)")
            #expect(killed == [["true"]])
            try await Task.sleep(for: .milliseconds(300))
            try await store.insert(StoreFixtures.minimal(id: "0dd0dd00"))
            #expect(try await store.deployments(DeploymentQuery()).count == 2)
            await store.close()
        }
    }

    @Test func wrongPasswordFailsFastAndClearly() async throws {
        let url = LivePostgres.url.replacingOccurrences(of: ":greenlight-pw@", with: ":not-the-pw@")
        try #require(url != LivePostgres.url)
        let (message, elapsed) = await Self.openMessage(url)
        #expect(message == "cannot open \(LivePostgres.name): password authentication failed for user greenlight")
        #expect(elapsed < .seconds(5))
        #expect(message?.contains("not-the-pw") == false)
    }

    @Test func refusedConnectionFailsFastAndClearly() async throws {
        let closed = LiveServers.value("GREENLIGHT_LIVE_CLOSED")
        try #require(!closed.isEmpty)
        let (message, elapsed) = await Self.openMessage("postgresql://greenlight:secret@\(closed)/greenlight")
        #expect(message == "cannot open PostgreSQL history at \(closed)/greenlight: connection refused by \(closed)")
        #expect(elapsed < .seconds(5))
    }

    @Test func missingDatabaseFailsClearly() async throws {
        try #require(LivePostgres.url.hasSuffix("/greenlight"))
        let url = String(LivePostgres.url.dropLast("greenlight".count)) + "no_such_history"
        let (message, elapsed) = await Self.openMessage(url)
        #expect(message == "cannot open PostgreSQL history at \(LivePostgres.address)/no_such_history: database no_such_history does not exist")
        #expect(elapsed < .seconds(5))
    }

    /// A server that accepts connections and never answers: the connect time limit holds.
    @Test func silentServerTimesOut() async throws {
        let silent = LiveServers.value("GREENLIGHT_LIVE_SILENT")
        try #require(!silent.isEmpty)
        let (message, elapsed) = await withTaskExecutorPreference(ProbeExecutor.shared) {
            let started = ContinuousClock.now
            do {
                let store = try await PostgresDeploymentStore.open(url: "postgresql://greenlight:pw@\(silent)/greenlight?sslmode=disable",
                                                                   directory: "/tmp", connectTimeout: .seconds(1))
                await store.close()
                return (nil as String?, ContinuousClock.now - started)
            } catch {
                return ("\(error)", ContinuousClock.now - started)
            }
        }
        #expect(message == "cannot open PostgreSQL history at \(silent)/greenlight: timed out after 1s connecting to \(silent)")
        #expect(elapsed < .seconds(4))
    }

    @Test func schemaThatDoesNotExistIsExplained() async throws {
        let (message, _) = await Self.openMessage(LivePostgres.url(schema: "no_such_schema"))
        #expect(message?.hasPrefix("cannot open \(LivePostgres.name): ") == true)
        #expect(message?.contains("search_path") == true, "\(message ?? "no error")")
    }

    @Test func invalidURLIsReportedWithoutThePassword() async throws {
        let (message, _) = await Self.openMessage("postgresql://:hunter2@db.internal/deploys")
        #expect(message == "cannot open PostgreSQL history postgresql://:***@db.internal/deploys: invalid URL: no user name (postgresql://user:password@host/db)")
    }

    /// `DeploymentStores.open` sends postgres:// and postgresql:// URLs here.
    @Test func deploymentStoresOpensPostgreSQL() async throws {
        try await LivePostgres.withSchema { url, _ in
            let store = try await DeploymentStores.open(url.replacingOccurrences(of: "postgresql://", with: "postgres://"), directory: "/tmp")
            #expect((store as? PostgresDeploymentStore)?.name == LivePostgres.name)
            try await store.insert(StoreFixtures.minimal())
            #expect(try await store.deployments(idPrefix: "00c").count == 1)
            await store.close()
        }
        #expect(DeploymentStores.describe(LivePostgres.url, directory: "/tmp") == LivePostgres.name)
    }

    /// What opening says and how long it took, measured on the probe executor: the
    /// test runner's cooperative pool is busy with CPU-bound suites in the same process.
    private static func openMessage(_ url: String) async -> (String?, Duration) {
        await withTaskExecutorPreference(ProbeExecutor.shared) {
            let started = ContinuousClock.now
            do {
                let store = try await DeploymentStores.open(url, directory: "/tmp")
                await store.close()
                return (nil, ContinuousClock.now - started)
            } catch {
                return ("\(error)", ContinuousClock.now - started)
            }
        }
    }
}
