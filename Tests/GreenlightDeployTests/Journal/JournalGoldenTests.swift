import Foundation
import Testing

/// One whole journal, byte for byte, against `Golden/rolled-back.md` (re-record with
/// `GREENLIGHT_RECORD=1`). Read the file raw and rendered when the layout changes.
@Suite struct JournalGoldenTests {
    @Test func rolledBackDeploymentMatchesItsGoldenJournal() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent("rolled-back.md")
        let actual = JournalScenarios.rolledBack
        if ProcessInfo.processInfo.environment["GREENLIGHT_RECORD"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(expectedLines.count, actualLines.count)
        #expect(expected == actual, """
            rolled-back.md differs at line \(first + 1):
              expected: \(first < expectedLines.count ? String(expectedLines[first]) : "<end of file>")
              actual:   \(first < actualLines.count ? String(actualLines[first]) : "<end of output>")
            """)
    }
}
