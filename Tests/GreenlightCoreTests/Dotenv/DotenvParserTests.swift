import Testing
@testable import GreenlightCore

@Suite("Dotenv")
struct DotenvParserTests {
    private func parse(_ text: String, path: String = ".env") -> DotenvFile {
        DotenvFile.parse(SourceText(path: path, string: text))
    }

    /// A realistic FastAPI project `.env` with the common spellings.
    static let projectEnv = """
    # Database
    POSTGRES_USER=postgres
    POSTGRES_PASSWORD='s3cr3t#not-a-comment'
    POSTGRES_DB=app
    DATABASE_URL="postgresql://${POSTGRES_USER}:${POSTGRES_PASSWORD}@postgres:5432/${POSTGRES_DB}"

    export REDIS_URL=redis://redis:6379/0  # cache
    API_PORT = 8000
    DEBUG=
    SENTRY_DSN
    GREETING="line one\\nline two"
    """

    @Test func readsKeysValuesAndLocations() {
        let file = parse(Self.projectEnv)
        #expect(file.issues.isEmpty)
        #expect(file.entries.map(\.key) == [
            "POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB", "DATABASE_URL", "REDIS_URL", "API_PORT", "DEBUG",
            "SENTRY_DSN", "GREETING",
        ])
        let password = file.entry("POSTGRES_PASSWORD")
        #expect(password?.value == "s3cr3t#not-a-comment")
        #expect(password?.quoted == .single)
        #expect(password?.location == GreenlightCore.SourceLocation(file: ".env", line: 3, column: 1))
        #expect(password?.valueLocation == GreenlightCore.SourceLocation(file: ".env", line: 3, column: 19))
        #expect(file.entry("API_PORT")?.value == "8000")
        #expect(file.entry("DEBUG")?.value == "")
        #expect(file.entry("DEBUG")?.isInherited == false)
        #expect(file.entry("SENTRY_DSN")?.isInherited == true)
        #expect(file.values["SENTRY_DSN"] == nil)
        #expect(file.values["DEBUG"] == "")
    }

    @Test func exportPrefixAndInlineComments() {
        let file = parse(Self.projectEnv)
        let redis = file.entry("REDIS_URL")
        #expect(redis?.value == "redis://redis:6379/0")
        #expect(redis?.isExported == true)
        #expect(redis?.location.column == 8)
        #expect(file.comments.map(\.value) == ["# Database", "# cache"])
        #expect(file.comments.map(\.location.line) == [1, 7])
    }

    @Test func doubleQuotesExpandEscapesAndInterpolateEarlierEntries() {
        let file = parse(Self.projectEnv)
        #expect(file.entry("GREETING")?.value == "line one\nline two")
        #expect(file.entry("GREETING")?.rawValue == "line one\\nline two")
        let url = file.entry("DATABASE_URL")
        #expect(url?.value == "postgresql://postgres:s3cr3t#not-a-comment@postgres:5432/app")
        #expect(url?.variables == ["POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB"])
        #expect(url?.quoted == .double)
    }

    @Test func singleQuotesAreLiteral() {
        let file = parse("A=1\nB='${A} \\n $A'\n")
        #expect(file.entry("B")?.value == "${A} \\n $A")
        #expect(file.entry("B")?.variables == [])
    }

    @Test func unquotedValuesInterpolateWithDefaults() {
        let file = parse("HOST=db\nURL=http://${HOST}:${PORT:-5432}/x\nESCAPED=$$HOME\n")
        #expect(file.entry("URL")?.value == "http://db:5432/x")
        #expect(file.entry("ESCAPED")?.value == "$HOME")
    }

    @Test func multiLineDoubleQuotedValue() {
        let text = "KEY=\"-----BEGIN KEY-----\nabc\ndef\n-----END KEY-----\"\nNEXT=1\n"
        let file = parse(text)
        #expect(file.issues.isEmpty)
        #expect(file.entry("KEY")?.value == "-----BEGIN KEY-----\nabc\ndef\n-----END KEY-----")
        #expect(file.entry("NEXT")?.location.line == 5)
    }

    @Test func crlfLineEndings() {
        let file = parse("A=1\r\nB=\"two\r\nlines\"\r\n# note\r\nC=3 # c\r\n")
        #expect(file.issues.isEmpty)
        #expect(file.entry("A")?.value == "1")
        #expect(file.entry("B")?.value == "two\nlines")
        #expect(file.entry("C")?.value == "3")
        #expect(file.comments.map(\.value) == ["# note", "# c"])
    }

    @Test func yamlStyleColonSeparator() {
        let file = parse("LOG_LEVEL: info\n")
        #expect(file.entry("LOG_LEVEL")?.value == "info")
    }

    @Test func hashWithoutSpaceStaysInUnquotedValue() {
        let file = parse("COLOR=#ff0000\nTAG=v1#2 # real comment\n")
        #expect(file.entry("COLOR")?.value == "#ff0000")
        #expect(file.entry("TAG")?.value == "v1#2")
    }

    @Test func linesThatAreNotAssignmentsAreLocatedIssues() {
        let file = parse("GOOD=1\nthis is not valid\n=orphan\nBAD$KEY=1\nLAST=2\n")
        #expect(file.issues.map(\.location.line) == [2, 3, 4])
        #expect(file.issues.allSatisfy { $0.location.file == ".env" })
        #expect(file.issues[2].location.column == 4)
        #expect(file.entries.map(\.key) == ["GOOD", "LAST"])
    }

    @Test func unterminatedQuoteStopsWithAnIssue() {
        let file = parse("A=1\nB=\"never closed\nC=3\n")
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location == GreenlightCore.SourceLocation(file: ".env", line: 2, column: 3))
        #expect(file.entries.map(\.key) == ["A"])
    }

    @Test func textAfterClosingQuoteIsAnIssue() {
        let file = parse("A=\"x\" trailing\nB='y' # fine\n")
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.location.line == 1)
        #expect(file.entry("B")?.value == "y")
        #expect(file.comments.map(\.value) == ["# fine"])
    }

    @Test func escapedQuoteInsideDoubleQuotes() {
        let file = parse(#"MSG="say \"hi\" \$HOME \0101""#)
        #expect(file.entry("MSG")?.value == #"say "hi" $HOME A"#)
    }

    @Test func requiredVariableErrorIsAnIssue() {
        let file = parse("URL=${MISSING:?set MISSING first}\n")
        #expect(file.issues.count == 1)
        #expect(file.issues.first?.message.contains("MISSING") == true)
        #expect(file.issues.first?.message.contains("set MISSING first") == true)
    }

    @Test func lastDuplicateWins() {
        let file = parse("A=1\nA=2\n")
        #expect(file.entries.count == 2)
        #expect(file.entry("A")?.value == "2")
        #expect(file.values["A"] == "2")
    }

    @Test func byteOrderMarkAndEmptyFile() {
        #expect(parse("\u{FEFF}A=1\n").entry("A")?.value == "1")
        let empty = parse("")
        #expect(empty.entries.isEmpty && empty.issues.isEmpty)
    }
}
