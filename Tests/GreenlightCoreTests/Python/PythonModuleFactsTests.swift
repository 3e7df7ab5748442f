import Testing
@testable import GreenlightCore

@Suite("PythonModuleFacts")
struct PythonModuleFactsTests {
    private func analyze(_ text: String, path: String = "app/main.py") -> PythonModuleFacts {
        PythonModuleFacts.analyze(SourceText(path: path, string: text))
    }

    // MARK: - FastAPI

    @Test func fastAPIServiceFacts() {
        let facts = analyze(PythonFixtures.fastAPIMain)
        #expect(facts.issues.isEmpty)
        #expect(facts.appObjects == ["app": .fastapi])
        #expect(facts.definesMain)
        #expect(facts.mainGuardLocation?.line == 41)
        #expect(facts.mainGuardLines == 41...42)
        #expect(facts.isInMainGuard(SourceLocation(file: "app/main.py", line: 42)))
        #expect(!facts.isInMainGuard(SourceLocation(file: "app/main.py", line: 40)))

        let reads = facts.envReads.map { "\($0.name) default=\($0.defaultValue ?? "-") raises=\($0.raisesWhenMissing)" }
        #expect(reads == ["DATABASE_URL default=- raises=true", "CORS_ORIGINS default=* raises=false", "PORT default=8000 raises=false"])

        #expect(facts.serverHints.map(\.framework) == ["fastapi", "uvicorn"])
        #expect(facts.listens.count == 1)
        let listen = facts.listens.first
        #expect(listen?.host == .literal("0.0.0.0"))
        #expect(listen?.port == .env(name: "PORT", default: "8000"))
        #expect(listen?.portIsDefault == false)
        #expect(listen?.location.line == 42)

        #expect(facts.databaseHints.map(\.value) == ["sqlalchemy.create_engine"])
        #expect(facts.databaseHints.first?.location.line == 17)
        #expect(facts.opensDatabaseAtStartup)

        let relative = facts.imports.filter { $0.level == 1 }
        #expect(relative.map(\.module) == ["api.routes", "core.config"])
        #expect(relative.first?.aliases == ["router": "api_router"])
        #expect(facts.topLevelNames.isSuperset(of: ["app", "engine", "lifespan", "health", "settings", "api_router"]))
    }

    // MARK: - Flask

    @Test func flaskAppWithFactoryAndRun() {
        let facts = analyze(PythonFixtures.flaskApp)
        #expect(facts.issues.isEmpty)
        #expect(facts.appFactories == ["create_app": .flask])
        #expect(facts.appObjects == ["app": .flask])
        #expect(facts.dotenvLoads.map(\.line) == [8])
        #expect(facts.databaseHints.map(\.value) == ["redis.Redis.from_url"])

        let reads = facts.envReads.map { "\($0.name):\($0.hasDefault):\($0.raisesWhenMissing)" }
        #expect(reads == ["REDIS_URL:true:false", "DATABASE_URL:false:true", "SECRET_KEY:false:false", "PORT:true:false", "FLASK_DEBUG:false:false"])

        let listen = facts.listens.first
        #expect(facts.listens.count == 1)
        #expect(listen?.framework == "flask")
        #expect(listen?.host == .literal("0.0.0.0"))
        #expect(listen?.port == .env(name: "PORT", default: "5000"))
    }

    @Test func flaskRunWithoutArgumentsUsesDefaults() {
        let facts = analyze("""
        from flask import Flask
        app = Flask(__name__)
        if __name__ == "__main__":
            app.run()
        """)
        let listen = facts.listens.first
        #expect(listen?.host == .literal("127.0.0.1"))
        #expect(listen?.hostIsDefault == true)
        #expect(listen?.port == .int(5000))
        #expect(listen?.portIsDefault == true)
    }

    @Test func keywordUnpackingMakesMissingValuesUnknown() {
        let facts = analyze("""
        import uvicorn
        config = {"host": "0.0.0.0"}
        uvicorn.run("main:app", **config)
        """)
        #expect(facts.listens.first?.host == .unknown)
        #expect(facts.listens.first?.hostIsDefault == false)
    }

    // MARK: - gRPC

