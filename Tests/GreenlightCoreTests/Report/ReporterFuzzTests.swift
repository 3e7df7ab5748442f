import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GreenlightCore

private typealias SplitMix64 = SeededRandom

@Suite("ReporterFuzz")
struct ReporterFuzzTests {
    private static let interesting: [UInt8] = [0x00, 0x07, 0x0A, 0x0D, 0x09, 0x1B, 0x22, 0x25, 0x26, 0x27, 0x2C,
                                               0x3A, 0x3C, 0x3E, 0x5C, 0x7F, 0xC2, 0x9B, 0xC3, 0xA9, 0xEF, 0xBF, 0xBE, 0xFF]

    /// Deletes, inserts, duplicates, flips or truncates bytes, then decodes leniently
    /// (invalid UTF-8 becomes U+FFFD) the way strings reach the reporters.
    private static func mutate(_ text: String, _ rng: inout SplitMix64) -> String {
        var bytes = Array(text.utf8)
        for _ in 0..<(1 + rng.below(4)) {
            let index = rng.below(bytes.count + 1)
            switch rng.below(5) {
            case 0 where index < bytes.count: bytes.remove(at: index)
            case 1: bytes.insert(interesting[rng.below(interesting.count)], at: index)
            case 2 where index < bytes.count: bytes.insert(contentsOf: bytes[index..<min(bytes.count, index + 1 + rng.below(8))], at: index)
            case 3 where index < bytes.count: bytes[index] ^= UInt8(truncatingIfNeeded: 1 << rng.below(8))
            case 4: bytes.removeLast(bytes.count - index)
            default: bytes.insert(UInt8(truncatingIfNeeded: rng.next()), at: index)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func mutatedReport(_ rng: inout SplitMix64) -> Report {
        let base = ReportFixture.report
        var findings = base.findings
        for index in findings.indices where rng.below(2) == 0 {
            findings[index].message = mutate(findings[index].message, &rng)
            if let fix = findings[index].fix { findings[index].fix = mutate(fix, &rng) }
            if var location = findings[index].location {
                if rng.below(3) == 0 { location.file = mutate(location.file, &rng) }
                if rng.below(4) == 0 { location.line = rng.below(40) - 5 }
                if rng.below(4) == 0 { location.column = rng.below(120) - 5 }
                findings[index].location = location
            }
            if rng.below(4) == 0 { findings[index].service = findings[index].service.map { mutate($0, &rng) } }
            if rng.below(4) == 0 { findings[index].ruleID = mutate(findings[index].ruleID, &rng) }
        }
        var sources = base.sources
        for (path, text) in sources where rng.below(2) == 0 {
            var bytes = text.bytes
            for _ in 0..<(1 + rng.below(6)) where !bytes.isEmpty {
                bytes[rng.below(bytes.count)] = interesting[rng.below(interesting.count)]
            }
            if rng.below(3) == 0 { bytes.removeLast(rng.below(bytes.count)) }
            sources[path] = SourceText(path: path, bytes: bytes)
        }
        return Report(toolVersion: base.toolVersion, findings: findings, summary: base.summary, rules: base.rules, sources: sources)
    }

    @Test func mutatedReportsRenderValidOutputInEveryFormat() throws {
        var rng = SplitMix64(seed: 0x6772_6565_6E6C_6967)
        for round in 0..<2_000 {
            let report = Self.mutatedReport(&rng)
            let text = TextReporter().render(report, color: false)
            #expect(!text.contains("\u{1B}"), "round \(round)")
            #expect(!TextReporter().render(report, color: true).isEmpty)

            let json = try JSONSerialization.jsonObject(with: Data(JSONReporter().render(report, color: false).utf8))
            let findings = (json as? [String: Any])?["findings"] as? [[String: Any]]
            #expect(findings?.compactMap { $0["message"] as? String } == report.findings.map(\.message), "round \(round)")

            let sarif = try JSONSerialization.jsonObject(with: Data(SARIFReporter().render(report, color: false).utf8))
            let results = ((sarif as? [String: Any])?["runs"] as? [[String: Any]])?.first?["results"] as? [Any]
            #expect(results?.count == report.findings.count, "round \(round)")

            let junit = JUnitReporter().render(report, color: false)
            #if canImport(FoundationXML) || os(macOS)
            let document = try XMLDocument(data: Data(junit.utf8))
            #expect(document.rootElement()?.name == "testsuites", "round \(round)")
            #else
            #expect(junit.hasSuffix("</testsuites>\n"))
            #endif

            let github = GitHubReporter().render(report, color: false)
            let lines = github.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == report.findings.count + 2, "round \(round)")
            #expect(!github.contains("\r"), "round \(round)")
        }
    }
}
