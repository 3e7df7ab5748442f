import Foundation
@testable import GreenlightCore
import Testing

@Suite struct RunbookFilesTests {
    static let projectConfiguration = """
        verify:
          defaults:
            retries: 7
          probes:
            - name: api-health
              tcp: localhost:8000
            - name: database
              postgres: postgresql://app:${DB_PASSWORD}@localhost:5432/app
            - name: cache
              redis: redis://localhost:6379
        """

    static let runbook = """
        name: production-deploy
        environment: production
        probes:
          - name: api-health
            http: https://api.example.com/health
        phases:
          - name: Deploy
            steps:
              - run: ./deploy.sh
              - verify: [api-health, database, cache]
        """

    @Test func projectProbesJoinTheRunbooksAndTheRunbookWinsAClash() throws {
        let root = try TemporaryDirectory("runbook-probes")
        defer { root.remove() }
        try root.write(".greenlight.yml", Self.projectConfiguration)
        let file = try root.write("deploy/production.yml", Self.runbook)
        let runbook = try RunbookLoader.load(path: file, environment: ["DB_PASSWORD": "pw"])
        #expect(runbook.path == file)
        #expect(runbook.directory == root.path)
        #expect(runbook.probes.probes.map(\.name) == ["database", "cache", "api-health"])
        #expect(runbook.probes.probe(named: "api-health")?.target == .http(HTTPProbeSpec(url: "https://api.example.com/health")))
        #expect(runbook.probes.probe(named: "api-health")?.location?.file == file)
        #expect(runbook.probes.probe(named: "database")?.target == .postgres(PostgresProbeSpec(url: "postgresql://app:pw@localhost:5432/app")))
        #expect(runbook.probes.probe(named: "cache")?.settings.retries == 7)
        #expect(runbook.probes.defaults.retries == 7, "the runbook sets no defaults, so the project's stand")
        #expect(runbook.phases.first?.steps.last?.action == .verify(VerifyStep(probes: ["api-health", "database", "cache"])))
    }

    @Test func aProjectProbeWithAnUnsetVariableIsUnresolvedNotAnError() throws {
        let root = try TemporaryDirectory("runbook-unresolved")
        defer { root.remove() }
        try root.write(".greenlight.yml", Self.projectConfiguration)
        let file = try root.write("deploy/production.yml", Self.runbook)
        let runbook = try RunbookLoader.load(path: file, environment: [:])
        #expect(runbook.probes.unresolved.map(\.name) == ["database"])
        #expect(runbook.probes.names.contains("database"))
    }

    @Test func aRunbookProbeMissingFromBothPlacesIsReportedWithTheProjectsNamesAsSuggestions() throws {
        let root = try TemporaryDirectory("runbook-undefined")
        defer { root.remove() }
        try root.write(".greenlight.yml", Self.projectConfiguration)
        let file = try root.write("deploy/production.yml", Self.runbook.replacingOccurrences(of: "cache]", with: "cahce]"))
        let error = try #require(throws: ConfigurationError.self) { try RunbookLoader.load(path: file, environment: [:]) }
        #expect(error.description == "\(file):10:40: probe 'cahce' is not defined in probes: or .greenlight.yml verify:; did you mean 'cache'?")
    }

