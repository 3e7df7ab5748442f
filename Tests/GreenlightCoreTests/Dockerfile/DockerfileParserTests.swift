import Testing
@testable import GreenlightCore

@Suite("DockerfileParser")
struct DockerfileParserTests {
    @Test func syntaxDirectiveIsRead() {
        let file = DockerfileFixtures.parse("# syntax=docker/dockerfile:1\nFROM python:3.12-slim\n")
        #expect(file.syntax == "docker/dockerfile:1")
        #expect(file.comments.map(\.value) == ["syntax=docker/dockerfile:1"])
        #expect(file.instructions.count == 1)
        #expect(file.issues.isEmpty)
    }

    @Test func directiveAfterPlainCommentIsOnlyAComment() {
        let file = DockerfileFixtures.parse("# build the api\n# syntax=docker/dockerfile:1\n#escape=`\nFROM alpine\n")
        #expect(file.syntax == nil)
        #expect(file.escape == UInt8(ascii: "\\"))
        #expect(file.comments.count == 3)
    }

    @Test func escapeDirectiveWithBacktickForWindows() {
        let file = DockerfileFixtures.parse(DockerfileFixtures.windows)
        #expect(file.escape == UInt8(ascii: "`"))
        #expect(file.issues.isEmpty)
        #expect(file.instructions.map(\.keyword) == ["FROM", "SHELL", "COPY", "RUN", "RUN"])
        #expect(file.instructions[2].copy?.destination == "c:\\")
        #expect(file.instructions[3].arguments == .shell("dir c:\\"))
        #expect(file.instructions[4].arguments == .shell("New-Item -ItemType Directory C:\\app ;     Set-Location C:\\app"))
        #expect(file.instructions[4].location.line == 7)
        #expect(file.instructions[4].endLine == 8)
        #expect(file.instructions[1].shellCommand == ["powershell", "-Command", "$ErrorActionPreference = 'Stop';"])
    }

    @Test func escapeDirectiveAfterAnInstructionIsIgnored() {
        let file = DockerfileFixtures.parse("FROM alpine\n# escape=`\nRUN echo a \\\n  b\n")
        #expect(file.escape == UInt8(ascii: "\\"))
        #expect(file.instructions[1].arguments == .shell("echo a   b"))
    }

    @Test func continuationsSkipCommentAndEmptyLinesAndTrailingBlanks() {
        let text = """
        FROM python:3.12-slim
        RUN apt-get update && \\   \t
            # install curl for the health check
            apt-get install -y curl && \\

            rm -rf /var/lib/apt/lists/*
        CMD ["python"]
        """
        let file = DockerfileFixtures.parse(text)
        let run = file.instructions[1]
        #expect(run.arguments == .shell("apt-get update &&     apt-get install -y curl &&     rm -rf /var/lib/apt/lists/*"))
        #expect(run.location == SourceLocation(file: "Dockerfile", line: 2, column: 1))
        #expect(run.endLine == 6)
        #expect(file.instructions[2].location.line == 7)
        #expect(file.comments.count == 1)
        #expect(file.comments[0].value == "install curl for the health check")
        #expect(file.comments[0].location == SourceLocation(file: "Dockerfile", line: 3, column: 5))
        #expect(file.issues.isEmpty)
    }

