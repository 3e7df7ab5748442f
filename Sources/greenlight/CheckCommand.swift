import ArgumentParser
import Foundation
import GreenlightCore

extension OutputFormat: ExpressibleByArgument {}
extension FailLevel: ExpressibleByArgument {}

/// Options every command that scans a project shares.
struct ScanOptions: ParsableArguments {
    @Argument(help: "The project directory to scan.")
    var path: String = "."

    @Option(name: .customLong("config"), help: ArgumentHelp("Configuration file (default: .greenlight.yml in PATH).", valueName: "file"))
    var configurationFile: String?

    /// Loads the configuration, turning its errors into located usage errors.
    func loadConfiguration() throws -> Configuration {
        do {
            return try ProjectScanner.loadConfiguration(root: path, explicitPath: configurationFile)
        } catch {
            throw UsageError(description: error.description)
        }
    }

    func validateRoot() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw UsageError(description: "\(path): not a directory")
        }
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Statically check a project's Dockerfiles, compose files and code for deploy failures.",
        discussion: """
            Exit status: 0 when nothing at or above --fail-on was found, 1 when something was, \
            2 for usage or configuration errors.
            """
    )

    @OptionGroup var scan: ScanOptions

    @Option(help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Write the report to a file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning, note or never (default: error, or fail-on in the configuration).")
    var failOn: FailLevel?

    @Option(name: .customLong("rule"), help: ArgumentHelp("Run only this rule (repeatable).", valueName: "id"))
    var rules: [String] = []

    @Option(help: ArgumentHelp("Hide findings recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record the current findings as the baseline in this file.", valueName: "file"))
    var writeBaseline: String?

    @Option(name: .customLong("var-file"), help: ArgumentHelp("A Terraform variable file, relative to PATH (repeatable; like terraform -var-file).", valueName: "file"))
    var varFiles: [String] = []

    @Flag(name: .customLong("no-color"), help: "Never colour text output (NO_COLOR is honoured too).")
    var noColor = false

    func run() throws {
        try scan.validateRoot()
        var configuration = try scan.loadConfiguration()
        if let failOn { configuration.failOn = failOn }
        configuration.terraformVariableFiles += varFiles
        let selected = try RuleSelection.resolve(rules)

        var loadedBaseline: Baseline?
        if let baseline {
            guard let bytes = FileManager.default.contents(atPath: baseline) else {
                throw UsageError(description: "\(baseline): cannot read baseline file")
            }
            do {
                loadedBaseline = try Baseline.parse([UInt8](bytes), path: baseline)
            } catch {
                throw UsageError(description: "\(error)")
            }
        }

        let engine = CheckEngine(configuration: configuration, rules: selected, baseline: loadedBaseline)
        let result = engine.run(ProjectScanner.tree(at: scan.path))

        if let writeBaseline {
            let recorded = Baseline(fingerprints: Set(result.fingerprints))
            guard FileManager.default.createFile(atPath: writeBaseline, contents: Data(recorded.render().utf8)) else {
                throw UsageError(description: "\(writeBaseline): cannot write baseline file")
            }
        }

        let useColor = output == nil && format == .text && !noColor && Terminal.supportsColor
        let rendered = format.reporter.render(result.report, color: useColor)
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(rendered.utf8)) else {
                throw UsageError(description: "\(output): cannot write report")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }

        if result.report.findings.contains(where: { configuration.failOn.fails(on: $0.severity) }) {
            throw CLIExit.findings
        }
    }
}

/// Whether standard output is a terminal that wants colour.
enum Terminal {
    static var supportsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }
}

/// Turns `--rule` arguments into rule types, rejecting unknown ids with a suggestion.
enum RuleSelection {
    static func resolve(_ ids: [String]) throws -> [any Rule.Type] {
        guard !ids.isEmpty else { return RuleRegistry.all }
        return try ids.map { id in
            guard let rule = RuleRegistry.rule(id: id) else {
                var message = "unknown rule '\(id)'"
                if let suggestion = Suggestion.closest(to: id, in: RuleRegistry.ids) {
                    message += "; did you mean '\(suggestion)'?"
                }
                throw UsageError(description: message + " (see `greenlight rules`)")
            }
            return rule
        }
    }
}
