import Testing
@testable import GreenlightCore

@Suite("LocatedJSON")
struct LocatedJSONTests {
    private func parse(_ text: String, path: String = "task.json") -> (value: LocatedValue?, issues: [ParseIssue]) {
        LocatedJSON.parse(SourceText(path: path, string: text))
    }

    @Test func locatesKeysAndValuesOfADescribeOutput() throws {
        let (value, issues) = parse(ECSFixtures.describeWorkflowEngine, path: "deploy/workflow-engine.json")
        #expect(issues.isEmpty)
        let root = try #require(value)
        #expect(root.location == SourceLocation(file: "deploy/workflow-engine.json", line: 1, column: 1))
        let definition = try #require(root["taskDefinition"])
        #expect(definition.location.line == 2 && definition.location.column == 23)
        let container = try #require(definition["containerDefinitions"]?.value.arrayValue?.first)
        #expect(container.location == SourceLocation(file: "deploy/workflow-engine.json", line: 5, column: 13))
        let port = try #require(container["portMappings"]?.value.arrayValue?.first?["containerPort"])
        #expect(port.value == .number("8000"))
        #expect(port.location == SourceLocation(file: "deploy/workflow-engine.json", line: 11, column: 42))
        guard case .object(let members) = container.value else {
            Issue.record("container is not an object")
            return
        }
        let nameMember = try #require(members.first { $0.key == "name" })
        #expect(nameMember.keyLocation == SourceLocation(file: "deploy/workflow-engine.json", line: 6, column: 17))
        #expect(nameMember.value.location.column == 25)
        #expect(definition["revision"]?.value.intValue == 7)
        #expect(container["essential"]?.value == .bool(true))
        #expect(container["mountPoints"]?.value == .array([]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let (value, issues) = parse(#"{"a": "tab\tquote\" slash\/ \u00e9 \uD83D\uDE80 end", "b": "caf\u00E9"}"#)
        #expect(issues.isEmpty)
        #expect(value?["a"]?.value == .string("tab\tquote\" slash/ é 🚀 end"))
        #expect(value?["b"]?.value == .string("café"))
    }

    @Test func countsColumnsInScalarsNotBytes() throws {
        let (value, _) = parse("{\"ключ\": \"значение\", \"n\": 1}")
        #expect(value?["n"]?.location.column == 27)
    }

    @Test func reportsLoneSurrogateAndKeepsReading() throws {
        let (value, issues) = parse(#"{"a": "x\uD800y", "b": 2}"#)
        #expect(value?["a"]?.value == .string("x\u{FFFD}y"))
        #expect(value?["b"]?.value == .number("2"))
        #expect(issues.count == 1)
        #expect(issues.first?.location.column == 9)
    }

    @Test func trailingCommasAndCommentsAreReportedButRead() throws {
        let text = """
        {
          // the gateway
          "family": "api",
          "cpu": 256, /* quarter vCPU */
          "requiresCompatibilities": ["FARGATE",],
        }
        """
        let (value, issues) = parse(text)
        #expect(value?["family"]?.value == .string("api"))
        #expect(value?["requiresCompatibilities"]?.value.arrayValue?.count == 1)
        let described = issues.map { "\($0.location.line):\($0.location.column) \($0.message)" }
        #expect(described == [
            "2:3 invalid JSON: comments are not allowed in JSON",
            "4:15 invalid JSON: comments are not allowed in JSON",
            "5:40 invalid JSON: trailing comma before ']'",
            "5:42 invalid JSON: trailing comma before '}'",
        ])
    }

    @Test func missingCommaIsReportedAndBothMembersKept() throws {
        let (value, issues) = parse("{\"a\": 1\n \"b\": [1 2]}")
        #expect(value?["b"]?.value.arrayValue?.count == 2)
        #expect(value?["a"]?.value == .number("1"))
        #expect(issues.map(\.location.line) == [2, 2])
        #expect(issues.first?.message.contains("missing ','") == true)
    }

    @Test func structuralErrorsStopWithALocatedIssueAndNoValue() throws {
        let cases: [(String, Int, Int)] = [
            ("{\"a\": \"unterminated\n}", 1, 7),
            ("{\"a\": 1}}", 1, 9),
            ("{\"a\" 1}", 1, 6),
            ("[1, NaN]", 1, 5),
            ("{'a': 1}", 1, 2),
            ("{\"a\": [1, 2", 1, 7),
        ]
        for (text, line, column) in cases {
            let (value, issues) = parse(text)
            #expect(value == nil, "\(text)")
            #expect(issues.count == 1, "\(text)")
            #expect(issues.first?.location.line == line && issues.first?.location.column == column, "\(text): \(issues)")
        }
    }

    @Test func invalidNumbersAreKeptAsTextWithAnIssue() throws {
        let (value, issues) = parse("[01, -1.5e3, 2., +4]")
        #expect(value?.value.arrayValue?.map(\.value) == [.number("01"), .number("-1.5e3"), .number("2."), .number("+4")])
        #expect(issues.map(\.location.column) == [2, 14, 18])
    }

    @Test func emptyFileHasNoValueAndNoIssue() {
        let (value, issues) = parse("  \n")
        #expect(value == nil)
        #expect(issues.isEmpty)
    }

    @Test func deepNestingStopsInsteadOfOverflowing() {
        let text = String(repeating: "[", count: 100_000)
        let (value, issues) = parse(text)
        #expect(value == nil)
        #expect(issues.first?.message.contains("nesting deeper") == true)
    }

    @Test func embeddedJSONIsLocatedInTheEnclosingFile() throws {
        let heredoc = Array("[\n  {\"name\": \"api\", \"image\": \"acme/api\"}\n]\n".utf8)
        let base = SourceLocation(file: "infra/ecs.tf", line: 42, column: 27)
        let (value, issues) = LocatedJSON.parse(heredoc, embeddedAt: base)
        #expect(issues.isEmpty)
        #expect(value?.location == SourceLocation(file: "infra/ecs.tf", line: 42, column: 27))
        let image = try #require(value?.value.arrayValue?.first?["image"])
        #expect(image.location == SourceLocation(file: "infra/ecs.tf", line: 43, column: 28))

        let (_, brokenIssues) = LocatedJSON.parse(Array("{\"a\": }".utf8), embeddedAt: base)
        #expect(brokenIssues.first?.location == SourceLocation(file: "infra/ecs.tf", line: 42, column: 33))
    }

    @Test func aMegabyteParsesQuickly() throws {
        var text = "["
        for index in 0..<9_000 {
            if index > 0 { text += "," }
            text += #"{"name":"svc-\#(index)","image":"acme/svc:\#(index)","portMappings":[{"containerPort":\#(8000 + index % 100)}],"environment":[{"name":"GRPC_PORT","value":"50050"}]}"#
        }
        text += "]"
        let source = SourceText(path: "big.json", string: text)
        #expect(source.bytes.count > 1_000_000)
        let clock = ContinuousClock()
        var result: (value: LocatedValue?, issues: [ParseIssue]) = (nil, [])
        let elapsed = clock.measure { result = LocatedJSON.parse(source) }
        #expect(result.issues.isEmpty)
        #expect(result.value?.value.arrayValue?.count == 9_000)
        // Debug builds are several times slower than release; this bound still catches quadratic behaviour.
        #expect(elapsed < .milliseconds(1_500))
    }
}
