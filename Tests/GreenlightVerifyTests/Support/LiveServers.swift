import Foundation
import Testing

/// The real servers live probe tests run against (PostgreSQL, Redis, gRPC health, HTTP,
/// moto…), started once per test process by `Tests/Live/servers.sh` and stopped when
/// the process exits. When the environment already names them (GREENLIGHT_LIVE_HTTP
/// set, e.g. by a developer who started them by hand), those are used instead.
enum LiveServers {
    /// The KEY=VALUE lines servers.sh printed, or the process environment.
    static var environment: [String: String] { started.environment }

    private static let started: (environment: [String: String], failure: String) = start()

    /// Whether the servers are up; live suites use `.enabled(if: LiveServers.available)`.
    static var available: Bool { environment["GREENLIGHT_LIVE_HTTP"] != nil }

    /// Whether one server (by its variable) is up.
    static func has(_ key: String) -> Bool { environment[key] != nil }

    /// The value of a live server variable; empty when that server is not running.
    static func value(_ key: String) -> String { environment[key] ?? "" }

    /// The `host:port` of a URL-valued variable (`GREENLIGHT_LIVE_HTTP` → `127.0.0.1:8000`).
    static func address(_ key: String) -> String {
        let text = value(key)
        guard let range = text.range(of: "://") else { return text }
        let rest = text[range.upperBound...]
        return String(rest.split(separator: "/", maxSplits: 1).first ?? rest)
    }

    /// Why the servers are not (all) available, for the CI check.
    static var startFailure: String { started.failure }

    private static func start() -> (environment: [String: String], failure: String) {
        let processEnvironment = ProcessInfo.processInfo.environment
        if processEnvironment["GREENLIGHT_LIVE_HTTP"] != nil { return (processEnvironment, "") }
        if processEnvironment["GREENLIGHT_LIVE"] == "off" { return ([:], "GREENLIGHT_LIVE=off") }
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Live/servers.sh").path
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenlight-live-\(getpid())").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script, "up", directory, "--watch", String(getpid())]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return ([:], "cannot run \(script): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            result[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        if result["GREENLIGHT_LIVE_HTTP"] == nil {
            return (result, "servers.sh exited \(process.terminationStatus): \(errorText)")
        }
        return (result, errorText)
    }
}

@Suite struct LiveServerAvailabilityTests {
    /// In CI every live server must be up: a missing package would otherwise turn the
    /// live suites off silently.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["CI"] == "true"))
    func everyLiveServerRunsInCI() {
        for key in ["GREENLIGHT_LIVE_HTTP", "GREENLIGHT_LIVE_SILENT", "GREENLIGHT_LIVE_GRPC", "GREENLIGHT_LIVE_GRPC_TLS",
                    "GREENLIGHT_LIVE_REDIS_URL", "GREENLIGHT_LIVE_REDIS_OPEN", "GREENLIGHT_LIVE_POSTGRES_URL",
                    "GREENLIGHT_LIVE_MOTO", "GREENLIGHT_LIVE_MOTO_AUTH"] {
            #expect(LiveServers.has(key), "\(key) is not running: \(LiveServers.startFailure)")
        }
    }
}
