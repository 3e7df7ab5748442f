import Testing
@testable import GreenlightCore

@Suite("BaseImageCatalog")
struct BaseImageCatalogTests {
    private func info(_ image: String) throws -> BaseImageInfo {
        try #require(BaseImageCatalog.lookup(image), "no catalog entry for \(image)")
    }

    @Test(arguments: ["python:3.12-slim", "python:3.11-slim-bookworm", "python:3.13.1-slim-trixie", "python:slim",
                      "docker.io/library/python:3.10-slim-bullseye"])
    func pythonSlimHasNoHttpClients(_ image: String) throws {
        let slim = try info(image)
        #expect(slim.variant == "slim")
        #expect(slim.os == .debian)
        #expect(slim.packageManager == .apt)
        for tool in ["curl", "wget", "nc", "grpc_health_probe", "ps"] {
            #expect(slim.presence(of: tool) == .absent, "\(tool) on \(image)")
        }
        for tool in ["python", "python3", "pip", "sh", "bash"] {
            #expect(slim.presence(of: tool) == .present, "\(tool) on \(image)")
        }
        #expect(slim.hasShell)
        #expect(slim.defaultUser == "root")
    }

    @Test func pythonVersionAndSitePackages() throws {
        let slim = try info("python:3.12-slim")
        #expect(slim.pythonVersion == "3.12")
        #expect(slim.sitePackagesPaths == ["/usr/local/lib/python3.12/site-packages"])
        let patch = try info("python:3.11.9-bookworm")
        #expect(patch.pythonVersion == "3.11")
        let floating = try info("python:3-slim")
        #expect(floating.pythonVersion == nil)
        #expect(floating.sitePackagesPaths == ["/usr/local/lib/python3.*/site-packages"])
        let latest = try info("python")
        #expect(latest.variant == "full")
        #expect(latest.pythonVersion == nil)
    }

    @Test func pythonFullComesFromBuildpackDeps() throws {
        let full = try info("python:3.12-bookworm")
        #expect(full.variant == "full")
        #expect(full.presence(of: "curl") == .present)
        #expect(full.presence(of: "wget") == .present)
        #expect(full.presence(of: "git") == .present)
        #expect(full.presence(of: "nc") == .unknown)
        #expect(full.presence(of: "grpc_health_probe") == .absent)
        #expect(try info("python:3.12").variant == "full")
    }

    @Test func pythonAlpineHasBusyboxApplets() throws {
        let alpine = try info("python:3.12-alpine3.20")
        #expect(alpine.os == .alpine)
        #expect(alpine.packageManager == .apk)
        #expect(alpine.presence(of: "wget") == .present)
        #expect(alpine.presence(of: "nc") == .present)
        #expect(alpine.isBusyboxApplet("wget"))
        #expect(!alpine.isBusyboxApplet("python3"))
        #expect(alpine.presence(of: "curl") == .absent)
        #expect(alpine.presence(of: "bash") == .absent)
        #expect(alpine.pythonVersion == "3.12")
    }

    @Test func pythonUnknownVariantsStaySilent() {
        #expect(BaseImageCatalog.lookup("python:3.12-windowsservercore-ltsc2022") == nil)
        #expect(BaseImageCatalog.lookup("python:2.7-slim") == nil)
        #expect(BaseImageCatalog.lookup("python:3.12-jammy") == nil)
        #expect(BaseImageCatalog.lookup("python:${PYTHON_VERSION}") == nil)
        #expect(BaseImageCatalog.lookup("python@sha256:" + String(repeating: "0", count: 64)) == nil)
    }

    @Test func variableVersionWithFixedVariant() throws {
        let slim = try info("python:${PYTHON_VERSION}-slim")
        #expect(slim.variant == "slim")
        #expect(slim.presence(of: "curl") == .absent)
        #expect(slim.pythonVersion == nil)
        #expect(BaseImageCatalog.lookup("${REGISTRY}/python:3.12-slim") == nil)
    }

    @Test func nodeVariants() throws {
        let alpine = try info("node:20-alpine")
        #expect(alpine.presence(of: "wget") == .present)
        #expect(alpine.presence(of: "nc") == .present)
        #expect(alpine.presence(of: "curl") == .absent)
        #expect(alpine.presence(of: "node") == .present)
        #expect(alpine.existingUsers == ["node"])
        #expect(alpine.defaultUser == "root")
        let slim = try info("node:22-bookworm-slim")
        #expect(slim.presence(of: "curl") == .absent)
        #expect(slim.presence(of: "wget") == .absent)
        let full = try info("node:lts")
        #expect(full.variant == "full")
        #expect(full.presence(of: "curl") == .present)
        #expect(full.presence(of: "wget") == .present)
        #expect(try info("node:iron-alpine3.20").variant == "alpine")
    }

