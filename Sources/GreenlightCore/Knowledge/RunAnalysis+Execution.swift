/// Commands that run other code: `python`, `sh`/`bash`, scripts, `make`, and the node
/// package managers.
extension RunAnalysis {
    private static let maxDepth = 4
    /// `python -m` modules with no effect on the application tree.
    private static let inertModules: Set<String> = [
        "ensurepip", "site", "platform", "sysconfig", "this", "json.tool", "pip._internal", "certifi", "timeit",
    ]

    mutating func python(_ rest: ArraySlice<ShellArgument>, command: ScriptCommand) {
        var args = rest
        while let option = args.first?.text, option.hasPrefix("-"), option != "-" {
            args = args.dropFirst()
            if option == "-m" || (option.hasPrefix("-m") && option.count > 2) {
                let module = option == "-m" ? args.first?.text : String(option.dropFirst(2))
                pythonModule(module ?? "", option == "-m" ? args.dropFirst() : args)
                return
            }
            if option == "-c" {
                pythonCode(args.first?.text ?? "")
                return
            }
            if option == "-V" || option == "--version" || option == "-h" || option == "--help" { return }
            if option == "-W" || option == "-X" || option == "-Q" { args = args.dropFirst() }
        }
        guard let script = args.first, script.text != "-" else {
            // The program comes from standard input: a here-document or a pipe.
            for body in command.heredocs {
                addGenerators(RunCommandAnalyzer.scriptCallsProtoc(body, language: .python))
            }
            markUnknown(nil)
            return
        }
        if PathUtilities.basename(script.text) == "setup.py", script.resolved {
            let directory = PathUtilities.dirname(resolve(script.text))
            let verb = args.dropFirst().first?.text
            if verb == "install" || verb == "develop" {
                effects.localProjectInstalls.append(PythonProjectInstall(
                    tool: "setup.py", directory: directory, editable: verb == "develop", installsProject: true))
            }
            effects.scriptsRun.append(resolve(script.text))
            effects.possiblyWrittenPaths.append(directory)
            return
        }
        runScript(path: script, interpreter: "python")
    }

    private mutating func pythonModule(_ module: String, _ args: ArraySlice<ShellArgument>) {
        switch module {
        case "pip":
            pip(args, tool: "pip")
        case "venv", "virtualenv":
            if let target = args.last(where: { !$0.text.hasPrefix("-") }) { createVirtualEnvironment(target) }
        case "grpc_tools.protoc":
            protoc(args, tool: .grpcToolsProtoc)
        case "uv":
            uv(args)
        case "poetry":
            poetry(args)
        case "pipx":
            pip(args, tool: "pipx")
        case "compileall", "py_compile":
            let paths = args.filter { !$0.text.hasPrefix("-") }
            paths.isEmpty ? effects.possiblyWrittenPaths.append(cwd) : paths.forEach { markWritten($0) }
        case "build":
            effects.possiblyWrittenPaths.append(cwd)
        case _ where RunAnalysis.inertModules.contains(module):
            break
        default:
            markUnknown("python -m " + module)
        }
    }

    /// `python -c CODE`: only imports and prints are known to change nothing.
    private mutating func pythonCode(_ code: String) {
        let statements = code.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" } }
            .map { String($0.reversed()) }
        let inert = statements.allSatisfy { statement in
            statement.isEmpty || statement.hasPrefix("import ") || statement.hasPrefix("print(")
                || statement.hasPrefix("assert ") || (statement.hasPrefix("from ") && statement.contains(" import "))
        }
        if inert { return }
        addGenerators(RunCommandAnalyzer.scriptCallsProtoc(code, language: .python))
        markUnknown("python -c")
    }

    /// A script run by path (`./gen_protos.sh`, `python tools/gen.py`): it may do anything
    /// in the working directory; callers can read it for generator calls.
    mutating func runScript(path: ShellArgument, interpreter: String?) {
        if path.resolved {
            effects.scriptsRun.append(resolve(path.text))
        }
        markUnknown(nil)
    }

