import Testing
@testable import GreenlightCore

/// Resolves dotted module names against an in-memory tree the way `sys.path` would.
struct PythonTestResolver {
    let tree: MemoryFileTree
    var roots: [String] = [""]

    func resolve(_ module: String) -> PythonResolvedModule? {
        let relative = module.split(separator: ".").joined(separator: "/")
        for root in roots {
            let base = root.isEmpty ? relative : root + "/" + relative
            if let text = tree.sourceText(base + ".py") { return PythonResolvedModule(name: module, source: text, isPackage: false) }
            if let text = tree.sourceText(base + "/__init__.py") { return PythonResolvedModule(name: module, source: text, isPackage: true) }
            if tree.isDirectory(base) { return PythonResolvedModule(name: module, source: nil, isPackage: true) }
        }
        return nil
    }
}

@Suite("PythonProgram")
struct PythonProgramTests {
    static let packageTree = MemoryFileTree([
        "app/__init__.py": "from .main import app\n",
        "app/main.py": """
        import os
        import uvicorn
        from fastapi import FastAPI
        from .routes import users
        from . import db
        from .core.config import settings

        app = FastAPI()
        app.include_router(users.router)

        if __name__ == "__main__":
            uvicorn.run(app, host="0.0.0.0", port=settings.port)
        """,
        "app/routes/__init__.py": "from . import users\n",
        "app/routes/users.py": """
        from fastapi import APIRouter
        from ..db import get_session
        from app.services import billing

        router = APIRouter()
        """,
        "app/db.py": """
        import os
        from sqlalchemy import create_engine
        engine = create_engine(os.environ["DATABASE_URL"])
        def get_session():
            return engine
        """,
        "app/services/billing.py": """
        import stripe
        from app.routes import users
        from .missing import charge
        from . import ledger
        from google.cloud import storage
        """,
        "app/core/config.py": """
        from pydantic_settings import BaseSettings

        class Settings(BaseSettings):
            port: int = 8000
            stripe_key: str

        settings = Settings()
        """,
        "tests/test_main.py": "import pytest\n",
    ])

