import Testing
@testable import GreenlightCore

@Suite("ComposeFileGroups")
struct ComposeFileGroupTests {
    private func file(_ path: String, _ text: String) -> ComposeFile {
        ComposeFile.parse(SourceText(path: path, string: text))
    }

    @Test func baseWithOverrideFormsOneProject() {
        let groups = ComposeProject.defaultFileGroups(in: [
            "README.md", "docker-compose.yml", "docker-compose.override.yml", "backend/Dockerfile",
        ])
        #expect(groups == [["docker-compose.yml", "docker-compose.override.yml"]])
    }

    @Test func preferredBaseWinsOthersStandAlone() {
        let groups = ComposeProject.defaultFileGroups(in: [
            "docker-compose.yml", "compose.yaml", "compose.override.yaml", "docker-compose.override.yml",
        ])
        #expect(groups == [["compose.yaml", "compose.override.yaml"], ["docker-compose.yml"]])
        let legacy = ComposeProject.defaultFileGroups(in: ["docker-compose.yaml", "docker-compose.yml"])
        #expect(legacy == [["docker-compose.yml"], ["docker-compose.yaml"]])
    }

    @Test func variantsStandAloneOrOverrideDependingOnContent() {
        let paths = ["deploy/docker-compose.yml", "deploy/docker-compose.prod.yml", "deploy/docker-compose.dev.yml"]
        let parsed = [
            "deploy/docker-compose.prod.yml": file(
                "deploy/docker-compose.prod.yml", "services:\n  api:\n    image: api:1\n  db:\n    build: ./db\n"
            ),
            "deploy/docker-compose.dev.yml": file(
                "deploy/docker-compose.dev.yml", "services:\n  api:\n    command: python -m app --reload\n"
            ),
        ]
        let groups = ComposeProject.defaultFileGroups(in: paths, parsed: parsed)
        #expect(groups == [
            ["deploy/docker-compose.yml"],
            ["deploy/docker-compose.yml", "deploy/docker-compose.dev.yml"],
            ["deploy/docker-compose.prod.yml"],
        ])
    }

    @Test func directoriesAreSeparateProjects() {
        let groups = ComposeProject.defaultFileGroups(in: [
            "services/b/compose.yml", "services/a/docker-compose.yaml", "compose-dev.yml", "composer.yml",
        ])
        #expect(groups == [["compose-dev.yml"], ["services/a/docker-compose.yaml"], ["services/b/compose.yml"]])
    }

    @Test func orphanOverrideCountsOnlyWhenItStandsAlone() {
        let override = "docker-compose.override.yml"
        let partial = [override: file(override, "services:\n  api:\n    environment: [A=1]\n")]
        #expect(ComposeProject.defaultFileGroups(in: [override], parsed: partial).isEmpty)
        let full = [override: file(override, "services:\n  api:\n    image: api\n")]
        #expect(ComposeProject.defaultFileGroups(in: [override], parsed: full) == [[override]])
    }

    @Test func recognisesComposeFileNames() {
        #expect(ComposeProject.isComposeFileName("docker-compose.yml"))
        #expect(ComposeProject.isComposeFileName("compose.override.yaml"))
        #expect(ComposeProject.isComposeFileName("docker-compose.staging.yaml"))
        #expect(!ComposeProject.isComposeFileName("compose.json"))
        #expect(!ComposeProject.isComposeFileName("docker-compose.yml.bak"))
        #expect(!ComposeProject.isComposeFileName("composer.yml"))
    }
}
