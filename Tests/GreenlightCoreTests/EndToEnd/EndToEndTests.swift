import Foundation
import Testing

/// The built binary on the example repositories: exit codes, every planted
/// incident at its rule, file and line, and the output byte for byte against golden files.
@Suite("End to end", .serialized)
struct EndToEndTests {
    static let broken = ["compose-broken", "dockerfile-broken", "ecs-broken", "cloudformation-broken"]
    static let fixed = ["compose-fixed", "dockerfile-fixed", "ecs-fixed"]

    @Test("broken examples fail and match their golden reports", arguments: broken)
    func brokenExamples(name: String) throws {
        let json = try CLIRunner.run(["check", "Examples/\(name)", "--format", "json"])
        #expect(json.status == 1, "stderr: \(json.stderr)")
        #expect(try CLIRunner.matchesGolden(json.stdout, "\(name).json"), "JSON report of \(name) differs from its golden file")
        let text = try CLIRunner.run(["check", "Examples/\(name)"])
        #expect(text.status == 1)
        #expect(try CLIRunner.matchesGolden(text.stdout, "\(name).txt"), "text report of \(name) differs from its golden file")
    }

    @Test("fixed twins report no error or warning and exit 0", arguments: fixed)
    func fixedExamples(name: String) throws {
        let result = try CLIRunner.run(["check", "Examples/\(name)", "--fail-on", "warning", "--format", "json"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let summary = object?["summary"] as? [String: Int]
        #expect(summary?["errors"] == 0 && summary?["warnings"] == 0)
    }

    @Test("every planted incident of the compose example is reported where it is")
    func plantedIncidents() throws {
        let result = try CLIRunner.run(["check", "Examples/compose-broken", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let found = Set(findings.map { "\($0["rule"] ?? "") \($0["file"] ?? ""):\($0["line"] ?? "")" })
        let planted = [
            "image-tag-latest docker-compose.yml:13",
            "port-mismatch docker-compose.yml:22",
            "port-mismatch workflow_engine/Dockerfile:6",
            "compose-depends-unhealthy docker-compose.yml:24",
            "healthcheck-protocol docker-compose.yml:27",
            "healthcheck-tool-missing docker-compose.yml:27",
            "healthcheck-tool-missing docker-compose.yml:36",
            "healthcheck-missing docker-compose.yml:39",
            "dockerignore-missing docker-compose.yml:40",
            "bind-localhost docker-compose.yml:41",
            "debug-enabled docker-compose.yml:43",
            "hardcoded-secret docker-compose.yml:44",
            "placeholder-value .env:2",
            "placeholder-value .env:3",
            "placeholder-value .env:4",
            "runs-as-root api_gateway/Dockerfile:1",
            "undeclared-dependency workflow_engine/workflow_engine/db.py:3",
            "missing-env workflow_engine/workflow_engine/db.py:7",
            "missing-env workflow_engine/workflow_engine/db.py:8",
            "generated-code-missing workflow_engine/workflow_engine/server.py:6",
        ]
        for incident in planted {
            #expect(found.contains(incident), "not reported: \(incident)")
        }
        #expect(found.count == planted.count, "unexpected findings: \(found.subtracting(planted))")
        let portMismatch = try #require(findings.first { $0["rule"] as? String == "port-mismatch" })
        let message = try #require(portMismatch["message"] as? String)
        #expect(message.contains("GRPC_PORT=8000") && message.contains("50050") && message.contains("docker-compose.yml:"))
    }

    @Test("every incident of the seeds planted in the Terraform example is reported where it is")
    func plantedECSIncidents() throws {
        let result = try CLIRunner.run(["check", "Examples/ecs-broken", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        let found = Set(findings.map { "\($0["rule"] ?? "") \($0["file"] ?? ""):\($0["line"] ?? "")" })
        let planted = [
            "port-mismatch apps/workflow_engine/Dockerfile:7",           // EXPOSE 50050 vs GRPC_PORT=8000 / containerPort 8000
            "missing-env apps/workflow_engine/workflow_engine/__main__.py:7",  // SUPABASE_URL and SUPABASE_SECRET_KEY not in secrets
            "resource-minimum infra/ecs.tf:16",
            "fargate-size-invalid infra/ecs.tf:17",
            "image-tag-latest infra/ecs.tf:22",
            "debug-enabled infra/ecs.tf:29",
            "secret-ref-unresolved infra/ecs.tf:32",
            "healthcheck-protocol infra/ecs.tf:35",                     // curl on the gRPC port
            "healthcheck-tool-missing infra/ecs.tf:35",                 // curl not in python:3.11-slim
            "healthcheck-start-period infra/ecs.tf:37",                 // 60 s for a gRPC service
            "logging-missing infra/ecs.tf:52",
            "image-tag-latest infra/ecs.tf:54",
            "hardcoded-secret infra/ecs.tf:59",
            "placeholder-value infra/ssm.tf:4",
            "placeholder-value infra/ssm.tf:10",
            "platform-unspecified scripts/build-and-push.sh:5",
        ]
        for incident in planted {
            #expect(found.contains(incident), "not reported: \(incident)")
        }
        #expect(found.count == planted.count, "unexpected findings: \(found.subtracting(planted))")
        let missing = findings.filter { $0["rule"] as? String == "missing-env" }.compactMap { $0["message"] as? String }
        #expect(missing.contains { $0.contains("SUPABASE_URL") && $0.contains("task definition") })
    }

    @Test("the flattened package is reported at the CMD with the COPY that flattened it")
    func flattenedPackage() throws {
        let result = try CLIRunner.run(["check", "Examples/dockerfile-broken", "--rule", "entrypoint-missing", "--format", "json"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"file\": \"Dockerfile\""))
        #expect(result.stdout.contains("\"line\": 9"))
        #expect(result.stdout.contains("COPY at Dockerfile:6"))
    }

    @Test("machine formats of the compose example match their golden files", arguments: ["sarif", "junit", "github"])
    func machineFormats(format: String) throws {
        let result = try CLIRunner.run(["check", "Examples/compose-broken", "--format", format])
        #expect(result.status == 1)
        #expect(try CLIRunner.matchesGolden(result.stdout, "compose-broken.\(format)"), "\(format) differs from its golden file")
    }

    @Test("--fail-on decides the exit status")
    func failOn() throws {
        #expect(try CLIRunner.run(["check", "Examples/compose-broken", "--fail-on", "never"]).status == 0)
        #expect(try CLIRunner.run(["check", "Examples/dockerfile-broken", "--rule", "runs-as-root", "--fail-on", "error"]).status == 0)
        #expect(try CLIRunner.run(["check", "Examples/dockerfile-broken", "--rule", "runs-as-root", "--fail-on", "warning"]).status == 1)
    }

    @Test("usage and configuration errors exit 2 with a clear message")
    func usageErrors() throws {
        let unknownRule = try CLIRunner.run(["check", "Examples/compose-fixed", "--rule", "port-mismatches"])
        #expect(unknownRule.status == 2)
        #expect(unknownRule.stderr.contains("did you mean 'port-mismatch'"))
        let badFormat = try CLIRunner.run(["check", "Examples/compose-fixed", "--format", "xml"])
        #expect(badFormat.status == 2)
        let missing = try CLIRunner.run(["check", "Examples/does-not-exist"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("not a directory"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "rules:\n  port-mismatch: warning\nservice:\n  api:\n    kind: grpc\n".write(
            to: directory.appendingPathComponent(".greenlight.yml"), atomically: true, encoding: .utf8)
        let config = try CLIRunner.run(["check", directory.path])
        #expect(config.status == 2)
        #expect(config.stderr.contains(".greenlight.yml:3:1: unknown key 'service' in top level; did you mean 'services'?"), "\(config.stderr)")
    }

    @Test("a baseline hides today's findings and keeps new ones")
    func baseline() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-baseline-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let write = try CLIRunner.run(["check", "Examples/compose-broken", "--write-baseline", file.path, "--format", "json"])
        #expect(write.status == 1)
        let again = try CLIRunner.run(["check", "Examples/compose-broken", "--baseline", file.path, "--format", "json"])
        #expect(again.status == 0, "\(again.stdout)")
        #expect(again.stdout.contains("\"findings\": []"))
        let other = try CLIRunner.run(["check", "Examples/dockerfile-broken", "--baseline", file.path])
        #expect(other.status == 1)
    }

    @Test("--var-file feeds Terraform variables the way terraform -var-file does")
    func terraformVariableFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-varfile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: CLIRunner.packageRoot.appendingPathComponent("Examples/ecs-fixed"), to: directory)
        try "image_tag = \"latest\"\n".write(to: directory.appendingPathComponent("latest.tfvars"), atomically: true, encoding: .utf8)
        let without = try CLIRunner.run(["check", directory.path, "--rule", "image-tag-latest"])
        #expect(without.status == 0, "\(without.stdout)")
        let with = try CLIRunner.run(["check", directory.path, "--rule", "image-tag-latest", "--var-file", "latest.tfvars", "--format", "json"])
        #expect(with.status == 0, "image-tag-latest is a warning")
        #expect(with.stdout.contains("\"file\": \"infra/ecs.tf\"") && with.stdout.contains("workflow-engine:latest"))
    }

    @Test("rules, explain and services come from the same model")
    func informationCommands() throws {
        let rules = try CLIRunner.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("port-mismatch") && rules.stdout.contains("entrypoint-missing"))
        let explain = try CLIRunner.run(["explain", "healthcheck-protocol"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Why:") && explain.stdout.contains("curl"))
        let services = try CLIRunner.run(["services", "Examples/compose-fixed", "--format", "json"])
        #expect(services.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(services.stdout.utf8)) as? [String: Any]
        let list = object?["services"] as? [[String: Any]]
        #expect(list?.count == 5)
        #expect(list?.first { $0["name"] as? String == "workflow-engine" }?["kind"] as? String == "grpc")
    }
}
