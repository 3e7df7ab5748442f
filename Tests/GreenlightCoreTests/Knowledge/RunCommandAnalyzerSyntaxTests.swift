import Testing
@testable import GreenlightCore

@Suite("RunCommandAnalyzer syntax")
struct RunCommandAnalyzerSyntaxTests {
    @Test func splitsOnOperatorsOutsideQuotes() {
        let script = ShellScriptSplitter.split("echo 'a && b' && echo \"c; d\" || true; ls | wc -l & sleep 1\nid")
        #expect(script.commands.map { $0.words.map(\.raw) } == [
            ["echo", "a && b"], ["echo", "c; d"], ["true"], ["ls"], ["wc", "-l"], ["sleep", "1"], ["id"],
        ])
        #expect(script.commands[3].writesPipe)
        #expect(script.commands[4].readsPipe)
        #expect(script.issues.isEmpty)
    }

    @Test func keepsExpansionsAndSubstitutions() {
        let script = ShellScriptSplitter.split("echo $HOME ${A:-x} \"$(uname -m; echo ;)\" `date` $1 \\$NOT")
        let words = script.commands.first?.words.map(\.raw)
        #expect(words == ["echo", "$HOME", "${A:-x}", "$(uname -m; echo ;)", "`date`", "$1", "$NOT"])
        #expect(script.commands.count == 1)
        let expanded = script.commands.first?.words[2].expand(["A": ""])
        #expect(expanded?.text == "x")
        #expect(expanded?.resolved == true)
    }

    @Test func commentsAndContinuations() {
        let script = ShellScriptSplitter.split("apt-get install -y \\\n  curl # the client\n# whole line\necho a#b")
        #expect(script.commands.map { $0.words.map(\.raw) } == [["apt-get", "install", "-y", "curl"], ["echo", "a#b"]])
    }

    @Test func issuesAreLocatedInTheFile() throws {
        let base = SourceLocation(file: "services/api/Dockerfile", line: 12, column: 5)
        let effects = RunCommandAnalyzer.analyze("apt-get install -y curl && \\\n    echo \"unterminated",
                                                 workdir: "/", location: base)
        let issue = try #require(effects.issues.first)
        #expect(issue.location.file == "services/api/Dockerfile")
        #expect(issue.location.line == 13)
        #expect(issue.location.column == 10)
        #expect(issue.message.contains("double quote"))
        // What was understood before the problem is still reported.
        #expect(effects.providedBinaries == ["curl"])
        let single = RunCommandAnalyzer.analyze("echo 'x", workdir: "/", location: base)
        #expect(single.issues.first?.location == SourceLocation(file: "services/api/Dockerfile", line: 12, column: 10))
    }

    @Test func unterminatedHereDocument() {
        let effects = RunCommandAnalyzer.analyze("cat <<EOF > /tmp/a\nline", workdir: "/")
        #expect(effects.issues.count == 1)
        #expect(effects.issues.first?.message.contains("EOF") == true)
    }

    @Test func execFormIsLiteral() {
        let effects = RunCommandAnalyzer.analyze(arguments: ["pip", "install", "-r", "requirements.txt", "$NOT_EXPANDED"],
                                                 workdir: "/srv")
        #expect(effects.requirementFiles == ["/srv/requirements.txt"])
        #expect(effects.packages.map(\.spec) == ["$NOT_EXPANDED"])
    }

    @Test func variablesFromEarlierAssignments() {
        let effects = RunCommandAnalyzer.analyze(
            "BIN=/usr/local/bin; export TOOL=dockerize; wget -O $BIN/$TOOL https://example.com/$TOOL && unset TOOL "
                + "&& touch $BIN/$TOOL",
            workdir: "/")
        #expect(effects.downloads.first?.destination == "/usr/local/bin/dockerize")
        #expect(effects.providedBinaries == ["dockerize"])
        #expect(effects.writesUnknownPaths)
    }

    @Test func unknownCommandsAreConservative() {
        let effects = RunCommandAnalyzer.analyze("docker-php-ext-install pdo_pgsql && go build -o /bin/server ./cmd/server",
                                                 workdir: "/src")
        #expect(effects.unrecognizedCommands == ["docker-php-ext-install", "go"])
        #expect(effects.writesUnknownPaths)
        #expect(effects.mayProvideUnknownBinaries)
        #expect(effects.possiblyWrittenPaths == ["/src"])
    }

    @Test func changeDirectoryToUnknownPlace() {
        let effects = RunCommandAnalyzer.analyze("cd \"$APP_HOME\" && touch ready", workdir: "/app")
        #expect(effects.writesUnknownPaths)
    }
}
