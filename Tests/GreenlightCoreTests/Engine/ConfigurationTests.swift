import Testing
@testable import GreenlightCore

@Suite("Configuration")
struct ConfigurationTests {
    func parse(_ text: String) throws -> Configuration {
        try ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: text), knownRules: RuleRegistry.ids)
    }

    @Test("reads rule levels, services, exclusions, fail-on and policy")
    func readsEverything() throws {
        let configuration = try parse("""
            fail-on: warning
            rules:
              runs-as-root: off
              port-mismatch: warning
            exclude:
              - legacy/**
            services:
              workflow-engine:
                kind: grpc
                context: apps/backend
                dockerfile: apps/backend/workflow_engine/Dockerfile
                entry: python -m workflow_engine
                rules:
                  missing-env: note
            policy:
              placeholder-words: [tbc]
              secret-names: [SUPABASE_SERVICE]
            """)
        #expect(configuration.failOn == .warning)
        #expect(configuration.rules["runs-as-root"] == .off)
        #expect(configuration.rules["port-mismatch"] == .severity(.warning))
        #expect(configuration.exclude == ["legacy/**"])
        let service = try #require(configuration.services["workflow-engine"])
        #expect(service.kind == .grpc && service.context == "apps/backend")
        #expect(service.entry == ["python", "-m", "workflow_engine"])
        #expect(configuration.level(of: "missing-env", service: "workflow-engine") == .severity(.note))
        #expect(configuration.level(of: "missing-env", service: "api") == nil)
        #expect(configuration.policy.placeholderWords == ["tbc"])
    }

    @Test("an empty file is the default configuration")
    func empty() throws {
        #expect(try parse("") == Configuration.withPath(".greenlight.yml"))
        #expect(try parse("# nothing yet\n") == Configuration.withPath(".greenlight.yml"))
    }

    @Test("unknown keys, rules and values are located errors with suggestions", arguments: [
        ("rulez:\n  port-mismatch: off\n", ".greenlight.yml:1:1: unknown key 'rulez' in top level; did you mean 'rules'?"),
        ("rules:\n  port-mismatches: off\n", ".greenlight.yml:2:3: unknown rule 'port-mismatches' in rules; did you mean 'port-mismatch'?"),
        ("rules:\n  port-mismatch: fatal\n", ".greenlight.yml:2:18: rules.port-mismatch must be error, warning, note or off, not 'fatal'"),
        ("services:\n  api:\n    knd: grpc\n", ".greenlight.yml:3:5: unknown key 'knd' in services.api; did you mean 'kind'?"),
        ("services:\n  api:\n    kind: soap\n", ".greenlight.yml:3:11: kind must be one of http, grpc, tcp, worker, not 'soap'"),
        ("fail-on: sometimes\n", ".greenlight.yml:1:10: fail-on must be one of error, warning, note, never, not 'sometimes'"),
        ("exclude: legacy\n", ".greenlight.yml:1:10: exclude must be a list"),
        ("rules: [a\n", ".greenlight.yml:2:1: invalid YAML"),
    ])
    func errors(text: String, expected: String) {
        do {
            _ = try parse(text)
            Issue.record("expected an error for \(text)")
        } catch let error as ConfigurationError {
            #expect(error.description.hasPrefix(expected), "\(error.description)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

extension Configuration {
    static func withPath(_ path: String) -> Configuration {
        var configuration = Configuration()
        configuration.path = path
        return configuration
    }
}

@Suite("Suppressions and baseline")
struct SuppressionTests {
    @Test("ignore comments name rules, lists, or all")
    func directives() {
        #expect(InlineSuppressions.rules(onLine: "# greenlight:ignore port-mismatch metrics port") == ["port-mismatch"])
        #expect(InlineSuppressions.rules(onLine: "  - \"9090:9090\"  # greenlight:ignore port-mismatch,healthcheck-missing") == ["port-mismatch", "healthcheck-missing"])
        #expect(InlineSuppressions.rules(onLine: "# greenlight:ignore") == ["all"])
        #expect(InlineSuppressions.rules(onLine: "EXPOSE 8000") == [])
    }

    @Test("a configured level changes severity, off removes the rule, comments silence one finding")
    func engineApplies() {
        let files = [
            "docker-compose.yml": "services:\n  cache:\n    image: redis:latest\n  queue:\n    # greenlight:ignore image-tag-latest pinned by the platform team\n    image: nats:latest\n",
        ]
        var configuration = Configuration()
        let plain = CheckEngine(configuration: configuration, rules: [ImageTagLatestRule.self]).run(MemoryFileTree(files))
        #expect(plain.report.findings.map(\.location?.line) == [3])
        #expect(plain.suppressedCount == 1)
        configuration.rules["image-tag-latest"] = .severity(.error)
        let raised = CheckEngine(configuration: configuration, rules: [ImageTagLatestRule.self]).run(MemoryFileTree(files))
        #expect(raised.report.findings.first?.severity == .error)
        configuration.rules["image-tag-latest"] = .off
        #expect(CheckEngine(configuration: configuration, rules: [ImageTagLatestRule.self]).run(MemoryFileTree(files)).report.findings.isEmpty)
    }

    @Test("fingerprints survive lines added above a finding and change when its line changes")
    func fingerprints() {
        let before = ["docker-compose.yml": "services:\n  cache:\n    image: redis:latest\n"]
        let after = ["docker-compose.yml": "# the cache\nservices:\n\n  cache:\n    image: redis:latest\n"]
        let edited = ["docker-compose.yml": "services:\n  cache:\n    image: redis\n"]
        let engine = CheckEngine(configuration: Configuration(), rules: [ImageTagLatestRule.self])
        let first = engine.run(MemoryFileTree(before)).fingerprints
        #expect(first.count == 1)
        #expect(engine.run(MemoryFileTree(after)).fingerprints == first)
        #expect(engine.run(MemoryFileTree(edited)).fingerprints != first)
        let baselined = CheckEngine(configuration: Configuration(), rules: [ImageTagLatestRule.self],
                                    baseline: Baseline(fingerprints: Set(first))).run(MemoryFileTree(after))
        #expect(baselined.report.findings.isEmpty && baselined.baselineCount == 1)
    }
}
