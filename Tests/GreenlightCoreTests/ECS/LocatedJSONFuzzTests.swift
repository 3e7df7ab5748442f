import Testing
@testable import GreenlightCore

@Suite("LocatedJSONFuzz")
struct LocatedJSONFuzzTests {
    @Test func mutatedTaskDefinitionsNeverCrashAndIssuesStayInTheFile() {
        var random = SeededRandom(seed: 0xEC5_0001)
        let fixtures = [ECSFixtures.describeWorkflowEngine, ECSFixtures.registerApiGateway, ECSFixtures.bareContainerDefinitions]
        var parsedWithIssues = 0
        for round in 0..<3_000 {
            let original = Array(fixtures[round % fixtures.count].utf8)
            let source = SourceText(path: "fuzz/task.json", bytes: ByteMutator.mutate(original, random: &random))
            let (value, issues) = LocatedJSON.parse(source)
            #expect(ByteMutator.issuesAreInFile(issues, source), "round \(round): \(issues)")
            if value == nil, !issues.isEmpty { parsedWithIssues += 1 }
            if let value {
                let (_, readIssues) = ECSTaskDefinition.read(value, source: .json(path: source.path))
                #expect(ByteMutator.issuesAreInFile(readIssues, source), "round \(round): \(readIssues)")
            }
        }
        #expect(parsedWithIssues > 100)
    }
}
