import Testing
@testable import GreenlightCore

private typealias ContextFuzzGenerator = SeededRandom

/// Bytes that matter to the parsers under test, inserted more often than noise.
private let interestingBytes: [UInt8] = Array("\n\\\"'[]{}*?$()#=!|&;<>`:,-./@ \t\r^".utf8) + [0xC3, 0xA9, 0xFF, 0xE2, 0x00]

private func mutate(_ original: [UInt8], _ random: inout ContextFuzzGenerator) -> [UInt8] {
    var bytes = original
    let edits = 1 + random.below(4)
    for _ in 0..<edits {
        let position = random.below(bytes.count + 1)
        switch random.below(6) {
        case 0 where !bytes.isEmpty:
            bytes.remove(at: min(position, bytes.count - 1))
        case 1:
            let byte = random.below(3) == 0 ? UInt8(truncatingIfNeeded: random.next()) : interestingBytes[random.below(interestingBytes.count)]
            bytes.insert(byte, at: position)
        case 2 where !bytes.isEmpty:
            let start = min(position, bytes.count - 1)
            let length = min(1 + random.below(24), bytes.count - start)
            bytes.insert(contentsOf: bytes[start..<(start + length)], at: random.below(bytes.count + 1))
        case 3 where !bytes.isEmpty:
            let index = min(position, bytes.count - 1)
            bytes[index] ^= UInt8(1 << random.below(8))
        case 4:
            bytes = Array(bytes.prefix(position))
        default:
            bytes.insert(interestingBytes[random.below(interestingBytes.count)], at: position)
        }
    }
    return bytes
}

private func checkIssues(_ issues: [ParseIssue], _ source: SourceText, _ label: String) {
    for issue in issues {
        #expect(issue.location.line >= 1 && issue.location.line <= source.lineCount + 1, "\(label): \(issue)")
        #expect(issue.location.column >= 1, "\(label): \(issue)")
    }
}

@Suite("Context parsers fuzz")
struct ContextParsersFuzzTests {
    static let iterations = 700

    private func fuzz(_ fixtures: [String], path: String, seed: UInt64, _ body: (SourceText) -> [ParseIssue]) {
        var random = ContextFuzzGenerator(seed: seed)
        for iteration in 0..<Self.iterations {
            let fixture = Array(fixtures[iteration % fixtures.count].utf8)
            let source = SourceText(path: path, bytes: mutate(fixture, &random))
            checkIssues(body(source), source, "\(path) #\(iteration)")
        }
    }

    @Test func dockerignoreMatcherNeverTraps() {
        let paths = ["app/main.py", "node_modules/x/y.js", "docs/README.md", "a☺b/c", "vendor/important.go", ".env", "x/.git/HEAD"]
        fuzz([
            "# comment\n.git\nnode_modules\n**/*.pyc\n!vendor/important.go\n*.md\n!README.md\n/abs/**\na[b-d]e\n",
            "**\n!src/**/*.go\nsrc/**/testdata\n[[:digit:]]*\n\\*literal\n",
        ], path: ".dockerignore", seed: 1) { source in
            let matcher = DockerignoreMatcher(source: source)
            for path in paths {
                _ = matcher.isExcluded(path)
                _ = matcher.mayReincludeBelow(PathUtilities.dirname(path))
            }
            return matcher.issues
        }
    }

    @Test func gitignoreMatcherNeverTraps() {
        var random = ContextFuzzGenerator(seed: 2)
        let fixture = Array("*.log\n/build\ndist/\n!dist/keep\n**/tmp/**\n*.py[cod]\n[!a-c]x\n\\#hash\nfoo\\ \n[[:alpha:]]*\n".utf8)
        for _ in 0..<Self.iterations {
            let source = SourceText(path: ".gitignore", bytes: mutate(fixture, &random))
            let matcher = GitignoreMatcher(files: [GitignoreFile(source: source)])
            for path in ["a.log", "build", "dist/keep", "x/tmp/y", "m.pyc", "dx", "#hash", "src/[x]/a*b"] {
                _ = matcher.isIgnored(path, isDirectory: path == "build")
            }
        }
    }

