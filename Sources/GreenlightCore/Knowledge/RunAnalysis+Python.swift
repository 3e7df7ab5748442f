/// pip, uv, poetry, pipenv, pdm, virtualenvs and `python` itself.
extension RunAnalysis {
    private static let pipValueOptions: Set<String> = [
        "requirement", "constraint", "editable", "target", "prefix", "root", "index-url", "extra-index-url",
        "find-links", "trusted-host", "platform", "python-version", "implementation", "abi", "src", "config-settings",
        "global-option", "install-option", "timeout", "retries", "proxy", "cache-dir", "log", "root-user-action",
        "upgrade-strategy", "no-binary", "only-binary", "progress-bar", "python", "exists-action", "cert",
        "client-cert", "report", "dest", "wheel-dir", "group", "index-strategy", "keyring-provider", "link-mode",
        "resolution", "prerelease", "extra", "output-file", "python-platform",
    ]

    /// `pip`, `pip3`, `python -m pip`, `uv pip`, `pipx`.
    mutating func pip(_ rest: ArraySlice<ShellArgument>, tool: String) {
        let parsed = CommandOptions(rest, short: ["r", "c", "e", "t", "i", "f", "d", "w", "C", "p", "o"],
                                    long: RunAnalysis.pipValueOptions)
        guard let verb = parsed.positionals.first?.text else { return }
        let specs = parsed.positionals.dropFirst()
        switch verb {
        case "install":
            for file in parsed.values("r", "requirement") {
                effects.requirementFiles.append(file.resolved ? resolve(file.text) : file.text)
            }
            for file in parsed.values("c", "constraint") where file.resolved {
                effects.constraintFiles.append(resolve(file.text))
            }
            for editable in parsed.values("e", "editable") {
                installPythonSpec(editable, tool: tool, editable: true)
            }
            for directory in parsed.values("t", "target", "prefix", "root") { markWritten(directory) }
            var skipNext = false
            for spec in specs {
                if skipNext { skipNext = false; continue }
                if spec.text == "@" { skipNext = true; continue }
                installPythonSpec(spec, tool: tool, editable: false)
            }
        case "uninstall":
            for spec in specs { removePackage(spec.text, ecosystems: [.pip]) }
        case "sync":
            for file in specs where file.resolved { effects.requirementFiles.append(resolve(file.text)) }
        case "download", "wheel", "compile":
            let destinations = parsed.values("d", "dest", "w", "wheel-dir", "o", "output-file")
            if destinations.isEmpty, verb != "compile" { effects.possiblyWrittenPaths.append(cwd) }
            for destination in destinations { markWritten(destination) }
        case "run":
            markUnknown(tool + " run")
        default:
            break  // list, freeze, show, check, config, cache, inspect, debug, --version
        }
    }

    /// One `pip install` argument: a requirement, a local project, a wheel file or a VCS URL.
    private mutating func installPythonSpec(_ spec: ShellArgument, tool: String, editable: Bool) {
        let text = spec.text
        guard spec.resolved else {
            installPackage(spec, ecosystem: .pip)
            return
        }
        if let egg = text.range(of: "#egg=") {
            let name = text[egg.upperBound...].prefix { $0 != "&" }
            installPackage(spec.derived(String(name)), ecosystem: .pip)
            return
        }
        if text.contains(" @ ") {
            installPackage(spec.derived(String(text.prefix { $0 != " " })), ecosystem: .pip)
            return
        }
        if text.contains("://") {
            installLocalPackage(spec, ecosystem: .pip)
            return
        }
        let isPath = text == "." || text == ".." || text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("/")
            || text.hasPrefix(".[") || (text.contains("/") && !text.contains("@"))
        guard isPath else {
            installPackage(spec, ecosystem: .pip)
            return
        }
        let path = String(text.prefix { $0 != "[" })
        let lower = path.lowercased()
        if path.contains("*") || path.contains("?") {
            installLocalPackage(spec, ecosystem: .pip)
            return
        }
        if lower.hasSuffix(".whl") || lower.hasSuffix(".tar.gz") || lower.hasSuffix(".zip") {
            // Wheel and sdist file names start with the distribution name: name-1.0-py3-none-any.whl
            let name = PathUtilities.basename(path).prefix { $0 != "-" }
            installPackage(spec.derived(String(name)), ecosystem: .pip)
            return
        }
        let directory = resolve(path)
        effects.localProjectInstalls.append(
            PythonProjectInstall(tool: tool, directory: directory, editable: editable, installsProject: true))
        // Building the project in place leaves build/ and *.egg-info behind.
        effects.possiblyWrittenPaths.append(directory)
    }