    @Test func heredocs() {
        let text = """
        # syntax=docker/dockerfile:1
        FROM python:3.12-slim
        RUN <<EOF
        set -e
        pip install --no-cache-dir fastapi uvicorn
        EOF
        RUN <<-EOT
        \techo indented
        \tEOT
        COPY <<"EOF" /app/settings.py
        DEBUG = False
        PORT = "$PORT"
        EOF
        COPY <<file1 <<file2 /etc/app/
        first
        file1
        second
        file2
        RUN python3 <<EOF
        print("hello")
        EOF
        CMD ["python3"]
        """
        let file = DockerfileFixtures.parse(text)
        #expect(file.issues.isEmpty)
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "RUN", "COPY", "COPY", "RUN", "CMD"])
        let first = file.instructions[1]
        #expect(first.heredocs == [DockerHeredoc(
            delimiter: "EOF", content: "set -e\npip install --no-cache-dir fastapi uvicorn\n", stripsTabs: false, expands: true)])
        #expect(first.endLine == 6)
        #expect(file.instructions[2].heredocs == [DockerHeredoc(
            delimiter: "EOT", content: "echo indented\n", stripsTabs: true, expands: true)])
        let settings = file.instructions[3]
        #expect(settings.heredocs.first?.expands == false)
        #expect(settings.copy?.inlineFiles == [CopyInlineFile(
            name: "EOF", content: "DEBUG = False\nPORT = \"$PORT\"\n", expands: false, destinationPath: "/app/settings.py")])
        #expect(settings.copy?.sources == [])
        let pair = file.instructions[4]
        #expect(pair.heredocs.map(\.delimiter) == ["file1", "file2"])
        #expect(pair.heredocs.map(\.content) == ["first\n", "second\n"])
        #expect(pair.copy?.inlineFiles.map(\.destinationPath) == ["/etc/app/file1", "/etc/app/file2"])
        let python = file.instructions[5]
        #expect(python.arguments == .shell("python3 <<EOF"))
        #expect(python.heredocs.first?.content == "print(\"hello\")\n")
        #expect(file.instructions[6].location.line == 22)
    }

    @Test func heredocMarkersInsideQuotesOrExecFormAreNotHeredocs() {
        let file = DockerfileFixtures.parse("FROM alpine\nRUN echo \"<<EOF\"\nRUN [\"cat\", \"<<EOF\"]\nCMD [\"sh\"]\n")
        #expect(file.instructions.allSatisfy { $0.heredocs.isEmpty })
        #expect(file.instructions.count == 4)
        #expect(file.issues.isEmpty)
    }

    @Test func execFormDecodesJSONEscapes() {
        let text = #"""
        FROM python:3.12
        CMD ["python", "-c", "print(\"caf\u00e9 \ud83d\ude00\")", "a\\b\/c\tend"]
        """#
        let file = DockerfileFixtures.parse(text)
        #expect(file.instructions[1].arguments == .exec(["python", "-c", "print(\"café 😀\")", "a\\b/c\tend"]))
        #expect(file.issues.isEmpty)
    }

    @Test func invalidJSONFallsBackToShellForm() {
        let file = DockerfileFixtures.parse("FROM alpine\nRUN [ -f /etc/os-release ] && cat /etc/os-release\nCMD [python, app.py]\n")
        #expect(file.instructions[1].arguments == .shell("[ -f /etc/os-release ] && cat /etc/os-release"))
        #expect(file.instructions[2].arguments == .shell("[python, app.py]"))
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location.line == 3)
    }

    @Test func multiStageWithPlatformAndNames() {
        let text = """
        ARG GO_VERSION=1.22
        FROM --platform=$BUILDPLATFORM golang:${GO_VERSION} AS Build
        WORKDIR /src
        RUN go build -o /out/server ./cmd/server
        FROM build as test
        RUN go test ./...
        FROM gcr.io/distroless/static-debian12
        COPY --from=build /out/server /server
        ENTRYPOINT ["/server"]
        """
        let file = DockerfileFixtures.parse(text)
        #expect(file.issues.isEmpty)
        #expect(file.globalArgs.map(\.keyword) == ["ARG"])
        #expect(file.stages.count == 3)
        let build = file.stages[0]
        #expect(build.name == "build")
        #expect(build.baseImage == "golang:${GO_VERSION}")
        #expect(build.platform == "$BUILDPLATFORM")
        #expect(build.location.line == 2)
        #expect(build.instructions.map(\.keyword) == ["WORKDIR", "RUN"])
        #expect(file.stages[1].name == "test")
        #expect(file.parentStage(of: file.stages[1])?.index == 0)
        #expect(file.parentStage(of: file.stages[2]) == nil)
        #expect(file.stages[2].name == nil)
        #expect(file.stage(named: "BUILD")?.index == 0)
        #expect(file.stage(named: "1")?.name == "test")
        #expect(file.stage(named: "gcr.io/distroless/static-debian12") == nil)
        #expect(file.finalStage?.last("ENTRYPOINT")?.arguments == .exec(["/server"]))
        #expect(file.instructions.count == 9)
    }

    @Test func keywordsAreCaseInsensitive() {
        let file = DockerfileFixtures.parse("from alpine:3.20\nrun echo hi\nCopy a.txt /a.txt\nexpose 80\n")
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "COPY", "EXPOSE"])
        #expect(file.issues.isEmpty)
        #expect(file.stages[0].baseImage == "alpine:3.20")
    }

    @Test func onbuildKeepsItsTrigger() {
        let file = DockerfileFixtures.parse("FROM python:3.12\nONBUILD RUN pip install -r /app/requirements.txt\nONBUILD COPY . /app\n")
        let run = file.instructions[1]
        #expect(run.arguments == .shell("RUN pip install -r /app/requirements.txt"))
        #expect(run.onbuildTrigger?.keyword == "RUN")
        #expect(run.onbuildTrigger?.arguments == .shell("pip install -r /app/requirements.txt"))
        #expect(run.onbuildTrigger?.location == SourceLocation(file: "Dockerfile", line: 2, column: 9))
        #expect(file.instructions[2].onbuildTrigger?.copy?.destination == "/app")
        #expect(file.instructions[0].onbuildTrigger == nil)
        #expect(file.issues.isEmpty)
    }

    @Test func emptyFile() {
        let file = DockerfileFixtures.parse("")
        #expect(file.instructions.isEmpty)
        #expect(file.stages.isEmpty)
        #expect(file.issues.map(\.location.line) == [1])
    }

    @Test func fileWithOnlyComments() {
        let file = DockerfileFixtures.parse("# base image is chosen by CI\n\n   # nothing else\n")
        #expect(file.instructions.isEmpty)
        #expect(file.comments.map(\.value) == ["base image is chosen by CI", "nothing else"])
        #expect(file.comments[1].location.column == 4)
        #expect(file.issues.count == 1)
    }

    @Test func crlfLineEndings() {
        let text = "FROM alpine\r\nRUN echo a \\\r\n  && echo b\r\nRUN <<EOF\r\necho hi\r\nEOF\r\nCMD [\"sh\"]\r\n"
        let file = DockerfileFixtures.parse(text)
        #expect(file.issues.isEmpty)
        #expect(file.instructions[1].arguments == .shell("echo a   && echo b"))
        #expect(file.instructions[2].heredocs.first?.content == "echo hi\n")
        #expect(file.instructions[3].arguments == .exec(["sh"]))
        #expect(file.instructions[3].location.line == 7)
    }

    @Test func utf8ByteOrderMark() {
        let file = DockerfileFixtures.parse("\u{FEFF}# syntax=docker/dockerfile:1\nFROM alpine\n")
        #expect(file.syntax == "docker/dockerfile:1")
        let bare = DockerfileFixtures.parse("\u{FEFF}FROM alpine\nRUN true\n")
        #expect(bare.instructions.map(\.keyword) == ["FROM", "RUN"])
        #expect(bare.issues.isEmpty)
    }

    @Test func tabsSeparateWords() {
        let file = DockerfileFixtures.parse("FROM\talpine\n\tRUN\techo\thi\nENV\tA\t1\n")
        #expect(file.instructions.map(\.keyword) == ["FROM", "RUN", "ENV"])
        #expect(file.instructions[1].arguments == .shell("echo\thi"))
        #expect(file.instructions[1].location.column == 2)
        #expect(file.instructions[2].env?.first?.key == "A")
        #expect(file.instructions[2].env?.first?.value == "1")
    }

    @Test func realisticFilesParseWithoutIssues() {
        for text in DockerfileFixtures.all {
            let file = DockerfileFixtures.parse(text)
            #expect(file.issues.isEmpty, "\(file.issues)")
            #expect(!file.stages.isEmpty)
        }
        let fastAPI = DockerfileFixtures.parse(DockerfileFixtures.fastAPI)
        #expect(fastAPI.stages.map(\.name) == ["builder", "runtime"])
        #expect(fastAPI.stages[0].instructions.map(\.keyword) == ["WORKDIR", "ENV", "COPY", "RUN"])
        #expect(fastAPI.stages[0].instructions[3].runMounts == [["type": "cache", "target": "/root/.cache/pip"]])
        let grpc = DockerfileFixtures.parse(DockerfileFixtures.grpc)
        #expect(grpc.instructions[4].heredocs.first?.content.hasPrefix("set -eux\npip install") == true)
        #expect(grpc.instructions[7].copy?.inlineFiles.first?.content
            == "import grpc, sys\nfrom grpc_health.v1 import health_pb2, health_pb2_grpc\n")
    }

    @Test func flagsAreReadBeforeArguments() {
        let file = DockerfileFixtures.parse(
            "FROM alpine\nCOPY --from=build --chmod=0755 --link --exclude=\"*.pyc\" -- --weird /dst/\nRUN --network=none echo --not-a-flag\n")
        let copy = file.instructions[1]
        #expect(copy.flags == [
            DockerFlag(name: "from", value: "build"), DockerFlag(name: "chmod", value: "0755"),
            DockerFlag(name: "link", value: nil), DockerFlag(name: "exclude", value: "*.pyc"),
        ])
        #expect(copy.flag("link") == "")
        #expect(copy.flag("chown") == nil)
        #expect(copy.arguments == .shell("--weird /dst/"))
        #expect(file.instructions[2].flag("network") == "none")
        #expect(file.instructions[2].arguments == .shell("echo --not-a-flag"))
    }
}
