import Testing
@testable import GreenlightCore

@Suite("DockerBuildScanner shell")
struct DockerBuildScannerShellTests {
    private func scan(_ text: String, path: String = "scripts/build.sh") -> [DockerBuildInvocation] {
        DockerBuildScanner.scan(SourceText(path: path, string: text), kind: .shell)
    }

    @Test func seedCommands() {
        let builds = scan("""
        docker build --platform linux/amd64 -t workflow-agent:$(git rev-parse HEAD) .
        docker build --platform linux/amd64 -f workflow_engine/Dockerfile -t workflow-engine-test .
        """, path: "build.sh")
        #expect(builds.count == 2)
        #expect(builds[0].tool == .dockerBuild)
        #expect(builds[0].tags == ["workflow-agent:$(git rev-parse HEAD)"])
        #expect(builds[0].platforms == ["linux/amd64"])
        #expect(builds[0].context == ".")
        #expect(builds[0].contextPath == "")
        #expect(builds[0].dockerfile == nil)
        #expect(builds[0].dockerfilePath == "Dockerfile")
        #expect(builds[0].location == SourceLocation(file: "build.sh", line: 1, column: 1))
        #expect(builds[1].dockerfileAsWritten == "workflow_engine/Dockerfile")
        #expect(builds[1].dockerfile == "workflow_engine/Dockerfile")
        #expect(builds[1].dockerfilePath == "workflow_engine/Dockerfile")
        #expect(builds[1].tags == ["workflow-engine-test"])
        #expect(builds[1].location.line == 2)
        #expect(!builds[0].hasOpaqueArguments && !builds[1].hasOpaqueArguments)
    }

    @Test func followsDirectoriesThroughARealisticBuildScript() {
        let builds = scan("""
        #!/usr/bin/env bash
        set -euo pipefail

        SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        ROOT_DIR="$SCRIPT_DIR/.."
        cd "$ROOT_DIR"

        docker build --platform linux/amd64 -f workflow_engine/Dockerfile -t workflow-engine-test .

        # build the api image from its own directory
        (cd services/api && docker buildx build \\
            --platform linux/amd64,linux/arm64 \\
            --build-arg PYTHON_VERSION=3.12 \\
            --build-arg GIT_SHA \\
            --target runtime \\
            -t "ghcr.io/acme/api:${TAG:-latest}" \\
            --push .)

        cat <<EOF > /tmp/Dockerfile.ci
        FROM alpine
        RUN docker build -t inside-heredoc .
        EOF

        sudo DOCKER_BUILDKIT=1 docker build -t sudo-build ./tools 2>&1 | tee build.log
        podman build -t podman-img -f Containerfile services/batch
        echo "docker build is only mentioned here"
        pushd web >/dev/null
        docker image build -t web .
        popd

        if [[ "${CI:-}" == "true" ]]; then
          cd deploy
        fi
        docker build -f docker/worker.Dockerfile -t worker .
        """)
        #expect(builds.count == 6)
        #expect(builds[0].workingDirectory == "")
        #expect(builds[0].dockerfile == "workflow_engine/Dockerfile")
        #expect(builds[0].location.line == 8)

        let api = builds[1]
        #expect(api.tool == .dockerBuildx)
        #expect(api.workingDirectory == "services/api")
        #expect(api.contextPath == "services/api")
        #expect(api.dockerfilePath == "services/api/Dockerfile")
        #expect(api.platforms == ["linux/amd64", "linux/arm64"])
        #expect(api.buildArgs == ["PYTHON_VERSION": "3.12", "GIT_SHA": "$GIT_SHA"])
        #expect(api.target == "runtime")
        #expect(api.tags == ["ghcr.io/acme/api:${TAG:-latest}"])
        #expect(api.location == SourceLocation(file: "scripts/build.sh", line: 11, column: 21))

        #expect(builds[2].tags == ["sudo-build"])
        #expect(builds[2].contextPath == "tools")
        #expect(builds[3].tool == .podmanBuild)
        #expect(builds[3].dockerfile == "Containerfile")
        #expect(builds[3].contextPath == "services/batch")
        #expect(builds[4].contextPath == "web")
        #expect(builds[4].workingDirectory == "web")

        let worker = builds[5]
        #expect(worker.workingDirectory == nil)
        #expect(worker.dockerfileAsWritten == "docker/worker.Dockerfile")
        #expect(worker.dockerfile == nil)
        #expect(worker.contextPath == nil)
        #expect(worker.dockerfilePath == nil)
    }

