import Testing
@testable import GreenlightCore

typealias DockerfileFuzzRandom = SeededRandom

@Suite("DockerfileFuzz")
struct DockerfileFuzzTests {
    /// Bytes that matter to the Dockerfile and shell grammars, plus invalid UTF-8.
    private static let interesting: [UInt8] = Array("\\\"'[]<<-${}:=#`\n\r\t ,/&|;()>".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF]

    private static func mutate(_ input: [UInt8], _ random: inout DockerfileFuzzRandom) -> [UInt8] {
        var bytes = input
        for _ in 0...random.below(4) {
            let position = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where !bytes.isEmpty && position < bytes.count:
                bytes.remove(at: position)
            case 1:
                bytes.insert(interesting[random.below(interesting.count)], at: position)
            case 2 where position < bytes.count:
                let length = min(random.below(40) + 1, bytes.count - position)
                bytes.insert(contentsOf: bytes[position..<(position + length)], at: position)
            case 3 where position < bytes.count:
                bytes[position] ^= UInt8(1 << random.below(8))
            case 4:
                bytes = Array(bytes.prefix(position))
            default:
                bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
            }
        }
        return bytes
    }

    /// Touches every view so the fuzz covers them as well as the parser.
    private static func exercise(_ instruction: DockerInstruction, scope: DockerVariableScope) {
        _ = instruction.copy
        _ = instruction.env
        _ = instruction.arg
        _ = instruction.labels
        _ = instruction.expose
        _ = instruction.healthcheck
        _ = instruction.volumes
        _ = instruction.runMounts
        _ = instruction.runCommands
        _ = instruction.shellCommand
        _ = scope.expand(instruction.arguments.text)
        _ = ShellWords.split(instruction.arguments.text)
        if let trigger = instruction.onbuildTrigger { exercise(trigger, scope: scope) }
    }

    @Test func mutatedDockerfilesNeverTrapAndIssuesStayInTheFile() {
        var random = DockerfileFuzzRandom(seed: 0x5EED_D0C4_E7F1_1E00)
        var parsed = 0
        for fixture in DockerfileFixtures.all {
            let original = Array(fixture.utf8)
            for _ in 0..<700 {
                let bytes = Self.mutate(original, &random)
                let source = SourceText(path: "svc/Dockerfile", bytes: bytes)
                let file = Dockerfile.parse(source)
                parsed += 1
                for issue in file.issues {
                    #expect(issue.location.file == "svc/Dockerfile")
                    #expect(issue.location.line >= 1 && issue.location.line <= source.lineCount + 1, "\(issue)")
                    #expect(issue.location.column >= 1)
                }
                for instruction in file.instructions {
                    #expect(instruction.location.line >= 1 && instruction.endLine <= source.lineCount + 1)
                    #expect(instruction.endLine >= instruction.location.line)
                }
                var scope = DockerVariableScope(["PORT": "8000"], escape: file.escape)
                for instruction in file.instructions {
                    scope.apply(instruction, buildArgs: ["PYTHON_VERSION": "3.12"])
                    Self.exercise(instruction, scope: scope)
                }
            }
        }
        #expect(parsed == 3500)
    }

    @Test func mutatedShellTextNeverTraps() {
        var random = DockerfileFuzzRandom(seed: 42)
        let samples = [
            "set -eux; apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*",
            "cat <<'EOF' > /etc/app.conf\nport=${PORT:-8000}\nEOF\nexec gosu app \"$@\" 2>&1 | tee $(date +%s).log",
            "if [ -f .env ]; then . ./.env; fi; sudo -u app env A=1 timeout 5 curl -f http://localhost || exit 1",
        ]
        for sample in samples {
            for _ in 0..<500 {
                let text = String(decoding: Self.mutate(Array(sample.utf8), &random), as: UTF8.self)
                _ = ShellWords.split(text)
                for command in ShellWords.parseCommands(text) {
                    #expect(!command.words.isEmpty || !command.assignments.isEmpty)
                }
                _ = DockerVariableScope(["PORT": "1"]).expand(text)
            }
        }
    }
}
