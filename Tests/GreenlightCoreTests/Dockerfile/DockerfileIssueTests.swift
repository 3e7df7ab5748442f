import Testing
@testable import GreenlightCore

@Suite("DockerfileIssues")
struct DockerfileIssueTests {
    private func issues(_ text: String) -> [ParseIssue] {
        DockerfileFixtures.parse(text).issues
    }

    @Test func unknownInstructionIsKeptAndReported() {
        let file = DockerfileFixtures.parse("FROM alpine\nRUNN echo hi\n")
        #expect(file.instructions[1].keyword == "RUNN")
        #expect(file.issues.count == 1)
        #expect(file.issues[0].message == "unknown instruction: RUNN (did you mean RUN?)")
        #expect(file.issues[0].location == SourceLocation(file: "Dockerfile", line: 2, column: 1))
        #expect(issues("FROM alpine\nFOOBARBAZ x\n").first?.message == "unknown instruction: FOOBARBAZ")
    }

    @Test func instructionBeforeFirstFrom() {
        let found = issues("ARG BASE=alpine\nENV A=1\nFROM ${BASE}\n")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 2)
        #expect(found.first?.message.contains("before the first FROM") == true)
    }

    @Test func fromWithoutImage() {
        let found = issues("FROM\nRUN true\n")
        #expect(found.map(\.message) == ["FROM requires an image name"])
        #expect(found.first?.location.line == 1)
        #expect(issues("FROM python:3.12 AS\n").count == 1)
        #expect(issues("FROM python:3.12 AS 1st\n").first?.message.contains("invalid name for build stage") == true)
        #expect(issues("FROM a AS x\nFROM b AS X\n").map(\.message) == ["duplicate stage name \"x\""])
    }

    @Test func copyNeedsSourceAndDestination() {
        let found = issues("FROM python:3.12\nCOPY requirements.txt\nADD [\"app.tar.gz\"]\nCOPY\n")
        #expect(found.map(\.location.line) == [2, 3, 4])
        #expect(found[0].message.contains("COPY requires at least two arguments") == true)
        #expect(found[1].message.contains("ADD requires at least two arguments") == true)
        #expect(DockerfileFixtures.parse("FROM a\nCOPY x\n").instructions[1].copy == nil)
    }

    @Test func unterminatedHeredoc() {
        let file = DockerfileFixtures.parse("FROM alpine\nRUN <<EOF\necho hi\necho bye\n")
        #expect(file.issues.count == 1)
        #expect(file.issues[0].location.line == 2)
        #expect(file.issues[0].message.contains("unterminated heredoc") == true)
        #expect(file.instructions[1].heredocs.first?.content == "echo hi\necho bye\n")
        #expect(file.instructions[1].endLine == 4)
    }

    @Test func exposeWithInvalidPorts() {
        let found = issues("FROM alpine\nEXPOSE 80000\nEXPOSE http\nEXPOSE 8000/tcpx\nEXPOSE 9000-8000\nEXPOSE\n")
        #expect(found.map(\.location.line) == [2, 3, 4, 5, 6])
        #expect(found[0].message == "EXPOSE: invalid port '80000'")
        #expect(found[2].message.contains("invalid protocol") == true)
        #expect(issues("FROM alpine\nEXPOSE ${PORT} $METRICS/udp 8000-8010 53/UDP\n").isEmpty)
    }

    @Test func healthcheckWithBadDurationOrRetries() {
        let found = issues("""
        FROM alpine
        HEALTHCHECK --interval=30 CMD true
        HEALTHCHECK --timeout=5x --retries=three CMD true
        HEALTHCHECK --start-period=100us CMD true
        HEALTHCHECK CMD
        HEALTHCHECK curl -f http://localhost/
        HEALTHCHECK NONE now
        """)
        #expect(found.map(\.location.line) == [2, 3, 3, 4, 5, 6, 7])
        #expect(found[0].message.contains("--interval: invalid duration \"30\"") == true)
        #expect(found[3].message.contains("cannot be less than 1ms") == true)
        #expect(found[5].message.contains("(try CMD)") == true)
        #expect(issues("FROM alpine\nHEALTHCHECK --interval=1m30s --timeout=0 --start-interval=500ms CMD true\n").isEmpty)
    }

    @Test func execArraysWithBadQuoting() {
        let found = issues("""
        FROM python:3.12
        ENTRYPOINT ["python", "main.py]
        CMD ['gunicorn', 'app:app']
        CMD ["sleep", 10]
        RUN ["pip", "install, "flask"]
        VOLUME [/data]
        """)
        #expect(found.map(\.location.line) == [2, 3, 4, 5])
        #expect(found[0].message.contains("unbalanced quotes") == true)
        #expect(found[0].location.column == 12)
        #expect(found[1].message.contains("single quotes") == true)
        #expect(found[2].message.contains("strings only") == true)
        #expect(found[3].message.contains("unbalanced quotes") == true)
    }

    @Test func directiveProblems() {
        let found = issues("# escape=|\n# syntax=a\n# syntax=b\nFROM alpine\n")
        #expect(found.map(\.location.line) == [1, 3])
        #expect(found[0].message.contains("invalid escape token") == true)
        #expect(found[1].message.contains("only one syntax parser directive") == true)
    }

    @Test func flagAndArgumentProblems() {
        let found = issues("""
        FROM --platfrom=linux/amd64 alpine
        COPY --form=builder /a /b
        COPY --from=a --from=b /a /b
        RUN --mount=type=cache,target=/a --mount=type=secret,id=x true
        ENV A=1 B
        ENV LONELY
        ARG
        USER
        SHELL /bin/bash -c
        ONBUILD ONBUILD RUN true
        ONBUILD FROM alpine
        ONBUILD RUNN true
        """)
        #expect(found.map(\.location.line) == [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12])
        #expect(found[0].message.hasPrefix("unknown flag: --platfrom") == true)
        #expect(found[2].message == "duplicate flag specified: --from")
        #expect(found[3].message.contains("can't find = in \"B\"") == true)
        #expect(found[10].message == "ONBUILD unknown instruction: RUNN (did you mean RUN?)")
    }

    @Test func blankEnvAndLabelNames() {
        let found = issues("FROM alpine\nENV =value\nLABEL a=1 =2\nENV OK=1 ALSO_OK=\n")
        #expect(found.map(\.message) == ["ENV names can not be blank", "LABEL names can not be blank"])
    }

    @Test func dockerfileWithoutFrom() {
        let found = issues("ARG VERSION=1\n")
        #expect(found.map(\.message) == ["the Dockerfile has no FROM instruction"])
    }
}
