import Testing
@testable import GreenlightCore

@Suite("PythonEnvReadsAndImports")
struct PythonEnvReadsAndImportsTests {
    private func analyze(_ text: String, path: String = "app/main.py") -> PythonModuleFacts {
        PythonModuleFacts.analyze(SourceText(path: path, string: text))
    }

    // MARK: - Environment reads

    @Test func environmentReadPatterns() {
        let facts = analyze("""
        import os
        from os import environ, getenv
        from os import getenv as ge
        from decouple import config

        A = os.environ["A"]
        B = os.environ.get("B")
        C = os.environ.get("C", "c")
        D = os.getenv("D")
        E = os.getenv("E", default="e")
        F = environ["F"]
        G = getenv("G", 7)
        H = ge("H")
        os.environ.setdefault("I", "i")
        J = int(os.getenv("J", "8000"))
        K = os.getenv("K") or "k"
        L = os.getenv("L", None)
        M = config("M", default=False, cast=bool)
        N = config("N")
        os.environ["WRITTEN"] = "x"
        del os.environ["DELETED"]
        if "CHECKED" in os.environ:
            pass
        name = f"{os.environ['IN_FSTRING']}-suffix"
        KEY = "BY_CONSTANT"
        O = os.environ[KEY]
        P = os.environ.get(f"{prefix}_URL")
        """)
        let described = facts.envReads.map { read in
            "\(read.name) \(read.hasDefault) \(read.defaultValue ?? "nil") \(read.raisesWhenMissing)"
        }
        #expect(described == [
            "A false nil true", "B false nil false", "C true c false", "D false nil false", "E true e false",
            "F false nil true", "G true 7 false", "H false nil false", "I true i false", "J true 8000 false",
            "K true k false", "L false nil false", "M true False false", "N false nil true", "IN_FSTRING false nil true",
            "BY_CONSTANT false nil true",
        ])
        #expect(facts.envReads.first?.location == SourceLocation(file: "app/main.py", line: 6, column: 5))
    }

    @Test func handledAndConvertedReads() {
        let facts = analyze("""
        import os
        try:
            token = os.environ["API_TOKEN"]
        except KeyError:
            token = None
        try:
            secret = os.environ["SECRET"]
        except ValueError:
            secret = ""
        workers = int(os.getenv("WORKERS"))
        timeout = float(os.environ.get("TIMEOUT") or 30)
        label = str(os.getenv("LABEL"))
        """)
        let described = facts.envReads.map { "\($0.name):\($0.raisesWhenMissing)" }
        #expect(described == ["API_TOKEN:false", "SECRET:true", "WORKERS:true", "TIMEOUT:false", "LABEL:false"])
    }

    @Test func localFunctionNamedGetenvIsNotAnEnvironmentRead() {
        let facts = analyze("""
        def getenv(name):
            return name
        value = getenv("NOT_ENV")
        data = {"x": 1}
        y = data.get("x")
        """)
        #expect(facts.envReads.isEmpty)
    }

    // MARK: - Imports

    @Test func conditionalImports() {
        let facts = analyze(PythonFixtures.optionalImports)
        let described = facts.imports.map { "\($0.module)|\($0.names)|c=\($0.isConditional)|m=\($0.isConditionalWhenMain)|t=\($0.isTypeCheckingOnly)" }
        #expect(described == [
            "__future__|[\"annotations\"]|c=false|m=false|t=false",
            "sys|[]|c=false|m=false|t=false",
            "typing|[\"TYPE_CHECKING\"]|c=false|m=false|t=false",
            "ujson|[]|c=true|m=true|t=false",
            "json|[]|c=true|m=true|t=false",
            "orjson|[]|c=false|m=false|t=false",
            "mypy_boto3_s3|[\"S3Client\"]|c=true|m=true|t=true",
            "winloop|[]|c=true|m=true|t=false",
            "uvloop|[]|c=true|m=true|t=false",
            "pandas|[]|c=true|m=true|t=false",
            "uvicorn|[]|c=true|m=false|t=false",
        ])
        #expect(facts.imports[3].alias == "json")
        #expect(facts.listens.first?.port == .int(9000))
        #expect(facts.listens.first?.host == .literal("127.0.0.1"))
    }

    @Test func inlineTryBodiesAndStarImports() {
        let facts = analyze("""
        try: import simplejson as json
        except ImportError: json = None
        from .local_settings import *
        from ... import pkg
        import a.b.c, d as e
        """)
        #expect(facts.imports.map(\.isConditional) == [true, false, false, false, false])
        #expect(facts.hasStarImport)
        #expect(facts.imports[1].names == ["*"])
        #expect(facts.imports[2].level == 3)
        #expect(facts.imports[2].module == "")
        #expect(facts.imports[3].module == "a.b.c")
        #expect(facts.imports[4].alias == "e")
        #expect(facts.topLevelNames.isSuperset(of: ["json", "pkg", "a", "e"]))
    }
}
