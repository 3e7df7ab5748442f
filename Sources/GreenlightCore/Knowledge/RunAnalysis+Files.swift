/// Downloads and file operations: curl, wget, mkdir, touch, cp/mv/install, ln, rm, chmod,
/// chown, in-place edits and `find -exec`.
extension RunAnalysis {
    private static let curlShortValues: Set<Character> = [
        "H", "d", "X", "u", "A", "e", "m", "w", "x", "T", "b", "c", "K", "r", "C", "F", "D", "o", "y", "Y", "z", "E", "U", "Q", "t",
    ]
    private static let curlLongValues: Set<String> = [
        "header", "data", "data-raw", "data-binary", "data-urlencode", "data-ascii", "request", "user", "user-agent",
        "referer", "max-time", "connect-timeout", "retry", "retry-delay", "retry-max-time", "write-out", "proxy", "cacert",
        "capath", "cert", "key", "upload-file", "cookie", "cookie-jar", "config", "range", "continue-at", "resolve", "form",
        "form-string", "dump-header", "output", "output-dir", "limit-rate", "speed-limit", "speed-time", "time-cond",
        "proto", "proto-redir", "noproxy", "interface", "dns-servers", "max-redirs", "max-filesize", "oauth2-bearer",
        "url", "json", "proxy-user", "netrc-file", "trace", "trace-ascii", "stderr", "unix-socket", "variable",
    ]
    private static let wgetShortValues: Set<Character> = ["O", "o", "a", "P", "t", "T", "U", "i", "e", "w", "Q", "l", "A", "R", "D", "I", "X", "B"]
    private static let wgetLongValues: Set<String> = [
        "output-document", "output-file", "append-output", "directory-prefix", "tries", "timeout", "user-agent",
        "input-file", "execute", "wait", "quota", "level", "accept", "reject", "domains", "include-directories",
        "exclude-directories", "base", "header", "post-data", "post-file", "user", "password", "http-user",
        "http-password", "progress", "ca-certificate", "certificate", "private-key", "dns-timeout", "connect-timeout",
        "read-timeout", "limit-rate", "waitretry", "bind-address", "method", "body-data", "referer",
    ]

    mutating func curl(_ rest: ArraySlice<ShellArgument>, command: ScriptCommand) {
        let parsed = CommandOptions(rest, short: RunAnalysis.curlShortValues, long: RunAnalysis.curlLongValues)
        let urls = parsed.positionals + parsed.values("url")
        let outputs = parsed.values("o", "output")
        let remoteName = parsed.has("O", "remote-name", "remote-name-all")
        let outputDirectory = parsed.value("output-dir")
        for (index, url) in urls.enumerated() {
            var destination: ShellArgument?
            if index < outputs.count {
                destination = outputs[index].text == "-" ? nil : outputs[index]
            } else if remoteName {
                let name = RunAnalysis.remoteFileName(url.text)
                let directory = outputDirectory?.text ?? cwd
                destination = ShellArgument(text: PathUtilities.join(directory, name),
                                            resolved: url.resolved && (outputDirectory?.resolved ?? true), quoted: false)
            }
            recordDownload(url, destination)
        }
        for file in parsed.values("D", "dump-header", "c", "cookie-jar") where file.text != "-" { markWritten(file) }
    }

    mutating func wget(_ rest: ArraySlice<ShellArgument>, command: ScriptCommand) {
        let parsed = CommandOptions(rest, short: RunAnalysis.wgetShortValues, long: RunAnalysis.wgetLongValues)
        if parsed.has("spider") { return }
        for log in parsed.values("o", "output-file", "a", "append-output") { markWritten(log) }
        if parsed.value("i", "input-file") != nil {
            effects.writesUnknownPaths = true
            effects.possiblyWrittenPaths.append(cwd)
        }
        let output = parsed.value("O", "output-document")
        let prefix = parsed.value("P", "directory-prefix")
        for url in parsed.positionals {
            var destination: ShellArgument?
            if let output {
                destination = output.text == "-" ? nil : output
            } else {
                let name = RunAnalysis.remoteFileName(url.text)
                let directory = prefix?.text ?? cwd
                destination = ShellArgument(text: PathUtilities.join(directory, name),
                                            resolved: url.resolved && (prefix?.resolved ?? true), quoted: false)
            }
            recordDownload(url, destination)
        }
    }

