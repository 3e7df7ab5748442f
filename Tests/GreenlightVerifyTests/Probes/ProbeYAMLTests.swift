import GreenlightCore
@testable import GreenlightVerify
import Testing

@Suite struct ProbeYAMLTests {
    /// What `--derive --print` writes reads back as the same probes.
    @Test func renderedProbesReadBackUnchanged() throws {
        let probes = [
            ProbeSpec(name: "api", target: .http(HTTPProbeSpec(url: "http://localhost:8000/health", status: .codes([200, 204]),
                                                               contains: "ok: true", maxLatency: .milliseconds(500),
                                                               headers: [HTTPHeaderField(name: "X-Key", value: "#1")]))),
            ProbeSpec(name: "agent", target: .grpc(GRPCProbeSpec(address: HostPort(host: "::1", port: 50051), service: "agent.v1",
                                                                 tls: true, caFile: "ca.pem")),
                      settings: ProbeSettings(startPeriod: .seconds(180))),
            ProbeSpec(name: "yes", target: .tcp(TCPProbeSpec(address: HostPort(host: "localhost", port: 50050))),
                      settings: ProbeSettings(timeout: .milliseconds(1500), retries: 0)),
            ProbeSpec(name: "cache", target: .redis(RedisProbeSpec(url: "redis://localhost:6379"))),
            ProbeSpec(name: "db", target: .postgres(PostgresProbeSpec(url: "postgresql://app@localhost/app"))),
            ProbeSpec(name: "params", target: .ssm(SSMProbeSpec(names: ["/prod/A", "/prod/B"], region: "eu-west-1"))),
            ProbeSpec(name: "ecs", target: .ecs(ECSProbeSpec(cluster: "prod", services: ["api"], secrets: ["X"]))),
            ProbeSpec(name: "disk", target: .command(CommandProbeSpec(command: "df -P / | tail -1", contains: "%"))),
            ProbeSpec(name: "deps", target: .deps(DepsProbeSpec(requirements: "requirements.txt"))),
        ]
        let yaml = ProbeYAML.render(probes)
        let read = try ConfigurationLoader.parse(SourceText(path: ".greenlight.yml", string: yaml), knownRules: []).verify.probes
        #expect(read.map(\.target) == probes.map(\.target), "\(yaml)")
        #expect(read.map(\.settings) == probes.map(\.settings))
        #expect(read.map(\.name) == probes.map(\.name))
    }
}
