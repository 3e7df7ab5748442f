import Testing
@testable import GreenlightCore

private typealias TerraformSplitMix64 = SeededRandom

/// One random edit: delete, insert an HCL-significant byte, duplicate a run, flip bits, or truncate.
private func mutate(_ bytes: [UInt8], _ random: inout TerraformSplitMix64) -> [UInt8] {
    var result = bytes
    let interesting: [UInt8] = Array("\"\\$%{}[]()<<-~#/*.,:=?!&|>\n\t 0e".utf8) + [0x00, 0xC3, 0xFF, 0x80]
    switch random.below(6) {
    case 0 where !result.isEmpty:
        let start = random.below(result.count)
        result.removeSubrange(start..<(start + min(result.count - start, 1 + random.below(8))))
    case 1:
        result.insert(interesting[random.below(interesting.count)], at: random.below(result.count + 1))
    case 2 where !result.isEmpty:
        let start = random.below(result.count)
        let length = min(result.count - start, 1 + random.below(24))
        result.insert(contentsOf: result[start..<(start + length)], at: random.below(result.count + 1))
    case 3 where !result.isEmpty:
        result[random.below(result.count)] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
    case 4 where !result.isEmpty:
        result.removeSubrange(random.below(result.count)...)
    default:
        result.insert(contentsOf: Array("${%{<<EOF\n".utf8), at: random.below(result.count + 1))
    }
    return result
}

@Suite("TerraformFuzz")
struct TerraformFuzzTests {
    @Test func mutatedFilesNeverTrapAndIssuesStayInsideTheFile() {
        var random = TerraformSplitMix64(seed: 0x7E44_AF01)
        let seeds = [TerraformFixtures.ecs, TerraformFixtures.variables].map { Array($0.utf8) }
        for round in 0..<3000 {
            var bytes = seeds[round % seeds.count]
            for _ in 0..<(1 + random.below(4)) { bytes = mutate(bytes, &random) }
            let source = SourceText(path: "infra/ecs.tf", bytes: bytes)
            let file = HCLFile.parse(source)
            for issue in file.issues {
                #expect(issue.location.line >= 1 && issue.location.line <= source.lineCount + 1, "round \(round): \(issue)")
                #expect(issue.location.file == "infra/ecs.tf")
            }
            if round % 10 == 0 {
                let tree = MemoryFileTree(bytes: ["infra/ecs.tf": bytes, "infra/vars.tf": seeds[1]])
                let module = TerraformModule.load(directory: "infra", tree: tree)
                for resource in module.resources(ofType: "aws_ecs_task_definition") {
                    _ = resource.decodedJSON("container_definitions")
                    _ = resource.value("cpu")
                }
            }
        }
    }

    @Test func deeplyNestedInputIsReportedNotOverflowed() {
        let text = "a = " + String(repeating: "[(", count: 5000) + "\nb = " + String(repeating: "-", count: 20000) + "1\n"
        let file = HCLFile.parse(SourceText(path: "deep.tf", string: text))
        #expect(file.issues.contains { $0.message.contains("nested too deeply") })
    }
}
