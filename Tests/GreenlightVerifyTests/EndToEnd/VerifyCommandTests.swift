import Foundation
import GreenlightVerify
import Testing

/// Runs the built `greenlight verify` as a user would.
enum VerifyCLI {
    static var packageRoot: URL { GreenlightBinary.packageRoot }
    static var binary: String { GreenlightBinary.path }

    /// The live servers' addresses plus AWS settings pointing at moto.
    static var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment.merging(LiveServers.environment) { _, live in live }
        environment["AWS_ENDPOINT_URL"] = LiveServers.value("GREENLIGHT_LIVE_MOTO")
        environment["AWS_ACCESS_KEY_ID"] = "testing"
        environment["AWS_SECRET_ACCESS_KEY"] = "testing"
        environment["AWS_REGION"] = "us-east-1"
        environment["NO_COLOR"] = "1"
        return environment
    }

    static func run(_ arguments: [String], environment: [String: String] = environment) async throws -> ShellResult {
        // `cd` into the package root through the command's directory, so paths resolve as in a checkout.
        try await ShellProcess.run([binary, "verify"] + arguments, directory: packageRoot.path,
                                   environment: environment, timeout: .seconds(60))
    }

    static func write(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-verify-\(UUID().uuidString).yml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }
}

@Suite(.enabled(if: LiveServers.available), .onProbeExecutor) struct VerifyCommandLiveTests {
    @Test func healthyServersPassAndExitZero() async throws {
        let result = try await VerifyCLI.run(["--config", "Tests/Live/healthy.yml"])
        #expect(result.exitStatus == 0, "\(result.output)")
        #expect(result.output.contains("All 10 probes passed in "))
        for name in ["api-health", "agent-grpc", "agent-grpc-tls", "database", "cache", "parameters", "ecs-api", "disk"] {
            #expect(result.output.contains("PASS  \(name) "), "\(name) did not pass:\n\(result.output)")
        }
    }

    /// Each broken probe fails, with the message that says what is wrong.
    @Test func brokenServersFailEachWithItsReason() async throws {
        let result = try await VerifyCLI.run(["--config", "Tests/Live/broken.yml", "--format", "json"])
        #expect(result.exitStatus == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let probes = try #require(document["probes"] as? [[String: Any]])
        var details: [String: String] = [:]
        for probe in probes {
            #expect(probe["ok"] as? Bool == false, "\(probe)")
            #expect(probe["attempts"] as? Int == 2, "\(probe)")
            details[probe["name"] as? String ?? ""] = probe["detail"] as? String
        }
        let expected = [
            "agent-refused": "connection refused by ",
            "api-503": "status 503 Service Unavailable",
            "api-hung": "timed out after 1s",
            "agent-not-serving": "NOT_SERVING",
            "grpc-on-http-port": "does not speak HTTP/2 gRPC",
            "database-missing": "database nosuchdb does not exist",
            "cache-wrong-password": "WRONGPASS",
            "parameters-placeholder": "/greenlight/prod/API_KEY holds a placeholder (11 characters, SecureString)",
            "ecs-worker": "worker: running 2 of 3",
        ]
        for (name, text) in expected {
            #expect(details[name]?.contains(text) == true, "\(name): \(details[name] ?? "missing")")
        }
        // The value itself ("placeholder") is never printed, quoted or not.
        #expect(!result.output.contains("\"placeholder") && !result.output.contains("\\\"placeholder"), "a secret value was printed")
        #expect((document["summary"] as? [String: Int]) == ["passed": 0, "failed": 9])
    }

    @Test func waitOutlastsASlowStart() async throws {
        // A fresh key per run: the server starts each key's 3 s warm-up at its first request.
        func config() throws -> String {
            try VerifyCLI.write("""
                verify:
                  - name: warming
                    http: ${GREENLIGHT_LIVE_HTTP}/warmup/\(UUID().uuidString)
                    retries: 0
                    interval: 250ms
                """)
        }
        let impatient = try await VerifyCLI.run(["--config", try config()])
        #expect(impatient.exitStatus == 1)
        #expect(impatient.output.contains("[status] status 503 Service Unavailable"))
        let patient = try await VerifyCLI.run(["--config", try config(), "--wait", "10s"])
        #expect(patient.exitStatus == 0, "\(patient.output)")
        #expect(patient.output.contains("attempt 1 failed: status 503"))
        #expect(patient.output.contains("PASS  warming"))
    }

    @Test func probeSelectsASubset() async throws {
        let result = try await VerifyCLI.run(["--config", "Tests/Live/broken.yml", "--probe", "api-503", "--format", "json"])
        #expect(result.exitStatus == 1)
        #expect(result.output.contains("\"summary\":{\"passed\":0,\"failed\":1}"))
    }
}

@Suite(.onProbeExecutor) struct VerifyCommandUsageTests {
    @Test func unknownProbeIsAUsageErrorWithASuggestion() async throws {
        let result = try await VerifyCLI.run(["--config", "Tests/Live/broken.yml", "--probe", "api-50"])
        #expect(result.exitStatus == 2)
        #expect(result.output.contains("unknown probe 'api-50'; did you mean 'api-503'?"))
    }

    @Test func badConfigurationNamesFileAndLine() async throws {
        let config = try VerifyCLI.write("verify:\n  - name: api\n    http: http://localhost:8000/health\n    retries: many\n")
        let result = try await VerifyCLI.run(["--config", config])
        #expect(result.exitStatus == 2)
        #expect(result.output.contains("\(config):4:14: probe 'api'.retries must be a whole number, not 'many'"), "\(result.output)")
    }

    @Test func unsetVariableIsAUsageErrorNamingIt() async throws {
        let config = try VerifyCLI.write("verify:\n  - name: db\n    postgres: postgresql://app:${GREENLIGHT_TEST_UNSET_PW}@db/app\n")
        let result = try await VerifyCLI.run(["--config", config], environment: ["PATH": "/usr/bin:/bin"])
        #expect(result.exitStatus == 2)
        #expect(result.output.contains("probe 'db' uses ${GREENLIGHT_TEST_UNSET_PW}, which is not set"))
    }

    @Test func noProbesIsAUsageError() async throws {
        let config = try VerifyCLI.write("fail-on: error\n")
        let result = try await VerifyCLI.run(["--config", config])
        #expect(result.exitStatus == 2)
        #expect(result.output.contains("no probes to run"))
    }

    /// The seeds' three services: two gRPC servers and an HTTP gateway, with the start
    /// periods of their compose health checks.
    @Test func deriveReadsTheComposeProject() async throws {
        let result = try await VerifyCLI.run(["Examples/compose-fixed", "--derive", "--print"])
        #expect(result.exitStatus == 0)
        #expect(result.output == """
            verify:
              probes:
                - name: workflow-engine
                  grpc: localhost:50050
                  start-period: 3m
                - name: workflow-agent
                  grpc: localhost:50051
                  start-period: 4m
                - name: api-gateway
                  http: http://localhost:8000/health
                  start-period: 2m

            """)
    }
}
