import Testing
@testable import GreenlightCore

@Suite("GitignoreMatcher")
struct GitignoreMatcherTests {
    private func file(_ path: String, _ lines: [String]) -> GitignoreFile {
        GitignoreFile(source: SourceText(path: path, string: lines.joined(separator: "\n") + "\n"))
    }

    private func matcher(_ lines: [String]) -> GitignoreMatcher {
        GitignoreMatcher(files: [file(".gitignore", lines)])
    }

    /// (patterns, path, isDirectory, ignored)
    static let cases: [([String], String, Bool, Bool)] = [
        (["*.log"], "debug.log", false, true),
        (["*.log"], "logs/2024/debug.log", false, true),
        (["*.log"], "debug.log.txt", false, false),
        (["/build"], "build", true, true),
        (["/build"], "src/build", true, false),
        (["build/"], "build", true, true),
        (["build/"], "services/api/build", true, true),
        (["build/"], "build", false, false),
        (["doc/frotz/"], "doc/frotz", true, true),
        (["doc/frotz/"], "a/doc/frotz", true, false),
        (["frotz/"], "a/frotz", true, true),
        (["**/foo"], "foo", false, true),
        (["**/foo"], "a/b/foo", false, true),
        (["**/foo/bar"], "x/y/foo/bar", false, true),
        (["abc/**"], "abc", true, false),
        (["abc/**"], "abc/x/y", false, true),
        (["a/**/b"], "a/b", false, true),
        (["a/**/b"], "a/x/y/b", false, true),
        (["a/**/b"], "b/a/b", false, false),
        (["foo/*"], "foo/bar", false, true),
        (["foo/*"], "foo/bar/baz", false, true),
        (["foo/*"], "foo", true, false),
        ([".env*", "!.env.example"], ".env", false, true),
        ([".env*", "!.env.example"], ".env.production", false, true),
        ([".env*", "!.env.example"], ".env.example", false, false),
        (["logs/", "!logs/keep.log"], "logs/keep.log", false, true),
        (["logs/*", "!logs/keep.log"], "logs/keep.log", false, false),
        (["logs/*", "!logs/keep.log"], "logs/other.log", false, true),
        (["\\#file"], "#file", false, true),
        (["\\!important"], "!important", false, true),
        (["# comment"], "# comment", false, false),
        (["foo   "], "foo", false, true),
        (["foo\\ "], "foo ", false, true),
        (["foo\\ "], "foo", false, false),
        (["*.py[cod]"], "models.pyc", false, true),
        (["*.py[cod]"], "models.pyo", false, true),
        (["*.py[cod]"], "models.py", false, false),
        (["[!a]bc"], "xbc", false, true),
        (["[!a]bc"], "abc", false, false),
        (["[[:digit:]]*.txt"], "1notes.txt", false, true),
        (["[[:digit:]]*.txt"], "notes.txt", false, false),
        (["__pycache__/"], "app/__pycache__", true, true),
        (["*.egg-info/"], "greenlight.egg-info", true, true),
        (["dist"], "frontend/dist", true, true),
        (["docs/*.md"], "docs/api/intro.md", false, false),
        (["docs/**/*.md"], "docs/api/intro.md", false, true),
        (["foo**bar"], "fooxbar", false, true),
        (["foo**bar"], "foo/bar", false, false),
    ]

    @Test("git's pattern semantics", arguments: cases)
    func gitSemantics(_ patterns: [String], _ path: String, _ isDirectory: Bool, _ ignored: Bool) {
        #expect(matcher(patterns).isIgnored(path, isDirectory: isDirectory) == ignored, "\(patterns) \(path)")
    }

    @Test func deeperGitignoreOverridesShallowerOne() {
        let matcher = GitignoreMatcher(files: [
            file(".gitignore", ["*.json", "local/"]),
            file("api/.gitignore", ["!config.json", "/generated"]),
        ])
        #expect(!matcher.isIgnored("api/config.json", isDirectory: false))
        #expect(matcher.isIgnored("web/config.json", isDirectory: false))
        #expect(matcher.isIgnored("api/generated", isDirectory: true))
        #expect(!matcher.isIgnored("generated", isDirectory: true))
        #expect(!matcher.isIgnored("api/v1/generated", isDirectory: true))
        #expect(matcher.isIgnored("api/local/notes.md", isDirectory: false))
    }

    @Test func fileBelowIgnoredDirectoryCannotBeReincluded() {
        let matcher = GitignoreMatcher(files: [
            file(".gitignore", ["data/"]),
            file("data/.gitignore", ["!seed.sql"]),
        ])
        #expect(matcher.isIgnored("data/seed.sql", isDirectory: false))
        #expect(!matcher.isIgnoredAssumingParentsIncluded("data/seed.sql", isDirectory: false))
    }

    @Test func readsRulesWithLocationsAndFlags() {
        let source = SourceText(path: "web/.gitignore", string: "\u{FEFF}# deps\r\nnode_modules/\r\n\r\n!/dist/keep\r\n")
        let gitignore = GitignoreFile(source: source)
        #expect(gitignore.directory == "web")
        #expect(gitignore.rules.count == 2)
        #expect(gitignore.rules[0].directoryOnly && !gitignore.rules[0].isAnchored)
        #expect(gitignore.rules[0].location.line == 2)
        #expect(gitignore.rules[1].isNegated && gitignore.rules[1].isAnchored)
        #expect(gitignore.rules[1].location == SourceLocation(file: "web/.gitignore", line: 4, column: 1))
        #expect(gitignore.match("web/node_modules", isDirectory: true) == true)
        #expect(gitignore.match("web/dist/keep", isDirectory: false) == false)
        #expect(gitignore.match("node_modules", isDirectory: true) == nil)
    }

    @Test func configuredPatternsUseTheSameSyntax() {
        let configured = GitignoreMatcher(files: [
            GitignoreFile(patterns: ["legacy/", "**/fixtures/**", "!tests/fixtures/keep.yml"], origin: ".greenlight.yml"),
        ])
        #expect(configured.isIgnored("legacy", isDirectory: true))
        #expect(configured.isIgnored("tests/fixtures/docker-compose.yml", isDirectory: false))
        #expect(!configured.isIgnored("tests/fixtures/keep.yml", isDirectory: false))
        #expect(!configured.isIgnored("tests/test_api.py", isDirectory: false))
    }
}
