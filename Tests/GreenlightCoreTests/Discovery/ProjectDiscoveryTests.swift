import Testing
@testable import GreenlightCore

@Suite("ProjectDiscovery")
struct ProjectDiscoveryTests {
    static let project: [String: String] = [
        ".gitignore": "dist/\n*.log\n.env\n!keep.log\n/local-data/\n",
        ".git/config": "[core]\n",
        ".git/info/exclude": "scratch/\n",
        "Dockerfile": "FROM python:3.12-slim\n",
        "Dockerfile.dev": "FROM python:3.12\n",
        "Dockerfile.md": "# how to build\n",
        "Containerfile": "FROM registry.access.redhat.com/ubi9/python-311\n",
        "api/Dockerfile": "FROM python:3.12-slim AS build\n",
        "api/Dockerfile.dockerignore": "tests\n",
        "worker/worker.Dockerfile": "FROM python:3.12-slim\n",
        "worker/worker.Dockerfile.dockerignore": "*.md\n",
        ".dockerignore": ".git\nnode_modules\n",
        "docker-compose.yml": "services: {}\n",
        "docker-compose.override.yaml": "services: {}\n",
        "deploy/compose.prod.yml": "services: {}\n",
        "requirements.txt": "fastapi==0.115.0\n",
        "requirements-dev.txt": "pytest\n",
        "dev-requirements.txt": "ruff\n",
        "requirements/base.txt": "uvicorn\n",
        "notes.txt": "todo\n",
        "pyproject.toml": "[project]\nname = \"svc\"\n",
        "Pipfile": "[packages]\n",
        "setup.py": "from setuptools import setup\n",
        "setup.cfg": "[metadata]\n",
        ".env": "SECRET=1\n",
        ".env.example": "DATABASE_URL=\n",
        "config/prod.env": "LOG_LEVEL=info\n",
        "api/main.py": "from fastapi import FastAPI\n",
        "api/app/__init__.py": "",
        "scripts/deploy.sh": "#!/bin/bash\n",
        "scripts/build": "#!/usr/bin/env bash\nset -euo pipefail\n",
        "scripts/README": "Scripts for CI\n",
        "scripts/release": "#!/usr/bin/env python3\n",
        "bin/run": "#!/bin/sh\nexec gunicorn app:app\n",
        "tools/build": "#!/bin/sh\n",
        "Makefile": "build:\n\tdocker build .\n",
        "mk/docker.mk": "IMAGE ?= svc\n",
        "justfile": "build:\n    docker build .\n",
        ".github/workflows/ci.yml": "on: push\n",
        ".github/workflows/deploy.yaml": "on: push\n",
        ".github/dependabot.yml": "version: 2\n",
        "deploy/ecs/task-definition.json": "{}\n",
        "deploy/container-definitions.json": "[]\n",
        "package.json": "{}\n",
        "infra/main.tf": "resource \"aws_ecs_service\" \"api\" {}\n",
        "infra/prod.tfvars": "image_tag = \"latest\"\n",
        ".greenlight.yml": "exclude: []\n",
        "node_modules/pkg/Dockerfile": "FROM node\n",
        ".venv/lib/python3.12/site-packages/x.py": "",
        "myenv/pyvenv.cfg": "home = /usr/bin\n",
        "myenv/lib/y.py": "",
        "dist/Dockerfile": "FROM scratch\n",
        "build/Dockerfile": "FROM scratch\n",
        "app.log": "log\n",
        "keep.log": "log\n",
        "local-data/compose.yml": "services: {}\n",
        "scratch/Dockerfile": "FROM scratch\n",
        "api/__pycache__/main.cpython-312.pyc": "",
        "legacy/Dockerfile": "FROM python:2.7\n",
        "tests/fixtures/docker-compose.yml": "services: {}\n",
        "tests/test_api.py": "def test(): pass\n",
        ".build-linux/x.py": "",
        "svc.egg-info/PKG-INFO": "",
    ]

    private func discover(_ excluded: [String] = ["legacy/", "**/fixtures/**"]) -> DiscoveredProject {
        ProjectDiscovery.discover(in: MemoryFileTree(Self.project), excludedPaths: excluded)
    }

