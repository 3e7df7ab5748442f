import Foundation
import GreenlightCore
@testable import GreenlightVerify
import Testing

/// Runs one probe through the real runner, with one attempt unless told otherwise.
func runProbe(_ target: ProbeTarget, timeout: Duration = .seconds(2), retries: Int = 0,
              baseDirectory: String = ".", wait: Duration? = nil,
              environment: [String: String] = ProcessInfo.processInfo.environment) async -> ProbeResult? {
    let spec = ProbeSpec(name: "probe", target: target,
                         settings: ProbeSettings(timeout: timeout, retries: retries, interval: .milliseconds(250)))
    return await Verifier.run([spec], environment: environment, baseDirectory: baseDirectory, wait: wait).first
}

@Suite(.enabled(if: LiveServers.available), .onProbeExecutor) struct LiveHTTPProbeTests {
    let base = LiveServers.value("GREENLIGHT_LIVE_HTTP")

    @Test func healthyEndpointPasses() async throws {
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "\(base)/health", contains: "ok"))))
        #expect(result.ok)
        #expect(result.outcome.detail == "200 OK")
    }

    @Test func wrongStatusSaysWhichAndShowsTheBody() async throws {
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "\(base)/status/503"))))
        #expect(result.outcome.failure == .status)
        #expect(result.outcome.detail == "status 503 Service Unavailable (expected 2xx): status 503")
    }

    @Test func expectedNon2xxStatusPasses() async throws {
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "\(base)/nope", status: .codes([404])))))
        #expect(result.ok)
    }

    @Test func missingTextIsAContentFailure() async throws {
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "\(base)/json", contains: "\"status\": \"degraded\""))))
        #expect(result.outcome.failure == .content)
        #expect(result.outcome.detail.hasPrefix("200 OK, but the body does not contain \"\\\"status\\\": \\\"degraded\\\"\"") || result.outcome.detail.hasPrefix("200 OK, but the body does not contain"))
    }

    @Test func slowAnswerFailsMaxLatency() async throws {
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "\(base)/slow/400", maxLatency: .milliseconds(100)))))
        #expect(result.outcome.failure == .latency)
        #expect(result.outcome.detail.contains("slower than max-latency 100ms"))
    }

    @Test func hungServerTimesOutWithinTheTimeout() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let silent = LiveServers.value("GREENLIGHT_LIVE_SILENT")
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "http://\(silent)/health")), timeout: .milliseconds(500)))
        // AsyncHTTPClient hands its deadline back through Swift's shared pool, which the
        // CPU-bound core suites can keep busy for seconds in this process; the bound here
        // is "does not hang", and the message is exact only when the pool was free.
        #expect(clock.now - start < .seconds(20))
        #expect(result.outcome.failure == .timeout)
        #expect(result.outcome.detail == "timed out after 500ms waiting for an answer from http://\(silent)/health"
                    || result.outcome.detail == "no answer within 500ms")
    }

    @Test func closedPortIsRefused() async throws {
        let closed = LiveServers.value("GREENLIGHT_LIVE_CLOSED")
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "http://\(closed)/health"))))
        #expect(result.outcome.failure == .refused)
    }

    @Test func slowThenHealthyPassesWithinWait() async throws {
        let key = UUID().uuidString
        let result = try #require(await runProbe(.http(HTTPProbeSpec(url: "\(base)/warmup/\(key)")), wait: .seconds(8)))
        #expect(result.ok)
        #expect(result.attempts > 2)
        #expect(result.elapsed >= .seconds(3))
    }
}

@Suite(.enabled(if: LiveServers.available), .onProbeExecutor) struct LiveTCPProbeTests {
    @Test func listeningPortPasses() async throws {
        let address = try #require(HostPort(LiveServers.address("GREENLIGHT_LIVE_HTTP")))
        let result = try #require(await runProbe(.tcp(TCPProbeSpec(address: address))))
        #expect(result.ok)
        #expect(result.outcome.detail == "accepting connections on \(address)")
    }

    @Test func closedPortIsRefused() async throws {
        let address = try #require(HostPort(LiveServers.value("GREENLIGHT_LIVE_CLOSED")))
        let result = try #require(await runProbe(.tcp(TCPProbeSpec(address: address)), retries: 1))
        #expect(result.outcome.failure == .refused)
        #expect(result.outcome.detail == "connection refused by \(address)")
        #expect(result.attempts == 2)
    }

    @Test func unknownHostIsUnreachable() async throws {
        let result = try #require(await runProbe(.tcp(TCPProbeSpec(address: HostPort(host: "no-such-host.invalid", port: 80)))))
        #expect(result.outcome.failure == .unreachable)
    }
}

