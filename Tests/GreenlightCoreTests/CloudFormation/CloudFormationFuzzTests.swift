import Testing
@testable import GreenlightCore

@Suite("CloudFormationFuzz")
struct CloudFormationFuzzTests {
    @Test func mutatedTemplatesNeverCrashAndIssuesStayInTheFile() {
        var random = SeededRandom(seed: 0xCF_0001)
        let fixtures = [CloudFormationFixtures.workflowEngineYAML, CloudFormationFixtures.apiJSON]
        var withIssues = 0
        for round in 0..<2_000 {
            let original = Array(fixtures[round % fixtures.count].utf8)
            let source = SourceText(path: "fuzz/template.yaml", bytes: ByteMutator.mutate(original, random: &random))
            let (_, issues) = CloudFormationTemplateReader.read(source)
            #expect(ByteMutator.issuesAreInFile(issues, source), "round \(round): \(issues)")
            if !issues.isEmpty { withIssues += 1 }
        }
        #expect(withIssues > 100)
    }
}
