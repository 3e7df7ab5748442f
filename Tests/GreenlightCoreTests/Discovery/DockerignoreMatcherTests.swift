import Testing
@testable import GreenlightCore

@Suite("DockerignoreMatcher")
struct DockerignoreMatcherTests {
    private func matcher(_ lines: [String]) -> DockerignoreMatcher {
        DockerignoreMatcher(source: SourceText(path: ".dockerignore", string: lines.joined(separator: "\n") + "\n"))
    }

    /// (pattern, path, excluded) — single-pattern cases with moby/patternmatcher's
    /// expected MatchesOrParentMatches answers.
    static let singlePatternCases: [(String, String, Bool)] = [
        ("**", "file", true),
        ("**/", "dir/file", true),
        ("**/**", "dir/file", true),
        ("dir/**", "dir/file", true),
        ("dir/**", "dir/dir2/file", true),
        ("abc/**", "abc", false),
        ("abc/**", "abc/def/ghi", true),
        ("**/dir", "dir", true),
        ("**/dir", "dir/file", true),
        ("**/dir2/*", "dir/dir2/file", true),
        ("**/dir2/**", "dir/dir2/dir3/file", true),
        ("**file", "dir/dir/file", true),
        ("**/file*.txt", "dir/dir/file.txt", true),
        ("**/**/*.txt", "dir/dir/file.txt", true),
        ("**/**/*.txt2", "dir/dir/file.txt", false),
        ("**/*.txt", "file.txt", true),
        ("a**/*.txt", "a/dir/dir/file.txt", true),
        ("a/*.txt", "a/dir/file.txt", false),
        ("a/*.txt", "a/file.txt", true),
        ("a/*.txt**", "a/file.txt", true),
        ("a[b-d]e", "ace", true),
        ("a[b-d]e", "aae", false),
        ("a[b-d]e", "ae", false),
        ("a[^b-d]e", "aze", true),
        (".*", ".foo", true),
        (".*", "foo", false),
        ("abc.def", "abcZdef", false),
        ("abc.def", "abc.def", true),
        ("abc?def", "abcZdef", true),
        ("abc?def", "abcdef", false),
        ("**/foo/bar", "foo/bar", true),
        ("**/foo/bar", "dir/dir2/foo/bar", true),
        ("**/.foo", ".foo", true),
        ("**/.foo", "bar.foo", false),
        ("a(b)c/def", "a(b)c/def", true),
        ("a(b)c/def", "a(b)c/xyz", false),
        ("a.|)$(}+{bc", "a.|)$(}+{bc", true),
        ("dist/*.whl", "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", true),
        ("a\\*b", "a*b", true),
        ("a\\*b", "ab", false),
        ("a\\\\", "a\\", true),
        ("a*/b", "abc/b", true),
        ("a*/b", "a/c/b", false),
        ("a*b*c*d*e*/f", "axbxcxdxexxx/f", true),
        ("a*b*c*d*e*/f", "axbxcxdxe/xxx/f", false),
        ("a*b?c*x", "abxbbxdbxebxczzx", true),
        ("a*b?c*x", "abxbbxdbxebxczzy", false),
        ("a?b", "a☺b", true),
        ("a???b", "a☺b", false),
        ("a[^a]b", "a☺b", true),
        ("[a-ζ]*", "α", true),
        ("*[a-ζ]", "A", false),
        ("a?b", "a/b", false),
        ("a*b", "a/b", false),
        ("[\\]a]", "]", true),
        ("[x\\-]", "-", true),
        ("[x\\-]", "z", false),
        ("*x", "xxx", true),
        ("[[:digit:]]*.log", "7days.log", true),
        ("[[:digit:]]*.log", "days.log", false),
        // Everyday patterns from real projects.
        ("node_modules", "node_modules/react/index.js", true),
        (".git", ".git/objects/ab/cdef", true),
        ("*.pyc", "app/models.pyc", false),
        ("*.pyc", "models.pyc", true),
        ("**/*.pyc", "app/models.pyc", true),
        ("**/__pycache__", "app/__pycache__/models.cpython-312.pyc", true),
        ("/abs", "abs/file", true),
        ("/abs", "dir/abs", false),
        ("docs", "docs/a/b", true),
        ("docs/", "docs/a/b", true),
        ("**/.env", ".env", true),
        ("**/.env", "services/api/.env", true),
        ("**/.env", "services/api/prod.env", false),
        ("a/**/b", "a/b", true),
        ("a/**/b", "a/x/y/b", true),
        ("a/**/b", "a/x/y/c", false),
        ("a/**/b", "a/b/c", true),
        ("./build/", "build/output.bin", true),
        ("*/temp*", "somedir/temporary.txt", true),
        ("*/temp*", "temporary.txt", false),
        ("*/*/temp*", "somedir/subdir/temporary.txt", true),
        ("temp?", "tempa", true),
        ("temp?", "temp", false),
        ("../outside", "outside", false),
        ("*.md", "README.md", true),
        (".venv", ".venv/lib/python3.12/site-packages/x.py", true),
    ]

