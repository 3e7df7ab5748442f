import Foundation
import Testing

/// Compares rendered output with a file under Fixtures/Report/, or writes that file
/// when `GREENLIGHT_RECORD=1` is set.
enum GoldenFile {
    static func directory(filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
            .appendingPathComponent("Report")
    }

    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory().appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["GREENLIGHT_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let data = try Data(contentsOf: url)
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 0
        while line < min(expectedLines.count, actualLines.count), expectedLines[line] == actualLines[line] { line += 1 }
        let want = line < expectedLines.count ? String(expectedLines[line]) : "<end of file>"
        let got = line < actualLines.count ? String(actualLines[line]) : "<end of output>"
        Issue.record("\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
    }
}
