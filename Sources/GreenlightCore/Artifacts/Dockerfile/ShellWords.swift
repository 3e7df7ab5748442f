/// One simple command of a shell command line, with what precedes the program
/// name separated out.
public struct ShellCommand: Sendable, Hashable {
    /// Leading `NAME=value` words (also those given to `env` or `sudo`), as written minus quotes.
    public var assignments: [String]
    /// Wrapper programs removed from the front, in order (`sudo`, `exec`, `env`, `nohup`,
    /// `time`, `timeout`, `nice`, `gosu`, `su-exec`, `tini`, `dumb-init`); each must exist in
    /// the image too. A wrapper is only removed when a command follows it.
    public var wrappers: [String]
    /// The command proper: program name first, quotes and backslashes removed,
    /// `$VAR`/`$(...)` kept as written, redirections dropped.
    public var words: [String]

    public init(assignments: [String] = [], wrappers: [String] = [], words: [String]) {
        self.assignments = assignments
        self.wrappers = wrappers
        self.words = words
    }
}

/// Word-level reading of POSIX shell text: RUN lines, compose `CMD-SHELL` health
/// checks, entrypoint scripts. Nothing is expanded or executed.
public enum ShellWords {
    /// Splits like a POSIX shell splits one command's words: whitespace separates
    /// words, single quotes are literal, double quotes keep spaces and honour `\"`,
    /// `\\`, `\$` and `` \` ``, a backslash outside quotes escapes the next character,
    /// backslash-newline joins lines, `#` at the start of a word begins a comment, and
    /// `$(...)`, `${...}` and backticks stay inside one word. Operators such as `&&`
    /// are not special here. Returns nil when a quote or substitution is not closed.
    public static func split(_ text: String) -> [String]? {
        var lexer = ShellLexer(text, operators: false)
        var words: [String] = []
        while let token = lexer.next() {
            if case .word(let bytes, _) = token { words.append(DockerBytes.string(bytes)) }
        }
        return lexer.unbalanced ? nil : words
    }

    /// The words of each simple command in `shellText`, split on `&&`, `||`, `;`, `|`,
    /// `&`, newlines and parentheses (outside quotes). See `parseCommands` for what is
    /// removed; commands left with no words (bare assignments, `fi`) are omitted.
    /// Empty when the text has an unclosed quote, since the shell would not run it.
    public static func commands(_ shellText: String) -> [[String]] {
        parseCommands(shellText).map(\.words).filter { !$0.isEmpty }
    }

    /// The simple commands of `shellText` in order. For each: reserved words at the
    /// start (`if then else elif fi do done while until ! { }`) are dropped, so
    /// `if cmd; then other; fi` yields `cmd` and `other`; `for`, `case`, `select` and
    /// `function` headers are dropped entirely; redirections (`> file`, `2>&1`, `<<EOF`
    /// with its body) are dropped; leading `NAME=value` words become `assignments`;
    /// wrappers (`sudo -u app`, `exec`, `env -i X=1`, `nohup`, `time`, `timeout 5`,
    /// `nice -n 5`, `gosu app`, `su-exec app`, `tini --`, `dumb-init --`) are removed
    /// with their options and their names kept in `wrappers`. Builtins such as `set -e`,
    /// `cd`, `.` and `export` are kept as ordinary commands. Empty when a quote or
    /// substitution is not closed.
    public static func parseCommands(_ shellText: String) -> [ShellCommand] {
        var lexer = ShellLexer(shellText, operators: true)
        var commands: [ShellCommand] = []
        var current: [(text: String, assignable: Bool)] = []
        var pendingRedirect: (heredoc: Bool, stripsTabs: Bool)?
        func flush() {
            if let command = ShellCommandReader.read(current) { commands.append(command) }
            current = []
        }
        while let token = lexer.next() {
            switch token {
            case .word(let bytes, let assignable):
                if let redirect = pendingRedirect {
                    if redirect.heredoc { lexer.expectHeredoc(bytes, stripsTabs: redirect.stripsTabs) }
                    pendingRedirect = nil
                } else {
                    current.append((DockerBytes.string(bytes), assignable))
                }
            case .redirect(let heredoc, let stripsTabs):
                pendingRedirect = (heredoc, stripsTabs)
            case .separator:
                pendingRedirect = nil
                flush()
            }
        }
        flush()
        return lexer.unbalanced ? [] : commands
    }
}

