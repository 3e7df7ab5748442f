import Testing
@testable import GreenlightCore

@Suite("ComposeInterpolation")
struct ComposeInterpolationTests {
    private let variables: [String: ComposeVariable] = [
        "SET": ComposeVariable(value: "value"),
        "EMPTY": ComposeVariable(value: ""),
        "PORT": ComposeVariable(value: "9000", location: GreenlightCore.SourceLocation(file: ".env", line: 4)),
    ]

    private func expand(_ text: String) -> ComposeTemplate.Result {
        ComposeTemplate.expand(text) { variables[$0] }
    }

    @Test(arguments: [
        ("$SET", "value"),
        ("${SET}", "value"),
        ("x${SET}y$SET.z", "xvalueyvalue.z"),
        ("${UNSET:-fallback}", "fallback"),
        ("${EMPTY:-fallback}", "fallback"),
        ("${EMPTY-fallback}", ""),
        ("${UNSET-fallback}", "fallback"),
        ("${SET:-fallback}", "value"),
        ("${SET:+alt}", "alt"),
        ("${EMPTY:+alt}", ""),
        ("${EMPTY+alt}", "alt"),
        ("${UNSET+alt}", ""),
        ("${UNSET:-${ALSO_UNSET:-x}}", "x"),
        ("${UNSET:-${SET}-suffix}", "value-suffix"),
        ("$$SET and $${SET}", "$SET and ${SET}"),
        ("cost: $5 and $", "cost: $5 and $"),
        ("${UNSET}", ""),
        ("${SET:?must be set}", "value"),
        ("${EMPTY?must be set}", ""),
        ("${SET:-a:b}", "value"),
        ("${UNSET:-a}b}", "ab}"),
    ])
    func expandsLikeCompose(input: String, expected: String) {
        #expect(expand(input).value == expected)
    }

    @Test func missingRequiredVariablesAreErrors() {
        let result = expand("${DB_PASSWORD:?set DB_PASSWORD in .env}")
        #expect(result.value == "")
        #expect(result.errors == ["required variable DB_PASSWORD is missing a value: set DB_PASSWORD in .env"])
        #expect(expand("${EMPTY:?}").errors == ["required variable EMPTY is missing a value"])
        #expect(expand("${EMPTY?}").errors.isEmpty)
        #expect(expand("${UNSET?oops}").errors.count == 1)
    }

    @Test func requiredErrorInUnusedDefaultIsNotRaised() {
        #expect(expand("${SET:-${UNSET:?boom}}").errors.isEmpty)
        #expect(expand("${UNSET:-${UNSET2:?boom}}").errors.count == 1)
    }

    @Test func malformedTemplatesAreErrors() {
        #expect(expand("${}").errors.count == 1)
        #expect(expand("${5TH}").errors.count == 1)
        #expect(expand("${A B}").errors.count == 1)
        #expect(expand("${UNCLOSED").errors.count == 1)
        #expect(expand("${UNCLOSED").value == "${UNCLOSED")
    }

    @Test func recordsUsesAndMissing() {
        let result = expand("${PORT:-8000}:$HOST")
        #expect(result.value == "9000:")
        #expect(result.uses == [
            ComposeVariableUse(
                name: "PORT", modifier: .defaultIfUnsetOrEmpty, value: "9000",
                definedAt: GreenlightCore.SourceLocation(file: ".env", line: 4), usedFallback: false
            ),
            ComposeVariableUse(name: "HOST", modifier: .none, value: nil, definedAt: nil, usedFallback: false),
        ])
        #expect(result.missing == ["HOST"])
        #expect(expand("${HOST:-x}").missing.isEmpty)
    }

    @Test func composeFileRecordsInterpolationsErrorsAndMissingVariables() throws {
        let dotenv = DotenvFile.parse(SourceText(path: ".env", string: "API_PORT=8001\nTAG=\n"))
        let text = """
        services:
          api:
            image: "registry/api:${TAG:-dev}"
            environment:
              PORT: ${API_PORT:-8000}
              SECRET: ${SECRET_KEY:?SECRET_KEY is required}
              LOG: $LOG_LEVEL
            ports:
              - "${API_PORT:-8000}:${API_PORT:-8000}"
            labels:
              ${NOT_INTERPOLATED}: key
        """
        let file = ComposeFile.parse(SourceText(path: "compose.yaml", string: text), environment: ComposeEnvironment(dotenv: dotenv))
        let api = try #require(file.service(named: "api"))
        #expect(api.image?.value == "registry/api:dev")
        #expect(api.environmentEntry("PORT")?.value == "8001")
        let portValue = try #require(api.environmentEntry("PORT")?.valueLocation)
        let record = try #require(file.interpolation(at: portValue))
        #expect(record.raw == "${API_PORT:-8000}")
        #expect(record.uses.first?.definedAt == GreenlightCore.SourceLocation(file: ".env", line: 1))
        #expect(api.ports.first?.containerPort == 8001)
        #expect(api.ports.first?.publishedPort == "8001")
        #expect(api.labels.first?.key == "${NOT_INTERPOLATED}")
        #expect(file.interpolationErrors.count == 1)
        #expect(file.interpolationErrors.first?.location == GreenlightCore.SourceLocation(file: "compose.yaml", line: 6, column: 15))
        #expect(file.interpolationErrors.first?.message.contains("SECRET_KEY is required") == true)
        #expect(file.environment.missingVariables == [
            Located("LOG_LEVEL", at: GreenlightCore.SourceLocation(file: "compose.yaml", line: 7, column: 12)),
        ])
    }

    @Test func aliasedValuesAreReportedOnce() {
        let text = """
        x-env: &env
          DATABASE_URL: postgresql://app:${DB_PASSWORD:?missing}@db/app
          CACHE: $CACHE_URL
        services:
          api:
            image: api
            environment: *env
          worker:
            image: api
            environment: *env
        """
        let file = ComposeFile.parse(SourceText(path: "compose.yaml", string: text))
        #expect(file.interpolationErrors.map(\.location.line) == [2])
        #expect(file.environment.missingVariables.map(\.value) == ["CACHE_URL"])
        #expect(file.service(named: "worker")?.environmentEntry("CACHE")?.value == "")
    }

    @Test func processEnvironmentIsIgnoredUnlessAsked() {
        let text = "services:\n  a:\n    image: \"x:${PATH:-none}\"\n"
        let source = SourceText(path: "compose.yaml", string: text)
        #expect(ComposeFile.parse(source).service(named: "a")?.image?.value == "x:none")
        let withProcess = ComposeFile.parse(source, environment: ComposeEnvironment(includeProcessEnvironment: true))
        #expect(withProcess.service(named: "a")?.image?.value != "x:none")
    }

    @Test func inheritedDotenvKeysAreNotSet() {
        let dotenv = DotenvFile.parse(SourceText(path: ".env", string: "FROM_SHELL\nSET=1\n"))
        let environment = ComposeEnvironment(dotenv: dotenv)
        #expect(environment.lookup("FROM_SHELL") == nil)
        #expect(environment.lookup("SET")?.value == "1")
    }
}
