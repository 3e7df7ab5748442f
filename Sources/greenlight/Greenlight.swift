import ArgumentParser
import Foundation
import GreenlightCore

/// The `greenlight` command. Usage mistakes exit 2 (not ArgumentParser's 64), so
/// CI can tell "found problems" (1) from "could not run" (2).
@main
struct GreenlightCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "greenlight",
        abstract: "Tells you, before you ship, whether a deploy of your containerized services will come up healthy.",
        version: Greenlight.version,
        subcommands: [CheckCommand.self, VerifyCommand.self, DeployCommand.self, FreezeCommand.self, HistoryCommand.self,
                      MetricsCommand.self, ServicesCommand.self, RulesCommand.self, ExplainCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let exitCode = Self.exitCode(for: error)
            if exitCode == .success {
                Self.exit(withError: error)
            }
            FileHandle.standardError.write(Data((Self.fullMessage(for: error) + "\n").utf8))
            Foundation.exit(CLIExit.usage.rawValue)
        }
    }
}

/// Exit codes of every subcommand.
enum CLIExit {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let usage = ExitCode(2)
    /// `deploy`: stopped at a gate, waiting for `--resume ID --approve`.
    static let awaitingApproval = ExitCode(3)
    /// `deploy`: refused to start inside a freeze window.
    static let frozen = ExitCode(4)
}

/// A usage or configuration problem: printed to stderr, exit 2.
struct UsageError: Error, CustomStringConvertible {
    var description: String
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
}
