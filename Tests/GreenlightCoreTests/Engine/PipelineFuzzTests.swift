import Foundation
import Testing
@testable import GreenlightCore

/// Bounded mutation fuzzing of the whole pipeline: the example projects with
/// bytes deleted, duplicated, flipped and truncated must never crash discovery,
/// parsing, linking or any rule, and every parse error must point into its file.
@Suite("Pipeline fuzz")
struct PipelineFuzzTests {
    typealias Random = SeededRandom

    static func exampleFiles(_ name: String) throws -> [String: [UInt8]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/\(name)")
        let tree = DiskFileTree(root: root)
        var files: [String: [UInt8]] = [:]
        for file in ProjectDiscovery.discover(in: tree).files {
            files[file.path] = tree.read(file.path)
        }
        return files
    }

    static func mutate(_ bytes: [UInt8], _ random: inout Random) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + random.below(4)) {
            let position = random.below(result.count + 1)
            switch random.below(6) {
            case 0 where !result.isEmpty:
                result.removeSubrange(position..<min(result.count, position + 1 + random.below(8)))
            case 1:
                let interesting: [UInt8] = Array("\"'[]{}:-#\\\n\t${}<<EOF*?&|;".utf8) + [0, 0xFF, 0xC3]
                result.insert(interesting[random.below(interesting.count)], at: position)
            case 2 where !result.isEmpty:
                let start = random.below(result.count)
                let slice = result[start..<min(result.count, start + 1 + random.below(24))]
                result.insert(contentsOf: slice, at: min(position, result.count))
            case 3 where position < result.count:
                result[position] ^= UInt8(1 << random.below(8))
            case 4:
                result = Array(result.prefix(position))
            default:
                result.insert(contentsOf: Array("\n    ".utf8), at: position)
            }
        }
        return result
    }

    @Test("mutated example projects never crash and every parse error is located", arguments: ["compose-broken", "dockerfile-broken"])
    func mutatedProjects(name: String) throws {
        let original = try PipelineFuzzTests.exampleFiles(name)
        let paths = original.keys.sorted()
        var random = Random(seed: 0x5EED_0000 &+ UInt64(name.count))
        let engine = CheckEngine(configuration: Configuration())
        for _ in 0..<150 {
            var files = original
            for _ in 0..<(1 + random.below(3)) {
                let path = paths[random.below(paths.count)]
                files[path] = PipelineFuzzTests.mutate(files[path] ?? [], &random)
            }
            let result = engine.run(MemoryFileTree(bytes: files))
            for issue in result.project.parseIssues {
                let lines = SourceText(path: issue.location.file, bytes: files[issue.location.file] ?? []).lineCount
                #expect(issue.location.line >= 1 && issue.location.line <= lines + 1, "\(issue) outside \(lines) lines")
            }
            for finding in result.report.findings {
                if let location = finding.location, let bytes = files[location.file] {
                    #expect(location.line >= 1 && location.line <= SourceText(path: location.file, bytes: bytes).lineCount + 1)
                }
            }
        }
    }
}
