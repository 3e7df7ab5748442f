import GreenlightCore

/// `command: "shell command"` — exits 0 (and prints `contains`), for the checks of
/// scripts such as `test_production_env.sh`: disk space, a migration status, a CLI call.
public struct CommandProbe: ProbeCheck {
    public let spec: CommandProbeSpec

    public init(spec: CommandProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let directory = spec.directory.map { PathUtilities.join(context.baseDirectory, $0) } ?? context.baseDirectory
        let result: ShellResult
        do {
            result = try await ShellProcess.shell(spec.command, directory: directory, environment: context.environment,
                                                  timeout: timeout, outputLimit: 16 * 1024)
        } catch {
            return .fail(.setup, "\(error)")
        }
        let last = Self.lastLine(result.output)
        let tail = last.isEmpty ? "" : ": \(last)"
        if result.timedOut {
            return .fail(.timeout, "`\(spec.command)` \(result.summary)\(tail)")
        }
        guard result.exitStatus == 0 else {
            if result.exitStatus == 127 {
                return .fail(.setup, "`\(spec.command)`: command not found\(tail)")
            }
            return .fail(.exitStatus, "`\(spec.command)` ended with \(result.summary)\(tail)")
        }
        if let needle = spec.contains, !result.output.contains(needle) {
            return .fail(.content, "`\(spec.command)` succeeded but did not print \"\(needle)\"\(tail)")
        }
        return .pass(last.isEmpty ? "exit status 0" : "exit status 0\(tail)")
    }

    /// The last non-empty output line, shortened.
    static func lastLine(_ output: String) -> String {
        let line = output.split(whereSeparator: \.isNewline).last { !$0.allSatisfy(\.isWhitespace) }.map(String.init) ?? ""
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count > 100 ? String(trimmed.prefix(97)) + "..." : trimmed
    }
}
