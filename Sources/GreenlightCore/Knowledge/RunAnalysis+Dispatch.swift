/// Choosing the handler for one simple command: shell keywords and wrappers are peeled
/// off first (`sudo`, `env`, `gosu`, `uv run`…), then the command name picks a handler.
extension RunAnalysis {
    /// Commands that change nothing in the image the application could depend on:
    /// queries, checks and system housekeeping outside the app tree.
    static let inertCommands: Set<String> = [
        "echo", "printf", "true", "false", ":", "test", "[", "[[", "ls", "cat", "which", "type", "id", "whoami",
        "uname", "printenv", "sleep", "date", "pwd", "nproc", "getconf", "dpkg-architecture", "apt-mark", "apt-key",
        "apt-cache", "apt-config", "update-ca-certificates", "update-ca-trust", "ldconfig", "locale-gen", "localedef",
        "dpkg-reconfigure", "dpkg-query", "gpg", "gpgconf", "gpg-agent", "sha256sum", "sha512sum", "sha1sum", "md5sum",
        "grep", "egrep", "fgrep", "awk", "cut", "sort", "uniq", "tr", "head", "tail", "wc", "basename", "dirname",
        "readlink", "realpath", "stat", "file", "ldd", "scanelf", "usermod", "passwd", "chpasswd", "setcap", "sysctl",
        "getent", "groups", "envsubst", "jq", "hash", "ulimit", "umask", "trap", "wait", "exit", "return", "break",
        "continue", "shift", "source", ".", "mktemp", "locale", "diff", "cmp", "expr", "seq",
        "xxd", "od", "base64", "tput", "clear", "history", "alias", "unalias", "read", "mkfifo", "sync", "env-update",
    ]

    private static let versionQueries: Set<String> = ["--version", "-version", "-v", "-V", "version", "--help", "-h"]

    /// Shell keywords that only prefix the real command.
    private static let prefixKeywords: Set<String> = ["if", "then", "else", "elif", "do", "while", "until", "!", "{", "time"]
    /// Shell keywords that end a construct and run nothing.
    private static let closingKeywords: Set<String> = ["fi", "done", "esac", "}"]

    mutating func execute(_ arguments: ArraySlice<ShellArgument>, command: ScriptCommand) {
        var args = arguments
        while let first = args.first?.text, RunAnalysis.prefixKeywords.contains(first) {
            args = args.dropFirst()
        }
        guard let first = args.first else { return }
        let word = first.text
        if inCase {
            if word == "esac" { inCase = false }
            // `pattern)` and `a|b)`: the splitter ends patterns at `)` or `|`.
            if args.count == 1, command.closesParenthesis || command.writesPipe { return }
        }
        if RunAnalysis.closingKeywords.contains(word) { return }
        if word == "case" {
            inCase = true
            return
        }
        if word == "for" || word == "select" {
            if args.count > 1 { environment[args[args.startIndex + 1].text] = nil }
            return
        }
        if word == "function" || word.hasSuffix("()") { return }
        if let rest = stripWrapper(args) {
            execute(rest, command: command)
            return
        }
        let name = PathUtilities.basename(word)
        // `node --version`, `go version`: a query of any tool changes nothing.
        if args.count == 2, let option = args.last?.text, RunAnalysis.versionQueries.contains(option) { return }
        if dispatchKnown(name, args, command: command) { return }
        if word.contains("/") {
            runScript(path: first, interpreter: nil)
        } else if first.resolved {
            markUnknown(name)
        } else {
            markUnknown(nil)
        }
    }

