import ArgumentParser
import Foundation
import GreenlightDeploy

/// `greenlight metrics`: DORA four keys (with Four Keys buckets) and deployment figures
/// over the history.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Deployment metrics over the history: success rate, change failure rate, deployment time, frequency, lead time for changes, time to restore, rollbacks, issues caught before production.",
        discussion: """
            Deployments started in the window count when they succeeded, failed or were rolled \
            back; running and abandoned ones are shown apart. Without --environment, every \
            environment is measured together and then each on its own. The README's "Metrics" \
            section defines each figure and how it compares with DORA's four keys.
            Exit status: 0, or 2 when the history cannot be read or an option is wrong.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Option(help: ArgumentHelp(
        "Start of the window: a span back from now (7d, 12w, 6m with months of 30 days, 1y) or a date (2025-03-01, local midnight) or date-time (2025-03-01T09:00:00Z).",
        valueName: "when"))
    var since: String = "30d"

    @Option(help: ArgumentHelp("End of the window, written like --since (default: now).", valueName: "when"))
    var until: String?

    @Option(help: ArgumentHelp("Only deployments to this environment (e.g. production).", valueName: "name"))
    var environment: String?

    @OptionGroup var history: HistoryStoreOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() async throws {
        let now = Date()
        let window: MetricsWindow
        do {
            let start = try MetricsSince.parse(since, now: now)
            let end = try until.map { text throws(MetricsSinceError) in
                try MetricsSince.parse(text, now: now, option: "--until")
            } ?? now
            guard start < end else {
                throw UsageError(description: "--since \(since) is not before --until \(until ?? "now"); the window would be empty")
            }
            window = MetricsWindow(since: start, until: end, environment: environment)
        } catch let error as MetricsSinceError {
            throw UsageError(description: error.description)
        }

        let query = DeploymentQuery(environment: environment)
        let recorded: ([DeploymentRecord], [ChangeRecord])? = try await history.read { store in
            let deployments = try await store.deployments(query)
            let shipped = deployments.filter { $0.status == .succeeded }.map(\.id)
            return (deployments, try await store.changes(deploymentIDs: shipped))
        }
        let (deployments, changes) = recorded ?? ([], [])

        let report = DeploymentMetrics.compute(deployments: deployments, changes: changes, window: window)
        switch format {
        case .json: print(MetricsJSONReport.render(report), terminator: "")
        case .text where deployments.isEmpty:
            let scope = environment.map { " to \($0)" } ?? ""
            print("No deployments\(scope) recorded in \(history.name) yet, so there is nothing to measure.")
        case .text: print(MetricsTextReport().render(report), terminator: "")
        }
    }
}