    @Test func requirementsParserNeverTraps() {
        fuzz([
            "fastapi==0.115.0\nuvicorn[standard]>=0.30,<0.32 ; python_version < \"3.12\"\n-r common.txt\n"
                + "-e git+https://github.com/org/repo.git@v1#egg=shared\ncertifi==2024.8.30 \\\n    --hash=sha256:abc\n",
            "--index-url https://pypi.org/simple\n./packages/auth\nrequests @ https://x/y.whl ; os_name == 'posix'\n# c\n",
        ], path: "requirements.txt", seed: 3) { RequirementsFile.parse($0).issues }
    }

    @Test func pyprojectParserNeverTraps() {
        fuzz([
            "[project]\nname = \"svc\"\ndependencies = [\n  \"fastapi>=0.110\",\n  \"uvicorn[standard]\",\n]\n"
                + "[project.scripts]\nsvc = \"svc.main:run\"\n[dependency-groups]\ndev = [{include-group = \"test\"}]\n"
                + "test = ['pytest>=8']\n",
            "[tool.poetry.dependencies]\npython = \"^3.12\"\nflask = { version = \"^3.0\", extras = [\"async\"] }\n"
                + "s = \"\"\"multi\nline\"\"\"\nn = 0x1F\nf = 1.5e3\nd = 1979-05-27T07:32:00Z\n[[arr]]\nx.y = 'lit'\n",
        ], path: "pyproject.toml", seed: 4) { PyProject.parse($0).issues }
    }

    @Test func buildScannerNeverTraps() {
        let shell = "#!/bin/bash\ncd \"$(dirname \"$0\")/..\"\n(cd api && docker build -f Dockerfile -t \"api:${TAG}\" .)\n"
            + "cat <<EOF\ndocker build .\nEOF\ndocker buildx build --platform linux/amd64,linux/arm64 --build-arg A=1 $X .\n"
            + "if true; then cd x; fi\nf() { docker build -t $(git rev-parse HEAD) .; }\n"
        let makefile = "IMAGE ?= app\nbuild:\n\t@docker build -t $(IMAGE):$$(git rev-parse HEAD) \\\n\t  -f docker/Dockerfile .\n"
        let justfile = "build tag='x':\n    docker build -t {{tag}} .\n"
        let workflow = "jobs:\n  b:\n    steps:\n      - run: |\n          docker build -f a/Dockerfile .\n"
            + "      - uses: docker/build-push-action@v6\n        with:\n          context: api\n          tags: a,b\n"
        let kinds: [(String, BuildScriptKind, String)] = [
            (shell, .shell, "build.sh"), (makefile, .makefile, "Makefile"), (justfile, .justfile, "justfile"),
            (workflow, .githubWorkflow, ".github/workflows/ci.yml"),
        ]
        for (offset, entry) in kinds.enumerated() {
            fuzz([entry.0], path: entry.2, seed: 10 + UInt64(offset)) { source in
                let result = DockerBuildScanner.scanWithIssues(source, kind: entry.1)
                for invocation in result.invocations {
                    #expect(invocation.location.line >= 1 && invocation.location.line <= source.lineCount + 1)
                }
                return result.issues
            }
        }
    }

    @Test func discoveryNeverTrapsOnOddNames() {
        var random = ContextFuzzGenerator(seed: 20)
        var files: [String: [UInt8]] = [:]
        for index in 0..<300 {
            let name = String(decoding: mutate(Array("dir\(index % 7)/Dockerfile.x".utf8), &random).filter { $0 != 0 }, as: UTF8.self)
            files[name] = mutate(Array("#!/bin/sh\n*.log\n!keep\n".utf8), &random)
        }
        files[".gitignore"] = mutate(Array("*.tmp\n[\n!\\\n".utf8), &random)
        let project = ProjectDiscovery.discover(in: MemoryFileTree(bytes: files), excludedPaths: ["[", "**/x/**", "!"])
        #expect(project.directories.contains(""))
    }
}
