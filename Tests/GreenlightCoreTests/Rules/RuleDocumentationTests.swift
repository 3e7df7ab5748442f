import Foundation
import Testing
@testable import GreenlightCore

/// docs/rules.md is generated from the rule declarations; a stale page fails here.
/// Regenerate with `swift run greenlight rules --format markdown > docs/rules.md`.
@Suite("Rule documentation")
struct RuleDocumentationTests {
    @Test("docs/rules.md matches the rule declarations")
    func pageIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/rules.md")
        let generated = RuleDocumentation.markdown()
        if ProcessInfo.processInfo.environment["GREENLIGHT_RECORD"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == generated, "docs/rules.md is stale: run `swift run greenlight rules --format markdown > docs/rules.md`")
    }

    @Test("every rule explains itself with rationale, fix and both kinds of example")
    func declarationsAreComplete() {
        for rule in RuleRegistry.descriptions {
            #expect(rule.rationale.count > 80, "\(rule.id): rationale too short")
            #expect(!rule.fix.isEmpty && !rule.title.isEmpty)
            #expect(!rule.triggeringExamples.isEmpty && !rule.nonTriggeringExamples.isEmpty, "\(rule.id) lacks examples")
            let explanation = RuleDocumentation.explain(rule)
            #expect(explanation.contains(rule.id) && explanation.contains("Why:"))
        }
    }
}