/// Turns one simple command's words into a `ShellCommand`.
enum ShellCommandReader {
    static let reservedWords: Set<String> = ["if", "then", "else", "elif", "fi", "do", "done", "while", "until", "!", "{", "}", "esac"]
    static let headerWords: Set<String> = ["for", "case", "select", "function"]

    /// Options that take a separate value, per wrapper.
    static let optionsWithValue: [String: Set<String>] = [
        "sudo": ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group", "--chdir"],
        "exec": ["-a"],
        "env": ["-u", "--unset", "-C", "--chdir"],
        "time": ["-f", "-o", "--format", "--output"],
        "timeout": ["-s", "-k", "--signal", "--kill-after"],
        "nice": ["-n", "--adjustment"],
        "tini": ["-e", "-p"],
        "dumb-init": ["-r", "--rewrite"],
        "nohup": [],
        "gosu": [],
        "su-exec": [],
    ]
    /// Wrappers that take one positional argument before the command.
    static let positionalArguments: [String: Int] = ["timeout": 1, "gosu": 1, "su-exec": 1]

    static func read(_ raw: [(text: String, assignable: Bool)]) -> ShellCommand? {
        var index = 0
        while index < raw.count, reservedWords.contains(raw[index].text) { index += 1 }
        guard index < raw.count else { return nil }
        if headerWords.contains(raw[index].text) { return nil }
        var assignments: [String] = []
        while index < raw.count, raw[index].assignable, isAssignment(raw[index].text) {
            assignments.append(raw[index].text)
            index += 1
        }
        var wrappers: [String] = []
        while index < raw.count, let end = wrapperEnd(raw, at: index, assignments: &assignments), end < raw.count {
            wrappers.append(raw[index].text)
            index = end
        }
        return ShellCommand(assignments: assignments, wrappers: wrappers, words: raw[index...].map(\.text))
    }

    /// Where the command after the wrapper at `index` starts, or nil when the word is no wrapper.
    private static func wrapperEnd(
        _ raw: [(text: String, assignable: Bool)],
        at index: Int,
        assignments: inout [String]
    ) -> Int? {
        let name = raw[index].text
        guard let valued = optionsWithValue[name] else { return nil }
        var cursor = index + 1
        var found: [String] = []
        while cursor < raw.count {
            let word = raw[cursor].text
            if word == "--" {
                cursor += 1
                break
            }
            guard word.hasPrefix("-"), word.count > 1, name != "nohup", name != "gosu", name != "su-exec" else { break }
            if name == "env", word == "-S" || word.hasPrefix("--split-string") { return nil }
            cursor += valued.contains(word) ? 2 : 1
        }
        if let count = positionalArguments[name] { cursor += count }
        if name == "env" || name == "sudo" {
            while cursor < raw.count, isAssignment(raw[cursor].text) {
                found.append(raw[cursor].text)
                cursor += 1
            }
        }
        guard cursor < raw.count else { return nil }
        assignments.append(contentsOf: found)
        return cursor
    }

    /// `NAME=value` with a valid shell name.
    static func isAssignment(_ word: String) -> Bool {
        let bytes = Array(word.utf8)
        guard let equals = bytes.firstIndex(of: DockerBytes.equals), equals > 0 else { return false }
        let first = bytes[0]
        guard DockerBytes.isLetter(first) || first == DockerBytes.underscore else { return false }
        return bytes[1..<equals].allSatisfy(DockerBytes.isNameByte)
    }
}
