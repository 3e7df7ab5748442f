import Foundation
import GreenlightTestSupport
import Testing
@testable import GreenlightDeploy

/// Random Markdown-significant text in every field a command, a message or an author
/// fills must never change the journal's structure: the same headings, every code block
/// closed, every table row with its cells.
@Suite struct JournalFuzzTests {
    typealias F = JournalFixture

    @Test(arguments: 0..<4)
    func randomTextNeverChangesTheJournalsStructure(seed: UInt64) {
        var random = SeededRandom(seed: seed &+ 0x9E37_79B9_7F4A_7C15)
        for _ in 0..<100 {
            let journal = render(&random)
            #expect(journal.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F || $0 == "\n" || $0 == "\t" })
            let problems = structuralProblems(journal)
            #expect(problems.isEmpty, "\(problems)\n\(journal)")
            if !problems.isEmpty { return }
        }
    }

    private func render(_ random: inout SeededRandom) -> String {
        var runbook = F.runbook
        runbook.name = random.text()
        runbook.description = random.text()
        for index in runbook.phases.indices {
            runbook.phases[index].name = random.text()
            runbook.phases[index].description = random.text()
            runbook.phases[index].steps[0].name = random.text()
        }
        runbook.phases[2].steps[0].action = .note(random.text())
        runbook.phases[1].gate?.message = random.text()
        let statuses: [DeploymentStatus] = [.running, .awaitingApproval, .succeeded, .failed, .rolledBack, .abandoned]
        var deployment = F.deployment(statuses[random.below(statuses.count)], phase: random.below(3), finished: 60, failure: random.text())
        deployment.runbook = random.text()
        deployment.environment = random.text()
        deployment.actor = random.text()
        deployment.gitBranch = random.text()
        deployment.freezeOverrideReason = random.text()
        var steps = F.preflight + F.failedUpdate
            + [F.step(1, .rollback, 0, from: 45, to: 47, .failed, exit: 255), F.step(2, 0, from: 50, to: nil, nil)]
        for index in steps.indices {
            steps[index].title = random.text()
            steps[index].message = random.text()
            steps[index].outputTail = random.text(length: 80)
        }
        let events = DeploymentEvent.Kind.allCases.enumerated().map { F.event($0.element, Double($0.offset) * 4, random.text()) }
        let journal = JournalRenderer.render(runbook: runbook, deployment: deployment, steps: steps, events: events, timeZone: F.zone)
        let again = JournalRenderer.render(runbook: runbook, deployment: deployment, steps: steps, events: events, timeZone: F.zone)
        return journal == again ? journal : "not deterministic"
    }

    /// Headings other than the journal's own, a code block left open, or a table row with
    /// the wrong number of cells, outside code blocks.
    private func structuralProblems(_ journal: String) -> [String] {
        var problems: [String] = []
        var headings: [String] = []
        var fence: String?
        var previousBlank = true
        var section = ""
        for line in journal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                if trimmed.count >= open.count, trimmed.allSatisfy({ $0 == open.first }) { fence = nil }
                continue
            }
            // A fence may open a list item's content too.
            let content = trimmed.hasPrefix("- ") ? trimmed.dropFirst(2).drop { $0 == " " } : trimmed
            if content.hasPrefix("```") || content.hasPrefix("~~~") {
                let open = String(content.prefix { $0 == content.first })
                if open.first == "~" || !content.dropFirst(open.count).contains("`") {
                    fence = open
                    continue
                }
            }
            if indent <= 3, trimmed.hasPrefix("#"), trimmed.drop(while: { $0 == "#" }).first.map({ $0 == " " }) ?? true {
                headings.append(String(trimmed.prefix { $0 == "#" }))
            }
            if indent <= 3, !previousBlank, !trimmed.isEmpty, trimmed.allSatisfy({ $0 == "=" || $0 == "-" }) {
                problems.append("setext underline: \(line)")
            }
            if indent <= 3, trimmed.hasPrefix("<") { problems.append("HTML block: \(line)") }
            if line.hasPrefix("## ") { section = line }
            let inTable = section == "## Phase Results" || section == "## Validation Results"
            if inTable, line.hasPrefix("| "), unescapedPipes(line) != 5 { problems.append("table row: \(line)") }
            previousBlank = trimmed.isEmpty
        }
        if fence != nil { problems.append("code block left open") }
        let expected = ["#", "##", "##", "##", "###", "###", "###", "##", "##", "##", "##", "##"]
        if headings != expected { problems.append("headings \(headings)") }
        return problems
    }

    private func unescapedPipes(_ line: String) -> Int {
        var count = 0
        var backslashes = 0
        for character in line {
            if character == "|", backslashes % 2 == 0 { count += 1 }
            backslashes = character == "\\" ? backslashes + 1 : 0
        }
        return count
    }
}

/// Markdown-heavy text for the journal fuzz test.
extension SeededRandom {
    static let pieces = ["`", "```", "````", "*", "_", "#", "## ", "|", "\n", "\r", "\r\n", "~", "~~~", "[", "]", "(", "<", ">",
                         "\\", " ", "   ", "a", "Z", "é", "本", "\u{1B}[31m", "\u{07}", "\u{0}", "-", "---", "=", "1.", "\t", "&amp;",
                         "<script>", "\n# x\n", "\n===\n", "\n\n"]

    mutating func text(length: Int = 12) -> String {
        (0..<below(length + 1)).map { _ in Self.pieces[below(Self.pieces.count)] }.joined()
    }
}