    @Test("single patterns match like moby/patternmatcher", arguments: singlePatternCases)
    func singlePattern(_ pattern: String, _ path: String, _ excluded: Bool) {
        let matcher = matcher([pattern])
        #expect(matcher.issues.isEmpty, "\(pattern)")
        #expect(matcher.isExcluded(path) == excluded, "pattern \(pattern) path \(path)")
    }

    static let multiPatternCases: [([String], String, Bool)] = [
        (["**", "!util/docker/web"], "util/docker/web/foo", false),
        (["**", "!util/docker/web", "util/docker/web/foo"], "util/docker/web/foo", true),
        (["**", "!dist/*.whl"], "dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl", false),
        (["*.md", "!README.md"], "README.md", false),
        (["*.md", "!README.md"], "CHANGELOG.md", true),
        (["*.md", "!README.md"], "docs/guide.md", false),
        (["**/*.go", "!vendor/important.go"], "vendor/important.go", false),
        (["**/*.go", "!vendor/important.go"], "vendor/other.go", true),
        (["**/*.go", "!vendor/important.go"], "cmd/server/main.go", true),
        (["docs", "!docs/README.md"], "docs/README.md", false),
        (["docs", "!docs/README.md"], "docs/a/b", true),
        (["docs/*", "!docs/README.md"], "docs/README.md", false),
        (["!fileutils.go", "*.go"], "fileutils.go", true),
        (["*.go", "!fileutils.go"], "fileutils.go", false),
        (["*", "!src", "src/tests"], "src/main.py", false),
        (["*", "!src", "src/tests"], "src/tests/test_api.py", true),
        (["*", "!src", "src/tests"], "Dockerfile", true),
        (["*", "!requirements.txt", "!app/"], "app/main.py", false),
        (["*", "!requirements.txt", "!app/"], "tests/test_main.py", true),
        (["*"], ".", false),
    ]

    @Test("last matching pattern wins, exceptions re-include", arguments: multiPatternCases)
    func multiplePatterns(_ patterns: [String], _ path: String, _ excluded: Bool) {
        #expect(matcher(patterns).isExcluded(path) == excluded, "patterns \(patterns) path \(path)")
    }

    @Test func readsCommentsBlankLinesWhitespaceBOMAndCRLF() {
        let text = "\u{FEFF}# build context for the api\r\n\r\n  node_modules  \r\n   # indented hash is a pattern\r\n!  keep.txt\r\n"
        let matcher = DockerignoreMatcher(source: SourceText(path: "api/.dockerignore", string: text))
        #expect(matcher.patterns.map(\.text) == ["node_modules", "# indented hash is a pattern", "keep.txt"])
        #expect(matcher.patterns.map(\.isException) == [false, false, true])
        #expect(matcher.patterns.map(\.location.line) == [3, 4, 5])
        #expect(matcher.patterns[0].location.column == 3)
        #expect(matcher.isExcluded("node_modules/x"))
        #expect(matcher.isExcluded("# indented hash is a pattern"))
        #expect(!matcher.isExcluded("keep.txt"))
    }

