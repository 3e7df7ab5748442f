/// git, tar, unzip and account creation.
extension RunAnalysis {
    /// Extracting here may put new commands on the PATH (`tar -C /usr/local --strip-components=1`).
    private static let binaryPrefixes: Set<String> = ["/", "/usr", "/usr/local", "/opt/bin"]

    mutating func git(_ rest: ArraySlice<ShellArgument>) {
        var args = rest
        var directory = cwd
        while let option = args.first?.text, option.hasPrefix("-") {
            args = args.dropFirst()
            if option == "-C", let path = args.first {
                directory = path.resolved ? PathUtilities.join(directory, path.text) : directory
                args = args.dropFirst()
            } else if option == "-c" {
                args = args.dropFirst()
            }
        }
        guard let verb = args.first?.text else { return }
        switch verb {
        case "clone":
            let parsed = CommandOptions(args.dropFirst(), short: ["b", "o", "c", "j", "u"],
                                        long: ["branch", "origin", "config", "depth", "reference", "filter", "jobs",
                                               "upload-pack", "template", "separate-git-dir", "shallow-since",
                                               "shallow-exclude", "server-option", "bundle-uri", "reference-if-able"])
            guard let url = parsed.positionals.first else { return }
            let destination: ShellArgument
            if parsed.positionals.count > 1 {
                destination = parsed.positionals[1]
            } else {
                var name = Substring(RunAnalysis.remoteFileName(url.text))
                if name.hasSuffix(".git") { name = name.dropLast(4) }
                destination = url.derived(String(name))
            }
            guard destination.resolved else {
                markWritten(destination)
                return
            }
            let path = PathUtilities.join(directory, destination.text)
            effects.extractions.append(ArchiveExtraction(source: url.text, destination: path))
            effects.possiblyWrittenPaths.append(path)
        case "config", "--version", "version", "rev-parse", "log", "describe", "status", "show", "ls-files", "ls-remote",
             "remote", "diff", "branch", "tag", "help":
            break
        default:
            // checkout, pull, fetch, reset, apply, submodule, lfs, clean…: the work tree changes.
            effects.possiblyWrittenPaths.append(directory)
        }
    }

    mutating func tar(_ rest: ArraySlice<ShellArgument>) {
        var args = Array(rest)
        // Old-style first argument without a dash: `tar xzf file.tgz`.
        if let first = args.first, !first.text.hasPrefix("-"), !first.text.isEmpty,
           first.text.allSatisfy({ $0.isASCII && $0.isLetter }) {
            args[0] = first.derived("-" + first.text)
        }
        let parsed = CommandOptions(args[...], short: ["f", "C", "T", "X", "b", "H", "K", "N", "g", "V", "I"],
                                    long: ["file", "directory", "files-from", "exclude-from", "owner", "group", "mode",
                                           "format", "use-compress-program", "blocking-factor", "newer", "label",
                                           "to-command", "transform", "xform"])
        let archive = parsed.value("f", "file")
        if parsed.has("x", "extract", "get") {
            extract(source: archive?.text ?? "-", into: parsed.value("C", "directory"))
        } else if parsed.has("c", "create", "r", "append", "u", "update"), let archive, archive.text != "-" {
            markWritten(archive)
        }
    }

    mutating func unzip(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["d", "x", "P"])
        guard let archive = parsed.positionals.first else { return }
        if parsed.has("l", "t", "v", "Z") { return }
        extract(source: archive.text, into: parsed.value("d"))
    }

    private mutating func extract(source: String, into directory: ShellArgument?) {
        let target = directory ?? ShellArgument(text: cwd, resolved: true, quoted: false)
        markWritten(target)
        guard target.resolved else {
            effects.mayProvideUnknownBinaries = true
            return
        }
        let path = resolve(target.text)
        effects.extractions.append(ArchiveExtraction(source: source, destination: path))
        if RunCommandAnalyzer.pathDirectories.contains(path) || RunAnalysis.binaryPrefixes.contains(path) {
            effects.mayProvideUnknownBinaries = true
        }
    }

    mutating func account(_ tool: String, _ rest: ArraySlice<ShellArgument>) {
        let parsed: CommandOptions
        switch tool {
        case "useradd":
            parsed = CommandOptions(rest, short: ["u", "g", "G", "d", "s", "c", "k", "e", "f", "K", "p", "R", "P", "b", "Z"],
                                    long: ["uid", "gid", "groups", "home-dir", "home", "shell", "comment", "skel",
                                           "expiredate", "inactive", "key", "password", "root", "prefix", "base-dir",
                                           "selinux-user"])
        case "adduser":
            parsed = CommandOptions(rest, short: ["h", "g", "s", "G", "u", "k"],
                                    long: ["home", "shell", "uid", "gid", "ingroup", "gecos", "comment", "firstuid",
                                           "lastuid", "firstgid", "lastgid", "conf"])
        default:
            parsed = CommandOptions(rest, short: ["g", "K", "p"], long: ["gid", "key", "password"])
        }
        // `adduser USER GROUP` and `addgroup USER GROUP` add an existing user to a group.
        if tool == "adduser" || tool == "addgroup", parsed.positionals.count >= 2 { return }
        guard let name = parsed.positionals.first?.text else { return }
        let isGroup = tool == "groupadd" || tool == "addgroup" || (tool == "adduser" && parsed.has("group") && !parsed.has("system"))
        let uid = parsed.value(isGroup ? "g" : "u", isGroup ? "gid" : "uid").flatMap { Int($0.text) }
        let home = isGroup ? nil : parsed.value("d", "home-dir", "home", "h")?.text
        effects.accounts.append(AccountCreation(name: name, uid: uid, isGroup: isGroup, home: home))
        // Debian `adduser --system --group NAME` also creates a group of the same name.
        if tool == "adduser", parsed.has("system"), parsed.has("group") {
            effects.accounts.append(AccountCreation(name: name, uid: nil, isGroup: true, home: nil))
        }
        // useradd without -N/--no-user-group creates a group named after the user on Debian.
        if tool == "useradd", parsed.has("U", "user-group") {
            effects.accounts.append(AccountCreation(name: name, uid: nil, isGroup: true, home: nil))
        }
    }
}