    @Test func classifiesEveryKind() {
        let project = discover()
        #expect(project.paths(.dockerfile) == [
            "Containerfile", "Dockerfile", "Dockerfile.dev", "api/Dockerfile", "build/Dockerfile", "worker/worker.Dockerfile",
        ])
        #expect(project.paths(.dockerignore) == [".dockerignore", "api/Dockerfile.dockerignore", "worker/worker.Dockerfile.dockerignore"])
        #expect(project.paths(.compose) == ["deploy/compose.prod.yml", "docker-compose.override.yaml", "docker-compose.yml"])
        #expect(project.paths(.requirements) == ["dev-requirements.txt", "requirements-dev.txt", "requirements.txt", "requirements/base.txt"])
        #expect(project.paths(.pyproject) == ["pyproject.toml"])
        #expect(project.paths(.pipfile) == ["Pipfile"])
        #expect(project.paths(.setupPy) == ["setup.py"])
        #expect(project.paths(.setupCfg) == ["setup.cfg"])
        #expect(project.paths(.envFile) == [".env.example", "config/prod.env"])
        #expect(project.paths(.python) == ["api/app/__init__.py", "api/main.py", "tests/test_api.py"])
        #expect(project.paths(.shellScript) == ["bin/run", "scripts/build", "scripts/deploy.sh"])
        #expect(project.paths(.makefile) == ["Makefile", "mk/docker.mk"])
        #expect(project.paths(.justfile) == ["justfile"])
        #expect(project.paths(.githubWorkflow) == [".github/workflows/ci.yml", ".github/workflows/deploy.yaml"])
        #expect(project.paths(.ecsTaskDefinition) == ["deploy/container-definitions.json", "deploy/ecs/task-definition.json"])
        #expect(project.paths(.terraform) == ["infra/main.tf", "infra/prod.tfvars"])
        #expect(project.paths(.greenlightConfig) == [".greenlight.yml"])
        #expect(project.files.map(\.path) == project.files.map(\.path).sorted())
        #expect(project.files.count == project.byKind.values.reduce(0) { $0 + $1.count })
    }

    @Test func skipsToolDirectoriesIgnoredAndExcludedPaths() {
        let project = discover()
        let paths = Set(project.files.map(\.path))
        for skipped in [
            "node_modules/pkg/Dockerfile", ".venv/lib/python3.12/site-packages/x.py", "myenv/lib/y.py", "dist/Dockerfile",
            ".env", "local-data/compose.yml", "scratch/Dockerfile", "legacy/Dockerfile", "tests/fixtures/docker-compose.yml",
            ".build-linux/x.py",
        ] {
            #expect(!paths.contains(skipped), "\(skipped)")
        }
        #expect(project.directories.contains(""))
        #expect(project.directories.contains("api/app"))
        #expect(project.directories.contains("build"))
        for never in ["node_modules", ".git", "dist", "myenv", "legacy", "api/__pycache__", "svc.egg-info", "scratch"] {
            #expect(!project.directories.contains(never), "\(never)")
        }
    }

    @Test func withoutConfiguredExclusionsLegacyAndFixturesAreFound() {
        let paths = Set(discover([]).files.map(\.path))
        #expect(paths.contains("legacy/Dockerfile"))
        #expect(paths.contains("tests/fixtures/docker-compose.yml"))
    }

    @Test func picksTheIgnoreFileBuildKitUses() {
        let project = discover()
        #expect(project.dockerignore(forDockerfile: "api/Dockerfile", context: ".") == "api/Dockerfile.dockerignore")
        #expect(project.dockerignore(forDockerfile: "Dockerfile", context: ".") == ".dockerignore")
        #expect(project.dockerignore(forDockerfile: "Dockerfile.dev", context: "api") == nil)
    }

    @Test func shebangDetection() {
        #expect(FileClassifier.hasShellShebang(Array("#!/bin/bash\n".utf8)))
        #expect(FileClassifier.hasShellShebang(Array("#!/usr/bin/env -S bash -e\n".utf8)))
        #expect(FileClassifier.hasShellShebang(Array("#!/bin/sh\r\n".utf8)))
        #expect(!FileClassifier.hasShellShebang(Array("#!/usr/bin/env python3\n".utf8)))
        #expect(!FileClassifier.hasShellShebang(Array("echo hi\n".utf8)))
        #expect(!FileClassifier.hasShellShebang(Array("#!".utf8)))
    }

    @Test func treesReportingImpossibleNamesDoNotLoop() {
        // An empty path makes MemoryFileTree list "" as a child of the root.
        let tree = MemoryFileTree(["": "x", "a/../b/Dockerfile": "FROM scratch\n", "api/Dockerfile": "FROM scratch\n"])
        let project = ProjectDiscovery.discover(in: tree)
        #expect(project.paths(.dockerfile).contains("api/Dockerfile"))
    }

    @Test func walksFiveThousandFilesQuickly() {
        var files: [String: String] = [:]
        for service in 0..<100 {
            files["services/svc\(service)/Dockerfile"] = "FROM python:3.12\n"
            files["services/svc\(service)/requirements.txt"] = "flask\n"
            files["services/svc\(service)/.gitignore"] = "*.tmp\n"
            for module in 0..<47 {
                files["services/svc\(service)/app/pkg\(module % 5)/module\(module).py"] = ""
            }
        }
        let tree = MemoryFileTree(files)
        let clock = ContinuousClock()
        var project: DiscoveredProject?
        let elapsed = clock.measure { project = ProjectDiscovery.discover(in: tree) }
        #expect(project?.paths(.python).count == 4_700)
        #expect(project?.paths(.dockerfile).count == 100)
        #expect(elapsed < .seconds(3))
    }
}

@Suite("Dockerfile names")
struct DockerfileNameTests {
    @Test("variants are Dockerfiles; source files named after them are not", arguments: [
        ("Dockerfile", true), ("Dockerfile.prod", true), ("api.Dockerfile", true), ("Containerfile", true),
        ("Dockerfile.swift", false), ("dockerfile.py", false), ("Dockerfile.md", false), ("Dockerfile.json", false),
    ])
    func classify(name: String, isDockerfile: Bool) {
        let project = ProjectDiscovery.discover(in: MemoryFileTree(["src/\(name)": "x\n"]))
        #expect(project.paths(.dockerfile) == (isDockerfile ? ["src/\(name)"] : []))
    }
}
