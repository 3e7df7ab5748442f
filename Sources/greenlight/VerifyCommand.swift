import ArgumentParser
import Foundation
import GreenlightCore
import GreenlightVerify

/// `greenlight verify`: live probes of a running deployment.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Probe a running deployment: TCP, HTTP, gRPC health, PostgreSQL, Redis, AWS SSM and ECS, commands, installed packages.",
        discussion: """
            Probes are declared under verify: in .greenlight.yml (or --config FILE), or derived from \
            the project with --derive. All probes run concurrently, each with its timeout, retries, \
            interval and start period.
            Exit status: 0 when every probe passed, 1 when any failed, 2 for usage or configuration errors.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: "The project directory (its .greenlight.yml is read; relative paths in probes start here).")
    var path: String = "."

    @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file (default: .greenlight.yml in PATH).", valueName: "file"))
    var configurationFile: String?

    @Option(name: .customLong("probe"), help: ArgumentHelp("Run only this probe (repeatable).", valueName: "name"))
    var probes: [String] = []

    @Option(help: ArgumentHelp("Keep retrying failed probes until they pass or this much time has passed (e.g. 10m).", valueName: "duration"))
    var wait: String?

    @Flag(help: "Build probes from the project's compose services (published ports, with each service's protocol) instead of the configuration.")
    var derive = false

    @Flag(name: .customLong("print"), help: "Print the probes as YAML for .greenlight.yml instead of running them.")
    var printProbes = false

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("no-color"), help: "Never colour text output (NO_COLOR is honoured too).")
    var noColor = false

    func run() async throws {
        let waitDuration = try wait.map(Self.parseDuration)
        let configuration: Configuration
        do {
            configuration = try ProjectScanner.loadConfiguration(root: path, explicitPath: configurationFile)
        } catch {
            throw UsageError(description: error.description)
        }
        var verify = configuration.verify
        if derive {
            verify = VerifyConfiguration(defaults: verify.defaults, probes: ProbeDeriver.derive(root: path, configuration: configuration))
            if verify.probes.isEmpty {
                throw UsageError(description: "\(path): no compose service publishes a port, so there is nothing to derive")
            }
        }
        if printProbes {
            print(ProbeYAML.render(verify.probes), terminator: "")
            return
        }
        let specs: [ProbeSpec]
        do {
            specs = try Verifier.select(verify, names: probes)
        } catch {
            throw UsageError(description: error.description)
        }

        let color = !noColor && format == .text && Terminal.supportsColor
        let reporter = VerifyTextReporter(color: color, names: specs.map(\.name), kinds: specs.map(\.kind))
        let live = format == .text && isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        let output = StandardOutput()
        let view = live ? LiveProgressView(specs: specs, reporter: reporter, write: output.write) : nil
        let plain = format == .text && !live ? PlainProgress(reporter: reporter, specs: specs, write: output.write) : nil
        let clock = ContinuousClock()
        let start = clock.now
        view?.begin()
        let results = await Verifier.run(specs, environment: ProcessInfo.processInfo.environment,
                                         baseDirectory: configurationDirectory, wait: waitDuration) { event in
            view?.handle(event)
            plain?.handle(event)
        }
        view?.end()
        switch format {
        case .json:
            output.write(VerifyJSONReporter.render(results))
        case .text:
            output.write(reporter.summary(results, elapsed: clock.now - start) + "\n")
        }
        if results.contains(where: { !$0.ok }) { throw CLIExit.findings }
    }

    /// Relative paths in probes (requirements files, command directories) start at the
    /// configuration file's directory.
    var configurationDirectory: String {
        guard let configurationFile else { return path }
        let directory = (configurationFile as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    static func parseDuration(_ text: String) throws -> Duration {
        if let seconds = Double(text), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        if let seconds = DockerDuration.seconds(text), seconds >= 0 { return .milliseconds(Int64(seconds * 1000)) }
        throw UsageError(description: "--wait must be a duration such as 90s, 10m or 1m30s, not '\(text)'")
    }
}

/// Serialises writes to standard output from the probe tasks.
final class StandardOutput: @unchecked Sendable {
    private let lock = NSLock()

    func write(_ text: String) {
        lock.lock()
        FileHandle.standardOutput.write(Data(text.utf8))
        lock.unlock()
    }
}

/// Progress for logs: a line per finished probe, and a line per failed attempt that is
/// retried (at most one per probe every 30 s while the failure stays the same).
final class PlainProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let reporter: VerifyTextReporter
    private let specs: [ProbeSpec]
    private let write: @Sendable (String) -> Void
    private var lastRetry: [Int: (detail: String, at: ContinuousClock.Instant)] = [:]
    private let clock = ContinuousClock()

    init(reporter: VerifyTextReporter, specs: [ProbeSpec], write: @escaping @Sendable (String) -> Void) {
        self.reporter = reporter
        self.specs = specs
        self.write = write
    }

    func handle(_ event: ProbeEvent) {
        switch event {
        case .attempting:
            return
        case .retrying(let index, let attempt, let outcome, let retryIn):
            lock.lock()
            let now = clock.now
            let previous = lastRetry[index]
            let quiet = previous.map { $0.detail == outcome.detail && now - $0.at < .seconds(30) } ?? false
            if !quiet { lastRetry[index] = (outcome.detail, now) }
            lock.unlock()
            if !quiet {
                write(reporter.retryLine(name: specs[index].name, kind: specs[index].kind, attempt: attempt,
                                         outcome: outcome, retryIn: retryIn) + "\n")
            }
        case .finished(_, let result):
            write(reporter.line(for: result) + "\n")
        }
    }
}