    mutating func uv(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["p", "o"],
                                    long: ["python", "project", "directory", "package", "extra", "group", "only-group",
                                           "no-group", "link-mode", "index-url", "extra-index-url", "output-file",
                                           "cache-dir", "config-file", "index", "default-index"])
        guard let verb = parsed.positionals.first?.text else { return }
        let directory = parsed.value("project", "directory").map { resolve($0.text) } ?? cwd
        switch verb {
        case "pip":
            let pipArguments = rest.drop { $0.text != "pip" }.dropFirst()
            pip(pipArguments, tool: "uv pip")
        case "sync", "add":
            let installsProject = !parsed.has("no-install-project", "only-dev", "no-install-workspace")
            effects.localProjectInstalls.append(PythonProjectInstall(
                tool: "uv", directory: directory, editable: !parsed.has("no-editable"), installsProject: installsProject))
            let environmentPath = environment["UV_PROJECT_ENVIRONMENT"].map { PathUtilities.join(directory, $0) }
            effects.virtualEnvironments.append(environmentPath ?? PathUtilities.join(directory, ".venv"))
            effects.possiblyWrittenPaths.append(directory)
            if let environmentPath { effects.possiblyWrittenPaths.append(environmentPath) }
            if verb == "add" {
                for spec in parsed.positionals.dropFirst() { installPackage(spec, ecosystem: .pip) }
            }
        case "venv":
            if let target = parsed.positionals.dropFirst().first {
                createVirtualEnvironment(target)
            } else {
                createVirtualEnvironment(ShellArgument(text: ".venv", resolved: true, quoted: false))
            }
        case "tool":
            if parsed.positionals.dropFirst().first?.text == "install" {
                for spec in parsed.positionals.dropFirst(2) { installPackage(spec, ecosystem: .pip) }
            }
        case "lock", "export", "build", "init":
            let outputs = parsed.values("o", "output-file", "out-dir")
            outputs.isEmpty ? effects.possiblyWrittenPaths.append(directory) : outputs.forEach { markWritten($0) }
        case "python", "cache", "self", "version", "help", "tree":
            break
        default:
            markUnknown("uv " + verb)
        }
    }

    mutating func poetry(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["C", "P", "E", "o", "f"],
                                    long: ["directory", "project", "with", "without", "only", "extras", "output", "format"])
        guard let verb = parsed.positionals.first?.text else { return }
        let directory = parsed.value("C", "directory", "P", "project").map { resolve($0.text) } ?? cwd
        switch verb {
        case "install", "sync":
            effects.localProjectInstalls.append(PythonProjectInstall(
                tool: "poetry", directory: directory, editable: true, installsProject: !parsed.has("no-root")))
            effects.possiblyWrittenPaths.append(directory)
            if environment["POETRY_VIRTUALENVS_IN_PROJECT"]?.lowercased() == "true" {
                effects.virtualEnvironments.append(PathUtilities.join(directory, ".venv"))
            }
        case "export":
            if let output = parsed.value("o", "output") { markWritten(output) }
        case "config", "show", "check", "env", "self", "about", "version", "search", "source", "debug", "help", "list":
            break
        case "build", "lock", "add", "remove", "update", "new", "init":
            effects.possiblyWrittenPaths.append(directory)
        default:
            markUnknown("poetry " + verb)
        }
    }

    /// `pipenv install/sync` and `pdm install/sync`: dependencies from Pipfile / pyproject.
    mutating func projectTool(_ tool: String, _ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["G", "p"], long: ["group", "python", "project", "categories"])
        guard let verb = parsed.positionals.first?.text else { return }
        let directory = parsed.value("p", "project").map { resolve($0.text) } ?? cwd
        switch verb {
        case "install", "sync":
            let installsProject = tool == "pdm" && !parsed.has("no-self")
            effects.localProjectInstalls.append(PythonProjectInstall(
                tool: tool, directory: directory, editable: tool == "pdm", installsProject: installsProject))
            effects.possiblyWrittenPaths.append(directory)
            for spec in parsed.positionals.dropFirst() { installPackage(spec, ecosystem: .pip) }
        case "lock", "requirements", "export", "build", "add", "remove", "update":
            effects.possiblyWrittenPaths.append(directory)
        case "--version", "config", "list", "show", "info", "graph", "check", "verify":
            break
        default:
            markUnknown(tool + " " + verb)
        }
    }

    mutating func createVirtualEnvironment(_ target: ShellArgument) {
        guard target.resolved else {
            markWritten(target)
            return
        }
        let path = resolve(target.text)
        effects.virtualEnvironments.append(path)
        effects.possiblyWrittenPaths.append(path)
    }
}
