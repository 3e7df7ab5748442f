import ArgumentParser
import Foundation
import GreenlightCore

struct RulesCommand: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text
        case markdown
    }

    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every rule with its id, default severity and title."
    )

    @Option(help: "text, or markdown (the page docs/rules.md is generated from).")
    var format: Format = .text

    func run() throws {
        switch format {
        case .text:
            print(RuleDocumentation.table())
        case .markdown:
            print(RuleDocumentation.markdown(), terminator: "")
        }
    }
}

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: why it exists, how to fix what it reports, and examples."
    )

    @Argument(help: "The rule id, e.g. port-mismatch.")
    var id: String

    func run() throws {
        guard let rule = try RuleSelection.resolve([id]).first else { return }
        print(RuleDocumentation.explain(rule.description), terminator: "")
    }
}
