import Testing
@testable import GreenlightCore

@Suite("PyProject")
struct PyProjectTests {
    private func parse(_ text: String) -> PyProject {
        PyProject.parse(SourceText(path: "services/orders/pyproject.toml", string: text))
    }

    @Test func readsPEP621ProjectWithGroupsAndScripts() {
        let project = parse("""
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "orders-service"
        version = "1.4.0"
        requires-python = ">=3.11"
        dynamic = ["readme"]
        dependencies = [
            "fastapi[standard]>=0.110,<1",
            "SQLAlchemy==2.0.35",
            "asyncpg>=0.29 ; platform_python_implementation == 'CPython'",
            "orders-proto @ git+https://github.com/acme/orders-proto.git@v3",
        ]

        [project.optional-dependencies]
        grpc = ["grpcio==1.66.1", "grpcio-health-checking"]

        [project.scripts]
        orders-api = "orders.main:run"
        orders-worker = "orders.worker:main"

        [dependency-groups]
        test = ["pytest>=8", "httpx"]
        lint = ["ruff==0.6.9"]
        dev = [{include-group = "test"}, {include-group = "lint"}, "ipython"]
        """)
        #expect(project.issues.isEmpty)
        #expect(project.name?.value == "orders-service")
        #expect(project.name?.location.line == 6)
        #expect(project.requiresPython?.value == ">=3.11")
        #expect(project.buildBackend == "hatchling.build")
        #expect(project.dynamic == ["readme"])
        #expect(project.dependencies.map(\.normalizedName) == ["fastapi", "sqlalchemy", "asyncpg", "orders-proto"])
        #expect(project.dependencies[0].extras == ["standard"])
        #expect(project.dependencies[1].pinnedVersion == "2.0.35")
        #expect(project.dependencies[1].location == SourceLocation(file: "services/orders/pyproject.toml", line: 12, column: 5))
        #expect(project.dependencies[2].marker == "platform_python_implementation == 'CPython'")
        #expect(project.dependencies[3].url == "git+https://github.com/acme/orders-proto.git@v3")
        #expect(project.optionalDependencies["grpc"]?.map(\.name) == ["grpcio", "grpcio-health-checking"])
        #expect(project.scripts["orders-api"]?.value == "orders.main:run")
        #expect(project.scripts["orders-worker"]?.location.line == 22)
        #expect(project.dependencyGroups["dev"]?.map(\.name) == ["pytest", "httpx", "ruff", "ipython"])
        #expect(project.dependencyGroups["test"]?.count == 2)
        #expect(project.allRequirements.count == 4 + 2 + 4 + 1 + 2)
    }

    @Test func readsPoetryProject() {
        let project = parse("""
        [tool.poetry]
        name = "billing"
        version = "0.3.0"
        packages = [{ include = "billing", from = "src" }]

        [tool.poetry.dependencies]
        python = "^3.12"
        flask = "^3.0"
        gunicorn = "22.0.0"
        celery = { version = "5.4.0", extras = ["redis"] }
        shared = { path = "../shared", develop = true }
        stripe = { git = "https://github.com/stripe/stripe-python.git", tag = "v10.0.0" }
        numpy = [
            { version = "<2", python = "<3.10" },
            { version = ">=2", python = ">=3.10" },
        ]
        pendulum = "*"

        [tool.poetry.group.dev.dependencies]
        pytest = "^8.3"

        [tool.poetry.dev-dependencies]
        black = "24.8.0"

        [tool.poetry.scripts]
        billing = "billing.app:main"
        """)
        #expect(project.issues.isEmpty)
        #expect(project.name?.value == "billing")
        #expect(project.requiresPython?.value == "^3.12")
        #expect(project.dependencies.map(\.name) == ["flask", "gunicorn", "celery", "shared", "stripe", "numpy", "pendulum"])
        #expect(project.dependencies[0].specifier == "^3.0")
        #expect(project.dependencies[0].pinnedVersion == nil)
        #expect(project.dependencies[1].pinnedVersion == "22.0.0")
        #expect(project.dependencies[2].extras == ["redis"])
        #expect(project.dependencies[2].pinnedVersion == "5.4.0")
        #expect(project.dependencies[3].url == "../shared")
        #expect(project.dependencies[3].isEditable)
        #expect(project.dependencies[4].url == "https://github.com/stripe/stripe-python.git")
        #expect(project.dependencies[6].specifier.isEmpty)
        #expect(project.dependencyGroups["dev"]?.map(\.name) == ["black", "pytest"])
        #expect(project.scripts["billing"]?.value == "billing.app:main")
    }

    @Test func reportsBadDependencyEntriesAndTOMLErrors() {
        let project = parse("""
        [project]
        name = 42
        dependencies = [
            "requests>=2",
            "not a valid requirement!",
            7,
        ]

        [dependency-groups]
        loop = [{include-group = "loop"}]
        missing = [{include-group = "nope"}]

        [tool.poetry.dependencies]
        "bad name!" = "1.0"
        [tool.broken
        """)
        #expect(project.dependencies.map(\.name) == ["requests"])
        let lines = project.issues.map(\.location.line).sorted()
        #expect(lines == [2, 5, 6, 10, 11, 14, 15])
    }

    @Test func readsSetuptoolsDynamicDependencyFiles() {
        let project = parse("""
        [project]
        name = "legacy-api"
        dynamic = ["dependencies", "version"]

        [tool.setuptools.dynamic]
        dependencies = {file = ["requirements.txt", "requirements-extra.txt"]}
        version = {attr = "legacy_api.__version__"}
        """)
        #expect(project.issues.isEmpty)
        #expect(project.dynamic == ["dependencies", "version"])
        #expect(project.dynamicDependencyFiles.map(\.value) == ["requirements.txt", "requirements-extra.txt"])
        #expect(project.dynamicDependencyFiles.first?.location.line == 6)
    }

    @Test func readsUvDevDependencies() {
        let project = parse("""
        [project]
        name = "svc"
        dependencies = []
        [tool.uv]
        dev-dependencies = ["pytest-asyncio>=0.24"]
        """)
        #expect(project.issues.isEmpty)
        #expect(project.dependencyGroups["dev"]?.first?.normalizedName == "pytest-asyncio")
    }
}
