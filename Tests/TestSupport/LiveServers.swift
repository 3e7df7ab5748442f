import Foundation

/// The real servers live tests run against (PostgreSQL, Redis, gRPC health, HTTP,
/// moto…), started once per test process by `Tests/Live/servers.sh` and stopped when
/// the process exits; one copy for every test target, as they share one process. When
/// the environment already names them (GREENLIGHT_LIVE_HTTP set, e.g. by a developer
/// who started them by hand), those are used instead.
public enum LiveServers {
    /// The KEY=VALUE lines servers.sh printed, or the process environment.
    public static var environment: [String: String] { started.environment }

    private static let started: (environment: [String: String], failure: String) = start()

    /// Whether the servers are up; live suites use `.enabled(if: LiveServers.available)`.
    public static var available: Bool { environment["GREENLIGHT_LIVE_HTTP"] != nil }

    /// Whether one server (by its variable) is up.
    public static func has(_ key: String) -> Bool { environment[key] != nil }

    /// The value of a live server variable; empty when that server is not running.
    public static func value(_ key: String) -> String { environment[key] ?? "" }

    /// The `host:port` of a URL-valued variable (`GREENLIGHT_LIVE_HTTP` → `127.0.0.1:8000`).
    public static func address(_ key: String) -> String {
        let text = value(key)
        guard let range = text.range(of: "://") else { return text }
        let rest = text[range.upperBound...]
        return String(rest.split(separator: "/", maxSplits: 1).first ?? rest)
    }

    /// Why the servers are not (all) available, for the CI check.
    public static var startFailure: String { started.failure }

    private static func start() -> (environment: [String: String], failure: String) {
        let processEnvironment = ProcessInfo.processInfo.environment
        if processEnvironment["GREENLIGHT_LIVE_HTTP"] != nil { return (processEnvironment, "") }
        if processEnvironment["GREENLIGHT_LIVE"] == "off" { return ([:], "GREENLIGHT_LIVE=off") }
        let script = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Live/servers.sh").path
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("greenlight-live-\(getpid())").path
        // Output goes to a file, not a pipe: a daemon that kept a pipe open would make a
        // read-to-end wait forever. posix_spawn with an empty signal mask, because the
        // test runner's threads block signals and children would inherit that mask.
        let log = directory + ".log"
        let arguments = ["/bin/bash", script, "up", directory, "--watch", String(getpid())]
        guard let status = spawnAndWait(arguments, outputPath: log) else {
            return ([:], "cannot run \(script)")
        }
        let data = FileManager.default.contents(atPath: directory + "/env") ?? Data()
        let errorText = String(decoding: FileManager.default.contents(atPath: log) ?? Data(), as: UTF8.self)
        var result: [String: String] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            result[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        if result["GREENLIGHT_LIVE_HTTP"] == nil {
            return (result, "servers.sh exited \(status): \(errorText)")
        }
        return (result, errorText)
    }
}

/// Runs a program to completion with a clean signal mask, output appended to a file;
/// its exit status, or nil when it could not start.
private func spawnAndWait(_ arguments: [String], outputPath: String) -> Int32? {
    var actions = posix_spawn_file_actions_t()
    var attributes = posix_spawnattr_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawnattr_init(&attributes)
    defer {
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attributes)
    }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    var empty = sigset_t()
    sigemptyset(&empty)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
    let argv = arguments.map { strdup($0) } + [nil]
    let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        argv.forEach { free($0) }
        environment.forEach { free($0) }
    }
    var pid: pid_t = 0
    guard posix_spawn(&pid, arguments[0], &actions, &attributes, argv, environment) == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    return (status >> 8) & 0xff
}
