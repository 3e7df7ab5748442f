import Testing
@testable import GreenlightCore

/// Bytes that tend to matter to YAML, dotenv and interpolation syntax.
private let interestingBytes: [UInt8] = Array("\n\r\t :-#'\"[]{},&*!|>$\\=?%@`\u{0}".utf8) + [0xFF, 0xC3, 0x80]

private func mutate(_ original: [UInt8], random: inout SeededRandom) -> [UInt8] {
    ByteMutator.mutate(original, random: &random, interestingBytes: interestingBytes)
}

private func issuesAreInFile(_ issues: [ParseIssue], _ source: SourceText) -> Bool {
    ByteMutator.issuesAreInFile(issues, source)
}

@Suite("ComposeFuzz")
struct ComposeFuzzTests {
    static let composeFixtures: [String] = [
        ComposeSeedTests.seed,
        ComposeMergeTests.base,
        ComposeMergeTests.override,
        """
        x-defaults: &defaults
          restart: "${RESTART:-unless-stopped}"
          environment: &env
            TZ: UTC
        services:
          api:
            <<: *defaults
            image: "api:${TAG:?tag required}"
            environment:
              <<: *env
              PORT: ${PORT-8000}
            ports: ["127.0.0.1:${PORT:-8000}:8000/tcp", {target: 9000, published: "9001"}]
            command: |
              # start
              exec uvicorn app:app
            healthcheck: {test: "curl -f localhost || exit 1", interval: 1m}
            env_file: [{path: .env, required: false}]
        """,
    ]

    @Test func composeParserSurvivesMutations() {
        var random = SeededRandom(seed: 0xC0FF_EE00_1234_5678)
        let environment = ComposeEnvironment(variables: ["TAG": "1", "PORT": "8000"])
        for round in 0..<2400 {
            let fixture = Array(Self.composeFixtures[round % Self.composeFixtures.count].utf8)
            let source = SourceText(path: "docker-compose.yml", bytes: mutate(fixture, random: &random))
            let file = ComposeFile.parse(source, environment: environment)
            #expect(issuesAreInFile(file.issues, source), "round \(round)")
            #expect(issuesAreInFile(file.interpolationErrors, source), "round \(round)")
            #expect(file.comments.allSatisfy { $0.location.line >= 1 && $0.location.line <= source.lineCount + 1 })
            if round % 3 == 0 {
                _ = ComposeProject.merge([file, ComposeFile.parse(SourceText(path: "b.yml", bytes: fixture))])
            }
        }
    }

    static let dotenvFixtures: [String] = [
        """
        # comment
        export DATABASE_URL="postgresql://${USER:-postgres}@db:5432/app"
        SECRET_KEY='k#3y'
        MULTI="a
        b\\n c"
        DEBUG=true # inline
        EMPTY=
        INHERITED
        RATE: 10
        """,
        "A=1\r\nB=\"${A:?need A}\"\r\nC=${B}\\$x\r\n",
    ]

    @Test func dotenvParserSurvivesMutations() {
        var random = SeededRandom(seed: 0x5EED_D07E_1111_2222)
        for round in 0..<3000 {
            let fixture = Array(Self.dotenvFixtures[round % Self.dotenvFixtures.count].utf8)
            let source = SourceText(path: ".env", bytes: mutate(fixture, random: &random))
            let file = DotenvFile.parse(source)
            #expect(issuesAreInFile(file.issues, source), "round \(round)")
            #expect(file.entries.allSatisfy { $0.location.line >= 1 && $0.location.line <= source.lineCount + 1 })
        }
    }

    @Test func interpolationSurvivesMutations() {
        var random = SeededRandom(seed: 42)
        let template = Array("${A:-${B:?x}}$$C${D+${E-$F}}-$G".utf8)
        for _ in 0..<2000 {
            let text = String(decoding: mutate(template, random: &random), as: UTF8.self)
            let result = ComposeTemplate.expand(text) { $0 == "A" ? ComposeVariable(value: "") : nil }
            #expect(result.value.utf8.count <= text.utf8.count * 4 + 16)
        }
    }

    @Test func deepNestingAndAliasFanOutStayBounded() {
        let nested = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let deep = ComposeFile.parse(SourceText(path: "c.yml", string: "services: " + nested))
        #expect(deep.services.isEmpty)
        var laughs = "a0: &a0 {k0: v}\n"
        for level in 1..<30 {
            laughs += "a\(level): &a\(level)\n  <<: [*a\(level - 1), *a\(level - 1)]\n  k\(level): v\n"
        }
        laughs += "services:\n  s:\n    <<: [*a29, *a29]\n    image: x\n"
        let fanOut = ComposeFile.parse(SourceText(path: "c.yml", string: laughs))
        #expect(fanOut.service(named: "s")?.image?.value == "x")
        #expect(issuesAreInFile(fanOut.issues, SourceText(path: "c.yml", string: laughs)))
    }
}