    @Test func distroBases() throws {
        let debian = try info("debian:bookworm-slim")
        #expect(debian.presence(of: "curl") == .absent)
        #expect(debian.presence(of: "python3") == .absent)
        #expect(debian.presence(of: "bash") == .present)
        let ubuntu = try info("ubuntu:24.04")
        #expect(ubuntu.os == .ubuntu)
        #expect(ubuntu.presence(of: "curl") == .absent)
        #expect(ubuntu.presence(of: "nc") == .unknown)
        #expect(ubuntu.existingUsers == ["ubuntu"])
        #expect(try info("ubuntu:jammy").existingUsers.isEmpty)
        let alpine = try info("alpine:3.20")
        #expect(alpine.presence(of: "sh") == .present)
        #expect(alpine.presence(of: "bash") == .absent)
        let busybox = try info("busybox:1.36-musl")
        #expect(busybox.packageManager == .none)
        #expect(busybox.presence(of: "wget") == .present)
        #expect(BaseImageCatalog.lookup("debian:jammy") == nil)
    }

    @Test func scratchAndDistrolessHaveNothing() throws {
        let scratch = try info("scratch")
        #expect(!scratch.hasShell)
        #expect(scratch.presence(of: "anything") == .absent)
        let distroless = try info("gcr.io/distroless/static-debian12")
        #expect(!distroless.hasShell)
        #expect(distroless.presence(of: "sh") == .absent)
        #expect(distroless.presence(of: "curl") == .absent)
        #expect(distroless.defaultUser == "root")
        let nonroot = try info("gcr.io/distroless/base-debian12:nonroot")
        #expect(nonroot.defaultUser == "nonroot")
        #expect(nonroot.defaultUID == 65532)
        let debug = try info("gcr.io/distroless/python3-debian12:debug-nonroot")
        #expect(debug.hasShell)
        #expect(debug.isBusyboxApplet("wget"))
        #expect(debug.presence(of: "curl") == .unknown)
        #expect(debug.defaultUser == "nonroot")
        let python = try info("gcr.io/distroless/python3-debian12")
        #expect(python.presence(of: "python3") == .present)
        #expect(python.pythonVersion == "3.11")
        #expect(python.sitePackagesPaths.contains("/usr/lib/python3/dist-packages"))
        #expect(BaseImageCatalog.lookup("gcr.io/distroless/unknownthing") == nil)
    }

    @Test func servicesShipTheirHealthTools() throws {
        let postgres = try info("postgres:16-alpine")
        #expect(postgres.presence(of: "pg_isready") == .present)
        #expect(postgres.presence(of: "bash") == .present)
        #expect(postgres.presence(of: "curl") == .absent)
        let postgresDebian = try info("postgres:16")
        #expect(postgresDebian.presence(of: "pg_isready") == .present)
        #expect(postgresDebian.presence(of: "curl") == .unknown)
        let pgvector = try info("pgvector/pgvector:pg16")
        #expect(pgvector.presence(of: "pg_isready") == .present)
        #expect(pgvector.family == "pgvector/pgvector")
        #expect(try info("pgvector/pgvector:0.8.0-pg17-bookworm").os == .debian)
        let redis = try info("redis:7-alpine")
        #expect(redis.presence(of: "redis-cli") == .present)
        #expect(redis.presence(of: "wget") == .present)
        let nginx = try info("nginx:1.27")
        #expect(nginx.presence(of: "curl") == .present)
        #expect(nginx.presence(of: "wget") == .absent)
        #expect(try info("nginx:alpine").presence(of: "curl") == .present)
        #expect(try info("nginx:1.27-alpine-slim").presence(of: "curl") == .absent)
    }

    @Test func natsDefaultIsScratch() throws {
        let nats = try info("nats:2.10")
        #expect(!nats.hasShell)
        #expect(nats.presence(of: "wget") == .absent)
        #expect(nats.presence(of: "nats-server") == .present)
        let alpine = try info("nats:2.10-alpine")
        #expect(alpine.hasShell)
        #expect(alpine.presence(of: "wget") == .present)
        #expect(BaseImageCatalog.lookup("nats:2.10-windowsservercore") == nil)
    }

    @Test func databaseClientsByVersion() throws {
        #expect(try info("mariadb:11.4").presence(of: "mysqladmin") == .absent)
        #expect(try info("mariadb:11.4").presence(of: "mariadb-admin") == .present)
        #expect(try info("mariadb:10.11").presence(of: "mysqladmin") == .present)
        #expect(try info("mongo:7.0").presence(of: "mongo") == .absent)
        #expect(try info("mongo:7.0").presence(of: "mongosh") == .present)
        #expect(try info("mongo:4.4").presence(of: "mongo") == .present)
        let mysql = try info("mysql:8.4")
        #expect(mysql.packageManager == .microdnf)
        #expect(mysql.presence(of: "mysqladmin") == .present)
        #expect(try info("mysql:8.0-debian").packageManager == .apt)
    }

