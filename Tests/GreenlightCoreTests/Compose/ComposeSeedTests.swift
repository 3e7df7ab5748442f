import Testing
@testable import GreenlightCore

@Suite("ComposeSeed")
struct ComposeSeedTests {
    static let seed = """
    services:
      postgres:
        image: pgvector/pgvector:pg15
        healthcheck:
          test: ["CMD", "pg_isready", "-U", "postgres"]
          interval: 10s
          timeout: 5s
          retries: 5
      nats:
        image: nats:latest
        depends_on:
          postgres:
            condition: service_healthy
      worker:
        build: ./backend
        command: taskiq worker app.background_tasks:broker
        depends_on: [postgres, nats]
      api:
        build:
          context: ./backend
          dockerfile: Dockerfile
          args:
            BUILDKIT_INLINE_CACHE: 1
        image: ghcr.io/user/task-tracker-backend:${VERSION:-latest}
        command: uvicorn app.main:app --host 0.0.0.0 --port 8000
        env_file: .env
        environment:
          - DATABASE_URL=postgresql://postgres:postgres@postgres:5432/app
          - DEBUG
        ports:
          - "8000:8000"
        healthcheck:
          test: ["CMD", "curl", "-f", "http://localhost:8000/health"]
          interval: 30s

    """

    static func parseSeed(_ environment: ComposeEnvironment = ComposeEnvironment()) -> ComposeFile {
        ComposeFile.parse(SourceText(path: "docker-compose.yml", string: seed), environment: environment)
    }

    private func at(_ line: Int, _ column: Int) -> GreenlightCore.SourceLocation {
        GreenlightCore.SourceLocation(file: "docker-compose.yml", line: line, column: column)
    }

    @Test func servicesInFileOrderWithKeyLocations() {
        let file = Self.parseSeed()
        #expect(file.issues.isEmpty)
        #expect(file.interpolationErrors.isEmpty)
        #expect(file.services.map(\.name) == ["postgres", "nats", "worker", "api"])
        #expect(file.services.map(\.location) == [at(2, 3), at(9, 3), at(14, 3), at(18, 3)])
    }

    @Test func postgresHealthcheck() throws {
        let postgres = try #require(Self.parseSeed().service(named: "postgres"))
        #expect(postgres.image == Located("pgvector/pgvector:pg15", at: at(3, 12)))
        let check = try #require(postgres.healthcheck)
        #expect(check.test == Located(.exec(["pg_isready", "-U", "postgres"]), at: at(5, 13)))
        #expect(check.interval == Located(10, at: at(6, 17)))
        #expect(check.timeout?.value == 5)
        #expect(check.retries == Located(5, at: at(8, 16)))
        #expect(!check.isDisabled)
    }

    @Test func dependencyForms() throws {
        let file = Self.parseSeed()
        let nats = try #require(file.service(named: "nats"))
        #expect(nats.dependsOn == [ComposeDependency(service: "postgres", condition: .serviceHealthy, location: at(12, 7))])
        let worker = try #require(file.service(named: "worker"))
        #expect(worker.dependsOn.map(\.service) == ["postgres", "nats"])
        #expect(worker.dependsOn.allSatisfy { $0.condition == .serviceStarted && $0.required })
        #expect(worker.dependsOn.map(\.location) == [at(17, 18), at(17, 28)])
    }

    @Test func workerShortBuildAndShellCommand() throws {
        let worker = try #require(Self.parseSeed().service(named: "worker"))
        #expect(worker.build?.context == Located("./backend", at: at(15, 12)))
        #expect(worker.build?.dockerfile == nil)
        #expect(worker.command?.value == .shell("taskiq worker app.background_tasks:broker"))
        #expect(worker.command?.value.words == ["taskiq", "worker", "app.background_tasks:broker"])
        #expect(worker.image == nil)
    }

    @Test func apiLongBuildImageAndEnvironment() throws {
        let file = Self.parseSeed()
        let api = try #require(file.service(named: "api"))
        let build = try #require(api.build)
        #expect(build.context == Located("./backend", at: at(20, 16)))
        #expect(build.dockerfile == Located("Dockerfile", at: at(21, 19)))
        #expect(build.args == [ComposeMapEntry(
            key: "BUILDKIT_INLINE_CACHE", value: "1", location: at(23, 9), valueLocation: at(23, 32)
        )])
        #expect(api.image?.value == "ghcr.io/user/task-tracker-backend:latest")
        #expect(api.envFiles == [ComposeEnvFile(path: ".env", location: at(26, 15))])
        #expect(api.environment == [
            ComposeMapEntry(
                key: "DATABASE_URL", value: "postgresql://postgres:postgres@postgres:5432/app",
                location: at(28, 9), valueLocation: at(28, 9)
            ),
            ComposeMapEntry(key: "DEBUG", value: nil, location: at(29, 9)),
        ])
        #expect(api.command?.value.words?.last == "8000")
    }

    @Test func apiPortsAndHealthcheck() throws {
        let api = try #require(Self.parseSeed().service(named: "api"))
        #expect(api.ports.count == 1)
        let port = try #require(api.ports.first)
        #expect(port.containerPort == 8000)
        #expect(port.publishedPort == "8000")
        #expect(port.hostIP == nil)
        #expect(port.proto == "tcp")
        #expect(port.location == at(31, 9))
        #expect(api.healthcheck?.test?.value == .exec(["curl", "-f", "http://localhost:8000/health"]))
        #expect(api.healthcheck?.interval?.value == 30)
        #expect(api.healthcheck?.retries == nil)
    }

    @Test func imageInterpolationIsRecordedWithItsDefault() throws {
        let file = Self.parseSeed()
        let image = try #require(file.service(named: "api")?.image)
        let record = try #require(file.interpolation(at: image.location))
        #expect(record.raw == "ghcr.io/user/task-tracker-backend:${VERSION:-latest}")
        #expect(record.uses == [ComposeVariableUse(
            name: "VERSION", modifier: .defaultIfUnsetOrEmpty, value: nil, definedAt: nil, usedFallback: true
        )])
        #expect(file.environment.missingVariables.isEmpty)
    }

    @Test func imageTakesVersionFromDotenv() throws {
        let dotenv = DotenvFile.parse(SourceText(path: ".env", string: "VERSION=1.4.2\n"))
        let file = Self.parseSeed(ComposeEnvironment(dotenv: dotenv))
        #expect(file.service(named: "api")?.image?.value == "ghcr.io/user/task-tracker-backend:1.4.2")
        let location = try #require(file.service(named: "api")?.image?.location)
        #expect(file.interpolation(at: location)?.uses.first?.definedAt == GreenlightCore.SourceLocation(file: ".env", line: 1))
    }
}
