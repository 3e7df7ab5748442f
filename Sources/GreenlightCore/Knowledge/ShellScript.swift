/// Shell text cut into simple commands, the unit `RunCommandAnalyzer` reasons about.
/// Built by `ShellScriptSplitter`; kept separate from the Dockerfile parser's own word
/// splitting because the analyser needs quoting and expansions preserved per word.
struct ShellScript: Sendable {
    var commands: [ScriptCommand] = []
    /// Problems met while splitting, with the byte offset into the text where they start.
    var issues: [(message: String, offset: Int)] = []
}

/// One simple command: words, redirections, and how it is connected to its neighbours.
struct ScriptCommand: Sendable {
    var words: [ShellWord] = []
    var redirects: [ShellRedirect] = []
    /// Its standard input is the previous command's output (`a | b`).
    var readsPipe = false
    /// Its standard output feeds the next command.
    var writesPipe = false
    /// It ended at `)`: a subshell's last command or a `case` pattern.
    var closesParenthesis = false
    /// Bodies of `<<EOF` here-documents it reads.
    var heredocs: [String] = []
    /// Byte offset of its first byte in the text.
    var offset = 0
}

/// An output or input redirection such as `> /etc/app.conf` or `2>&1`.
struct ShellRedirect: Sendable {
    /// The operator without the file descriptor: `>`, `>>`, `<`, `>&`, `&>`, `<<`, `<<<`…
    var op: String
    var target: ShellWord?

    /// True when the redirection writes a file (not a descriptor duplication or input).
    var writesFile: Bool {
        guard op.contains(">"), op != ">&" || !(target?.isDescriptor ?? false) else { return false }
        return true
    }
}

/// One shell word as a sequence of parts, so that variables can be expanded later with
/// the values known at that point of the RUN step.
struct ShellWord: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case literal(String)
        /// `$NAME` or `${NAME}`; `fallback` is the text after `:-` / `-`, `raw` the source.
        case parameter(name: String, fallback: String?, raw: String)
        /// Command substitution, arithmetic, or a `${…}` form not understood: kept as written.
        case opaque(String)
    }

    var parts: [Part] = []
    /// Whether any part of the word was quoted (so `'*.proto'` is not a glob to the shell).
    var quoted = false

    /// The word with variables left as written (`/bin/$NAME`).
    var raw: String {
        parts.map { part in
            switch part {
            case .literal(let text): text
            case .parameter(_, _, let raw): raw
            case .opaque(let raw): raw
            }
        }.joined()
    }

    /// The literal text when the word holds no expansion at all.
    var literal: String? {
        var text = ""
        for part in parts {
            guard case .literal(let value) = part else { return nil }
            text += value
        }
        return text
    }

    /// `1`, `2`, `-`: the target of `2>&1` and `>&-`.
    var isDescriptor: Bool {
        guard let text = literal, !text.isEmpty else { return false }
        return text == "-" || text.allSatisfy(\.isNumber)
    }

    /// Expands variables from `environment`. Unknown variables and command substitutions
    /// stay as written and make `resolved` false.
    func expand(_ environment: [String: String]) -> (text: String, resolved: Bool) {
        var text = ""
        var resolved = true
        for part in parts {
            switch part {
            case .literal(let value):
                text += value
            case .parameter(let name, let fallback, let raw):
                if let value = environment[name] {
                    text += value.isEmpty ? (fallback ?? "") : value
                } else {
                    text += raw
                    resolved = false
                }
            case .opaque(let raw):
                text += raw
                resolved = false
            }
        }
        return (text, resolved)
    }
}
