import ArgumentParser
import Foundation
import GreenlightCore

/// `greenlight freeze`: freeze windows, when deploys may not start.
struct FreezeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "freeze",
        abstract: "Freeze windows: when deploys may not start.",
        subcommands: [FreezeStatusCommand.self],
        defaultSubcommand: FreezeStatusCommand.self
    )
}

/// `greenlight freeze status`: whether deploys are frozen now (or `--at` an instant).
struct FreezeStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Say whether deploys are frozen, until when, and when the next freeze starts.",
        discussion: """
            Reads freeze: from each RUNBOOK, or from .greenlight.yml in the current directory when \
            no runbook is given.
            Exit status: 0 when not frozen, 1 when frozen (any runbook), 2 for usage or configuration errors.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case json
    }

    @Argument(help: ArgumentHelp("Runbook files whose freeze: to read (default: .greenlight.yml).", valueName: "runbook"))
    var runbooks: [String] = []

    @Option(help: ArgumentHelp("The instant to check instead of now: \(FreezeInstant.forms).", valueName: "time"))
    var at: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("no-color"), help: "Never colour text output (NO_COLOR is honoured too).")
    var noColor = false

    func run() throws {
        let instant = try at.map { text in
            guard let instant = FreezeInstant(text) else {
                throw UsageError(description: "--at must be a date and time such as \(FreezeInstant.forms), not '\(text)'")
            }
            return instant
        }
        let sources = try loadPolicies()
        let now = Date()
        let statuses = sources.map { source in
            FreezeCalendar.status(of: source.policy, at: instant?.date(in: FreezeCalendar.timeZone(of: source.policy)) ?? now)
        }
        switch format {
        case .json:
            let objects = zip(sources, statuses).map { FreezeCalendar.json($1, policy: $0.policy, file: $0.file) }
            print(JSONSerializer.pretty(objects.count == 1 ? objects[0] : .array(objects)), terminator: "")
        case .text:
            let style = ANSIStyle(enabled: !noColor && Terminal.supportsColor)
            for (source, status) in zip(sources, statuses) {
                let prefix = sources.count > 1 ? "\(source.file): " : ""
                print(prefix + FreezeCalendar.summary(status, policy: source.policy, file: source.file, style: style) + source.note)
            }
        }
        if statuses.contains(where: \.frozen) { throw CLIExit.findings }
    }

    /// Each runbook's policy, or `.greenlight.yml`'s (empty when there is none). Every
    /// file's errors are reported together.
    func loadPolicies() throws -> [(file: String, policy: FreezePolicy, note: String)] {
        if runbooks.isEmpty {
            let file = ConfigurationLoader.fileName
            guard FileManager.default.fileExists(atPath: file) else {
                return [(file, FreezePolicy(), " (there is no \(file) in this directory)")]
            }
            do {
                return [(file, try FreezePolicyLoader.load(path: file), "")]
            } catch {
                throw UsageError(description: error.description)
            }
        }
        var errors: [String] = []
        var result: [(file: String, policy: FreezePolicy, note: String)] = []
        for file in runbooks {
            do {
                result.append((file, try FreezePolicyLoader.load(path: file), ""))
            } catch {
                errors.append(error.description)
            }
        }
        if !errors.isEmpty { throw UsageError(description: errors.joined(separator: "\n")) }
        return result
    }
}
