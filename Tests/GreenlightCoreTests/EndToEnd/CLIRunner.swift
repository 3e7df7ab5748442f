import Foundation

/// Runs the built `greenlight` binary, as a user would, and captures its output.
struct CLIRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to the test bundle (`swift build` puts both in the same directory).
    static var binary: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("greenlight")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/greenlight")
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Compares `actual` with a golden file, or writes it when GREENLIGHT_RECORD=1.
    static func matchesGolden(_ actual: String, _ name: String) throws -> Bool {
        let url = packageRoot.appendingPathComponent("Tests/GreenlightCoreTests/Fixtures/EndToEnd/\(name)")
        let normalized = actual.replacingOccurrences(of: "\"version\": \"\(greenlightVersion)\"", with: "\"version\": \"VERSION\"")
        if ProcessInfo.processInfo.environment["GREENLIGHT_RECORD"] == "1" {
            try normalized.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        return expected == normalized
    }

    static var greenlightVersion: String {
        (try? run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? ""
    }
}
