import Testing
@testable import GreenlightCore

@Suite("RequirementsFile")
struct RequirementsFileTests {
    private func parse(_ text: String, path: String = "services/api/requirements.txt") -> RequirementsFile {
        RequirementsFile.parse(SourceText(path: path, string: text))
    }

    @Test func parsesAFastAPIServiceRequirementsFile() {
        let file = parse("""
        # Web framework
        fastapi==0.115.0
        uvicorn[standard]>=0.30,<0.32
        pydantic-settings ~= 2.4
        SQLAlchemy[asyncio,postgresql_asyncpg] == 2.0.35
        python_dateutil>=2.8 ; python_version < "3.12"
        tomli>=1.1.0; python_version < "3.11"  # backport
        grpcio-tools (>=1.62, <2)
        psycopg[binary]
        -r common.txt
        --requirement ../shared/requirements-base.txt
        -c ../../constraints.txt
        """)
        #expect(file.issues.isEmpty)
        #expect(file.requirements.map(\.name) == [
            "fastapi", "uvicorn", "pydantic-settings", "SQLAlchemy", "python_dateutil", "tomli", "grpcio-tools", "psycopg",
        ])
        let fastapi = file.requirements[0]
        #expect(fastapi.pinnedVersion == "0.115.0")
        #expect(fastapi.specifier == "==0.115.0")
        #expect(fastapi.location == SourceLocation(file: "services/api/requirements.txt", line: 2, column: 1))
        #expect(file.requirements[1].extras == ["standard"])
        #expect(file.requirements[1].specifier == ">=0.30,<0.32")
        #expect(file.requirements[1].pinnedVersion == nil)
        #expect(file.requirements[2].specifier == "~=2.4")
        #expect(file.requirements[3].extras == ["asyncio", "postgresql_asyncpg"])
        #expect(file.requirements[3].normalizedName == "sqlalchemy")
        #expect(file.requirements[3].pinnedVersion == "2.0.35")
        #expect(file.requirements[4].normalizedName == "python-dateutil")
        #expect(file.requirements[4].marker == "python_version < \"3.12\"")
        #expect(file.requirements[5].marker == "python_version < \"3.11\"")
        #expect(file.requirements[6].specifier == ">=1.62,<2")
        #expect(file.requirements[7].specifier.isEmpty)
        #expect(file.includes.map(\.path) == ["common.txt", "../shared/requirements-base.txt"])
        #expect(file.includes.map(\.resolvedPath) == ["services/api/common.txt", "services/shared/requirements-base.txt"])
        #expect(file.includes[1].location.line == 11)
        #expect(file.constraints.map(\.resolvedPath) == ["constraints.txt"])
        #expect(file.requirement(named: "Pydantic_Settings")?.location.line == 4)
    }

    @Test func joinsHashContinuationLines() {
        let file = parse("""
        # pip-compile --generate-hashes
        certifi==2024.8.30 \\
            --hash=sha256:922820b53db7a7257ffbda3f597266d435245903d80737e34f8a45ff3e3230d8 \\
            --hash=sha256:bec941d2aac0a85b6e6da26b47e2ff0e4ab1ddf0a9a40dd8d3bd2c87ca2e4e6c
            # via requests
        idna==3.10 \\
            --hash=sha256:12f65c9b470abda6dc35cf7e5d26fb4d0c7a42dea05bd4d6d4a3bd8f2a7d4c2b
        """)
        #expect(file.issues.isEmpty)
        #expect(file.requirements.map(\.name) == ["certifi", "idna"])
        #expect(file.requirements[0].hashes.count == 2)
        #expect(file.requirements[0].hashes[0].hasPrefix("sha256:9228"))
        #expect(file.requirements[0].location.line == 2)
        #expect(file.requirements[1].location.line == 6)
        #expect(file.requireHashes)
    }

    @Test func readsIndexOptionsEditablesPathsAndURLs() {
        let file = parse("""
        --index-url https://pypi.internal.example.com/simple
        --extra-index-url=https://download.pytorch.org/whl/cpu
        -i https://mirror.example.com/simple
        --find-links ./wheels
        --trusted-host pypi.internal.example.com
        --no-binary :all:
        -e ./libs/common
        -e .
        -e git+https://github.com/org/shared-models.git@v1.4.0#egg=shared-models
        ./packages/auth
        ../vendor/payments-2.1.0-py3-none-any.whl
        https://files.example.com/pkg/rich-13.7.1.tar.gz
        git+https://github.com/encode/starlette.git@0.38.2#egg=starlette
        requests @ https://files.example.com/requests-2.32.3-py3-none-any.whl
        celery[redis] @ git+https://github.com/celery/celery.git@v5.4.0 ; python_version >= "3.8"
        """, path: "requirements.txt")
        #expect(file.issues.isEmpty)
        #expect(file.indexURL?.value == "https://mirror.example.com/simple")
        #expect(file.indexURL?.location.line == 3)
        #expect(file.extraIndexURLs.map(\.value) == ["https://download.pytorch.org/whl/cpu"])
        #expect(file.findLinks.map(\.value) == ["./wheels"])
        #expect(file.unnamedRequirements.map(\.reference) == [
            "./libs/common", ".", "./packages/auth", "../vendor/payments-2.1.0-py3-none-any.whl",
            "https://files.example.com/pkg/rich-13.7.1.tar.gz",
        ])
        #expect(file.unnamedRequirements.map(\.isEditable) == [true, true, false, false, false])
        #expect(file.unnamedRequirements.map(\.isURL) == [false, false, false, false, true])
        let names = file.requirements.map(\.normalizedName)
        #expect(names == ["shared-models", "starlette", "requests", "celery"])
        #expect(file.requirements[0].isEditable)
        #expect(file.requirements[0].url == "git+https://github.com/org/shared-models.git@v1.4.0#egg=shared-models")
        #expect(file.requirements[2].url == "https://files.example.com/requests-2.32.3-py3-none-any.whl")
        #expect(file.requirements[3].extras == ["redis"])
        #expect(file.requirements[3].marker == "python_version >= \"3.8\"")
    }

    @Test func reportsLinesPipRejectsWithLocations() {
        let file = parse("""
        flask==3.0.3
        django>=
        --no-deps
        requests==2.32.3; python_version < "3.8" and color == "blue"
        numpy=1.26
        -r
        gunicorn[gevent  ==22.0.0
        """)
        #expect(file.requirements.map(\.name) == ["flask"])
        #expect(file.issues.map(\.location.line) == [2, 3, 4, 5, 6, 7])
        #expect(file.issues[1].message.contains("--no-deps"))
        #expect(file.issues[2].message.contains("color"))
        #expect(file.issues[4].message.contains("requires a value"))
    }

    @Test func commentsOnlyStartAtLineStartOrAfterWhitespace() {
        let file = parse("""
          # indented comment
        pkg-a==1.0#not-a-comment-so-invalid
        pkg-b==2.0 # a comment
        -e git+https://github.com/org/repo.git#egg=pkg_c # editable with comment
        """)
        #expect(file.requirements.map(\.name) == ["pkg-b", "pkg_c"])
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location.line == 2)
    }

    @Test func continuationAtEndOfFileAndCRLF() {
        let file = parse("redis==5.0.8 \\\r\n    --hash=sha256:abc\r\nhiredis\\")
        #expect(file.issues.isEmpty)
        #expect(file.requirements.map(\.name) == ["redis", "hiredis"])
        #expect(file.requirements[0].hashes == ["sha256:abc"])
    }

    @Test func normalizesNamesPerPEP503() {
        #expect(PythonRequirement.normalize("Django_REST.framework") == "django-rest-framework")
        #expect(PythonRequirement.normalize("zope.interface") == "zope-interface")
        #expect(PythonRequirement.normalize("A--__..b") == "a-b")
    }

    @Test func includesThatLeaveTheProjectAreUnresolved() {
        let file = parse("-r ../../../outside.txt\n-r https://example.com/reqs.txt\n", path: "api/requirements.txt")
        #expect(file.includes.map(\.resolvedPath) == [nil, nil])
    }
}
