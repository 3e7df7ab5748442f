import Testing
@testable import GreenlightCore

@Suite("PackageBinaries")
struct PackageBinariesTests {
    @Test func netcatFlavoursProvideNc() {
        #expect(PackageBinaries.executables(of: "netcat-traditional", in: .apt)?.contains("nc") == true)
        #expect(PackageBinaries.executables(of: "netcat-openbsd", in: .apt)?.contains("nc") == true)
        #expect(PackageBinaries.executables(of: "netcat-openbsd", in: .apk) == ["nc"])
        #expect(PackageBinaries.executables(of: "nmap-ncat", in: .rpm)?.contains("nc") == true)
    }

    @Test func versionPinsAndArchitecturesAreStripped() {
        #expect(PackageBinaries.executables(of: "curl=7.88.1-10+deb12u5", in: .apt) == ["curl"])
        #expect(PackageBinaries.executables(of: "curl=7.*", in: .apt) == ["curl"])
        #expect(PackageBinaries.executables(of: "wget:amd64", in: .apt) == ["wget"])
        #expect(PackageBinaries.executables(of: "curl~8.5", in: .apk) == ["curl"])
        #expect(PackageBinaries.normalizedName("Flask_SQLAlchemy==3.1", in: .pip) == "flask-sqlalchemy")
        #expect(PackageBinaries.normalizedName("uvicorn[standard]>=0.29", in: .pip) == "uvicorn")
        #expect(PackageBinaries.normalizedName("@nestjs/cli@10", in: .npm) == "@nestjs/cli")
        #expect(PackageBinaries.normalizedName("pm2@latest", in: .npm) == "pm2")
    }

    @Test func databaseClients() {
        let client = PackageBinaries.executables(of: "postgresql-client", in: .apt)
        #expect(client?.contains("pg_isready") == true)
        #expect(client?.contains("psql") == true)
        #expect(PackageBinaries.executables(of: "postgresql-client-16", in: .apt)?.contains("pg_isready") == true)
        #expect(PackageBinaries.executables(of: "redis-tools", in: .apt)?.contains("redis-cli") == true)
        #expect(PackageBinaries.executables(of: "redis", in: .apk)?.contains("redis-cli") == true)
    }

    @Test func pythonConsoleScripts() {
        #expect(PackageBinaries.executables(of: "uvicorn[standard]==0.30.1", in: .pip) == ["uvicorn"])
        #expect(PackageBinaries.executables(of: "Gunicorn", in: .pip) == ["gunicorn"])
        #expect(PackageBinaries.executables(of: "httpie", in: .pip)?.contains("http") == true)
        // grpcio-health-checking is a library: it does not install grpc_health_probe.
        #expect(PackageBinaries.executables(of: "grpcio-health-checking", in: .pip) == [])
        #expect(PackageBinaries.executables(of: "grpcio_tools", in: .pip) == [])
        #expect(PackageBinaries.executables(of: "some-internal-lib", in: .pip) == nil)
    }

    @Test func knownPackagesWithoutBinariesDifferFromUnknownOnes() {
        #expect(PackageBinaries.executables(of: "tzdata", in: .apt) == [])
        #expect(PackageBinaries.executables(of: "libpq5", in: .apt) == nil)
        // Contents differ between releases: deliberately unknown.
        #expect(PackageBinaries.executables(of: "ncat", in: .apt) == nil)
        #expect(PackageBinaries.executables(of: "mariadb-client", in: .apt) == nil)
    }

    @Test func reverseLookupSuggestsPackages() {
        #expect(PackageBinaries.packages(providing: "nc", in: .apt) == ["netcat", "netcat-openbsd", "netcat-traditional"])
        #expect(PackageBinaries.packages(providing: "curl", in: .rpm) == ["curl", "curl-minimal"])
        #expect(PackageBinaries.packages(providing: "grpc_health_probe", in: .apt).isEmpty)
    }

    @Test func ecosystemOfPackageManagers() {
        #expect(PackageBinaries.ecosystem(for: .apt) == .apt)
        #expect(PackageBinaries.ecosystem(for: .microdnf) == .rpm)
        #expect(PackageBinaries.ecosystem(for: .yum) == .rpm)
        #expect(PackageBinaries.ecosystem(for: .none) == nil)
    }

    @Test func pep503() {
        #expect(PackageBinaries.pep503("Django_REST.framework") == "django-rest-framework")
        #expect(PackageBinaries.pep503("a__-._b") == "a-b")
    }
}