    /// The command after wrappers such as `sudo -u app`, `env -i A=1`, `exec`, `gosu user`,
    /// `uv run`, `poetry run`; nil when `args` does not start with a wrapper.
    private func stripWrapper(_ args: ArraySlice<ShellArgument>) -> ArraySlice<ShellArgument>? {
        guard let first = args.first else { return nil }
        var rest = args.dropFirst()
        func dropOptions(valued: Set<String>) {
            while let option = rest.first?.text, option.hasPrefix("-"), option != "-" {
                rest = rest.dropFirst()
                if option == "--" { break }
                if valued.contains(option) { rest = rest.dropFirst() }
            }
        }
        switch PathUtilities.basename(first.text) {
        case "sudo":
            dropOptions(valued: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "--user", "--group"])
        case "env":
            dropOptions(valued: ["-u", "--unset", "-C", "--chdir", "-S"])
            while let next = rest.first, RunAnalysis.assignment(next) != nil { rest = rest.dropFirst() }
            if rest.isEmpty { return nil }
        case "exec", "nohup", "builtin", "stdbuf", "chronic", "tini", "dumb-init":
            dropOptions(valued: ["-a", "-i", "-o", "-e"])
        case "nice", "ionice":
            dropOptions(valued: ["-n", "-c", "--adjustment"])
        case "timeout":
            dropOptions(valued: ["-k", "-s", "--kill-after", "--signal"])
            rest = rest.dropFirst()
        case "gosu", "su-exec", "setpriv", "chpst":
            rest = rest.dropFirst()
        case "command":
            if let option = rest.first?.text, option == "-v" || option == "-V" { return nil }
            dropOptions(valued: [])
        case "xargs":
            dropOptions(valued: ["-n", "-I", "-i", "-L", "-P", "-d", "-E", "-s", "-a", "--max-args", "--delimiter"])
        case "uv", "poetry", "pipenv", "pdm", "hatch", "rye":
            guard rest.first?.text == "run" else { return nil }
            rest = rest.dropFirst()
            dropOptions(valued: ["--with", "--python", "-p", "--project", "--directory", "--env-file", "--group",
                                 "--extra", "--package", "--with-requirements", "--index-url", "-e", "--environment"])
        default:
            return nil
        }
        return rest.isEmpty ? nil : rest
    }

    /// Runs the handler for `name`; false when the command is not known.
    private mutating func dispatchKnown(_ name: String, _ args: ArraySlice<ShellArgument>, command: ScriptCommand) -> Bool {
        let rest = args.dropFirst()
        switch name {
        case _ where RunAnalysis.inertCommands.contains(name):
            return true
        case "set", "shopt", "unset", "export", "readonly", "declare", "local", "typeset":
            setBuiltin(name, rest)
        case "cd", "pushd", "popd":
            changeDirectory(name, rest)
        case "apt-get", "apt", "aptitude":
            aptGet(rest)
        case "apk":
            apk(rest)
        case "dnf", "yum", "microdnf", "tdnf":
            rpmManager(rest)
        case "dpkg", "rpm":
            localPackage(name, rest)
        case "pip", "pip3", "pipx":
            pip(rest, tool: name == "pipx" ? "pipx" : "pip")
        case _ where name.hasPrefix("pip3.") || name.hasPrefix("pip2"):
            pip(rest, tool: "pip")
        case "python", "python3", "python2", "pypy3":
            python(rest, command: command)
        case _ where name.hasPrefix("python3.") && name.dropFirst(8).allSatisfy(\.isNumber):
            python(rest, command: command)
        case "uv":
            uv(rest)
        case "poetry":
            poetry(rest)
        case "pipenv", "pdm":
            projectTool(name, rest)
        case "virtualenv":
            if let target = rest.last(where: { !$0.text.hasPrefix("-") }) { createVirtualEnvironment(target) }
        case "npm", "yarn", "pnpm", "bun":
            node(name, rest)
        case "npx", "pnpx", "bunx":
            markUnknown(name)
        case "corepack":
            if rest.first?.text == "enable" { extraBinaries += ["yarn", "pnpm", "yarnpkg", "pnpx"] }
        case "curl":
            curl(rest, command: command)
        case "wget":
            wget(rest, command: command)
        case "mkdir":
            makeDirectories(rest)
        case "touch", "truncate", "strip", "upx", "tee":
            writeArguments(rest)
        case "cp", "mv":
            copy(rest, isMove: name == "mv")
        case "install":
            installFiles(rest)
        case "ln":
            link(rest)
        case "update-alternatives":
            alternatives(rest)
        case "rm", "rmdir", "unlink", "shred":
            remove(rest)
        case "chmod":
            changeMode(rest)
        case "chown", "chgrp":
            changeOwner(rest)
        case "sed", "perl":
            inPlaceEdit(rest)
        case "find":
            find(rest)
        case "git":
            git(rest)
        case "tar", "bsdtar":
            tar(rest)
        case "unzip":
            unzip(rest)
        case "useradd", "adduser", "groupadd", "addgroup":
            account(name, rest)
        case "sh", "bash", "dash", "ash", "zsh", "ksh":
            shell(rest, command: command)
        case "make", "gmake":
            make(rest)
        case "protoc":
            protoc(rest, tool: .protoc)
        case "buf":
            buf(rest)
        default:
            return false
        }
        return true
    }

    private mutating func setBuiltin(_ name: String, _ rest: ArraySlice<ShellArgument>) {
        switch name {
        case "unset":
            for argument in rest where !argument.text.hasPrefix("-") { environment[argument.text] = nil }
        case "export", "readonly", "declare", "local", "typeset":
            for argument in rest {
                if let (variable, value) = RunAnalysis.assignment(argument) { assign(variable, value) }
            }
        default:
            break
        }
    }

    private mutating func changeDirectory(_ name: String, _ rest: ArraySlice<ShellArgument>) {
        let target = rest.first { !$0.text.hasPrefix("-") || $0.text == "-" }
        guard name != "popd" else {
            effects.writesUnknownPaths = true
            return
        }
        guard let target else {
            cwd = "/root"
            return
        }
        if target.resolved, target.text != "-", !target.text.hasPrefix("~") {
            cwd = resolve(target.text)
        } else {
            // The new directory is unknown: later relative writes cannot be bounded.
            effects.writesUnknownPaths = true
        }
    }
}
