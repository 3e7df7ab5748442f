import Testing
@testable import GreenlightCore

@Suite("DockerBuildScanner recipes and workflows")
struct DockerBuildScannerRecipeTests {
    private func line(of needle: String, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(needle) } ?? -1) + 1
    }

    static let makefile = """
    IMAGE ?= registry.example.com/shop/api
    TAG := $(shell git rev-parse --short HEAD)
    DOCKERFILE = docker/api.Dockerfile
    PLATFORM ?= linux/amd64

    .PHONY: build push worker

    build:
    \t@echo "Building $(IMAGE):$(TAG)"
    \tdocker build --platform $(PLATFORM) -f $(DOCKERFILE) -t $(IMAGE):$(TAG) .

    worker:
    \tcd services/worker && \\
    \t  docker build -t worker:$$(git rev-parse HEAD) .
    \tdocker build -t not-in-worker-dir .

    ifeq ($(CI),true)
    EXTRA_FILE = ci.Dockerfile
    endif

    ci:
    \tdocker build -f $(EXTRA_FILE) $(BUILD_ARGS) .

    push: build
    \t-docker push $(IMAGE):$(TAG)

    %.image: docker/%.Dockerfile
    \tdocker build -f $< -t $* . | tee $@.log

    define HELP
    \tdocker build -t inside-define .
    endef
    """

    @Test func makefileRecipes() {
        let builds = DockerBuildScanner.scan(SourceText(path: "ops/Makefile", string: Self.makefile), kind: .makefile)
        #expect(builds.count == 5)
        let api = builds[0]
        #expect(api.dockerfileAsWritten == "$(DOCKERFILE)")
        #expect(api.dockerfile == "ops/docker/api.Dockerfile")
        #expect(api.contextPath == "ops")
        #expect(api.tags == ["$(IMAGE):$(TAG)"])
        #expect(api.platforms == ["$(PLATFORM)"])
        #expect(api.location == SourceLocation(file: "ops/Makefile", line: 10, column: 2))
        let worker = builds[1]
        #expect(worker.contextPath == "ops/services/worker")
        #expect(worker.tags == ["worker:$(git rev-parse HEAD)"])
        #expect(worker.location == SourceLocation(file: "ops/Makefile", line: 14, column: 4))
        #expect(builds[2].contextPath == "ops")
        #expect(builds[2].tags == ["not-in-worker-dir"])
        let ci = builds[3]
        #expect(ci.dockerfile == nil)
        #expect(ci.hasOpaqueArguments)
        #expect(ci.contextPath == "ops")
        let pattern = builds[4]
        #expect(pattern.dockerfileAsWritten == "$<")
        #expect(pattern.dockerfile == nil)
        #expect(pattern.tags == ["$*"])
        #expect(pattern.contextPath == "ops")
    }

    @Test func justfileRecipes() {
        let text = """
        set dotenv-load

        image := "acme/api"

        # Build the API image
        build tag="latest":
            docker build -t {{image}}:{{tag}} -f api/Dockerfile .

        @release: build
            cd worker && docker build -t acme/worker .
            -docker build --target test .
        """
        let builds = DockerBuildScanner.scan(SourceText(path: "justfile", string: text), kind: .justfile)
        #expect(builds.count == 3)
        #expect(builds[0].tags == ["{{image}}:{{tag}}"])
        #expect(builds[0].dockerfile == "api/Dockerfile")
        #expect(builds[0].contextPath == "")
        #expect(builds[0].location == SourceLocation(file: "justfile", line: 7, column: 5))
        #expect(builds[1].contextPath == "worker")
        #expect(builds[2].target == "test")
        #expect(builds[2].contextPath == "")
    }

    @Test func justfileWithWorkingDirectoryIsUnresolved() {
        let text = "set working-directory := 'services'\n\nbuild:\n    docker build .\n"
        let builds = DockerBuildScanner.scan(SourceText(path: "justfile", string: text), kind: .justfile)
        #expect(builds.count == 1)
        #expect(builds.first?.contextPath == nil)
    }

    static let workflow = """
    name: ci
    on:
      push:
        branches: [main]
    defaults:
      run:
        working-directory: ./services
    jobs:
      build:
        runs-on: ubuntu-latest
        steps:
          - uses: actions/checkout@v4
          - name: Build agent
            working-directory: .
            run: docker build --platform linux/amd64 -t workflow-agent:${{ github.sha }} .
          - name: Build engine
            run: |
              echo "building engine"
              docker build \\
                --platform linux/amd64 \\
                -f workflow_engine/Dockerfile \\
                -t workflow-engine-test .
          - name: Build and push
            uses: docker/build-push-action@v6
            with:
              context: ./api
              file: ./api/Dockerfile.prod
              platforms: linux/amd64,linux/arm64
              push: true
              tags: |
                ghcr.io/acme/api:latest
                ghcr.io/acme/api:${{ github.sha }}
              build-args: |
                PYTHON_VERSION=3.12
                APP_ENV=production
              target: runtime
      lint:
        runs-on: ubuntu-latest
        defaults:
          run:
            working-directory: ${{ matrix.dir }}
        steps:
          - run: docker build -t lint .
          - uses: docker/build-push-action@v5
            with:
              tags: acme/site:latest,acme/site:v1
          - run: |
              import subprocess
              subprocess.run(["docker", "build", "."])
            shell: python
    """

    @Test func githubWorkflowSteps() {
        let path = ".github/workflows/ci.yml"
        let result = DockerBuildScanner.scanWithIssues(SourceText(path: path, string: Self.workflow), kind: .githubWorkflow)
        #expect(result.issues.isEmpty)
        let builds = result.invocations
        #expect(builds.count == 5)
        let agent = builds[0]
        #expect(agent.tags == ["workflow-agent:${{ github.sha }}"])
        #expect(agent.contextPath == "")
        #expect(agent.location == SourceLocation(file: path, line: 15, column: 14))
        let engine = builds[1]
        #expect(engine.workingDirectory == "services")
        #expect(engine.dockerfile == "services/workflow_engine/Dockerfile")
        #expect(engine.contextPath == "services")
        #expect(engine.tags == ["workflow-engine-test"])
        #expect(engine.location == SourceLocation(file: path, line: 19, column: 11))
        let action = builds[2]
        #expect(action.tool == .buildPushAction)
        #expect(action.contextPath == "api")
        #expect(action.dockerfile == "api/Dockerfile.prod")
        #expect(action.platforms == ["linux/amd64", "linux/arm64"])
        #expect(action.tags == ["ghcr.io/acme/api:latest", "ghcr.io/acme/api:${{ github.sha }}"])
        #expect(action.buildArgs == ["PYTHON_VERSION": "3.12", "APP_ENV": "production"])
        #expect(action.target == "runtime")
        #expect(action.location.line == line(of: "docker/build-push-action@v6", in: Self.workflow))
        #expect(builds[3].workingDirectory == nil)
        #expect(builds[3].contextPath == nil)
        #expect(builds[4].contextPath == "")
        #expect(builds[4].dockerfilePath == "Dockerfile")
        #expect(builds[4].tags == ["acme/site:latest", "acme/site:v1"])
    }

    @Test func invalidWorkflowYAMLIsALocatedIssue() {
        let text = "jobs:\n  build:\n    steps:\n      - run: docker build .\n     bad: [\n"
        let result = DockerBuildScanner.scanWithIssues(SourceText(path: "w.yml", string: text), kind: .githubWorkflow)
        #expect(result.invocations.isEmpty)
        #expect(result.issues.count == 1)
        #expect((result.issues.first?.location.line ?? 0) >= 4)
    }

    @Test func scannerKindFromFileKind() {
        #expect(BuildScriptKind(fileKind: .shellScript) == .shell)
        #expect(BuildScriptKind(fileKind: .githubWorkflow) == .githubWorkflow)
        #expect(BuildScriptKind(fileKind: .python) == nil)
    }
}