    @Test func usersOfServiceImages() throws {
        #expect(try info("haproxy:2.8").defaultUser == "haproxy")
        #expect(try info("haproxy:2.2").defaultUser == "root")
        #expect(try info("memcached:1.6-alpine").defaultUser == "memcache")
    }

    @Test func languageImages() throws {
        #expect(try info("golang:1.23").presence(of: "git") == .present)
        #expect(try info("golang:1.23-alpine").presence(of: "go") == .present)
        #expect(try info("php:8.3-fpm-alpine").presence(of: "curl") == .present)
        #expect(try info("php:8.3-apache").presence(of: "curl") == .present)
        #expect(BaseImageCatalog.lookup("php:8.3-apache-alpine") == nil)
        #expect(try info("eclipse-temurin:21-jre-noble").presence(of: "curl") == .present)
        #expect(try info("ruby:3.3-slim").presence(of: "curl") == .unknown)
        #expect(try info("rust:1.80-slim-bookworm").variant == "slim")
        #expect(try info("openjdk:17-jdk-slim").os == .debian)
        #expect(BaseImageCatalog.lookup("openjdk:17") == nil)
    }

    @Test func uvImages() throws {
        let distroless = try info("ghcr.io/astral-sh/uv:0.5.11")
        #expect(!distroless.hasShell)
        let python = try info("ghcr.io/astral-sh/uv:python3.12-bookworm-slim")
        #expect(python.pythonVersion == "3.12")
        #expect(python.presence(of: "uv") == .present)
        #expect(python.presence(of: "curl") == .absent)
        #expect(python.variant == "slim")
        let alpine = try info("ghcr.io/astral-sh/uv:0.5-python3.13-alpine")
        #expect(alpine.os == .alpine)
        #expect(try info("ghcr.io/astral-sh/uv:debian-slim").presence(of: "uv") == .present)
        #expect(try info("ghcr.io/astral-sh/uv:bookworm").presence(of: "curl") == .present)
        #expect(try info("ghcr.io/astral-sh/uv:bookworm-slim").presence(of: "curl") == .absent)
    }

    @Test func dotnetImages() throws {
        let aspnet = try info("mcr.microsoft.com/dotnet/aspnet:8.0")
        #expect(aspnet.os == .debian)
        #expect(aspnet.presence(of: "curl") == .absent)
        #expect(aspnet.presence(of: "dotnet") == .present)
        #expect(aspnet.existingUsers == ["app"])
        #expect(try info("mcr.microsoft.com/dotnet/aspnet:10.0").os == .ubuntu)
        let sdk = try info("mcr.microsoft.com/dotnet/sdk:8.0-bookworm-slim")
        #expect(sdk.presence(of: "curl") == .present)
        let chiseled = try info("mcr.microsoft.com/dotnet/runtime:8.0-jammy-chiseled")
        #expect(!chiseled.hasShell)
        #expect(chiseled.defaultUser == "app")
        #expect(chiseled.defaultUID == 1654)
        #expect(BaseImageCatalog.lookup("mcr.microsoft.com/dotnet/aspnet:latest") == nil)
        #expect(BaseImageCatalog.lookup("mcr.microsoft.com/dotnet/aspnet:8.0-azurelinux3.0") == nil)
    }

    @Test func unknownImagesReturnNil() {
        #expect(BaseImageCatalog.lookup("ghcr.io/acme/api:1.0") == nil)
        #expect(BaseImageCatalog.lookup("bitnami/redis:7.2") == nil)
        #expect(BaseImageCatalog.lookup("not a reference") == nil)
    }

    @Test func everyEntryDocumentsItsBasis() throws {
        let images = ["python", "node", "golang", "ruby:slim", "php", "rust", "eclipse-temurin", "openjdk:17-slim",
                      "nginx", "httpd", "postgres", "redis", "nats", "haproxy", "traefik", "mongo", "mysql", "mariadb",
                      "rabbitmq:management", "memcached", "debian", "ubuntu", "alpine", "busybox", "amazonlinux:2",
                      "gcr.io/distroless/cc-debian12", "ghcr.io/astral-sh/uv", "mcr.microsoft.com/dotnet/sdk:9.0"]
        for image in images {
            let entry = try info(image)
            #expect(!entry.basis.isEmpty, "\(image)")
            #expect(entry.presence(of: "grpc_health_probe") != .present, "\(image)")
            #expect(entry.hasShell == (entry.presence(of: "sh") == .present), "\(image)")
        }
        #expect(try info("amazonlinux:2").packageManager == .yum)
        #expect(try info("amazonlinux").packageManager == .dnf)
    }
}