    private mutating func recordDownload(_ url: ShellArgument, _ destination: ShellArgument?) {
        guard let destination else {
            effects.downloads.append(Download(url: url.text, destination: nil))
            return
        }
        guard destination.resolved else {
            effects.downloads.append(Download(url: url.text, destination: nil))
            markWritten(destination)
            effects.mayProvideUnknownBinaries = true
            return
        }
        let path = resolve(destination.text)
        effects.downloads.append(Download(url: url.text, destination: path))
        markWritten(destination)
        notePathBinary(path)
    }

    /// The file name a download gets by default: the last URL path component.
    static func remoteFileName(_ url: String) -> String {
        var text = Substring(url)
        if let scheme = text.range(of: "://") { text = text[scheme.upperBound...] }
        text = text.prefix { $0 != "?" && $0 != "#" }
        guard let slash = text.lastIndex(of: "/") else { return "index.html" }
        let name = text[text.index(after: slash)...]
        return name.isEmpty ? "index.html" : String(name)
    }

    mutating func makeDirectories(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["m", "Z"], long: ["mode", "context"])
        for directory in parsed.positionals {
            if directory.resolved { effects.createdDirectories.append(resolve(directory.text)) }
            markWritten(directory)
        }
    }

    /// touch, truncate, strip, upx, tee: every operand is written.
    mutating func writeArguments(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["d", "t", "r", "s", "o"], long: ["date", "reference", "size", "output"])
        for path in parsed.positionals + parsed.values("o", "output") { markWritten(path) }
    }

    mutating func copy(_ rest: ArraySlice<ShellArgument>, isMove: Bool) {
        let parsed = CommandOptions(rest, short: ["t", "S"], long: ["target-directory", "suffix"])
        transfer(parsed, isMove: isMove)
    }

    /// `install -d DIR…` creates directories; otherwise it copies like `cp`.
    mutating func installFiles(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["m", "o", "g", "t", "S"],
                                    long: ["mode", "owner", "group", "target-directory", "suffix"])
        if parsed.has("d", "directory") {
            for directory in parsed.positionals {
                if directory.resolved { effects.createdDirectories.append(resolve(directory.text)) }
                markWritten(directory)
            }
            return
        }
        transfer(parsed, isMove: false)
    }

    private mutating func transfer(_ parsed: CommandOptions, isMove: Bool) {
        var sources = parsed.positionals
        let target: ShellArgument
        if let directory = parsed.value("t", "target-directory") {
            target = directory
        } else {
            guard sources.count >= 2, let last = sources.popLast() else { return }
            target = last
        }
        let sourcePaths = sources.map { $0.resolved ? resolve($0.text) : $0.text }
        markWritten(target)
        if isMove { effects.removedPaths += sourcePaths }
        guard target.resolved else { return }
        let destination = resolve(target.text)
        effects.transfers.append(FileTransfer(sources: sourcePaths, destination: destination, isMove: isMove))
        if RunCommandAnalyzer.pathDirectories.contains(destination) {
            extraBinaries += sourcePaths.map(PathUtilities.basename)
        } else {
            notePathBinary(destination)
        }
    }

    mutating func link(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["t", "S"], long: ["target-directory", "suffix"])
        var targets = parsed.positionals
        var linkDirectory: ShellArgument?
        var linkPath: ShellArgument?
        if let directory = parsed.value("t", "target-directory") {
            linkDirectory = directory
        } else if targets.count == 1 {
            linkDirectory = ShellArgument(text: cwd, resolved: true, quoted: false)
        } else if targets.count == 2, let last = targets.popLast() {
            let path = resolve(last.text)
            if last.text.hasSuffix("/") || RunCommandAnalyzer.pathDirectories.contains(path) {
                linkDirectory = last
            } else {
                linkPath = last
            }
        } else if let last = targets.popLast() {
            linkDirectory = last
        }
        for target in targets {
            let link: ShellArgument
            if let linkPath {
                link = linkPath
            } else if let linkDirectory {
                link = linkDirectory.derived(PathUtilities.join(linkDirectory.text, PathUtilities.basename(target.text)))
            } else {
                continue
            }
            markWritten(link)
            guard link.resolved else { continue }
            let path = resolve(link.text)
            effects.links.append(SymbolicLink(target: target.text, link: path))
            if !target.text.hasPrefix("/dev/") { notePathBinary(path) }
        }
    }

    /// `update-alternatives --install LINK NAME PATH PRIORITY` creates LINK.
    mutating func alternatives(_ rest: ArraySlice<ShellArgument>) {
        let args = Array(rest)
        for (index, argument) in args.enumerated() where argument.text == "--install" && index + 3 < args.count {
            let link = args[index + 1]
            guard link.resolved else { continue }
            let path = resolve(link.text)
            effects.links.append(SymbolicLink(target: args[index + 3].text, link: path))
            notePathBinary(path)
        }
    }

    mutating func remove(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["n", "u"], long: ["interactive"])
        for path in parsed.positionals {
            effects.removedPaths.append(path.resolved ? resolve(path.text) : path.text)
        }
    }

    mutating func changeMode(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, long: ["reference"])
        guard let mode = parsed.positionals.first else { return }
        let paths = parsed.positionals.dropFirst().map { $0.resolved ? resolve($0.text) : $0.text }
        effects.permissionChanges.append(PermissionChange(value: mode.text, paths: paths, recursive: parsed.has("R", "recursive")))
    }

    mutating func changeOwner(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, long: ["reference", "from"])
        guard let owner = parsed.positionals.first else { return }
        let paths = parsed.positionals.dropFirst().map { $0.resolved ? resolve($0.text) : $0.text }
        effects.ownershipChanges.append(PermissionChange(value: owner.text, paths: paths, recursive: parsed.has("R", "recursive")))
    }

    /// `sed -i EXPR FILE…` and `perl -pi -e EXPR FILE…` rewrite their files; other perl runs
    /// are programs of their own.
    mutating func inPlaceEdit(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["e", "f", "l", "E", "M", "I"], long: ["expression", "file", "line-length"])
        let inPlace = parsed.has("i", "in-place")
        let isPerlProgram = rest.contains { $0.text == "-e" || $0.text == "-E" } && !inPlace
        if isPerlProgram, parsed.positionals.isEmpty || parsed.has("M") {
            markUnknown(nil)
            return
        }
        guard inPlace else { return }
        let hasExpression = parsed.has("e", "expression", "f", "file", "E")
        for file in parsed.positionals.dropFirst(hasExpression ? 0 : 1) { markWritten(file) }
    }

    /// `find … -exec cmd {} +`: harmless unless the executed command is unknown.
    mutating func find(_ rest: ArraySlice<ShellArgument>) {
        let harmless: Set<String> = ["rm", "chmod", "chown", "ldd", "scanelf", "dirname", "basename", "echo", "ls", "file",
                                     "sh", "bash", "readlink", "stat", "cat", "grep", "dpkg-query", "strip"]
        var index = rest.startIndex
        while index < rest.endIndex {
            let text = rest[index].text
            if ["-exec", "-execdir", "-ok", "-okdir"].contains(text), index + 1 < rest.endIndex {
                let name = PathUtilities.basename(rest[index + 1].text)
                if !harmless.contains(name), !RunAnalysis.inertCommands.contains(name) {
                    markUnknown("find -exec " + name)
                }
            }
            index += 1
        }
    }
}