@Suite(.onProbeExecutor) struct CommandProbeTests {
    @Test func successWithExpectedOutputPasses() async throws {
        let result = try #require(await runProbe(.command(CommandProbeSpec(command: "echo disk 42% used", contains: "42%"))))
        #expect(result.ok)
        #expect(result.outcome.detail == "exit status 0: disk 42% used")
    }

    @Test func nonZeroExitShowsStatusAndLastLine() async throws {
        let result = try #require(await runProbe(.command(CommandProbeSpec(command: "echo checking; echo 'disk 97% full' >&2; exit 3"))))
        #expect(result.outcome.failure == .exitStatus)
        #expect(result.outcome.detail == "`echo checking; echo 'disk 97% full' >&2; exit 3` ended with exit status 3: disk 97% full")
    }

    @Test func missingTextFails() async throws {
        let result = try #require(await runProbe(.command(CommandProbeSpec(command: "echo migrations pending", contains: "up to date"))))
        #expect(result.outcome.failure == .content)
    }

    @Test func unknownCommandSaysSo() async throws {
        let result = try #require(await runProbe(.command(CommandProbeSpec(command: "greenlight-no-such-tool --version"))))
        #expect(result.outcome.failure == .setup)
        #expect(result.outcome.detail.contains("command not found"))
    }

    @Test func timeoutEndsTheWholeProcessGroup() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let result = try #require(await runProbe(.command(CommandProbeSpec(command: "sleep 30 | cat")), timeout: .milliseconds(300)))
        #expect(clock.now - start < .milliseconds(300) + Timing.slack)
        #expect(result.outcome.failure == .timeout)
    }

    @Test func runsInTheConfiguredDirectoryWithTheEnvironment() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try #require(await runProbe(.command(CommandProbeSpec(command: "pwd; echo $STAGE", directory: "sub")),
                                                 baseDirectory: directory.path, environment: ["STAGE": "prod", "PATH": "/usr/bin:/bin"]))
        #expect(result.ok)
        #expect(result.outcome.detail == "exit status 0: prod")
    }
}

@Suite(.onProbeExecutor) struct DepsProbeTests {
    func pipVersion() async throws -> String {
        let result = try await ShellProcess.run(["python3", "-c", "import pip; print(pip.__version__)"],
                                                environment: ProcessInfo.processInfo.environment, timeout: .seconds(20))
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func requirements(_ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("greenlight-deps-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try text.write(to: directory.appendingPathComponent("requirements.txt"), atomically: true, encoding: .utf8)
        try "-r requirements.txt\n".write(to: directory.appendingPathComponent("requirements-prod.txt"), atomically: true, encoding: .utf8)
        return directory.path
    }

    @Test func installedPinsPass() async throws {
        let version = try await pipVersion()
        let directory = try requirements("# tooling\npip==\(version)\n")
        let result = try #require(await runProbe(.deps(DepsProbeSpec(requirements: "requirements-prod.txt")),
                                                 timeout: .seconds(30), baseDirectory: directory))
        #expect(result.ok, "\(result.outcome.detail)")
        #expect(result.outcome.detail == "1 requirements of requirements-prod.txt installed (1 pinned versions match)")
    }

    @Test func wrongVersionsAndMissingPackagesAreListed() async throws {
        let directory = try requirements("pip==0.0.1\ngreenlight-surely-not-installed==1.0\nanother_missing_pkg\n")
        let result = try #require(await runProbe(.deps(DepsProbeSpec(requirements: "requirements.txt")),
                                                 timeout: .seconds(30), baseDirectory: directory))
        #expect(result.outcome.failure == .missing)
        let detail = result.outcome.detail
        #expect(detail.hasPrefix("python3 does not match requirements.txt: not installed: greenlight-surely-not-installed==1.0, another_missing_pkg; wrong version: pip "))
        #expect(detail.hasSuffix("(pinned 0.0.1)"))
    }

    @Test func missingFileAndMissingInterpreterAreSetupFailures() async throws {
        let directory = try requirements("pip\n")
        let noFile = try #require(await runProbe(.deps(DepsProbeSpec(requirements: "nope.txt")), baseDirectory: directory))
        #expect(noFile.outcome.failure == .setup)
        #expect(noFile.outcome.detail.hasPrefix("cannot read requirements file "))
        let noPython = try #require(await runProbe(.deps(DepsProbeSpec(requirements: "requirements.txt", python: "/nonexistent/python")),
                                                   baseDirectory: directory))
        #expect(noPython.outcome.failure == .setup)
    }
}
