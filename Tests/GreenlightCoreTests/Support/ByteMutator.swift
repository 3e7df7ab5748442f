@testable import GreenlightCore

/// Seeded mutations of text fixtures for the parser fuzz tests: delete, insert,
/// duplicate, flip, truncate, with bytes that matter to the format under test.
enum ByteMutator {
    /// Bytes that matter to JSON and YAML, plus invalid UTF-8 and NUL.
    static let jsonAndYAMLBytes: [UInt8] = Array("\n\r\t :,-#'\"[]{}\\/*!|>$u0.eE".utf8) + [0xFF, 0xC3, 0x80, 0xED, 0xA0, 0x00]

    static func mutate(_ original: [UInt8], random: inout SeededRandom,
                       interestingBytes: [UInt8] = jsonAndYAMLBytes) -> [UInt8] {
        var bytes = original
        for _ in 0..<(1 + random.below(4)) {
            let position = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where !bytes.isEmpty:
                let end = min(bytes.count, position + 1 + random.below(8))
                if position < end { bytes.removeSubrange(position..<end) }
            case 1:
                let byte = random.below(2) == 0 ? interestingBytes[random.below(interestingBytes.count)] : UInt8(random.below(256))
                bytes.insert(byte, at: position)
            case 2 where position < bytes.count:
                let end = min(bytes.count, position + 1 + random.below(24))
                bytes.insert(contentsOf: bytes[position..<end], at: position)
            case 3 where position < bytes.count:
                bytes[position] ^= UInt8(1 << random.below(8))
            case 4:
                bytes = Array(bytes.prefix(position))
            default:
                if position < bytes.count { bytes[position] = interestingBytes[random.below(interestingBytes.count)] }
            }
        }
        return bytes
    }

    /// Whether every issue names the file and a line within it (or just past its end).
    static func issuesAreInFile(_ issues: [ParseIssue], _ source: SourceText) -> Bool {
        issues.allSatisfy { issue in
            issue.location.file == source.path && issue.location.line >= 1
                && issue.location.line <= source.lineCount + 1 && issue.location.column >= 1
        }
    }
}
