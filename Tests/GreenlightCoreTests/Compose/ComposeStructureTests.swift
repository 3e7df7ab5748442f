import Testing
@testable import GreenlightCore

@Suite("ComposeStructure")
struct ComposeStructureTests {
    private func parse(_ text: String) -> ComposeFile {
        ComposeFile.parse(SourceText(path: "docker-compose.yml", string: text))
    }

    @Test func anchorsAliasesAndMergeKeys() throws {
        let file = parse("""
        x-common: &common
          restart: unless-stopped
          env_file: .env
          environment: &env
            LOG_LEVEL: info
            TZ: UTC
        x-logging: &healthy
          healthcheck:
            test: ["CMD", "true"]
            interval: 5s
          restart: always

        services:
          api:
            <<: *common
            image: api
            environment:
              <<: *env
              LOG_LEVEL: debug
          worker:
            <<: [*healthy, *common]
            image: worker
          beat:
            <<: *common
            restart: "no"
            image: worker
        """)
        #expect(file.issues.isEmpty)
        let api = try #require(file.service(named: "api"))
        #expect(api.restart?.value == "unless-stopped")
        #expect(api.restart?.location.line == 2)
        #expect(api.envFiles.map(\.path) == [".env"])
        #expect(api.environment.map(\.key) == ["TZ", "LOG_LEVEL"])
        #expect(api.environmentEntry("LOG_LEVEL")?.value == "debug")
        #expect(api.environmentEntry("TZ")?.value == "UTC")
        let worker = try #require(file.service(named: "worker"))
        #expect(worker.restart?.value == "always")
        #expect(worker.healthcheck?.test?.value == .exec(["true"]))
        #expect(worker.envFiles.map(\.path) == [".env"])
        #expect(file.service(named: "beat")?.restart?.value == "no")
    }

    @Test func mergeKeyWithWrongShapeIsAnIssue() {
        let file = parse("""
        services:
          api:
            <<: just-a-string
            image: api
        """)
        #expect(file.issues.map(\.location.line) == [3])
        #expect(file.service(named: "api")?.image?.value == "api")
    }

    @Test func invalidYAMLGivesOneLocatedIssue() throws {
        let file = parse("""
        services:
          api:
            image: api
           ports:
            - "8000:8000"
        """)
        #expect(file.services.isEmpty)
        #expect(file.issues.count == 1)
        let issue = try #require(file.issues.first)
        #expect(issue.location.file == "docker-compose.yml")
        #expect(issue.location.line == 4)
        #expect(issue.message.hasPrefix("invalid YAML"))
    }

    @Test func unclosedQuoteAndFlowAreLocated() {
        let quote = parse("services:\n  api:\n    image: \"api\n    command: x\n")
        #expect(quote.issues.count == 1)
        #expect(quote.issues.first.map { $0.location.line >= 3 && $0.location.line <= 5 } == true)
        let flow = parse("services:\n  api:\n    ports: [\"80:80\"\n")
        #expect(flow.issues.count == 1)
        #expect(flow.services.isEmpty)
    }

    @Test func duplicateKeysAreAnIssue() {
        let file = parse("services:\n  api:\n    image: a\n    image: b\n")
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.message.contains("image") == true)
        #expect(file.services.isEmpty)
    }

    @Test func undefinedAliasIsAnIssue() {
        let file = parse("services:\n  api:\n    <<: *missing\n")
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location.line == 3)
    }

    @Test func wrongShapesAreLocatedAndTheRestIsRead() {
        let file = parse("""
        services:
          api:
            image: api
            ports: 12
            expose: "8000"
            environment: just-text
            command: {run: x}
            healthcheck: [curl]
            depends_on: db
            deploy:
              replicas: many
          db:
            image: postgres:16
          broken: "not a mapping"
        """)
        #expect(file.issues.map(\.location.line) == [4, 5, 6, 7, 8, 9, 11, 14])
        #expect(file.services.map(\.name) == ["api", "db"])
        #expect(file.service(named: "api")?.image?.value == "api")
        #expect(file.service(named: "db")?.image?.value == "postgres:16")
    }

    @Test func servicesAsAListIsAnIssue() {
        let file = parse("services:\n  - api\n  - db\nvolumes:\n  data:\n")
        #expect(file.issues.map(\.location.line) == [2])
        #expect(file.services.isEmpty)
        #expect(file.volumes.map(\.value) == ["data"])
    }

    @Test func topLevelScalarAndEmptyDocuments() {
        #expect(parse("just text").issues.count == 1)
        #expect(parse("").issues.isEmpty)
        #expect(parse("# only a comment\n").comments.count == 1)
        #expect(parse("services:\n").services.isEmpty)
        #expect(parse("services:\n  empty:\n").services.map(\.name) == ["empty"])
    }

    @Test func resetAndOverrideTagsAreRecorded() throws {
        let file = parse("services:\n  api:\n    ports: !reset []\n    environment: !override\n      A: 1\n")
        let api = try #require(file.service(named: "api"))
        #expect(api.resetKeys == ["ports"])
        #expect(api.overrideKeys == ["environment"])
    }

    @Test func multipleDocumentsAreMergedInOrder() throws {
        let file = parse("""
        services:
          api:
            image: api:1
            environment: [A=1]
        ---
        services:
          api:
            environment: [B=2]
          db:
            image: postgres
        """)
        #expect(file.issues.isEmpty)
        #expect(file.services.map(\.name) == ["api", "db"])
        let api = try #require(file.service(named: "api"))
        #expect(api.image?.value == "api:1")
        #expect(api.environment.map(\.key) == ["A", "B"])
        #expect(api.environmentEntry("B")?.location.line == 8)
    }

    @Test func includesAreRecorded() {
        let file = parse("include:\n  - ./db/compose.yaml\n  - path: [./a.yaml, ./b.yaml]\nservices: {}\n")
        #expect(file.includes.map(\.value) == ["./db/compose.yaml", "./a.yaml", "./b.yaml"])
        #expect(file.issues.isEmpty)
    }
}
