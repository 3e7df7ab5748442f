import ArgumentParser
import Foundation
import GreenlightCore
import GreenlightDeploy

/// `greenlight deploy`: runs a runbook's phases with gates, rollback, freeze windows,
/// a journal and a history.
struct DeployCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deploy",
        abstract: "Run a deployment runbook: phases with exit criteria, approval gates, rollback, a journal and a history.",
        discussion: """
            The runbook is validated as a whole before anything runs. Gates ask at the terminal; \
            without one, the deployment stops at the gate and `--resume ID --approve` goes on. A \
            failed step or exit criterion rolls back the failed phase and every earlier one, newest first.
            Exit status: 0 succeeded, 1 failed or rolled back, 2 usage, runbook or history errors, \
            3 waiting for approval, 4 refused by a freeze window.
            """
    )

    @Argument(help: ArgumentHelp("The runbook file (e.g. deploy/production.yml). With --resume, defaults to the one the deployment started with.", valueName: "runbook"))
    var runbook: String?

    @Flag(name: .shortAndLong, help: "Approve every gate, and run an interrupted step again when resuming (for CI).")
    var yes = false

    @Option(help: ArgumentHelp("Go on with a deployment that waits at a gate or was interrupted.", valueName: "id"))
    var resume: String?

    @Flag(help: "With --resume: approve the gate the deployment waits at.")
    var approve = false

    @Flag(help: "With --resume: roll back the phases that ran instead of going on.")
    var rollback = false

    @Flag(help: "With --resume: run the step that was interrupted again.")
    var rerun = false

    @Flag(name: .customLong("skip-interrupted"), help: "With --resume: the interrupted step completed; go on after it.")
    var skipInterrupted = false

    @Flag(name: .customLong("allow-changed-runbook"), help: "With --resume: go on although the runbook file changed since the start.")
    var allowChangedRunbook = false

    @Option(help: ArgumentHelp("Give up a deployment that will not be finished (kept in the history as abandoned).", valueName: "id"))
    var abandon: String?

    @Flag(name: .customLong("override-freeze"), help: "Start even inside a freeze window (needs --reason, which is recorded).")
    var overrideFreeze = false

    @Option(help: ArgumentHelp("Why the freeze is overridden, or why the deployment is abandoned.", valueName: "text"))
    var reason: String?

    @Option(help: ArgumentHelp("A note for the journal's key learnings (repeatable).", valueName: "text"))
    var note: [String] = []

    @Flag(help: "Validate the runbook and print its plan without running anything.")
    var plan = false

    @Option(help: ArgumentHelp("The history: a SQLite file or postgres://user:pass@host/db (default: GREENLIGHT_STORE, else .greenlight/history.sqlite in the project).", valueName: "location"))
    var store: String?

    @Flag(name: .customLong("no-color"), help: "Never colour text output (NO_COLOR is honoured too).")
    var noColor = false

    func validate() throws {
        if overrideFreeze, (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--override-freeze needs --reason \"…\": the reason is recorded in the journal and the history")
        }
        if resume != nil, abandon != nil { throw ValidationError("--resume and --abandon exclude each other") }
        if resume == nil, approve || rollback || rerun || skipInterrupted || allowChangedRunbook {
            throw ValidationError("--approve, --rollback, --rerun, --skip-interrupted and --allow-changed-runbook go with --resume ID")
        }
        if rerun, skipInterrupted { throw ValidationError("--rerun and --skip-interrupted exclude each other") }
        if resume == nil, abandon == nil, runbook == nil { throw ValidationError("name the runbook to run, e.g. greenlight deploy deploy/production.yml") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let output = StandardOutput()
        let color = !noColor && Terminal.supportsColor
        let console = DeployConsole(color: color, timeZone: .current) { output.write($0) }
        let location = store ?? environment["GREENLIGHT_STORE"]

        if plan {
            let loaded = try loadRunbook(runbook ?? "", environment: environment)
            output.write(RunbookPlanText.render(loaded))
            return
        }

        if let id = resume ?? abandon {
            // A runbook named on the command line is read once and says where the history is;
            // without one, the history is found first and names the runbook.
            let given = try runbook.map { try loadRunbook($0, environment: environment) }
            let directory = given?.directory ?? HistoryDirectory.find(from: FileManager.default.currentDirectoryPath)
            let history = try await openStore(location, directory: directory)
            let existing = try await findDeployment(id, in: history)
            let path = runbook ?? existing.runbookPath
            let loaded = try given ?? loadRunbook(path, environment: environment)
            let runner = makeRunner(loaded, path: path, store: history, environment: environment, console: console, output: output)
            let result: DeploymentRecord
            do {
                result = abandon != nil ? try await runner.abandon(existing, reason: reason) : try await runner.resume(existing)
            } catch {
                await history.close()
                throw Self.failure(error)
            }
            await history.close()
            try Self.exit(for: result)
            return
        }

        guard let runbook else { return }
        let loaded = try loadRunbook(runbook, environment: environment)
        let history = try await openStore(location, directory: loaded.directory)
        let runner = makeRunner(loaded, path: runbook, store: history, environment: environment, console: console, output: output)
        let result: DeploymentRecord
        do {
            result = try await runner.start()
        } catch {
            await history.close()
            throw Self.failure(error)
        }
        await history.close()
        try Self.exit(for: result)
    }

    private func makeRunner(_ loaded: Runbook, path: String, store: any DeploymentStore, environment: [String: String],
                            console: DeployConsole, output: StandardOutput) -> DeploymentRunner {
        var options = DeployOptions(environment: environment)
        options.approveAll = yes
        options.approveGate = approve
        options.freezeOverrideReason = overrideFreeze ? reason : nil
        options.notes = note
        options.rerunInterrupted = rerun ? true : skipInterrupted ? false : nil
        options.rollBack = rollback
        options.allowChangedRunbook = allowChangedRunbook
        let interaction: any DeployInteraction = TerminalInteraction.available
            ? TerminalInteraction(write: { output.write($0) }) : NoInteraction()
        let bytes = FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
        return DeploymentRunner(runbook: loaded, runbookBytes: bytes, store: store, options: options,
                                interaction: interaction, progress: { console.handle($0) })
    }

    private func loadRunbook(_ path: String, environment: [String: String]) throws -> Runbook {
        do {
            return try RunbookLoader.load(path: path, environment: environment)
        } catch {
            throw UsageError(description: error.description)
        }
    }

    private func findDeployment(_ id: String, in store: any DeploymentStore) async throws -> DeploymentRecord {
        let matches: [DeploymentRecord]
        do {
            matches = try await store.deployments(idPrefix: id.lowercased())
        } catch {
            throw UsageError(description: error.description)
        }
        switch matches.count {
        case 1: return matches[0]
        case 0: throw UsageError(description: "no deployment with id \(id) in the history (see greenlight history)")
        default: throw UsageError(description: "\(id) matches \(matches.count) deployments (\(matches.prefix(5).map(\.id).joined(separator: ", "))); give more of the id")
        }
    }

    /// The exit status a finished or waiting deployment gives.
    static func exit(for deployment: DeploymentRecord) throws {
        switch deployment.status {
        case .succeeded, .abandoned: return
        case .failed, .rolledBack: throw CLIExit.findings
        case .awaitingApproval, .running: throw CLIExit.awaitingApproval
        }
    }

    static func failure(_ error: DeployError) -> Error {
        printError(error.description)
        switch error.kind {
        case .frozen: return CLIExit.frozen
        case .usage, .store: return CLIExit.usage
        }
    }
}

/// Opens the history named by `--store`/`GREENLIGHT_STORE`, or the project's SQLite file.
func openStore(_ location: String?, directory: String) async throws -> any DeploymentStore {
    do {
        return try await DeploymentStores.open(location, directory: directory)
    } catch {
        throw UsageError(description: error.description)
    }
}

/// Where the default history is for commands that have no runbook to go by (`history`,
/// `metrics`, `deploy --resume ID`): the nearest directory at or above `start` that
/// holds `.greenlight/history.sqlite`, else the nearest holding `.greenlight.yml` or
/// `.git` (the project root, where a deploy of a runbook there keeps it), else `start`.
enum HistoryDirectory {
    static func find(from start: String) -> String {
        nearest(from: start, holding: [DeploymentStores.defaultPath])
            ?? nearest(from: start, holding: [ConfigurationLoader.fileName, ".git"]) ?? start
    }

    private static func nearest(from start: String, holding markers: [String]) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            for marker in markers where FileManager.default.fileExists(atPath: directory.appendingPathComponent(marker).path) {
                return directory.path
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { return nil }
            directory = parent
        }
    }
}
