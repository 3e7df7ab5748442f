import Testing
@testable import GreenlightCore

typealias PythonFuzzRandom = SeededRandom

@Suite("PythonFuzz")
struct PythonFuzzTests {
    static let fixtures = [
        PythonFixtures.fastAPIMain, PythonFixtures.flaskApp, PythonFixtures.grpcServer, PythonFixtures.settingsModule,
        PythonFixtures.celeryWorker, PythonFixtures.optionalImports,
    ]

    /// Bytes that steer mutations towards Python's delicate spots.
    static let interesting: [UInt8] = Array("'\"{}()[]:\\\n\t #=.f@,;".utf8) + [0x00, 0xC3, 0xA9, 0xFF, 0x0C, 0x0D]

    static func mutate(_ bytes: [UInt8], _ random: inout PythonFuzzRandom) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + random.below(4)) {
            guard !bytes.isEmpty else { break }
            let at = random.below(bytes.count)
            switch random.below(6) {
            case 0:
                bytes.remove(at: at)
            case 1:
                bytes.insert(interesting[random.below(interesting.count)], at: at)
            case 2:
                let length = min(bytes.count - at, 1 + random.below(40))
                bytes.insert(contentsOf: bytes[at..<(at + length)], at: at)
            case 3:
                bytes[at] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
            case 4:
                bytes.removeSubrange(at..<bytes.count)
            default:
                bytes[at] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return bytes
    }

    @Test func mutatedSourcesNeverCrashAndIssuesStayInTheFile() {
        var random = PythonFuzzRandom(seed: 0x6772_6565_6E6C_6967)
        var totalIssues = 0
        for round in 0..<3000 {
            let base = Array(Self.fixtures[round % Self.fixtures.count].utf8)
            let source = SourceText(path: "fuzz.py", bytes: Self.mutate(base, &random))
            let stream = PythonTokenizer.tokenize(source)
            let facts = PythonModuleFacts.analyze(source)
            totalIssues += facts.issues.count
            #expect(stream.tokens.last?.kind == .endOfFile)
            for issue in stream.issues + facts.issues {
                #expect(issue.location.line >= 1 && issue.location.line <= source.lineCount + 1, "\(issue)")
                #expect(issue.location.column >= 1)
            }
            for read in facts.envReads { #expect(read.location.line <= source.lineCount + 1) }
        }
        #expect(totalIssues > 0)
    }

    @Test func pathologicalInputs() {
        let inputs = [
            String(repeating: "(", count: 5000),
            String(repeating: "f'{", count: 2000),
            String(repeating: "x = [\n", count: 3000),
            String(repeating: "    ", count: 1000) + "x\n" + "y\n",
            String(repeating: "if x:\n", count: 500) + "pass\n",
            "\"\"\"" + String(repeating: "\\", count: 999),
            String(repeating: "a.", count: 5000) + "b(",
            String(repeating: "-", count: 10000) + "1",
            String(repeating: "not ", count: 10000) + "x",
            "x = " + String(repeating: "f(", count: 3000) + "os.getenv('A')",
            "x = " + String(repeating: "os.getenv(", count: 2000),
            String(repeating: "a = f'{b}' + ", count: 5000) + "c",
            "\u{FEFF}import os\r\nprint(os.environ['X'])\r",
            "",
        ]
        for text in inputs {
            let source = SourceText(path: "p.py", string: text)
            let facts = PythonModuleFacts.analyze(source)
            for issue in facts.issues {
                #expect(issue.location.line >= 1 && issue.location.line <= source.lineCount + 1)
            }
        }
    }

    @Test func entryPointsAndShellWordsNeverCrash() {
        var random = PythonFuzzRandom(seed: 42)
        let words = ["python", "-m", "-c", "uvicorn", "gunicorn", "sh", "-c", "--port", "-b", ":", "main:app", "'", "\"", "$(",
                     "&&", "${PORT:-", "--", "tini", "env", "A=B", "celery", "-A", "flask", "run", "[::]:1", "uv", "x.py"]
        for _ in 0..<2000 {
            let argv = (0..<random.below(8)).map { _ in
                (0..<(1 + random.below(3))).map { _ in words[random.below(words.count)] }.joined(separator: random.below(2) == 0 ? " " : "")
            }
            _ = PythonEntryPoint.parse(argv, workdir: "/app")
            _ = PythonShellWords.commands(argv.joined(separator: " "))
        }
    }

    /// 1,000 modules of 100 lines each, analysed one by one (the release-build target is well under 200 ms).
    @Test func thousandModulesAnalyseQuickly() {
        var sources: [SourceText] = []
        let body = PythonFixtures.grpcServer + "\n" + PythonFixtures.fastAPIMain + "\n" + PythonFixtures.flaskApp
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false).prefix(100).joined(separator: "\n")
        for index in 0..<1000 {
            sources.append(SourceText(path: "pkg/module\(index).py", string: lines))
        }
        #expect(sources[0].lineCount == 100)
        let clock = ContinuousClock()
        var reads = 0
        let elapsed = clock.measure {
            for source in sources { reads += PythonModuleFacts.analyze(source).envReads.count }
        }
        #expect(reads == 1000 * 8)
        #if DEBUG
        // Debug builds are over ten times slower and share the machine with parallel tests;
        // this bound still catches quadratic behaviour.
        #expect(elapsed < .seconds(15), "took \(elapsed)")
        #else
        #expect(elapsed < .milliseconds(200), "took \(elapsed)")
        #endif
        print("analysed 1,000 modules of 100 lines in \(elapsed)")
    }
}
