import Testing
@testable import GreenlightCore

@Suite("PythonKnowledge")
struct PythonKnowledgeTests {
    @Test func standardLibrary() {
        for name in ["os", "sys", "json", "asyncio", "typing", "tomllib", "zoneinfo", "_thread", "__future__", "distutils",
                     "imp", "asynchat", "asyncore", "smtpd", "cgi", "telnetlib", "_sha2", "_pydatetime", "_colorize", "binhex",
                     "formatter", "xml.etree.ElementTree", "concurrent"] {
            #expect(PythonStandardLibrary.isStandard(name), "\(name)")
        }
        for name in ["yaml", "requests", "typing_extensions", "pkg_resources", "setuptools", "six", "grpc", "google", "dotenv"] {
            #expect(!PythonStandardLibrary.isStandard(name), "\(name)")
        }
        #expect(PythonStandardLibrary.modules.count > 300)
    }

    @Test func normalisation() {
        #expect(PythonDistributions.normalize("PyYAML") == "pyyaml")
        #expect(PythonDistributions.normalize("python_dotenv") == "python-dotenv")
        #expect(PythonDistributions.normalize("zope.interface") == "zope-interface")
        #expect(PythonDistributions.normalize("Foo__Bar-._baz") == "foo-bar-baz")
    }

    @Test func distributionForImport() {
        let expected: [String: String] = [
            "yaml": "PyYAML", "grpc": "grpcio", "grpc_tools": "grpcio-tools", "grpc_health.v1": "grpcio-health-checking",
            "google.protobuf": "protobuf", "google.protobuf.timestamp_pb2": "protobuf", "PIL.Image": "Pillow",
            "cv2": "opencv-python", "sklearn.linear_model": "scikit-learn", "bs4": "beautifulsoup4", "dotenv": "python-dotenv",
            "jwt": "PyJWT", "jose": "python-jose", "dateutil.parser": "python-dateutil", "psycopg2": "psycopg2-binary",
            "MySQLdb": "mysqlclient", "magic": "python-magic", "attr": "attrs", "Crypto.Cipher": "pycryptodome",
            "OpenSSL": "pyOpenSSL", "serial": "pyserial", "usb": "pyusb", "docx": "python-docx", "pptx": "python-pptx",
            "multipart": "python-multipart", "slugify": "python-slugify", "zmq": "pyzmq", "git": "GitPython",
            "pydantic_settings": "pydantic-settings", "sqlalchemy.orm": "SQLAlchemy", "googleapiclient.discovery":
                "google-api-python-client", "google.cloud.storage": "google-cloud-storage",
            "google.cloud.secretmanager_v1": "google-cloud-secret-manager", "google.cloud.speech": "google-cloud-speech",
            "azure.storage.blob": "azure-storage-blob", "azure.identity": "azure-identity",
            "opentelemetry.instrumentation.fastapi": "opentelemetry-instrumentation-fastapi",
        ]
        for (module, distribution) in expected {
            #expect(PythonDistributions.distribution(forImport: module) == distribution, "\(module)")
        }
        #expect(PythonDistributions.distribution(forImport: "google") == nil)
        #expect(PythonDistributions.distributions(forImport: "psycopg2") == ["psycopg2-binary", "psycopg2"])
        #expect(PythonDistributionTable.entries.count >= 150)
        let keys = PythonDistributionTable.entries.map { $0.module.lowercased() }
        #expect(keys == keys.sorted())
    }

