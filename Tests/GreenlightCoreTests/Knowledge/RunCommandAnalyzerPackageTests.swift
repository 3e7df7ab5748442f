import Testing
@testable import GreenlightCore

@Suite("RunCommandAnalyzer packages")
struct RunCommandAnalyzerPackageTests {
    @Test func aptInstallWithCleanup() {
        let effects = RunCommandAnalyzer.analyze(
            "apt-get update && apt-get install -y --no-install-recommends netcat-traditional curl && rm -rf /var/lib/apt/lists/*",
            workdir: "/app")
        #expect(effects.packages.map(\.name) == ["netcat-traditional", "curl"])
        #expect(effects.providedBinaries.contains("nc"))
        #expect(effects.providedBinaries.contains("curl"))
        #expect(!effects.writesUnknownPaths)
        #expect(!effects.mayProvideUnknownBinaries)
        #expect(effects.possiblyWrittenPaths.isEmpty)
        #expect(effects.removedPaths == ["/var/lib/apt/lists/*"])
        #expect(effects.unrecognizedCommands.isEmpty)
    }

    @Test func aptOptionsAndPins() {
        let effects = RunCommandAnalyzer.analyze(
            "set -eux; apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -qq -y -o Dpkg::Options::=--force-confold "
                + "postgresql-client=15* redis-tools; apt-get clean",
            workdir: "/")
        #expect(effects.packages.map(\.name) == ["postgresql-client", "redis-tools"])
        #expect(effects.providedBinaries.contains("pg_isready"))
        #expect(effects.providedBinaries.contains("redis-cli"))
        #expect(!effects.writesUnknownPaths)
    }

    @Test func apkVirtualBuildDepsAreDeleted() {
        let effects = RunCommandAnalyzer.analyze(
            "apk add --no-cache --virtual .build-deps gcc musl-dev && pip install -r requirements.txt && apk del .build-deps",
            workdir: "/app")
        #expect(effects.packages.isEmpty)
        #expect(Set(effects.removedPackages.map(\.name)) == ["gcc", "musl-dev"])
        #expect(effects.requirementFiles == ["/app/requirements.txt"])
        #expect(!effects.providedBinaries.contains("gcc"))
        #expect(!effects.writesUnknownPaths)
    }

    @Test func apkKeepsRuntimePackages() {
        let effects = RunCommandAnalyzer.analyze(
            "apk add --no-cache curl bash tini && apk add --no-cache -t .tmp build-base && apk del .tmp", workdir: "/")
        #expect(effects.providedBinaries == ["curl", "bash", "tini"])
    }

    @Test func purgeRemovesExplicitPackages() {
        let effects = RunCommandAnalyzer.analyze(
            "apt-get install -y curl wget && curl -fsSL -o /usr/local/bin/dockerize https://example.com/dockerize "
                + "&& apt-get purge -y --auto-remove curl",
            workdir: "/")
        #expect(effects.packages.map(\.name) == ["wget"])
        #expect(effects.removedPackages.map(\.name) == ["curl"])
        #expect(effects.providedBinaries == ["wget", "dockerize"])
    }

    @Test func rpmManagers() {
        let effects = RunCommandAnalyzer.analyze(
            "microdnf install -y --setopt=install_weak_deps=0 nmap-ncat procps-ng && microdnf clean all", workdir: "/")
        #expect(effects.providedBinaries.contains("nc"))
        #expect(effects.providedBinaries.contains("ps"))
        let yum = RunCommandAnalyzer.analyze("yum -y install curl-minimal && yum clean all", workdir: "/")
        #expect(yum.providedBinaries == ["curl"])
    }

    @Test func unknownPackagesAreMarked() {
        let effects = RunCommandAnalyzer.analyze(
            "apt-get install -y libpq5 ./vendor/agent_1.2_amd64.deb", workdir: "/src")
        #expect(effects.packages.count == 2)
        #expect(effects.packages.allSatisfy { $0.executables == nil })
        #expect(effects.providedBinaries.isEmpty)
    }

    @Test func pipRequirementsConstraintsAndSpecs() {
        let effects = RunCommandAnalyzer.analyze(
            "pip install --no-cache-dir --upgrade pip && pip install --no-cache-dir -r requirements/prod.txt "
                + "-c constraints.txt \"uvicorn[standard]==0.30.1\" gunicorn>=22",
            workdir: "/srv/api")
        #expect(effects.requirementFiles == ["/srv/api/requirements/prod.txt"])
        #expect(effects.constraintFiles == ["/srv/api/constraints.txt"])
        #expect(effects.packages.map(\.name) == ["pip", "uvicorn", "gunicorn"])
        #expect(effects.providedBinaries.contains("uvicorn"))
        #expect(effects.providedBinaries.contains("gunicorn"))
        #expect(!effects.installsLocalProject)
        #expect(!effects.writesUnknownPaths)
    }

