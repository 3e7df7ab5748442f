import Foundation
import GreenlightCore
import GreenlightVerify

/// How one step ended.
struct StepExecution: Sendable {
    var passed: Bool
    var exitCode: Int32?
    var outputTail: String
    var message: String
}

/// Runs one runbook step: a shell command, a static check, probes, a pause or a note.
struct StepExecutor: Sendable {
    let runbook: Runbook
    /// The environment of `run:` steps and probes: the process environment, the built-in
    /// variables and the runbook's variables.
    let environment: [String: String]
    let onOutput: @Sendable ([UInt8]) -> Void

    /// Output kept per step in the history.
    static let tailLimit = 4096

    /// The same executor with `GREENLIGHT_PHASE` set for the phase about to run.
    func with(phase: String) -> StepExecutor {
        var environment = self.environment
        environment["GREENLIGHT_PHASE"] = phase
        return StepExecutor(runbook: runbook, environment: environment, onOutput: onOutput)
    }

    func execute(_ step: RunbookStep) async -> StepExecution {
        switch step.action {
        case .run(let run): await runCommand(run)
        case .check(let check): await runCheck(check)
        case .verify(let verify): await runVerify(verify)
        case .wait(let duration): await pause(duration)
        case .note(let text):
            StepExecution(passed: true, exitCode: nil, outputTail: "",
                          message: VariableTemplate.expand(text, values: environment).text)
        }
    }

    private func runCommand(_ step: RunStep) async -> StepExecution {
        var environment = self.environment
        for (name, template) in step.environment {
            environment[name] = VariableTemplate.expand(template, values: environment).text
        }
        let directory = resolve(step.directory ?? ".")
        do {
            let result = try await ShellProcess.shell(step.command, directory: directory, environment: environment,
                                                      timeout: step.timeout ?? runbook.defaultTimeout,
                                                      outputLimit: Self.tailLimit, onOutput: onOutput)
            return StepExecution(passed: result.succeeded, exitCode: result.exitStatus,
                                 outputTail: Self.tail(result.output), message: result.summary)
        } catch {
            return StepExecution(passed: false, exitCode: nil, outputTail: "",
                                 message: "could not start /bin/sh in \(directory): \(error)")
        }
    }

    private func runCheck(_ step: CheckStep) async -> StepExecution {
        let root = resolve(step.path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return StepExecution(passed: false, exitCode: nil, outputTail: "", message: "\(step.path): not a directory")
        }
        let configuration: Configuration
        do {
            configuration = try ProjectScanner.loadConfiguration(root: root, explicitPath: nil)
        } catch {
            return StepExecution(passed: false, exitCode: nil, outputTail: error.description,
                                 message: "\(step.path): configuration error")
        }
        let result = CheckEngine(configuration: configuration).run(ProjectScanner.tree(at: root))
        let findings = result.report.findings
        let failing = findings.filter { step.failOn.fails(on: $0.severity) }
        let text = TextReporter().render(result.report, color: false)
        var counts: [String] = []
        for severity in Severity.allCases.reversed() {
            let count = findings.filter { $0.severity == severity }.count
            if count > 0 { counts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
        }
        let summary = counts.isEmpty ? "no findings" : counts.joined(separator: ", ")
        if failing.isEmpty {
            return StepExecution(passed: true, exitCode: nil, outputTail: Self.tail(text),
                                 message: "\(summary) (fails on \(step.failOn.rawValue))")
        }
        let first = failing[0]
        let location = first.location.map { "\($0.file):\($0.line): " } ?? ""
        return StepExecution(passed: false, exitCode: nil, outputTail: Self.tail(text),
                             message: "\(summary) at or above \(step.failOn.rawValue); first: \(location)[\(first.ruleID)] \(first.message)")
    }

    private func runVerify(_ step: VerifyStep) async -> StepExecution {
        let specs: [ProbeSpec]
        do {
            specs = try Verifier.select(runbook.probes, names: step.probes)
        } catch {
            return StepExecution(passed: false, exitCode: nil, outputTail: "", message: error.description)
        }
        let results = await Verifier.run(specs, environment: environment, baseDirectory: runbook.directory, wait: step.wait)
        let reporter = VerifyTextReporter(color: false, names: specs.map(\.name), kinds: specs.map(\.target.kind))
        let lines = results.map { reporter.line(for: $0) }
        let failed = results.filter { !$0.ok }
        let shown = failed.isEmpty ? results : failed
        let message = shown.map { "\($0.spec.name): \($0.outcome.detail)" }.joined(separator: "; ")
        return StepExecution(passed: failed.isEmpty, exitCode: nil, outputTail: Self.tail(lines.joined(separator: "\n")),
                             message: message)
    }

    private func pause(_ duration: Duration) async -> StepExecution {
        do {
            try await Task.sleep(for: duration)
            return StepExecution(passed: true, exitCode: nil, outputTail: "", message: "waited \(DurationText.format(duration))")
        } catch {
            return StepExecution(passed: false, exitCode: nil, outputTail: "", message: "wait cancelled")
        }
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (runbook.directory as NSString).appendingPathComponent(path)
    }

    /// The last `tailLimit` bytes, cut at a line start when possible.
    static func tail(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count > tailLimit else { return text }
        var slice = bytes[(bytes.count - tailLimit)...]
        if let newline = slice.firstIndex(of: UInt8(ascii: "\n")) { slice = slice[(newline + 1)...] }
        return String(decoding: slice, as: UTF8.self)
    }
}
