import Testing
@testable import GreenlightCore

@Suite("ImageReference")
struct ImageReferenceTests {
    @Test func officialImageWithTag() throws {
        let reference = try #require(ImageReference.parse("python:3.12-slim"))
        #expect(reference.registry == "docker.io")
        #expect(reference.repository == "python")
        #expect(reference.tag == "3.12-slim")
        #expect(reference.digest == nil)
        #expect(reference.isOfficial)
        #expect(reference.officialName == "docker.io/library/python")
        #expect(!reference.usesLatest)
        #expect(reference.description == "python:3.12-slim")
    }

    @Test func fullyQualifiedOfficialNameEqualsShortForm() throws {
        let long = try #require(ImageReference.parse("docker.io/library/python:3.12-slim"))
        let medium = try #require(ImageReference.parse("docker.io/python:3.12-slim"))
        let index = try #require(ImageReference.parse("index.docker.io/library/python:3.12-slim"))
        let short = try #require(ImageReference.parse("python:3.12-slim"))
        #expect(long == short)
        #expect(medium == short)
        #expect(index == short)
        #expect(long.description == "python:3.12-slim")
    }

    @Test func untaggedMeansLatest() throws {
        let reference = try #require(ImageReference.parse("redis"))
        #expect(reference.isUntagged)
        #expect(reference.usesLatest)
        let latest = try #require(ImageReference.parse("nginx:latest"))
        #expect(!latest.isUntagged)
        #expect(latest.usesLatest)
    }

    @Test func digestPinned() throws {
        let digest = "sha256:" + String(repeating: "a1", count: 32)
        let reference = try #require(ImageReference.parse("postgres:16-alpine@" + digest))
        #expect(reference.tag == "16-alpine")
        #expect(reference.digest == digest)
        #expect(!reference.usesLatest)
        let digestOnly = try #require(ImageReference.parse("postgres@" + digest))
        #expect(digestOnly.tag == nil)
        #expect(!digestOnly.isUntagged)
        #expect(!digestOnly.usesLatest)
        #expect(digestOnly.description == "postgres@" + digest)
    }

    @Test func registryWithPortAndNamespaces() throws {
        let reference = try #require(ImageReference.parse("registry.example.com:5000/team/billing/api:1.4.2"))
        #expect(reference.registry == "registry.example.com:5000")
        #expect(reference.repository == "team/billing/api")
        #expect(reference.tag == "1.4.2")
        #expect(!reference.isOfficial)
        #expect(reference.officialName == "registry.example.com:5000/team/billing/api")
    }

    @Test func localhostIsARegistry() throws {
        let withPort = try #require(ImageReference.parse("localhost:5000/app"))
        #expect(withPort.registry == "localhost:5000")
        #expect(withPort.repository == "app")
        #expect(withPort.tag == nil)
        let bare = try #require(ImageReference.parse("localhost/app:dev"))
        #expect(bare.registry == "localhost")
        #expect(bare.tag == "dev")
        // Without a slash, `localhost:5000` is the image `localhost` tagged `5000`.
        let image = try #require(ImageReference.parse("localhost:5000"))
        #expect(image.registry == "docker.io")
        #expect(image.repository == "localhost")
        #expect(image.tag == "5000")
    }

    @Test func hubNamespacesAreNotOfficial() throws {
        let reference = try #require(ImageReference.parse("pgvector/pgvector:pg16"))
        #expect(reference.registry == "docker.io")
        #expect(reference.repository == "pgvector/pgvector")
        #expect(!reference.isOfficial)
        #expect(reference.officialName == "docker.io/pgvector/pgvector")
    }

    @Test func otherRegistries() throws {
        let distroless = try #require(ImageReference.parse("gcr.io/distroless/python3-debian12:nonroot"))
        #expect(distroless.registry == "gcr.io")
        #expect(distroless.repository == "distroless/python3-debian12")
        let uv = try #require(ImageReference.parse("ghcr.io/astral-sh/uv:0.5.11-python3.12-bookworm-slim"))
        #expect(uv.repository == "astral-sh/uv")
        #expect(uv.tag == "0.5.11-python3.12-bookworm-slim")
        let ipv6 = try #require(ImageReference.parse("[::1]:5000/app:v1"))
        #expect(ipv6.registry == "[::1]:5000")
        #expect(ipv6.repository == "app")
    }

    @Test func variablesAreKeptAndFlagged() throws {
        let tagged = try #require(ImageReference.parse("python:${PYTHON_VERSION}-slim"))
        #expect(tagged.containsVariables)
        #expect(tagged.repository == "python")
        #expect(tagged.tag == "${PYTHON_VERSION}-slim")
        let registry = try #require(ImageReference.parse("${REGISTRY:-ghcr.io}/acme/api:${TAG}"))
        #expect(registry.containsVariables)
        #expect(registry.registry == "${REGISTRY:-ghcr.io}")
        #expect(registry.repository == "acme/api")
        #expect(registry.tag == "${TAG}")
        let plain = try #require(ImageReference.parse("$BASE_IMAGE"))
        #expect(plain.containsVariables)
        #expect(!(try #require(ImageReference.parse("python:3.12"))).containsVariables)
    }

    @Test func scratchIsRecognised() throws {
        let reference = try #require(ImageReference.parse("scratch"))
        #expect(reference.isScratch)
        #expect(!(try #require(ImageReference.parse("ghcr.io/acme/scratch"))).isScratch)
    }

    @Test func surroundingWhitespaceIsIgnored() throws {
        let reference = try #require(ImageReference.parse("  node:20-alpine\t"))
        #expect(reference.description == "node:20-alpine")
    }

    @Test(arguments: [
        "", "   ", "Python:3.12", "python:", "python:3.12 AS build", ":latest", "/python", "python/", "a//b",
        "python@sha256:abc", "python@sha256:" + String(repeating: "g", count: 64), "python@md5",
        "python:-slim", "python:.1", "-python", "python-", "py..thon", "py___thon", "python:" + String(repeating: "a", count: 129),
        "--platform=linux/amd64", "python@sha256:aa@sha256:bb", "${UNCLOSED/app", "reg.io:port/app", "bad_host.io/app",
        "-reg.io/app", "[zz]:5000/app",
    ])
    func rejectsInvalidReferences(_ text: String) {
        #expect(ImageReference.parse(text) == nil)
    }

    @Test(arguments: [
        "ubuntu:22.04", "alpine", "mcr.microsoft.com/dotnet/aspnet:8.0-bookworm-slim", "my-org/my_image__x:v1_2.3-rc",
        "a.b-c/d", "quay.io/prometheus/node-exporter:v1.8.2", "repo/name-with---dashes", "UPPER.io/app",
    ])
    func acceptsValidReferences(_ text: String) {
        #expect(ImageReference.parse(text) != nil)
    }

    @Test func nameLengthLimit() {
        let long = String(repeating: "a", count: 256)
        #expect(ImageReference.parse(long) == nil)
        #expect(ImageReference.parse(String(repeating: "a", count: 255)) != nil)
    }
}