    @Test func pipInstallsTheLocalProject() {
        let editable = RunCommandAnalyzer.analyze("pip install -e .", workdir: "/app")
        #expect(editable.installsLocalProject)
        #expect(editable.localProjectInstalls == [
            PythonProjectInstall(tool: "pip", directory: "/app", editable: true, installsProject: true),
        ])
        #expect(editable.possiblyWrittenPaths == ["/app"])
        let extras = RunCommandAnalyzer.analyze("python3 -m pip install --no-cache-dir '.[grpc]' ./libs/common", workdir: "/app")
        #expect(extras.localProjectInstalls.map(\.directory) == ["/app", "/app/libs/common"])
        #expect(extras.localProjectInstalls.allSatisfy { !$0.editable })
    }

    @Test func pipVcsUrlsAndWheels() {
        let effects = RunCommandAnalyzer.analyze(
            "pip install \"fastapi @ git+https://github.com/fastapi/fastapi\" "
                + "git+https://github.com/acme/tools.git#egg=httpie /tmp/wheels/gunicorn-22.0.0-py3-none-any.whl dist/*.whl",
            workdir: "/app")
        #expect(effects.packages.map(\.name).prefix(3) == ["fastapi", "httpie", "gunicorn"])
        #expect(effects.providedBinaries.contains("http"))
        #expect(effects.providedBinaries.contains("gunicorn"))
        #expect(effects.packages.last?.executables == nil)
    }

    @Test func pipTargetWritesThere() {
        let effects = RunCommandAnalyzer.analyze("pip install --target=/opt/deps -r requirements.txt", workdir: "/app")
        #expect(effects.possiblyWrittenPaths == ["/opt/deps"])
        let user = RunCommandAnalyzer.analyze("pip install --user --no-warn-script-location celery", workdir: "/app")
        #expect(user.providedBinaries == ["celery"])
        #expect(user.possiblyWrittenPaths.isEmpty)
    }

    @Test func requirementsFromEnvironment() {
        let known = RunCommandAnalyzer.analyze("pip install -r $REQUIREMENTS", workdir: "/app",
                                               environment: ["REQUIREMENTS": "requirements/dev.txt"])
        #expect(known.requirementFiles == ["/app/requirements/dev.txt"])
        let unknown = RunCommandAnalyzer.analyze("pip install -r ${REQUIREMENTS}", workdir: "/app")
        #expect(unknown.requirementFiles == ["${REQUIREMENTS}"])
    }

    @Test func poetryWithoutRoot() {
        let effects = RunCommandAnalyzer.analyze(
            "pip install poetry==1.8.3 && poetry config virtualenvs.create false "
                + "&& poetry install --no-interaction --no-ansi --no-root --only main",
            workdir: "/app")
        #expect(effects.providedBinaries == ["poetry"])
        #expect(effects.localProjectInstalls.count == 1)
        #expect(effects.localProjectInstalls.first?.tool == "poetry")
        #expect(!effects.installsLocalProject)
        #expect(!effects.writesUnknownPaths)
    }

    @Test func uvSyncIntoAConfiguredEnvironment() {
        let effects = RunCommandAnalyzer.analyze(
            "uv sync --frozen --no-dev --no-install-project", workdir: "/app",
            environment: ["UV_PROJECT_ENVIRONMENT": "/opt/venv"])
        #expect(effects.virtualEnvironments == ["/opt/venv"])
        #expect(!effects.installsLocalProject)
        let project = RunCommandAnalyzer.analyze("uv sync --locked", workdir: "/app")
        #expect(project.installsLocalProject)
        #expect(project.virtualEnvironments == ["/app/.venv"])
        let pip = RunCommandAnalyzer.analyze("uv pip install --system --no-cache -r requirements.txt", workdir: "/app")
        #expect(pip.requirementFiles == ["/app/requirements.txt"])
    }

    @Test func virtualEnvironmentThenItsPip() {
        let effects = RunCommandAnalyzer.analyze(
            "python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir -r requirements.txt", workdir: "/app")
        #expect(effects.virtualEnvironments == ["/opt/venv"])
        #expect(effects.requirementFiles == ["/app/requirements.txt"])
        #expect(!effects.writesUnknownPaths)
    }

    @Test func nodeInstallsAndBuilds() {
        let effects = RunCommandAnalyzer.analyze("cd frontend && npm ci --omit=dev && npm run build", workdir: "/app")
        #expect(effects.nodeDependencyDirectories == ["/app/frontend"])
        #expect(effects.installsNodeDependencies)
        #expect(effects.writesUnknownPaths)
        #expect(effects.mayHaveWritten("/app/frontend/dist/index.html"))
        #expect(!effects.mayHaveWritten("/app/api/main.py"))
        let global = RunCommandAnalyzer.analyze("npm install -g pm2@5 && yarn global add serve", workdir: "/")
        #expect(global.providedBinaries.contains("pm2-runtime"))
        #expect(global.providedBinaries.contains("serve"))
        #expect(!global.installsNodeDependencies)
        let yarn = RunCommandAnalyzer.analyze("yarn --frozen-lockfile && yarn --version", workdir: "/web")
        #expect(yarn.nodeDependencyDirectories == ["/web"])
    }
}
