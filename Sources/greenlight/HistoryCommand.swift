import ArgumentParser
import Foundation
import GreenlightDeploy

/// `greenlight history`: the recorded deployments, newest first.
struct HistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List recorded deployments, newest first: id, runbook, environment, commit, start, duration, outcome, who.",
        discussion: """
            A running deployment whose process on this machine is gone is shown as interrupted \
            (resume it with greenlight deploy --resume ID). Commits marked * were deployed from a \
            working tree with uncommitted changes.
            Exit status: 0, or 2 when the history cannot be read or an option is wrong.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @OptionGroup var history: HistoryStoreOptions

    @Option(help: ArgumentHelp("Only deployments to this environment.", valueName: "name"))
    var environment: String?

    @Option(help: ArgumentHelp("Show at most this many deployments.", valueName: "count"))
    var limit: Int = 20

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        guard limit > 0 else { throw UsageError(description: "--limit must be 1 or more, not \(limit)") }
        let query = DeploymentQuery(environment: environment, limit: limit)
        let deployments = try await history.read { store in try await store.deployments(query) } ?? []
        let report = HistoryReport()
        switch format {
        case .json:
            print(report.json(deployments), terminator: "")
        case .text where deployments.isEmpty:
            let scope = environment.map { " to \($0)" } ?? ""
            print("No deployments\(scope) recorded in \(history.name).")
        case .text:
            print(report.text(deployments), terminator: "")
        }
    }
}

/// `--store`, shared by `history` and `metrics`: where the history is, and reading it.
struct HistoryStoreOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "The history: an SQLite file or a postgres:// URL (default: GREENLIGHT_STORE, else the nearest .greenlight/history.sqlite at or above the current directory).",
        valueName: "url"))
    var store: String?

    /// `--store`, else a non-empty `GREENLIGHT_STORE`, else nil (the default file).
    var location: String? {
        if let store { return store }
        let variable = ProcessInfo.processInfo.environment["GREENLIGHT_STORE"]?.trimmingCharacters(in: .whitespaces)
        return variable.flatMap { $0.isEmpty ? nil : $0 }
    }

    var directory: String { HistoryDirectory.find(from: FileManager.default.currentDirectoryPath) }

    /// "history /repo/.greenlight/history.sqlite", for messages.
    var name: String { DeploymentStores.describe(location, directory: directory) }

    /// Runs `body` on the open store and closes it. nil, without creating anything, when
    /// no store is named and the default history file does not exist yet. A store that
    /// cannot be opened or read is a usage error (exit 2).
    func read<T>(_ body: (any DeploymentStore) async throws -> T) async throws -> T? {
        if location == nil {
            let path = (directory as NSString).appendingPathComponent(DeploymentStores.defaultPath)
            guard FileManager.default.fileExists(atPath: path) else { return nil }
        }
        let store: any DeploymentStore
        do {
            store = try await DeploymentStores.open(location, directory: directory)
        } catch {
            throw UsageError(description: error.description)
        }
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch let error as StoreError {
            await store.close()
            throw UsageError(description: error.description)
        } catch {
            await store.close()
            throw error
        }
    }
}
