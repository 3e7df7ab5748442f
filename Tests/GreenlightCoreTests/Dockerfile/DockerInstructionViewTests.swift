import Testing
@testable import GreenlightCore

@Suite("DockerInstructionViews")
struct DockerInstructionViewTests {
    private func instruction(_ line: String) -> DockerInstruction {
        let file = DockerfileFixtures.parse("FROM python:3.12-slim\n" + line + "\n")
        return file.instructions[file.instructions.count - 1]
    }

    @Test func copyShellForm() {
        let copy = instruction("COPY --from=builder --chown=app:app --link /install /usr/local").copy
        #expect(copy == CopyInstruction(
            isAdd: false, sources: ["/install"], destination: "/usr/local", from: "builder", chown: "app:app", link: true))
        #expect(copy?.destinationIsDirectory == false)
        let quoted = instruction("COPY \"app.py\" 'gunicorn.conf.py' /app/").copy
        #expect(quoted?.sources == ["app.py", "gunicorn.conf.py"])
        #expect(quoted?.destinationIsDirectory == true)
        let excludes = instruction("COPY --exclude=*.pyc --exclude=tests/ --parents ./src/**/*.py /app/").copy
        #expect(excludes?.excludes == ["*.pyc", "tests/"])
        #expect(excludes?.parents == true)
        #expect(instruction("COPY --link=false a /b").copy?.link == false)
    }

    @Test func copyJSONFormAndAdd() {
        let copy = instruction("COPY [\"requirements.txt\", \"constraints file.txt\", \"/app/\"]").copy
        #expect(copy?.sources == ["requirements.txt", "constraints file.txt"])
        #expect(copy?.destination == "/app/")
        let add = instruction("ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /opt/").copy
        #expect(add?.isAdd == true)
        #expect(add?.checksum?.hasPrefix("sha256:") == true)
        #expect(add?.sources == ["https://example.com/tool.tar.gz"])
        #expect(instruction("RUN cp a b").copy == nil)
    }

    @Test func copyHeredocIntoFilePath() {
        let file = DockerfileFixtures.parse("FROM python:3.12\nCOPY <<EOF /app/main.py\nprint('hi')\nEOF\n")
        let inline = file.instructions[1].copy?.inlineFiles
        #expect(inline == [CopyInlineFile(name: "EOF", content: "print('hi')\n", expands: true, destinationPath: "/app/main.py")])
    }

    @Test func envNewAndLegacyForms() {
        let env = instruction(#"ENV A=1 B="two words" C=three\ words D='$literal' PATH="/app/bin:$PATH""#).env
        #expect(env?.map(\.key) == ["A", "B", "C", "D", "PATH"])
        #expect(env?.map(\.value) == ["1", "two words", "three words", "$literal", "/app/bin:$PATH"])
        let legacy = instruction("ENV PYTHONPATH /app:/app/src").env
        #expect(legacy?.map(\.key) == ["PYTHONPATH"])
        #expect(legacy?.map(\.value) == ["/app:/app/src"])
        let spaced = instruction("ENV GREETING   hello \"big\"   world").env
        #expect(spaced?.first?.value == "hello big   world")
        #expect(instruction("RUN env").env == nil)
    }

    @Test func argWithSeveralNames() {
        let args = instruction("ARG PYTHON_VERSION=3.12 APP_ENV BUILD_DATE= GREETING=\"hello world\"").arg
        #expect(args?.map(\.name) == ["PYTHON_VERSION", "APP_ENV", "BUILD_DATE", "GREETING"])
        #expect(args?.map(\.defaultValue) == ["3.12", nil, "", "hello world"])
        #expect(instruction("ENV A=1").arg == nil)
    }

    @Test func labels() {
        let labels = instruction(#"LABEL "com.example.vendor"="ACME Inc" version=1.0 description="multi\"quote""#).labels
        #expect(labels?.map(\.key) == ["com.example.vendor", "version", "description"])
        #expect(labels?.map(\.value) == ["ACME Inc", "1.0", "multi\"quote"])
    }

    @Test func exposeEntries() {
        let ports = instruction("EXPOSE 8000 8001/udp ${METRICS_PORT} 9000-9010 50051/TCP").expose
        #expect(ports?.map(\.port) == [8000, 8001, nil, 9000, 50051])
        #expect(ports?.map(\.portText) == ["8000", "8001", "${METRICS_PORT}", "9000-9010", "50051"])
        #expect(ports?.map(\.proto) == ["tcp", "udp", "tcp", "tcp", "tcp"])
        #expect(instruction("EXPOSE web").expose?.first?.port == nil)
        #expect(instruction("EXPOSE 80/").expose?.first?.proto == "tcp")
        #expect(instruction("EXPOSE 127.0.0.1:8080:80/udp").expose?.map(\.port) == [80])
        #expect(instruction("USER app").expose == nil)
    }

    @Test func healthcheckCommandAndNone() {
        let check = instruction(
            "HEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --start-interval=500ms --retries=3 CMD curl -f http://localhost:8000/health || exit 1"
        ).healthcheck
        #expect(check == .command(
            args: .shell("curl -f http://localhost:8000/health || exit 1"),
            interval: 30, timeout: 5, startPeriod: 90, startInterval: 0.5, retries: 3))
        #expect(instruction("HEALTHCHECK none").healthcheck == HealthcheckInstruction.none)
        let exec = instruction("HEALTHCHECK cmd [\"python\", \"-c\", \"import urllib.request; urllib.request.urlopen('http://localhost:5000/')\"]").healthcheck
        #expect(exec == .command(
            args: .exec(["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:5000/')"]),
            interval: nil, timeout: nil, startPeriod: nil, startInterval: nil, retries: nil))
        #expect(instruction("HEALTHCHECK wget -q localhost").healthcheck == nil)
        #expect(instruction("CMD curl localhost").healthcheck == nil)
    }

    @Test func goDurations() {
        #expect(DockerDuration.seconds("30s") == 30)
        #expect(DockerDuration.seconds("1m30s") == 90)
        #expect(DockerDuration.seconds("500ms") == 0.5)
        #expect(DockerDuration.seconds("1h") == 3600)
        #expect(DockerDuration.seconds("1.5s") == 1.5)
        #expect(DockerDuration.seconds("2h45m") == 9900)
        #expect(DockerDuration.seconds("-1s") == -1)
        #expect(DockerDuration.seconds("0") == 0)
        #expect(DockerDuration.seconds("250us") == 0.00025)
        #expect(DockerDuration.seconds("30") == nil)
        #expect(DockerDuration.seconds("") == nil)
        #expect(DockerDuration.seconds("5x") == nil)
        #expect(DockerDuration.seconds("1h30") == nil)
        #expect(DockerDuration.seconds("s") == nil)
    }

    @Test func plainStringViews() {
        #expect(instruction("USER 1000:1000").user == "1000:1000")
        #expect(instruction("WORKDIR /srv/app").workdir == "/srv/app")
        #expect(instruction("STOPSIGNAL SIGQUIT").stopSignal == "SIGQUIT")
        #expect(instruction("SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]").shellCommand == ["/bin/bash", "-o", "pipefail", "-c"])
        #expect(instruction("SHELL /bin/bash -c").shellCommand == nil)
        #expect(instruction("VOLUME /data /var/log/app").volumes == ["/data", "/var/log/app"])
        #expect(instruction("VOLUME [\"/data\"]").volumes == ["/data"])
        #expect(instruction("WORKDIR /srv").user == nil)
    }

    @Test func runMountsAndCommands() {
        let run = instruction("RUN --mount=type=secret,id=pip,required --mount=type=cache,target=/root/.cache pip install -r requirements.txt && python -m compileall .")
        #expect(run.runMounts == [["type": "secret", "id": "pip", "required": ""], ["type": "cache", "target": "/root/.cache"]])
        #expect(run.runCommands?.map(\.words) == [["pip", "install", "-r", "requirements.txt"], ["python", "-m", "compileall", "."]])
        let heredoc = DockerfileFixtures.parse("FROM alpine\nRUN <<EOF\napk add --no-cache curl\nEOF\nRUN python3 <<EOF\nimport os\nEOF\n")
        #expect(heredoc.instructions[1].runCommands?.map(\.words) == [["apk", "add", "--no-cache", "curl"]])
        #expect(heredoc.instructions[2].runCommands?.map(\.words) == [["python3"]])
        #expect(instruction("RUN [\"apk\", \"add\", \"curl\"]").runCommands == nil)
    }

    @Test func lineRenderingAndKeywordChanges() {
        let copy = instruction("COPY --from=build --link [\"a \\\"b\\\"\", \"/app/\"]")
        #expect(copy.line == "COPY --from=build --link [\"a \\\"b\\\"\", \"/app/\"]")
        #expect(instruction("run   echo   hi").line == "RUN echo   hi")
        var changed = instruction("RUN A=1")
        #expect(changed.env == nil)
        changed.keyword = "ENV"
        #expect(changed.env?.first?.key == "A")
        let built = DockerInstruction(
            keyword: "expose", location: SourceLocation(file: "Dockerfile", line: 1), endLine: 1, arguments: .shell("8080/udp"))
        #expect(built.keyword == "EXPOSE")
        #expect(built.expose?.first?.port == 8080)
        #expect(built.expose?.first?.proto == "udp")
    }
}