    @Test func providesDirectly() {
        #expect(PythonDistributions.provides(distribution: "PyYAML>=6.0", import: "yaml"))
        #expect(PythonDistributions.provides(distribution: "fastapi", import: "fastapi"))
        #expect(PythonDistributions.provides(distribution: "pydantic-settings==2.4", import: "pydantic_settings"))
        #expect(PythonDistributions.provides(distribution: "psycopg2", import: "psycopg2"))
        #expect(PythonDistributions.provides(distribution: "psycopg2-binary", import: "psycopg2"))
        #expect(PythonDistributions.provides(distribution: "uvicorn[standard]==0.30.1", import: "uvicorn"))
        #expect(PythonDistributions.provides(distribution: "uvicorn[standard]", import: "uvloop"))
        #expect(PythonDistributions.provides(distribution: "pydantic[email]", import: "email_validator"))
        #expect(PythonDistributions.provides(distribution: "grpcio-tools", import: "grpc_tools"))
        #expect(PythonDistributions.provides(distribution: "google-cloud-secret-manager", import: "google.cloud.secretmanager"))
        #expect(PythonDistributions.provides(distribution: "google-cloud-firestore", import: "google.cloud.firestore_v1"))
        #expect(PythonDistributions.provides(distribution: "protobuf", import: "google.protobuf"))
        #expect(!PythonDistributions.provides(distribution: "protobuf", import: "google.cloud.storage"))
        #expect(!PythonDistributions.provides(distribution: "google", import: "google.protobuf"))
        #expect(!PythonDistributions.provides(distribution: "uvicorn", import: "uvloop"))
        #expect(!PythonDistributions.provides(distribution: "grpcio", import: "grpc_tools"))
    }

    @Test func transitiveImports() {
        let fastapi = PythonDistributions.transitiveImports(ofDistribution: "fastapi==0.115.0")
        #expect(fastapi.isSuperset(of: ["starlette", "pydantic", "pydantic_core", "anyio", "typing_extensions", "idna"]))
        #expect(!fastapi.contains("fastapi"))
        #expect(!fastapi.contains("uvicorn"))
        let standard = PythonDistributions.transitiveImports(ofDistribution: "fastapi[standard]")
        #expect(standard.isSuperset(of: ["uvicorn", "httpx", "multipart", "email_validator", "uvloop", "yaml", "dotenv"]))
        #expect(PythonDistributions.transitiveImports(ofDistribution: "grpcio-tools").isSuperset(of: ["grpc", "google.protobuf"]))
        #expect(PythonDistributions.transitiveImports(ofDistribution: "uvicorn[standard]").isSuperset(
            of: ["uvloop", "httptools", "websockets", "dotenv", "watchfiles", "yaml", "click", "h11"]
        ))
        #expect(PythonDistributions.transitiveImports(ofDistribution: "supabase").isSuperset(of: ["httpx", "postgrest"]))
        #expect(PythonDistributions.transitiveImports(ofDistribution: "celery").contains("kombu"))
        #expect(PythonDistributions.transitiveImports(ofDistribution: "requests") == ["urllib3", "idna", "certifi", "charset_normalizer"])
        #expect(PythonDistributions.transitiveImports(ofDistribution: "left-pad").isEmpty)
    }

    @Test func isProvidedByRequirements() {
        let requirements = ["fastapi==0.115.0", "uvicorn[standard]", "grpcio-tools", "PyYAML"]
        for module in ["starlette.responses", "pydantic", "uvloop", "grpc", "google.protobuf.json_format", "yaml", "fastapi"] {
            #expect(PythonDistributions.isProvided(import: module, byRequirements: requirements), "\(module)")
        }
        for module in ["redis", "google.cloud.storage", "sqlalchemy"] {
            #expect(!PythonDistributions.isProvided(import: module, byRequirements: requirements), "\(module)")
        }
    }

    @Test func requirementNames() {
        #expect(PythonDistributions.requirementName("uvicorn[standard,  Http2]>=0.30 ; python_version>'3.8'").name == "uvicorn")
        #expect(PythonDistributions.requirementName("uvicorn[standard,  Http2]>=0.30").extras == ["standard", "http2"])
        #expect(PythonDistributions.requirementName("  requests @ https://example.com/r.whl").name == "requests")
        #expect(PythonDistributions.importNames(ofDistribution: "python-multipart") == ["multipart", "python_multipart"])
        #expect(PythonDistributions.importNames(ofDistribution: "some-new-lib") == ["some_new_lib"])
    }
}
