import Testing
@testable import GreenlightCore

@Suite("RunCommandAnalyzer files")
struct RunCommandAnalyzerFileTests {
    @Test func grpcHealthProbeDownload() {
        let effects = RunCommandAnalyzer.analyze(
            "GRPC_HEALTH_PROBE_VERSION=v0.4.24 && wget -qO/bin/grpc_health_probe https://github.com/grpc-ecosystem/"
                + "grpc-health-probe/releases/download/${GRPC_HEALTH_PROBE_VERSION}/grpc_health_probe-linux-amd64 "
                + "&& chmod +x /bin/grpc_health_probe",
            workdir: "/app")
        #expect(effects.downloads == [Download(
            url: "https://github.com/grpc-ecosystem/grpc-health-probe/releases/download/v0.4.24/grpc_health_probe-linux-amd64",
            destination: "/bin/grpc_health_probe")])
        #expect(effects.providedBinaries == ["grpc_health_probe"])
        #expect(effects.permissionChanges == [PermissionChange(value: "+x", paths: ["/bin/grpc_health_probe"], recursive: false)])
        #expect(effects.possiblyWrittenPaths == ["/bin/grpc_health_probe"])
        #expect(!effects.writesUnknownPaths)
        #expect(!effects.mayHaveWritten("/app/main.py"))
    }

    @Test func curlDownloads() {
        let effects = RunCommandAnalyzer.analyze(
            "curl -fsSLo /usr/local/bin/wait-for https://raw.githubusercontent.com/eficode/wait-for/v2.2.4/wait-for "
                + "&& curl -fsSL --output /tmp/cert.pem https://truststore.example.com/root.pem "
                + "&& curl -fsSLO https://example.com/releases/tool.tar.gz?sig=1",
            workdir: "/opt")
        #expect(effects.downloads.map(\.destination) == ["/usr/local/bin/wait-for", "/tmp/cert.pem", "/opt/tool.tar.gz"])
        #expect(effects.providedBinaries == ["wait-for"])
    }

    @Test func pipedInstallerIsUnknown() {
        let effects = RunCommandAnalyzer.analyze("curl -LsSf https://astral.sh/uv/install.sh | sh", workdir: "/")
        #expect(effects.downloads == [Download(url: "https://astral.sh/uv/install.sh", destination: nil)])
        #expect(effects.writesUnknownPaths)
        #expect(effects.mayProvideUnknownBinaries)
        let bash = RunCommandAnalyzer.analyze(
            "curl -fsSL https://deb.nodesource.com/setup_20.x | bash - && apt-get install -y nodejs", workdir: "/")
        #expect(bash.mayProvideUnknownBinaries)
        #expect(bash.providedBinaries.contains("node"))
        #expect(bash.scriptsRun.isEmpty)
    }

    @Test func archivesIntoPathDirectories() {
        let go = RunCommandAnalyzer.analyze(
            "curl -fsSL https://go.dev/dl/go1.23.1.linux-amd64.tar.gz | tar -xz -C /usr/local", workdir: "/")
        #expect(go.extractions == [ArchiveExtraction(source: "-", destination: "/usr/local")])
        #expect(go.mayProvideUnknownBinaries)
        let oldStyle = RunCommandAnalyzer.analyze("tar xzf node.tar.gz -C /opt && unzip -q protoc.zip -d /opt/protoc",
                                                  workdir: "/tmp")
        #expect(oldStyle.extractions == [ArchiveExtraction(source: "node.tar.gz", destination: "/opt"),
                                         ArchiveExtraction(source: "protoc.zip", destination: "/opt/protoc")])
        #expect(!oldStyle.mayProvideUnknownBinaries)
    }

    @Test func directoriesCopiesAndLinks() {
        let effects = RunCommandAnalyzer.analyze(
            "mkdir -p /app/static /var/log/app && touch .env.local && cp -r config/ /etc/app/ "
                + "&& mv build/server /usr/local/bin/ && ln -sf /opt/venv/bin/uvicorn /usr/local/bin/uvicorn "
                + "&& ln -sf /dev/stdout /var/log/app/access.log",
            workdir: "/app")
        #expect(effects.createdDirectories == ["/app/static", "/var/log/app"])
        #expect(effects.transfers == [
            FileTransfer(sources: ["/app/config"], destination: "/etc/app", isMove: false),
            FileTransfer(sources: ["/app/build/server"], destination: "/usr/local/bin", isMove: true),
        ])
        #expect(effects.removedPaths == ["/app/build/server"])
        #expect(effects.links.map(\.link) == ["/usr/local/bin/uvicorn", "/var/log/app/access.log"])
        #expect(effects.providedBinaries == ["server", "uvicorn"])
        #expect(effects.mayHaveWritten("/app/.env.local"))
        #expect(effects.mayHaveWritten("/etc/app/settings.yaml"))
        #expect(!effects.writesUnknownPaths)
    }

    @Test func usersAndOwnership() {
        let debian = RunCommandAnalyzer.analyze(
            "groupadd -r app --gid=999 && useradd -r -g app --uid=999 --home-dir=/app --shell=/sbin/nologin app "
                + "&& chown -R app:app /app && adduser app staff",
            workdir: "/app")
        #expect(debian.accounts == [
            AccountCreation(name: "app", uid: 999, isGroup: true, home: nil),
            AccountCreation(name: "app", uid: 999, isGroup: false, home: "/app"),
        ])
        #expect(debian.ownershipChanges == [PermissionChange(value: "app:app", paths: ["/app"], recursive: true)])
        let alpine = RunCommandAnalyzer.analyze("addgroup -S app && adduser -S -D -H -u 10001 -G app -s /sbin/nologin app",
                                                workdir: "/")
        #expect(alpine.accounts == [
            AccountCreation(name: "app", uid: nil, isGroup: true, home: nil),
            AccountCreation(name: "app", uid: 10001, isGroup: false, home: nil),
        ])
    }

    @Test func redirectionsWriteFiles() {
        let effects = RunCommandAnalyzer.analyze(
            "echo 'export PATH=/opt/venv/bin:$PATH' >> /root/.bashrc && echo ok > /dev/null 2>&1 "
                + "&& printf '%s\\n' \"$APP_VERSION\" > VERSION",
            workdir: "/app")
        #expect(effects.possiblyWrittenPaths == ["/root/.bashrc", "/app/VERSION"])
        #expect(!effects.writesUnknownPaths)
        let unknownTarget = RunCommandAnalyzer.analyze("echo x > \"$TARGET\"", workdir: "/app")
        #expect(unknownTarget.writesUnknownPaths)
    }

    @Test func hereDocumentsAreNotCommands() {
        let effects = RunCommandAnalyzer.analyze(
            "cat <<EOF > /etc/supervisor/conf.d/app.conf\n[program:app]\ncommand=make deploy\nEOF\necho done",
            workdir: "/")
        #expect(effects.possiblyWrittenPaths == ["/etc/supervisor/conf.d/app.conf"])
        #expect(effects.unrecognizedCommands.isEmpty)
        #expect(effects.scriptsRun.isEmpty)
        #expect(effects.issues.isEmpty)
    }

    @Test func gitCloneDestinations() {
        let effects = RunCommandAnalyzer.analyze(
            "git clone --depth 1 --branch v1.66.0 https://github.com/grpc/grpc.git /src/grpc "
                + "&& git clone https://github.com/acme/proto-defs.git && git -C proto-defs checkout main",
            workdir: "/app")
        #expect(effects.extractions.map(\.destination) == ["/src/grpc", "/app/proto-defs"])
        #expect(effects.mayHaveWritten("/app/proto-defs/engine.proto"))
    }

    @Test func caseStatementsAndShellSyntax() {
        let effects = RunCommandAnalyzer.analyze(
            "ARCH= && dpkgArch=\"$(dpkg --print-architecture)\" && case \"${dpkgArch##*-}\" in "
                + "amd64) ARCH='x64';; arm64|aarch64) ARCH='arm64';; *) echo \"unsupported\"; exit 1 ;; esac "
                + "&& if [ -n \"$ARCH\" ]; then echo \"$ARCH\"; fi && { [ -z \"$x\" ] || apt-mark manual $x > /dev/null; }",
            workdir: "/")
        #expect(effects.unrecognizedCommands.isEmpty)
        #expect(!effects.writesUnknownPaths)
        // Commands inside a branch still count.
        let branch = RunCommandAnalyzer.analyze("case \"$TARGET\" in prod) make;; *) true;; esac", workdir: "/src")
        #expect(branch.scriptsRun == ["/src/Makefile"])
        #expect(branch.writesUnknownPaths)
    }

    @Test func wrappersArePeeled() {
        let effects = RunCommandAnalyzer.analyze(
            "sudo -u app -E env PIP_NO_CACHE_DIR=1 pip install httpie && gosu nobody true && exec nohup nice -n 5 echo hi",
            workdir: "/app")
        #expect(effects.providedBinaries.contains("http"))
        #expect(effects.unrecognizedCommands.isEmpty)
    }

    @Test func nestedShellDoesNotLeakDirectory() {
        let effects = RunCommandAnalyzer.analyze(
            "sh -c 'cd /tmp && wget https://example.com/pkg.tar.gz' && wget https://example.com/other.tar.gz",
            workdir: "/app")
        #expect(effects.downloads.map(\.destination) == ["/tmp/pkg.tar.gz", "/app/other.tar.gz"])
    }

    @Test func inertCommandsWriteNothing() {
        let effects = RunCommandAnalyzer.analyze(
            "python -c \"import grpc_tools; print('ok')\" && node --version; ls -la && id -u && python --version "
                + "&& pip check && pip freeze > /tmp/freeze.txt && sed 's/a/b/' x.conf",
            workdir: "/app")
        #expect(effects.unrecognizedCommands.isEmpty)
        #expect(effects.possiblyWrittenPaths == ["/tmp/freeze.txt"])
        #expect(!effects.writesUnknownPaths)
    }

    @Test func inPlaceEditsWriteTheirFiles() {
        let effects = RunCommandAnalyzer.analyze(
            "sed -i 's/listen 80/listen 8080/' /etc/nginx/conf.d/default.conf && sed -ri -e 's/a/b/' app.ini",
            workdir: "/app")
        #expect(effects.possiblyWrittenPaths == ["/etc/nginx/conf.d/default.conf", "/app/app.ini"])
        #expect(!effects.writesUnknownPaths)
    }

    @Test func alternativesProvideCommands() {
        let effects = RunCommandAnalyzer.analyze(
            "update-alternatives --install /usr/bin/python python /usr/bin/python3 1 && ln -s /usr/bin/pip3 /usr/bin/pip",
            workdir: "/")
        #expect(effects.providedBinaries == ["python", "pip"])
        #expect(effects.links.map(\.target) == ["/usr/bin/python3", "/usr/bin/pip3"])
    }

    @Test func corepackProvidesPackageManagers() {
        let effects = RunCommandAnalyzer.analyze("corepack enable && pnpm install --frozen-lockfile", workdir: "/app")
        #expect(effects.providedBinaries.contains("pnpm"))
        #expect(effects.nodeDependencyDirectories == ["/app"])
    }
}