    /// (command, tool, context, contextPath, dockerfile, opaque)
    static let commandCases: [(String, DockerBuildInvocation.Tool?, String?, String?, String?, Bool)] = [
        ("docker build .", .dockerBuild, ".", "", nil, false),
        ("docker image build -t x app", .dockerBuild, "app", "app", nil, false),
        ("docker builder build app", .dockerBuild, "app", "app", nil, false),
        ("docker --context remote -H ssh://host build -fapi/Dockerfile api", .dockerBuild, "api", "api", "api/Dockerfile", false),
        ("docker buildx --builder ci build --load -f=api.Dockerfile .", .dockerBuildx, ".", "", "api.Dockerfile", false),
        ("/usr/local/bin/docker build -qt name ./svc/", .dockerBuild, "./svc/", "svc", nil, false),
        ("docker build -f - .", .dockerBuild, ".", "", nil, false),
        ("docker build - < Dockerfile", .dockerBuild, "-", nil, nil, false),
        ("docker build https://github.com/docker/rootfs.git#container:docker", .dockerBuild,
         "https://github.com/docker/rootfs.git#container:docker", nil, nil, false),
        ("docker build $BUILD_FLAGS -t app .", .dockerBuild, ".", "", nil, true),
        ("docker build --some-new-flag value .", .dockerBuild, ".", "", nil, true),
        ("docker build -t app \"$CONTEXT_DIR\"", .dockerBuild, "$CONTEXT_DIR", nil, nil, false),
        ("docker build -t app ../outside", .dockerBuild, "../outside", nil, nil, false),
        ("docker build -f /abs/Dockerfile .", .dockerBuild, ".", "", nil, false),
        ("env DOCKER_BUILDKIT=1 time docker build -- ./ctx", .dockerBuild, "./ctx", "ctx", nil, false),
        ("docker compose build api", nil, nil, nil, nil, false),
        ("docker buildx bake", nil, nil, nil, nil, false),
        ("docker build --help", nil, nil, nil, nil, false),
        ("echo docker build .", nil, nil, nil, nil, false),
        ("'docker' build .", .dockerBuild, ".", "", nil, false),
    ]

    @Test("command-line forms", arguments: commandCases)
    func commandForms(
        _ command: String, _ tool: DockerBuildInvocation.Tool?, _ context: String?, _ contextPath: String?,
        _ dockerfile: String?, _ opaque: Bool
    ) {
        let builds = scan(command + "\n", path: "build.sh")
        guard let tool else {
            #expect(builds.isEmpty, "\(command)")
            return
        }
        #expect(builds.count == 1, "\(command)")
        guard let build = builds.first else { return }
        #expect(build.tool == tool)
        #expect(build.context == context)
        #expect(build.contextPath == contextPath)
        #expect(build.dockerfile == dockerfile)
        #expect(build.hasOpaqueArguments == opaque)
    }

    @Test func scriptDirectoryIdiomsAndVariables() {
        let builds = scan("""
        cd "$(dirname "$0")/.."
        DOCKERFILE=deploy/api.Dockerfile
        docker build -f "$DOCKERFILE" -t api .
        ROOT=$(git rev-parse --show-toplevel)
        docker build -f "${ROOT}/worker/Dockerfile" "$ROOT/worker"
        DOCKERFILE=$(find . -name Dockerfile | head -1)
        docker build -f "$DOCKERFILE" .
        build_api() {
          cd api
          docker build -t api-fn .
        }
        docker build -t after-function .
        """, path: "tools/ci/release.sh")
        #expect(builds.count == 5)
        #expect(builds[0].dockerfile == "tools/deploy/api.Dockerfile")
        #expect(builds[0].contextPath == "tools")
        #expect(builds[1].dockerfile == "worker/Dockerfile")
        #expect(builds[1].contextPath == "worker")
        #expect(builds[2].dockerfile == nil)
        #expect(builds[2].dockerfileAsWritten == "$DOCKERFILE")
        #expect(builds[3].contextPath == "tools/api")
        #expect(builds[4].contextPath == "tools")
    }

    @Test func buildsInsideCommandSubstitutions() {
        let builds = scan("""
        cd services
        IMAGE_ID=$(docker build -q -f api/Dockerfile .)
        echo "built $(cd web && docker build -q .)"
        LEGACY=`docker build -q legacy`
        """, path: "build.sh")
        #expect(builds.count == 3)
        #expect(builds.map(\.dockerfilePath) == ["services/api/Dockerfile", "services/web/Dockerfile", "services/legacy/Dockerfile"])
        #expect(builds.map(\.location.line) == [2, 3, 4])
        #expect(builds[0].location.column == 12)
        #expect(builds[1].location.column == 25)
    }

    @Test func reportsUnterminatedQuotesWithLocations() {
        let source = SourceText(path: "build.sh", string: "docker build -t app .\necho \"unterminated\n")
        let result = DockerBuildScanner.scanWithIssues(source, kind: .shell)
        #expect(result.invocations.count == 1)
        #expect(result.issues.map(\.location.line) == [2])
    }
}
