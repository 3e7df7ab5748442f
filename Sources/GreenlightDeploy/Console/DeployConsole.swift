import Foundation
import GreenlightCore
import Synchronization

/// Prints a deployment as it runs: phase headings, each step's start and end, the
/// output of `run:` steps indented under it, and how it ended.
public final class DeployConsole: Sendable {
    private let style: ANSIStyle
    private let timeZone: TimeZone
    private let write: @Sendable (String) -> Void
    /// Output bytes of the running step not yet ended by a newline.
    private let pending = Mutex<[UInt8]>([])

    public init(color: Bool, timeZone: TimeZone, write: @escaping @Sendable (String) -> Void) {
        self.style = ANSIStyle(enabled: color)
        self.timeZone = timeZone
        self.write = write
    }

    public func handle(_ progress: DeployProgress) {
        switch progress {
        case .started(let deployment, let journal):
            write(style.bold("Deployment \(deployment.id)") + ": \(deployment.runbook) to \(deployment.environment)"
                  + commitText(deployment) + "\n" + style.dim("journal: \(journal)") + "\n")
        case .resumed(let deployment, let from):
            write(style.bold("Resuming deployment \(deployment.id)") + ": \(deployment.runbook) to \(deployment.environment), from \(from)\n")
        case .phaseStarted(let index, let count, let name):
            write("\n" + style.bold("Phase \(index + 1)/\(count) · \(name)") + "\n")
        case .stepStarted(let step):
            if step.kind == "note" { return }
            write("  " + style.dim("▸") + " " + label(step) + step.title + "\n")
        case .output(let bytes):
            emitLines(bytes)
        case .stepFinished(let step) where step.kind == "note":
            write("  " + style.dim("•") + " " + (step.message ?? step.title) + "\n")
        case .stepFinished(let step):
            flushOutput()
            let mark = step.outcome == .passed ? style.green("✓") : style.strong(.error, "✗")
            let duration = step.finishedAt.map { DeployText.duration($0.timeIntervalSince(step.startedAt)) } ?? ""
            let message = step.message.map { " — \($0)" } ?? ""
            write("  \(mark) \(label(step))\(step.title)\(message) " + style.dim(duration) + "\n")
            if step.outcome == .failed, step.kind != "run", !step.outputTail.isEmpty {
                for line in step.outputTail.split(separator: "\n", omittingEmptySubsequences: false).suffix(20) {
                    write("    " + style.dim("│") + " \(line)\n")
                }
            }
        case .info(let text):
            write("\n" + text + "\n")
        case .warning(let text):
            write(style.strong(.warning, "! ") + text + "\n")
        case .finished(let deployment, let journal):
            write("\n" + verdict(deployment) + "\n" + style.dim("journal: \(journal)") + "\n")
        }
    }

    private func label(_ step: StepRecord) -> String {
        step.section == .rollback ? style.strong(.warning, "rollback ") : step.section == .exitCriteria ? style.dim("exit criterion ") : ""
    }

    private func commitText(_ deployment: DeploymentRecord) -> String {
        guard let commit = deployment.gitCommit else { return "" }
        return " at \(commit.prefix(7))\(deployment.gitDirty ? " (uncommitted changes)" : "")"
    }

    private func verdict(_ deployment: DeploymentRecord) -> String {
        let duration = deployment.duration.map { " in \(DeployText.duration($0))" } ?? ""
        switch deployment.status {
        case .succeeded:
            return style.green(style.bold("Deployment \(deployment.id) succeeded")) + duration
        case .rolledBack:
            return style.strong(.warning, "Deployment \(deployment.id) was rolled back") + duration
                + "\n" + (deployment.failureSummary ?? "")
        case .failed:
            return style.strong(.error, "Deployment \(deployment.id) FAILED") + duration + "\n" + (deployment.failureSummary ?? "")
        case .abandoned:
            return style.strong(.warning, "Deployment \(deployment.id) abandoned")
        case .running, .awaitingApproval:
            return "Deployment \(deployment.id): \(DeployText.status(deployment.status))"
        }
    }

    /// Writes complete lines of step output, indented; keeps a partial last line.
    private func emitLines(_ bytes: [UInt8]) {
        let lines: [String] = pending.withLock { buffer in
            buffer += bytes
            guard let last = buffer.lastIndex(of: UInt8(ascii: "\n")) else { return [] }
            let complete = buffer[...last]
            buffer = Array(buffer[(last + 1)...])
            return complete.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
                .map { String(decoding: $0, as: UTF8.self) }
        }
        for line in lines { write("    " + style.dim("│") + " \(line)\n") }
    }

    private func flushOutput() {
        let rest = pending.withLock { buffer in
            defer { buffer = [] }
            return buffer
        }
        if !rest.isEmpty { write("    " + style.dim("│") + " \(String(decoding: rest, as: UTF8.self))\n") }
    }
}
