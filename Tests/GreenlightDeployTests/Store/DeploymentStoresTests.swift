import Foundation
@testable import GreenlightDeploy
import Testing

@Suite struct DeploymentStoresTests {
    private func openMessage(_ location: String?, _ directory: String) async -> String? {
        do {
            let store = try await DeploymentStores.open(location, directory: directory)
            await store.close()
            return nil
        } catch {
            return error.description
        }
    }

    @Test func defaultIsSQLiteInTheProjectsGreenlightFolder() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = try await DeploymentStores.open(nil, directory: folder)
        let sqlite = try #require(store as? SQLiteDeploymentStore)
        #expect(sqlite.path == folder + "/.greenlight/history.sqlite")
        try await store.insert(StoreFixtures.minimal())
        await store.close()
        #expect(FileManager.default.fileExists(atPath: folder + "/.greenlight/history.sqlite"))
        #expect(DeploymentStores.describe(nil, directory: folder) == "history \(folder)/.greenlight/history.sqlite")

        let again = try await DeploymentStores.open(nil, directory: folder)
        #expect(try await again.deployment(id: "00c0ffee") != nil)
        await again.close()
    }

    @Test func pathsAreRelativeToTheDirectory() async throws {
        let folder = try StoreFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/ops", withIntermediateDirectories: true)
        let relative = try await DeploymentStores.open("ops/../ops/deploys.db", directory: folder)
        #expect((relative as? SQLiteDeploymentStore)?.path == folder + "/ops/deploys.db")
        await relative.close()
        let absolute = try await DeploymentStores.open(folder + "/abs.sqlite", directory: "/nonexistent")
        #expect((absolute as? SQLiteDeploymentStore)?.path == folder + "/abs.sqlite")
        await absolute.close()
        #expect(DeploymentStores.describe("ops/deploys.db", directory: folder) == "history \(folder)/ops/deploys.db")
        #expect(await openMessage("missing/h.sqlite", folder)
                == "cannot open history \(folder)/missing/h.sqlite: folder \(folder)/missing does not exist")
    }

    @Test func otherURLsAndEmptyLocationsAreRefused() async throws {
        #expect(await openMessage("mysql://root:hunter2@db/deploys", "/tmp")
                == "cannot open history mysql://root:***@db/deploys: mysql:// is not supported; give an SQLite file path or a postgres:// URL")
        #expect(await openMessage("  ", "/tmp") == "the history location is empty: give an SQLite file path or a postgres:// URL")
        #expect(await openMessage("postgres://:hunter2@", "/tmp")?.contains("hunter2") == false)
    }

    @Test func describeNamesPostgreSQLWithoutThePassword() {
        #expect(DeploymentStores.describe("postgres://deploy:hunter2@db.internal:6543/history?sslmode=require", directory: "/repo")
                == "PostgreSQL history at db.internal:6543/history")
        #expect(DeploymentStores.describe("POSTGRESQL://deploy:hunter2@[::1]", directory: "/repo")
                == "PostgreSQL history at [::1]:5432/deploy")
        let invalid = DeploymentStores.describe("postgresql://deploy:hunter2@db:notaport/x", directory: "/repo")
        #expect(invalid == "PostgreSQL history postgresql://deploy:***@db:notaport/x")
        #expect(DeploymentStores.describe("mysql://root:hunter2@db", directory: "/repo") == "history mysql://root:***@db")
    }

    @Test func datesAreTextInUTCToTheMillisecond() {
        let cases: [(Double, String)] = [
            (0, "1970-01-01 00:00:00.000"),
            (1_700_000_000.123, "2023-11-14 22:13:20.123"),
            (951_868_799.9994, "2000-02-29 23:59:59.999"),
            (951_868_799.9996, "2000-03-01 00:00:00.000"),
            (-0.001, "1969-12-31 23:59:59.999"),
            (4_107_542_400, "2100-03-01 00:00:00.000"),
        ]
        for (seconds, text) in cases {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(StoreDate.text(date) == text)
            #expect(StoreDate.parse(text) == StoreDate.rounded(date))
        }
        #expect(StoreDate.parse("2023-11-14T22:13:20.1234") == Date(timeIntervalSince1970: 1_700_000_000.123))
        #expect(StoreDate.parse("2023-11-14 22:13:20") == Date(timeIntervalSince1970: 1_700_000_000))
        for bad in ["", "yesterday", "2023-13-14 22:13:20.123", "2023-11-14 24:00:00", "2023-11-14 22:13:20.", "2023-11-14 22:13:20.12x",
                    "2023/11/14 22:13:20"] {
            #expect(StoreDate.parse(bad) == nil, "\(bad)")
        }
    }
}
