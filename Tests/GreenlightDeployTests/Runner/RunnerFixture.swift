import Foundation
import GreenlightCore
import Synchronization
@testable import GreenlightDeploy

/// A runbook in a temporary directory, a SQLite history beside it, and a runner with
/// answers to its questions given in advance.
struct RunnerFixture {
    let directory: String
    let runbook: Runbook
    let store: any DeploymentStore
    let text: String

    init(_ yaml: String) async throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenlight-runner-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        text = yaml
        let path = directory + "/runbook.yml"
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        runbook = try RunbookLoader.load(path: path, environment: [:])
        store = try await DeploymentStores.open(nil, directory: directory)
    }

    /// A runner whose questions get `answers` in order (nil: nobody answers).
    func runner(answers: [Bool?] = [], configure: (inout DeployOptions) -> Void = { _ in }) -> (DeploymentRunner, Transcript) {
        var options = DeployOptions(environment: ProcessInfo.processInfo.environment, timeZone: TimeZone(identifier: "UTC") ?? .current)
        configure(&options)
        let transcript = Transcript()
        let runner = DeploymentRunner(runbook: runbook, runbookBytes: Array(text.utf8), store: store, options: options,
                                      interaction: ScriptedAnswers(answers: answers, transcript: transcript),
                                      progress: { transcript.record($0) })
        return (runner, transcript)
    }

    /// The lines steps appended to `log` in the runbook's directory.
    func log(_ name: String = "log") -> [String] {
        let text = (try? String(contentsOfFile: directory + "/" + name, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }

    func steps(_ id: String) async throws -> [StepRecord] { try await store.steps(deploymentID: id) }
    func events(_ id: String) async throws -> [DeploymentEvent] { try await store.events(deploymentID: id) }

    func remove() async {
        await store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}

/// What the runner reported and asked.
final class Transcript: Sendable {
    private let state = Mutex<(progress: [String], questions: [String])>(([], []))

    func record(_ progress: DeployProgress) {
        let line: String
        switch progress {
        case .started(let record, _): line = "started \(record.id)"
        case .resumed(_, let from): line = "resumed from \(from)"
        case .phaseStarted(let index, _, let name): line = "phase \(index + 1) \(name)"
        case .stepStarted(let step): line = "start \(step.section.rawValue) \(step.title)"
        case .output: return
        case .stepFinished(let step): line = "end \(step.section.rawValue) \(step.title) \(step.outcome?.rawValue ?? "-")"
        case .info(let text): line = "info \(text)"
        case .warning(let text): line = "warning \(text)"
        case .finished(let record, _): line = "finished \(record.status.rawValue)"
        }
        state.withLock { $0.progress.append(line) }
    }

    func asked(_ question: String) { state.withLock { $0.questions.append(question) } }
    var lines: [String] { state.withLock { $0.progress } }
    var questions: [String] { state.withLock { $0.questions } }
}

/// Answers given in advance, in order; nil (and running out) means nobody answered.
final class ScriptedAnswers: DeployInteraction {
    let answers: Mutex<[Bool?]>
    let transcript: Transcript

    init(answers: [Bool?], transcript: Transcript) {
        self.answers = Mutex(answers)
        self.transcript = transcript
    }

    func confirm(_ question: String, context: [String]) async -> Bool? {
        transcript.asked(question)
        return answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}
