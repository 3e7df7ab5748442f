import Testing
@testable import GreenlightCore

private typealias SplitMix64 = SeededRandom

/// Applies one random edit: delete, insert, duplicate a run, flip bits, or truncate.
private func mutate(_ bytes: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
    var result = bytes
    let interesting: [UInt8] = Array("'\"\\$`(){}[]|&;<>#\n\t =:@/-*".utf8) + [0x00, 0xC3, 0xFF, 0x80]
    switch random.below(6) {
    case 0 where !result.isEmpty:
        let start = random.below(result.count)
        let length = min(result.count - start, 1 + random.below(8))
        result.removeSubrange(start..<(start + length))
    case 1:
        let position = random.below(result.count + 1)
        result.insert(interesting[random.below(interesting.count)], at: position)
    case 2 where !result.isEmpty:
        let start = random.below(result.count)
        let length = min(result.count - start, 1 + random.below(16))
        result.insert(contentsOf: result[start..<(start + length)], at: random.below(result.count + 1))
    case 3 where !result.isEmpty:
        let position = random.below(result.count)
        result[position] ^= UInt8(truncatingIfNeeded: 1 << random.below(8))
    case 4 where !result.isEmpty:
        result.removeSubrange(random.below(result.count)...)
    default:
        let position = random.below(result.count + 1)
        result.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
    }
    return result
}

@Suite("Knowledge fuzz")
struct KnowledgeFuzzTests {
    private static let runFixtures = [
        "GRPC_HEALTH_PROBE_VERSION=v0.4.24 && wget -qO/bin/grpc_health_probe https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/${GRPC_HEALTH_PROBE_VERSION}/grpc_health_probe-linux-amd64 && chmod +x /bin/grpc_health_probe",
        "apt-get update && apt-get install -y --no-install-recommends netcat-traditional curl && rm -rf /var/lib/apt/lists/*",
        "apk add --no-cache --virtual .build-deps gcc musl-dev && pip install -r requirements.txt && apk del .build-deps",
        "python -m grpc_tools.protoc -I../shared/proto --python_out=./proto --grpc_python_out=./proto ../shared/proto/engine/*.proto",
        "set -eux; case \"$(uname -m)\" in x86_64) A=amd64;; *) A=arm64;; esac; curl -fsSL \"https://x/${A}.tgz\" | tar -xz -C /usr/local",
        "cat <<EOF > /etc/app.conf\n[app]\nport=8000\nEOF\nsh -c 'cd /tmp && make install' && python3 <<PY\nprint(1)\nPY",
        "groupadd -r app && useradd -r -g app app && chown -R app:app /app && echo \"$(date)\" >> /var/log/build.log 2>&1",
        "cd web && npm ci && npm run build && { [ -d dist ] || exit 1; } && cp -r dist/ /usr/share/nginx/html/",
    ]

    private static let referenceFixtures = [
        "python:3.12-slim", "docker.io/library/postgres:16-alpine@sha256:" + String(repeating: "ab", count: 32),
        "registry.example.com:5000/team/api:v1.2", "${REGISTRY:-ghcr.io}/acme/api:${TAG}", "[::1]:5000/app:dev",
        "gcr.io/distroless/python3-debian12:debug-nonroot", "ghcr.io/astral-sh/uv:0.5.11-python3.12-bookworm-slim",
    ]

    private static let scriptFixtures: [(String, RunCommandAnalyzer.ScriptLanguage)] = [
        ("from grpc_tools import protoc\nprotoc.main(('', '-I.', f'--python_out={OUT}', '''x.proto'''))\n"
            + "subprocess.run([sys.executable, \"-m\", \"grpc_tools.protoc\", \"-Iprotos\", r\"--python_out=gen\"])\n", .python),
        ("#!/bin/sh\nOUT=gen\nprotoc -I proto --python_out=\"$OUT\" proto/*.proto\n", .shell),
        ("proto:\n\t@python -m grpc_tools.protoc -I$(P) --python_out=gen \\\n\t\t$(P)/*.proto\n", .makefile),
    ]

    @Test func analyzerNeverTrapsAndLocatesIssues() {
        var random = SplitMix64(seed: 0x5EED_0001)
        let base = SourceLocation(file: "Dockerfile", line: 3, column: 5)
        var issuesSeen = 0
        for iteration in 0..<3000 {
            var bytes = Array(KnowledgeFuzzTests.runFixtures[iteration % KnowledgeFuzzTests.runFixtures.count].utf8)
            for _ in 0...random.below(4) { bytes = mutate(bytes, &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            let effects = RunCommandAnalyzer.analyze(text, workdir: "/app", location: base)
            let lines = SourceText(path: "Dockerfile", string: text).lineCount
            for issue in effects.issues {
                issuesSeen += 1
                #expect(issue.location.file == "Dockerfile")
                #expect(issue.location.line >= base.line)
                #expect(issue.location.line <= base.line + lines + 1)
                #expect(issue.location.column >= 1)
            }
            #expect(effects.possiblyWrittenPaths.allSatisfy { !$0.isEmpty })
        }
        // The mutations must actually reach the error paths.
        #expect(issuesSeen > 100)
    }

    @Test func referenceParserAndCatalogNeverTrap() {
        var random = SplitMix64(seed: 0x5EED_0002)
        var parsed = 0
        for iteration in 0..<4000 {
            var bytes = Array(KnowledgeFuzzTests.referenceFixtures[iteration % KnowledgeFuzzTests.referenceFixtures.count].utf8)
            for _ in 0...random.below(3) { bytes = mutate(bytes, &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            if let reference = ImageReference.parse(text) {
                parsed += 1
                // A parsed reference prints back to a form that parses to the same reference.
                #expect(ImageReference.parse(reference.description) == reference, "\(text)")
                _ = BaseImageCatalog.lookup(reference)
            }
        }
        #expect(parsed > 500)
    }

    @Test func scriptScannerNeverTraps() {
        var random = SplitMix64(seed: 0x5EED_0003)
        for iteration in 0..<2000 {
            let (fixture, language) = KnowledgeFuzzTests.scriptFixtures[iteration % KnowledgeFuzzTests.scriptFixtures.count]
            var bytes = Array(fixture.utf8)
            for _ in 0...random.below(4) { bytes = mutate(bytes, &random) }
            let text = String(decoding: bytes, as: UTF8.self)
            for invocation in RunCommandAnalyzer.scriptCallsProtoc(text, language: language) {
                #expect(invocation.workingDirectory == nil)
            }
            _ = RunCommandAnalyzer.scriptCallsProtoc(text)
        }
    }
}
