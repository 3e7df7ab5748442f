import Testing
@testable import GreenlightCore

@Suite("ComposeMerge")
struct ComposeMergeTests {
    static let base = """
    services:
      api:
        build:
          context: ./backend
          args:
            PYTHON_VERSION: "3.12"
            POETRY_VERSION: "1.8"
        image: shop/api:latest
        command: gunicorn app.main:app -k uvicorn.workers.UvicornWorker
        environment:
          DATABASE_URL: postgresql://postgres@db/app
          LOG_LEVEL: info
        ports:
          - "8000:8000"
        expose:
          - "8000"
        healthcheck:
          test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
          interval: 30s
          retries: 3
        depends_on:
          - db
        labels:
          - "tier=backend"
      db:
        image: postgres:16
        volumes:
          - db-data:/var/lib/postgresql/data
    volumes:
      db-data:
    """

    static let override = """
    services:
      api:
        build:
          args:
            POETRY_VERSION: "1.8.3"
          target: dev
        command: ["uvicorn", "app.main:app", "--reload", "--port", "8001"]
        environment:
          - LOG_LEVEL=debug
          - RELOAD=1
        ports:
          - "8000:8000"
          - "5678:5678"
        expose: ["8000", "5678"]
        healthcheck:
          test: ["CMD-SHELL", "curl -f http://localhost:8001/health"]
        depends_on:
          db:
            condition: service_healthy
        volumes:
          - ./backend:/app
      db:
        ports: !reset []
        volumes:
          - ./pgdata:/var/lib/postgresql/data
      adminer:
        image: adminer
    """

    static func project() -> ComposeProject {
        let files = [("docker-compose.yml", base), ("docker-compose.override.yml", override)].map {
            ComposeFile.parse(SourceText(path: $0.0, string: $0.1))
        }
        return ComposeProject.merge(files)
    }

    @Test func servicesKeepOrderOfFirstAppearance() {
        let project = Self.project()
        #expect(project.issues.isEmpty)
        #expect(project.files == ["docker-compose.yml", "docker-compose.override.yml"])
        #expect(project.services.map(\.name) == ["api", "db", "adminer"])
        #expect(project.service(named: "api")?.location.file == "docker-compose.yml")
        #expect(project.volumes.map(\.value) == ["db-data"])
    }

    @Test func scalarsAndCommandsAreReplaced() throws {
        let api = try #require(Self.project().service(named: "api"))
        #expect(api.image?.value == "shop/api:latest")
        #expect(api.image?.location.file == "docker-compose.yml")
        #expect(api.command?.value == .exec(["uvicorn", "app.main:app", "--reload", "--port", "8001"]))
        #expect(api.command?.location.file == "docker-compose.override.yml")
    }

    @Test func buildMergesArgsAndKeepsContext() throws {
        let build = try #require(Self.project().service(named: "api")?.build)
        #expect(build.context.value == "./backend")
        #expect(build.context.location.file == "docker-compose.yml")
        #expect(build.target?.value == "dev")
        #expect(build.args.map(\.key) == ["PYTHON_VERSION", "POETRY_VERSION"])
        #expect(build.arg("POETRY_VERSION")?.value == "1.8.3")
        #expect(build.arg("POETRY_VERSION")?.location.file == "docker-compose.override.yml")
        #expect(build.arg("PYTHON_VERSION")?.location.file == "docker-compose.yml")
    }

    @Test func environmentMergesByKeyAcrossForms() throws {
        let api = try #require(Self.project().service(named: "api"))
        #expect(api.environment.map(\.key) == ["DATABASE_URL", "LOG_LEVEL", "RELOAD"])
        #expect(api.environmentEntry("LOG_LEVEL")?.value == "debug")
        #expect(api.environmentEntry("LOG_LEVEL")?.location.file == "docker-compose.override.yml")
        #expect(api.environmentEntry("DATABASE_URL")?.location.file == "docker-compose.yml")
    }

    @Test func listsAppendWithoutDuplicates() throws {
        let api = try #require(Self.project().service(named: "api"))
        #expect(api.ports.map(\.raw) == ["8000:8000", "5678:5678"])
        #expect(api.ports.map(\.location.file) == ["docker-compose.override.yml", "docker-compose.override.yml"])
        #expect(api.expose.map(\.raw) == ["8000", "5678"])
        #expect(api.labels.map(\.key) == ["tier"])
        #expect(api.volumes.map(\.target) == ["/app"])
    }

    @Test func healthcheckTestIsReplacedOtherFieldsKept() throws {
        let check = try #require(Self.project().service(named: "api")?.healthcheck)
        #expect(check.test?.value == .shell("curl -f http://localhost:8001/health"))
        #expect(check.interval?.value == 30)
        #expect(check.retries?.value == 3)
    }

    @Test func dependsOnMergesByService() throws {
        let dependencies = try #require(Self.project().service(named: "api")?.dependsOn)
        #expect(dependencies.map(\.service) == ["db"])
        #expect(dependencies.first?.condition == .serviceHealthy)
    }

    @Test func mountsMergeByTargetAndResetClears() throws {
        let db = try #require(Self.project().service(named: "db"))
        #expect(db.volumes.map(\.source) == ["./pgdata"])
        #expect(db.volumes.first?.kind == .bind)
        #expect(db.ports.isEmpty)
        let merged = ComposeProject.merge([
            ComposeFile.parse(SourceText(path: "a.yml", string: "services:\n  s:\n    image: x\n    ports: [\"80:80\"]\n")),
            ComposeFile.parse(SourceText(path: "b.yml", string: "services:\n  s:\n    ports: !override [\"81:81\"]\n")),
            ComposeFile.parse(SourceText(path: "c.yml", string: "services:\n  s:\n    image: !reset null\n")),
        ])
        #expect(merged.service(named: "s")?.ports.map(\.raw) == ["81:81"])
        #expect(merged.service(named: "s")?.image == nil)
    }

    @Test func projectCollectsIssuesCommentsAndMissingVariables() {
        let merged = ComposeProject.merge([
            ComposeFile.parse(SourceText(path: "a.yml", string: "# a\nservices:\n  s:\n    image: $IMAGE\n")),
            ComposeFile.parse(SourceText(path: "b.yml", string: "services:\n  s:\n    ports: 80\n")),
        ])
        #expect(merged.comments.map(\.value) == ["# a"])
        #expect(merged.issues.map(\.location.file) == ["b.yml"])
        #expect(merged.missingVariables.map(\.value) == ["IMAGE"])
        #expect(merged.interpolations.count == 1)
    }
}
