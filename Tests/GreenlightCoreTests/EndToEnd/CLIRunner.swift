import Foundation

/// Runs the built `greenlight` binary, as a user would, and captures its output.
struct CLIRunner {
    typealias Result = GreenlightBinary.Result

    static var packageRoot: URL { GreenlightBinary.packageRoot }

    static func run(_ arguments: [String], in directory: URL = packageRoot, environment: [String: String] = [:]) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        return try GreenlightBinary.run(arguments, in: directory, environment: env)
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
