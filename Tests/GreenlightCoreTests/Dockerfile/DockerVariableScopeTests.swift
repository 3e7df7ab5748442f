import Testing
@testable import GreenlightCore

@Suite("DockerVariableScope")
struct DockerVariableScopeTests {
    private let scope = DockerVariableScope(["APP": "api", "EMPTY": "", "VERSION": "3.12.1", "PORT": "8000"])

    private func value(_ text: String) -> String {
        scope.expand(text).value
    }

    @Test func plainReferences() {
        #expect(scope.expand("$APP") == ("api", []))
        #expect(value("${APP}-worker") == "api-worker")
        #expect(value("$APP_NAME") == "")
        #expect(scope.expand("/srv/$MISSING/x:${ALSO_MISSING}").unresolved == ["MISSING", "ALSO_MISSING"])
        #expect(scope.expand("$MISSING $MISSING").unresolved == ["MISSING"])
        #expect(value("cost: 5$") == "cost: 5$")
        #expect(scope.expand("$1 $@ $$").unresolved.isEmpty)
    }

    @Test func defaultAndAlternativeForms() {
        #expect(scope.expand("${MISSING:-8000}") == ("8000", []))
        #expect(value("${EMPTY:-fallback}") == "fallback")
        #expect(value("${EMPTY-fallback}") == "")
        #expect(value("${MISSING-fallback}") == "fallback")
        #expect(value("${PORT:-9000}") == "8000")
        #expect(value("${APP:+yes}") == "yes")
        #expect(value("${EMPTY:+yes}") == "")
        #expect(value("${EMPTY+yes}") == "yes")
        #expect(scope.expand("${MISSING+yes}") == ("", []))
        #expect(value("${MISSING:-${APP}-default}") == "api-default")
        #expect(scope.expand("${MISSING:?must be set}").unresolved == ["MISSING"])
    }

    @Test func patternForms() {
        #expect(value("${APP#a}") == "pi")
        #expect(value("${VERSION%.*}") == "3.12")
        #expect(value("${VERSION%%.*}") == "3")
        #expect(value("${VERSION#*.}") == "12.1")
        #expect(value("${VERSION##*.}") == "1")
        #expect(value("${VERSION/./-}") == "3-12.1")
        #expect(value("${VERSION//./-}") == "3-12-1")
    }

    @Test func quotesAndEscapes() {
        #expect(value(#"\$APP"#) == "$APP")
        #expect(value("'$APP'") == "$APP")
        #expect(value("\"$APP is here\"") == "api is here")
        #expect(value(#""say \"hi\"""#) == "say \"hi\"")
        let windows = DockerVariableScope(["APP": "api"], escape: UInt8(ascii: "`"))
        #expect(windows.expand("`$APP").value == "$APP")
        #expect(windows.expand(#"C:\app\$APP"#).value == #"C:\app\api"#)
    }

    @Test func expandingKeywords() {
        let keywords = DockerVariableScope.expandingKeywords
        #expect(keywords == ["ADD", "COPY", "ENV", "EXPOSE", "FROM", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ONBUILD"])
        #expect(!keywords.contains("RUN"))
        #expect(!keywords.contains("CMD"))
    }

    @Test func applyFollowsDockerOrderRules() {
        let file = DockerfileFixtures.parse("""
        FROM python:3.12
        ARG APP_HOME=/srv/app
        ENV APP_HOME=/opt/app PATH=$APP_HOME/bin:$PATH
        ARG APP_HOME=/ignored
        ARG WORKERS
        ARG LOG_LEVEL=info
        ENV GUNICORN_CMD_ARGS="--workers ${WORKERS:-2} --log-level $LOG_LEVEL"
        """)
        var scope = DockerVariableScope()
        var unresolved: [String] = []
        for instruction in file.stages[0].instructions {
            unresolved += scope.apply(instruction, buildArgs: ["LOG_LEVEL": "debug"])
        }
        #expect(scope.values["APP_HOME"] == "/opt/app")
        #expect(scope.values["PATH"] == "/srv/app/bin:")
        #expect(scope.values["WORKERS"] == nil)
        #expect(scope.values["GUNICORN_CMD_ARGS"] == "--workers 2 --log-level debug")
        #expect(unresolved == ["PATH"])
        #expect(scope.environmentNames == ["APP_HOME", "PATH", "GUNICORN_CMD_ARGS"])
    }

    @Test func stageScopesInheritEnvButNotArgs() {
        let file = DockerfileFixtures.parse("""
        ARG PYTHON_VERSION=3.12
        ARG APP_PORT=8000
        FROM python:${PYTHON_VERSION}-slim AS base
        ARG BUILD_ONLY=1
        ENV PORT=${APP_PORT}
        FROM base AS runtime
        ARG APP_PORT
        ENV BIND=0.0.0.0:$APP_PORT
        """)
        let global = DockerVariableScope.global(file, buildArgs: ["PYTHON_VERSION": "3.11"])
        #expect(global.expand(file.stages[0].baseImage).value == "python:3.11-slim")
        let base = DockerVariableScope.atEnd(of: file.stages[0], in: file)
        #expect(base.values["PORT"] == "")
        #expect(base.values["BUILD_ONLY"] == "1")
        let runtime = DockerVariableScope.atEnd(of: file.stages[1], in: file)
        #expect(runtime.values["BUILD_ONLY"] == nil)
        #expect(runtime.values["PORT"] == "")
        #expect(runtime.values["BIND"] == "0.0.0.0:8000")
    }
}