    @Test func grpcServerWithPortFromEnvironment() {
        let facts = analyze(PythonFixtures.grpcServer, path: "server.py")
        #expect(facts.issues.isEmpty)
        #expect(facts.serverHints.map(\.framework) == ["grpc", "grpc"])
        #expect(facts.serverHints.allSatisfy { $0.kind == .grpc })
        let listen = facts.listens.first
        #expect(listen?.kind == .grpc)
        #expect(listen?.host == .literal("[::]"))
        #expect(listen?.port == .env(name: "GRPC_PORT", default: "50051"))
        #expect(listen?.location.line == 28)
        #expect(facts.pb2Imports.map(\.module) == [
            "grpc_health.v1.health_pb2", "grpc_health.v1.health_pb2_grpc", "proto.workflow_service_pb2", "proto.workflow_service_pb2_grpc",
        ])
        #expect(facts.envReads.map(\.name) == ["GRPC_PORT", "MAX_WORKERS"])
        #expect(facts.appObjects.isEmpty)
    }

    @Test func grpcAddressBuildingForms() {
        let facts = analyze("""
        import os
        import grpc
        from grpc import aio

        HOST = "0.0.0.0"
        PORT = int(os.environ.get("PORT", 50052))

        async def serve(settings):
            server = aio.server()
            server.add_insecure_port("[::]:50051")
            server.add_insecure_port("0.0.0.0:" + str(PORT))
            server.add_insecure_port("%s:%d" % (HOST, PORT))
            server.add_insecure_port("{}:{}".format(HOST, PORT))
            server.add_secure_port(f"{HOST}:{settings.port}", creds)
            address = f"[::]:{os.environ['GRPC_PORT']}"
            server.add_insecure_port(address)
        """)
        #expect(facts.serverHints.first?.framework == "grpc.aio")
        let described = facts.listens.map { "\($0.host) \($0.port)" }
        #expect(described == [
            "literal(\"[::]\") int(50051)",
            "literal(\"0.0.0.0\") env(name: \"PORT\", default: Optional(\"50052\"))",
            "literal(\"0.0.0.0\") env(name: \"PORT\", default: Optional(\"50052\"))",
            "literal(\"0.0.0.0\") env(name: \"PORT\", default: Optional(\"50052\"))",
            "literal(\"0.0.0.0\") unknown",
            "literal(\"[::]\") env(name: \"GRPC_PORT\", default: nil)",
        ])
        #expect(facts.envReads.map(\.name) == ["PORT", "GRPC_PORT"])
    }

    @Test func conditionallyReassignedConstantIsUnknown() {
        let facts = analyze("""
        import os, grpc
        PORT = 50051
        if os.getenv("PROD"):
            PORT = 443
        server = grpc.server(None)
        server.add_insecure_port(f"[::]:{PORT}")
        """)
        #expect(facts.listens.first?.port == .unknown)
    }

    @Test func settingsInstancePortResolvesToItsEnvironmentVariable() {
        let facts = analyze(PythonFixtures.settingsModule + """

        import grpc

        def serve():
            port = settings.grpc_port
            server = grpc.server(None)
            server.add_insecure_port(f"[::]:{port}")
            other = grpc.server(None)
            other.add_insecure_port(f"[::]:{get_settings().grpc_port}")
        """)
        #expect(facts.listens.map(\.port) == [.env(name: "APP_GRPC_PORT", default: "50051"), .env(name: "APP_GRPC_PORT", default: "50051")])
    }

    @Test func importedNamesBecomeReferences() {
        let facts = analyze("""
        import uvicorn
        from .config import settings
        from app import constants

        uvicorn.run("main:app", host=constants.HOST, port=settings.port)
        """)
        let listen = facts.listens.first
        #expect(listen?.port == .unknown)
        #expect(listen?.portReference == PythonNameReference(module: "config", level: 1, path: "settings.port"))
        #expect(listen?.hostReference == PythonNameReference(module: "app", level: 0, path: "constants.HOST"))
    }

    // MARK: - Workers and apps

    @Test func celeryWorkerModule() {
        let facts = analyze(PythonFixtures.celeryWorker, path: "proj/celery.py")
        #expect(facts.issues.isEmpty)
        #expect(facts.appObjects == ["app": .celery])
        let described = facts.envReads.map { "\($0.name):\($0.hasDefault)" }
        #expect(described == ["DJANGO_SETTINGS_MODULE:true", "CELERY_BROKER_URL:false", "CELERY_RESULT_BACKEND:true"])
        #expect(facts.serverHints.isEmpty)
    }

    @Test func otherApplicationObjects() {
        let facts = analyze("""
        import os
        from django.core.wsgi import get_wsgi_application
        from aiohttp import web
        from taskiq_redis import ListQueueBroker
        import grpc

        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mysite.settings")
        application = get_wsgi_application()
        webapp = web.Application()
        broker = ListQueueBroker(url=os.environ["REDIS_URL"])
        server = grpc.server(None)
        web.run_app(webapp, port=8081)
        """)
        #expect(facts.appObjects == ["application": .djangoWSGI, "webapp": .aiohttp, "broker": .taskiq, "server": .grpcServer])
        #expect(PythonAppKind.djangoWSGI.interface == .wsgi)
        #expect(PythonAppKind.fastapi.interface == .asgi)
        let listen = facts.listens.first
        #expect(listen?.framework == "aiohttp")
        #expect(listen?.host == .literal("0.0.0.0"))
        #expect(listen?.hostIsDefault == true)
        #expect(listen?.port == .int(8081))
    }

    @Test func httpServerTupleAddress() {
        let facts = analyze("""
        from http.server import HTTPServer, BaseHTTPRequestHandler
        import os
        ADDRESS = ("", int(os.environ.get("PORT", "8080")))
        httpd = HTTPServer(ADDRESS, BaseHTTPRequestHandler)
        httpd.serve_forever()
        """)
        #expect(facts.listens.first?.host == .literal(""))
        #expect(facts.listens.first?.port == .env(name: "PORT", default: "8080"))
    }

    @Test func databaseHintsOnlyAtStartup() {
        let facts = analyze("""
        import asyncpg
        import psycopg2

        async def startup():
            app.state.pool = await asyncpg.create_pool(dsn=DSN)

        def handler(request):
            conn = psycopg2.connect(DSN)
            return conn
        """)
        #expect(facts.databaseHints.map(\.value) == ["asyncpg.create_pool"])
        #expect(facts.databaseHints.first?.location.line == 5)
    }

    @Test func syntaxErrorsAreIssuesNotCrashes() {
        let facts = analyze("""
        def broken(:
            x = 'unterminated
        class Ok:
            pass
        if True
            y = 1
        """)
        #expect(!facts.issues.isEmpty)
        #expect(facts.issues.allSatisfy { $0.location.line >= 1 && $0.location.line <= 7 })
        #expect(facts.topLevelNames.contains("Ok"))
    }
}