    mutating func shell(_ rest: ArraySlice<ShellArgument>, command: ScriptCommand) {
        let parsed = CommandOptions(rest, short: ["o", "O"], long: ["rcfile", "init-file"])
        if parsed.has("c") {
            // With -c the first operand is the command string, the rest are $0, $1…
            guard let code = parsed.positionals.first else { return }
            guard code.resolved, depth < RunAnalysis.maxDepth else {
                markUnknown(nil)
                return
            }
            runNested(code.text)
            return
        }
        if let script = parsed.positionals.first, script.text != "-" {
            runScript(path: script, interpreter: "sh")
            return
        }
        if !command.heredocs.isEmpty, depth < RunAnalysis.maxDepth {
            for body in command.heredocs { runNested(body) }
        } else if command.readsPipe || !command.heredocs.isEmpty {
            // `curl … | sh`: an installer from the network.
            markUnknown(nil)
        }
    }

    /// Analyses shell code run in a child shell: variables and `cd` do not leak out.
    private mutating func runNested(_ code: String) {
        let savedDirectory = cwd
        let savedEnvironment = environment
        let savedCase = inCase
        depth += 1
        inCase = false
        run(ShellScriptSplitter.split(code))
        depth -= 1
        cwd = savedDirectory
        environment = savedEnvironment
        inCase = savedCase
    }

    mutating func make(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["C", "f", "j", "l", "o", "W", "I"],
                                    long: ["directory", "file", "makefile", "jobs", "load-average", "include-dir"])
        let directory = parsed.value("C", "directory").map { resolve($0.text) } ?? cwd
        if let file = parsed.value("f", "file", "makefile"), file.resolved {
            effects.scriptsRun.append(PathUtilities.join(directory, file.text))
        } else {
            effects.scriptsRun.append(PathUtilities.join(directory, "Makefile"))
        }
        effects.writesUnknownPaths = true
        effects.mayProvideUnknownBinaries = true
        effects.possiblyWrittenPaths.append(directory)
    }

    mutating func node(_ tool: String, _ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["C", "w"],
                                    long: ["prefix", "cwd", "dir", "registry", "cache", "workspace", "filter", "cache-folder",
                                           "modules-folder", "network-timeout", "loglevel"])
        let directory = parsed.value("prefix", "cwd", "dir", "C").map { resolve($0.text) } ?? cwd
        var positionals = parsed.positionals[...]
        var global = parsed.has("g", "global")
        if tool == "yarn", positionals.first?.text == "global" {
            global = true
            positionals = positionals.dropFirst()
        }
        if positionals.isEmpty, tool != "yarn" || parsed.has("v", "version", "h", "help") { return }
        let verb = positionals.first?.text ?? "install"
        let packages = positionals.dropFirst()
        let installVerbs: Set<String> = ["install", "i", "ci", "add", "clean-install", "install-clean", "isntall", "in"]
        let inertVerbs: Set<String> = ["cache", "config", "view", "info", "ls", "list", "outdated", "whoami", "help",
                                       "ping", "doctor", "explain", "search", "get", "set", "why", "versions",
                                       "licenses", "store", "fetch", "pm", "bin", "root", "prefix", "audit"]
        if installVerbs.contains(verb) {
            if global {
                for package in packages { installPackage(package, ecosystem: .npm) }
            } else {
                effects.nodeDependencyDirectories.append(directory)
                effects.possiblyWrittenPaths.append(directory)
            }
        } else if ["uninstall", "remove", "rm", "un", "r"].contains(verb) {
            if global {
                for package in packages { removePackage(package.text, ecosystems: [.npm]) }
            } else {
                effects.possiblyWrittenPaths.append(directory)
            }
        } else if tool == "yarn", verb == "workspaces", packages.first?.text == "focus" {
            effects.nodeDependencyDirectories.append(directory)
            effects.possiblyWrittenPaths.append(directory)
        } else if !inertVerbs.contains(verb), !verb.hasPrefix("-") {
            // run, build, test, exec, prune, rebuild, custom scripts: anything may happen.
            effects.possiblyWrittenPaths.append(directory)
            markUnknown(nil)
        }
    }
}