    @Test func packageWithRelativeImportsAndACycle() {
        let resolver = PythonTestResolver(tree: Self.packageTree)
        let program = PythonProgram.walk(entryModules: ["app.main"], resolve: resolver.resolve)
        #expect(program.entryModules == ["app.main"])
        #expect(Set(program.modules) == [
            "app", "app.main", "app.routes", "app.routes.users", "app.db", "app.core", "app.core.config", "app.services",
            "app.services.billing",
        ])
        #expect(program.files == [
            "app/__init__.py", "app/core/config.py", "app/db.py", "app/main.py", "app/routes/__init__.py",
            "app/routes/users.py", "app/services/billing.py",
        ])
        #expect(!program.files.contains("tests/test_main.py"))
        let thirdParty = Set(program.thirdPartyImports.map(\.module))
        #expect(thirdParty == ["uvicorn", "fastapi", "sqlalchemy", "stripe", "pydantic_settings", "google.cloud.storage"])
        #expect(program.thirdPartyImports.first { $0.module == "uvicorn" }?.isConditional == false)
        #expect(Set(program.envReads.map(\.name)) == ["DATABASE_URL", "PORT", "STRIPE_KEY"])
        #expect(program.unresolvedLocalLike.map(\.module).sorted() == ["app.services.ledger", "app.services.missing"])
        #expect(program.unresolvedLocalLike.first { $0.module == "app.services.missing" }?.importer == "app.services.billing")
        #expect(program.databaseHints.map(\.value) == ["sqlalchemy.create_engine"])
        #expect(program.issues.isEmpty)
    }

    @Test func listensResolveNamesFromOtherModules() {
        let resolver = PythonTestResolver(tree: Self.packageTree)
        let program = PythonProgram.walk(entryModules: ["app.main"], runAsMain: true, resolve: resolver.resolve)
        #expect(program.listens.count == 1)
        #expect(program.listens.first?.port == .env(name: "PORT", default: "8000"))
        #expect(program.listens.first?.host == .literal("0.0.0.0"))
        #expect(program.facts["app.main"]?.listens.first?.port == .unknown)
        // Loaded by a server (`uvicorn app.main:app`) the main guard never runs.
        let imported = PythonProgram.walk(entryModules: ["app.main"], resolve: resolver.resolve)
        #expect(imported.listens.isEmpty)
        #expect(imported.facts["app.main"]?.listens.count == 1)
        #expect(imported.facts["app.main"]?.mainGuardLines == 11...12)
    }

    @Test func appKindFollowsReExports() {
        let resolver = PythonTestResolver(tree: Self.packageTree)
        let program = PythonProgram.walk(entryModules: ["app"], resolve: resolver.resolve)
        #expect(program.appKind(module: "app", attribute: "app") == .fastapi)
        #expect(program.appKind(module: "app.main", attribute: "app") == .fastapi)
        #expect(program.appKind(module: "app", attribute: "application") == nil)
    }

    @Test func generatedProtobufModules() {
        let tree = MemoryFileTree([
            "server.py": """
            import grpc
            from google.protobuf import timestamp_pb2
            from proto import workflow_pb2, workflow_pb2_grpc
            from proto import missing_pb2
            import health_pb2
            """,
            "proto/__init__.py": "",
            "proto/workflow_pb2.py": "from google.protobuf import descriptor as _descriptor\n",
            "proto/workflow_pb2_grpc.py": "import grpc\nimport workflow_pb2 as workflow__pb2\n",
        ])
        let resolver = PythonTestResolver(tree: tree)
        guard let script = tree.sourceText("server.py") else {
            Issue.record("fixture missing")
            return
        }
        let program = PythonProgram.walk(entryScript: script, resolve: resolver.resolve)
        let described = program.pb2Imports.map { "\($0.module):\($0.isResolved)" }
        #expect(described == [
            "proto.workflow_pb2:true", "proto.workflow_pb2_grpc:true", "proto.missing_pb2:false", "health_pb2:false",
            "workflow_pb2:false",
        ])
        #expect(program.pb2Imports.last?.importer == "proto.workflow_pb2_grpc")
        #expect(Set(program.thirdPartyImports.map(\.module)) == ["grpc", "google.protobuf"])
        #expect(program.unresolvedLocalLike.isEmpty)
        #expect(program.files == ["proto/__init__.py", "proto/workflow_pb2.py", "proto/workflow_pb2_grpc.py", "server.py"])
    }

    @Test func scriptEntryRunsItsMainGuardAndCannotImportRelatively() {
        let tree = MemoryFileTree([
            "main.py": """
            from .helpers import x
            import helpers

            if __name__ == "__main__":
                import uvicorn
                uvicorn.run("main:app")
            """,
            "helpers.py": "def helper(): import numpy\n",
        ])
        let resolver = PythonTestResolver(tree: tree)
        guard let script = tree.sourceText("main.py") else {
            Issue.record("fixture missing")
            return
        }
        let program = PythonProgram.walk(entryScript: script, resolve: resolver.resolve)
        #expect(program.unresolvedLocalLike.map(\.module) == [".helpers"])
        let imports = Dictionary(program.thirdPartyImports.map { ($0.module, $0.isConditional) }, uniquingKeysWith: { first, _ in first })
        #expect(imports == ["uvicorn": false, "numpy": true])
        #expect(program.modules == ["__main__", "helpers"])
    }

    @Test func packageRunAsModuleAlsoRunsItsMainSubmodule() {
        let tree = MemoryFileTree([
            "worker/__init__.py": "",
            "worker/__main__.py": "from .loop import run\nrun()\n",
            "worker/loop.py": "import os\nQUEUE = os.environ['QUEUE_URL']\ndef run(): pass\n",
        ])
        let resolver = PythonTestResolver(tree: tree)
        let program = PythonProgram.walk(entryModules: ["worker"], runAsMain: true, resolve: resolver.resolve)
        #expect(program.modules == ["worker", "worker.__main__", "worker.loop"])
        #expect(program.envReads.map(\.name) == ["QUEUE_URL"])
        #expect(program.packages == ["worker"])
    }

    @Test func standardLibraryAndFutureImportsAreNotThirdParty() {
        let tree = MemoryFileTree([
            "job.py": """
            from __future__ import annotations
            import os, sys, json, asyncio, typing, dataclasses, tomllib, zoneinfo, _thread
            import distutils.core
            import yaml
            """,
        ])
        let resolver = PythonTestResolver(tree: tree)
        let program = PythonProgram.walk(entryModules: ["job"], resolve: resolver.resolve)
        #expect(program.thirdPartyImports.map(\.module) == ["yaml"])
        #expect(program.thirdPartyImports.first?.location.line == 4)
    }

    @Test func localModulesShadowLibrariesAndMissingEntryYieldsEmptyProgram() {
        let tree = MemoryFileTree(["redis.py": "CONNECTION = None\n", "main.py": "import redis\n"])
        let resolver = PythonTestResolver(tree: tree)
        let program = PythonProgram.walk(entryModules: ["main"], resolve: resolver.resolve)
        #expect(program.thirdPartyImports.isEmpty)
        #expect(program.modules == ["main", "redis"])
        let empty = PythonProgram.walk(entryModules: ["absent"], resolve: resolver.resolve)
        #expect(empty.modules.isEmpty)
        #expect(empty.files.isEmpty)
    }
}
