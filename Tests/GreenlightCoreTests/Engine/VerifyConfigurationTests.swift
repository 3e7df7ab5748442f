@testable import GreenlightCore
import Testing

@Suite struct VerifyConfigurationTests {
    func parse(_ text: String, environment: [String: String] = [:]) throws -> VerifyConfiguration {
        try ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: text), knownRules: RuleRegistry.ids,
                                      environment: environment).verify
    }

    func issues(_ text: String) -> [ParseIssue] {
        do {
            _ = try ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: text), knownRules: RuleRegistry.ids)
            return []
        } catch {
            return error.issues
        }
    }

    /// The seeds' three services, their database, Redis and SSM parameters.
    @Test func readsEveryKindWithDefaultsAndOverrides() throws {
        let verify = try parse("""
            verify:
              defaults:
                timeout: 3s
                retries: 5
                interval: 500ms
              probes:
                - name: agent-tcp
                  tcp: localhost:50050
                - name: agent-grpc
                  grpc: localhost:50051
                  service: agent.v1.Agent
                  start_period: 3m
                - name: api-health
                  http: http://localhost:8000/health
                  status: [200, 204]
                  contains: ok
                  max-latency: 750ms
                  headers:
                    Authorization: Bearer ${TOKEN}
                - name: database
                  postgres: postgresql://app:${DB_PASSWORD}@localhost:5432/app
                  timeout: 5s
                - name: cache
                  redis: redis://localhost:6379/0
                  retries: 0
                - name: parameters
                  ssm: [/prod/SUPABASE_URL, /prod/DATABASE_URL]
                  region: eu-west-1
                - name: ecs
                  ecs: {cluster: prod, services: [api, agent], secrets: [SUPABASE_URL]}
                - name: disk
                  command: df -P / | awk 'NR==2 {exit ($5+0 > 90)}'
                - name: deps
                  deps: {requirements: requirements.txt, python: .venv/bin/python}
            """, environment: ["TOKEN": "t0k", "DB_PASSWORD": "pw"])
        #expect(verify.probes.map(\.kind) == ["tcp", "grpc", "http", "postgres", "redis", "ssm", "ecs", "command", "deps"])
        #expect(verify.defaults == ProbeSettings(timeout: .seconds(3), retries: 5, interval: .milliseconds(500)))
        let grpc = try #require(verify.probe(named: "agent-grpc"))
        #expect(grpc.target == .grpc(GRPCProbeSpec(address: HostPort(host: "localhost", port: 50051), service: "agent.v1.Agent")))
        #expect(grpc.settings.startPeriod == .seconds(180))
        #expect(grpc.settings.retries == 5)
        guard case .http(let http) = verify.probe(named: "api-health")?.target else {
            Issue.record("api-health is not an http probe")
            return
        }
        #expect(http.status == .codes([200, 204]))
        #expect(http.contains == "ok")
        #expect(http.maxLatency == .milliseconds(750))
        #expect(http.headers == [HTTPHeaderField(name: "Authorization", value: "Bearer t0k")])
        #expect(verify.probe(named: "database")?.target == .postgres(PostgresProbeSpec(url: "postgresql://app:pw@localhost:5432/app")))
        #expect(verify.probe(named: "database")?.settings.timeout == .seconds(5))
        #expect(verify.probe(named: "cache")?.settings.retries == 0)
        #expect(verify.probe(named: "parameters")?.target == .ssm(SSMProbeSpec(names: ["/prod/SUPABASE_URL", "/prod/DATABASE_URL"], region: "eu-west-1")))
        #expect(verify.probe(named: "ecs")?.target == .ecs(ECSProbeSpec(cluster: "prod", services: ["api", "agent"], secrets: ["SUPABASE_URL"])))
        #expect(verify.probe(named: "deps")?.target == .deps(DepsProbeSpec(requirements: "requirements.txt", python: ".venv/bin/python")))
        #expect(verify.probe(named: "agent-tcp")?.location?.line == 7)
    }

    @Test func aBareListOfProbesIsAccepted() throws {
        let verify = try parse("verify:\n  - name: web\n    http: https://example.com/\n    status: 3xx\n")
        #expect(verify.probes.count == 1)
        guard case .http(let http) = verify.probes.first?.target else {
            Issue.record("not http")
            return
        }
        #expect(http.status.accepts(301))
        #expect(!http.status.accepts(200))
    }

    @Test func unsetVariablesMakeTheProbeUnresolvedNotTheFileInvalid() throws {
        let verify = try parse("""
            verify:
              probes:
                - name: db
                  postgres: postgresql://app:${DB_PASSWORD}@db:5432/app
                - name: fallback
                  redis: redis://${REDIS_HOST:-localhost}:6379
            """)
        #expect(verify.probes.map(\.name) == ["fallback"])
        #expect(verify.probes.first?.target == .redis(RedisProbeSpec(url: "redis://localhost:6379")))
        #expect(verify.unresolved.map(\.name) == ["db"])
        #expect(verify.unresolved.first?.issue.message == "probe 'db' uses ${DB_PASSWORD}, which is not set")
        #expect(verify.unresolved.first?.issue.location.line == 4)
        #expect(verify.names == ["db", "fallback"])
    }

    @Test func policyPlaceholderWordsReachSSMProbes() throws {
        let verify = try parse("""
            policy:
              placeholder-words: [pending]
            verify:
              - name: parameters
                ssm: /prod/API_KEY
            """)
        #expect(verify.probes.first?.target == .ssm(SSMProbeSpec(names: ["/prod/API_KEY"], placeholderWords: ["pending"])))
    }

    @Test(arguments: [
        ("verify:\n  - name: a\n    tcp: localhost\n", 3, "probe 'a'.tcp must be host:port (e.g. localhost:50051), not 'localhost'"),
        ("verify:\n  - name: a\n    http: localhost:8000/health\n", 3, "probe 'a'.http must be an http:// or https:// URL, not 'localhost:8000/health'"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n    timeout: soon\n", 4, "probe 'a'.timeout must be a duration such as 2s, 500ms or 1m30s, not 'soon'"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n    timeout: 0\n", 4, "probe 'a'.timeout must be longer than zero"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n    retries: -1\n", 4, "probe 'a'.retries cannot be negative"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n    contains: ok\n", 4, "'contains' applies to command and http probes, not tcp"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n    timout: 2s\n", 4, "unknown key 'timout' in probe 'a'; did you mean 'timeout'?"),
        ("verify:\n  - name: a\n    tpc: localhost:1\n", 2, "probe 'a' needs one kind key: tcp, http, grpc, postgres, redis, ssm, ecs, command, deps"),
        ("verify:\n  - tcp: localhost:1\n", 2, "a probe needs a name (name: api-health)"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n  - name: a\n    tcp: localhost:2\n", 4, "probe name 'a' is already used on line 2"),
        ("verify:\n  - name: a\n    tcp: localhost:1\n    http: http://localhost:1\n", 4, "probe 'a' has 2 kind keys (tcp, http); give each its own probe"),
        ("verify:\n  - name: a\n    http: http://x\n    status: 2zz\n", 4, "probe 'a'.status must be a status code (200), a class (2xx) or a list of them, not '2zz'"),
        ("verify:\n  - name: a\n    ecs: {services: [api]}\n", 3, "probe 'a'.ecs needs a cluster"),
        ("verify:\n  - name: a\n    postgres: mysql://x\n", 3, "probe 'a'.postgres must be a postgresql:// URL"),
        ("verify:\n  defaults:\n    retry: 2\n", 3, "unknown key 'retry' in verify.defaults (allowed: timeout, retries, interval, start-period)"),
        ("verify:\n  probe: []\n", 2, "unknown key 'probe' in verify; did you mean 'probes'?"),
        ("verify:\n  - name: a\n    grpc: localhost:1\n    ca-file: ca.pem\n", 3, "probe 'a': insecure, server-name and ca-file need tls: true"),
    ])
    func badConfigurationIsALocatedError(text: String, line: Int, message: String) {
        let found = issues(text)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message == message)
        #expect(found.first?.location.line == line)
    }

    @Test func grpcSchemesSetTLS() throws {
        let verify = try parse("verify:\n  - name: a\n    grpc: grpcs://api.example.com:443\n  - name: b\n    grpc: grpc://localhost:50051\n")
        #expect(verify.probes[0].target == .grpc(GRPCProbeSpec(address: HostPort(host: "api.example.com", port: 443), tls: true)))
        #expect(verify.probes[1].target == .grpc(GRPCProbeSpec(address: HostPort(host: "localhost", port: 50051))))
    }

    @Test func hostPortReadsIPv6AndRejectsNonsense() {
        #expect(HostPort("[::1]:5432") == HostPort(host: "::1", port: 5432))
        #expect(HostPort("[::1]:5432")?.description == "[::1]:5432")
        #expect(HostPort("db:70000") == nil)
        #expect(HostPort("::1:5432") == nil)
        #expect(HostPort(":80") == nil)
    }

    @Test func checkIgnoresTheVerifySectionsUnsetVariables() throws {
        let configuration = try ConfigurationLoader.parse(
            SourceText(path: ".greenlight.yml", string: "fail-on: warning\nverify:\n  - name: db\n    postgres: postgresql://u:${PW}@db/app\n"),
            knownRules: RuleRegistry.ids)
        #expect(configuration.failOn == .warning)
        #expect(configuration.verify.unresolved.count == 1)
    }
}
