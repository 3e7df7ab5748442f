import Testing
@testable import GreenlightCore

@Suite("Path utilities")
struct PathUtilitiesTests {
    @Test("normalize collapses ., .. and // and keeps the root", arguments: [
        ("", ""), ("/", "/"), ("a", "a"), ("/app", "/app"), ("/app/", "/app"), ("a//b", "a/b"), ("./a", "a"),
        ("a/./b", "a/b"), ("a/../b", "b"), ("/a/b/..", "/a"), ("..", ""), ("/..", "/"), ("a/.", "a"), ("//a", "/a"),
        (".hidden/x", ".hidden/x"), ("a/..b/c", "a/..b/c"), ("...", "..."), ("/app/.venv/bin", "/app/.venv/bin"),
    ])
    func normalize(input: String, expected: String) {
        #expect(PathUtilities.normalize(input) == expected)
    }

    @Test("join resolves relative paths against a base and keeps absolute ones")
    func join() {
        #expect(PathUtilities.join("/app", "workflow_engine") == "/app/workflow_engine")
        #expect(PathUtilities.join("/app", "/bin/x") == "/bin/x")
        #expect(PathUtilities.join("/app", "../shared") == "/shared")
        #expect(PathUtilities.join("", "api/Dockerfile") == "api/Dockerfile")
    }

    @Test("relative, dirname and basename")
    func parts() {
        #expect(PathUtilities.relative("api/app/main.py", to: "api") == "app/main.py")
        #expect(PathUtilities.relative("apiary/x", to: "api") == nil)
        #expect(PathUtilities.dirname("/app/main.py") == "/app")
        #expect(PathUtilities.dirname("/main.py") == "/")
        #expect(PathUtilities.basename("a/b/c.py") == "c.py")
    }
}

@Suite("Relative paths")
struct RelativePathTests {
    @Test("from a module directory to a file elsewhere in the project")
    func relative() {
        #expect(PathUtilities.relativePath(from: "infra", to: "envs/production.tfvars") == "../envs/production.tfvars")
        #expect(PathUtilities.relativePath(from: "infra", to: "infra/prod.tfvars") == "prod.tfvars")
        #expect(PathUtilities.relativePath(from: "", to: "prod.tfvars") == "prod.tfvars")
        #expect(PathUtilities.relativePath(from: "a/b", to: "a/c/x") == "../c/x")
    }
}