    @Test func cleansPatternsLikeDocker() {
        let matcher = matcher(["/app//data/./cache/", "!/app/data/cache/keep/", "a/b/../c"])
        #expect(matcher.patterns.map(\.text) == ["app/data/cache", "app/data/cache/keep", "a/c"])
        #expect(matcher.isExcluded("app/data/cache/tmp.bin"))
        #expect(!matcher.isExcluded("app/data/cache/keep/model.bin"))
        #expect(matcher.isExcluded("a/c"))
    }

    @Test func reportsPatternsDockerRejectsWithTheirLine() {
        let matcher = matcher(["*.log", "!", "[", "a[", "[]a]", "[x-]", "\\", "foo\\qux", "[!a]b"])
        #expect(matcher.patterns.map(\.text) == ["*.log", "[!a]b"])
        #expect(matcher.issues.map(\.location.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(matcher.issues.allSatisfy { $0.location.file == ".dockerignore" })
        #expect(matcher.issues[0].message.contains("illegal exclusion pattern"))
        #expect(matcher.issues[1].message.contains("syntax error"))
    }

    @Test func bracketIsAnRE2ClassNotAGlobNegation() {
        // Docker passes brackets to Go's regexp engine: `[!a]` means "! or a".
        let matcher = matcher(["[!a]b"])
        #expect(matcher.isExcluded("ab"))
        #expect(matcher.isExcluded("!b"))
        #expect(!matcher.isExcluded("cb"))
    }

    @Test func mayReincludeBelowFollowsBuildKitsDirectorySkipping() {
        let docs = matcher(["docs", "!docs/README.md"])
        #expect(docs.mayReincludeBelow("docs"))
        #expect(!docs.mayReincludeBelow("node_modules"))
        #expect(!matcher(["node_modules", ".git"]).mayReincludeBelow("node_modules"))
        #expect(matcher(["*", "!**/*.go"]).mayReincludeBelow("anything"))
        let trailing = matcher(["*", "!src/*"])
        #expect(trailing.mayReincludeBelow("src"))
        #expect(!trailing.mayReincludeBelow("docs"))
        #expect(matcher(["*", "!app/api/main.py"]).mayReincludeBelow("app"))
    }

    /// Walking with `mayReincludeBelow` to prune must give exactly the files
    /// that `isExcluded` keeps.
    @Test func pruningWalkAgreesWithPerFileAnswer() {
        let files = [
            "Dockerfile", "README.md", "docs/README.md", "docs/guide/intro.md", "src/main.go", "src/util/strings.go",
            "src/util/strings_test.go", "vendor/important.go", "vendor/lib/x.go", "node_modules/a/index.js",
            "app/api/main.py", "app/api/models.py", "app/tests/test_api.py", ".git/HEAD", "build/out.bin",
        ]
        let patternSets: [[String]] = [
            ["docs", "!docs/README.md"], ["*", "!src/*"], ["*", "!**/*.go"], ["**/*.go", "!vendor/important.go"],
            ["*", "!app/api", "app/api/models.py"], ["node_modules", ".git", "build"], ["vendor", "!vendor/lib"],
        ]
        for patterns in patternSets {
            let matcher = matcher(patterns)
            let expected = Set(files.filter { !matcher.isExcluded($0) })
            var kept: Set<String> = []
            for file in files {
                var components = file.split(separator: "/").map(String.init)
                components.removeLast()
                var prefix = ""
                var pruned = false
                for component in components {
                    prefix = prefix.isEmpty ? component : prefix + "/" + component
                    if matcher.isExcluded(prefix) && !matcher.mayReincludeBelow(prefix) {
                        pruned = true
                        break
                    }
                }
                if !pruned && !matcher.isExcluded(file) { kept.insert(file) }
            }
            #expect(kept == expected, "\(patterns)")
        }
    }
}