    @Test func errorsInTheProjectConfigurationAreReportedAsTheyAre() throws {
        let root = try TemporaryDirectory("runbook-bad-config")
        defer { root.remove() }
        try root.write(".greenlight.yml", "verify:\n  - name: a\n    tcp: localhost\n")
        let file = try root.write("deploy/production.yml", Self.runbook)
        let error = try #require(throws: ConfigurationError.self) { try RunbookLoader.load(path: file, environment: [:]) }
        #expect(error.issues == [ParseIssue("probe 'a'.tcp must be host:port (e.g. localhost:50051), not 'localhost'",
                                            at: GreenlightCore.SourceLocation(file: root.path + "/.greenlight.yml", line: 3, column: 10))])
    }

    @Test func theDirectoryKeyIsRelativeToTheRunbookFileAndSuppliesTheProjectProbes() throws {
        let root = try TemporaryDirectory("runbook-directory")
        defer { root.remove() }
        try root.write("app/.greenlight.yml", Self.projectConfiguration)
        try root.write(".greenlight.yml", "verify: []\n")
        let file = try root.write("ops/deploy/production.yml", "directory: ../../app\n" + Self.runbook)
        let runbook = try RunbookLoader.load(path: file, environment: ["DB_PASSWORD": "pw"])
        #expect(runbook.directory == root.path + "/app")
        #expect(runbook.probes.probes.map(\.name) == ["database", "cache", "api-health"])
    }

    @Test func withoutADirectoryKeyTheNearestAncestorWithAGitMarkerIsTheDirectory() throws {
        let root = try TemporaryDirectory("runbook-git")
        defer { root.remove() }
        try root.write(".git", "gitdir: /elsewhere\n")
        let file = try root.write("deploy/prod/runbook.yml", "name: r\nenvironment: e\nphases: [{name: A, steps: [{note: hi}]}]\n")
        #expect(try RunbookLoader.load(path: file, environment: [:]).directory == root.path)
    }

    @Test func withoutAnyMarkerTheRunbooksOwnFolderIsTheDirectory() throws {
        let root = try TemporaryDirectory("runbook-plain")
        defer { root.remove() }
        let file = try root.write("deploy/runbook.yml", "name: r\nenvironment: e\nphases: [{name: A, steps: [{note: hi}]}]\n")
        try #require(RunbookLoader.projectRoot(from: root.path) == root.path, "no marker may sit above the temporary directory")
        #expect(try RunbookLoader.load(path: file, environment: [:]).directory == root.path + "/deploy")
        let parsed = try RunbookLoader.parse(SourceText(path: "runbook.yml", string: "name: r\nenvironment: e\nphases: [{name: A, steps: [{note: hi}]}]\n"),
                                             directory: root.path + "/deploy/", projectVerify: VerifyConfiguration(), environment: [:])
        #expect(parsed.directory == root.path + "/deploy")
    }

    @Test func aDirectoryKeyNamingNoDirectoryIsALocatedError() throws {
        let root = try TemporaryDirectory("runbook-missing-directory")
        defer { root.remove() }
        let file = try root.write("deploy/production.yml", "directory: ../app\n" + Self.runbook)
        let error = try #require(throws: ConfigurationError.self) { try RunbookLoader.load(path: file, environment: [:]) }
        #expect(error.issues == [ParseIssue("directory '../app' is not a directory (it resolves to \(root.path)/app); it is relative to the runbook file",
                                            at: GreenlightCore.SourceLocation(file: file, line: 1, column: 12))])
    }

    @Test func aMissingRunbookOrADirectoryIsAClearError() throws {
        let root = try TemporaryDirectory("runbook-missing")
        defer { root.remove() }
        let missing = try #require(throws: ConfigurationError.self) { try RunbookLoader.load(path: root.path + "/nope.yml", environment: [:]) }
        #expect(missing.description == "\(root.path)/nope.yml:1:1: no such runbook file")
        let folder = try #require(throws: ConfigurationError.self) { try RunbookLoader.load(path: root.path, environment: [:]) }
        #expect(folder.description == "\(root.path):1:1: this is a directory; give the runbook file (deploy/production.yml)")
    }

    @Test func pathsAreNormalizedAndShownRelativeToTheCurrentDirectory() {
        #expect(RunbookLoader.absolute("../b/./c//d/..", from: "/x/a") == "/x/b/c")
        #expect(RunbookLoader.absolute("/abs/../../p", from: "/x") == "/p")
        let current = RunbookLoader.normalized(FileManager.default.currentDirectoryPath)
        #expect(RunbookLoader.displayPath(current + "/deploy/.greenlight.yml") == "deploy/.greenlight.yml")
        #expect(RunbookLoader.displayPath("/elsewhere-greenlight/.greenlight.yml") == "/elsewhere-greenlight/.greenlight.yml")
    }

    @Test(arguments: [("IMAGE_TAG", true), ("_x9", true), ("a", true), ("9LIVES", false), ("MY-VAR", false), ("", false), ("É", false), ("A B", false)])
    func variableNamesAreShellIdentifiers(name: String, valid: Bool) {
        #expect(RunbookLoader.isShellIdentifier(name) == valid)
    }
}
