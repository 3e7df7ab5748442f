/// protoc, `python -m grpc_tools.protoc`, `buf generate`, and scanning scripts for them.
extension RunAnalysis {
    mutating func protoc(_ rest: ArraySlice<ShellArgument>, tool: GeneratorInvocation.Tool) {
        let arguments = rest.map { $0.resolved ? $0.text : nil }
        var invocation = GeneratorInvocation.protoc(arguments, tool: tool, resolve: resolve)
        invocation.workingDirectory = cwd
        recordGenerator(invocation)
    }

    mutating func buf(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["o"],
                                    long: ["output", "template", "path", "exclude-path", "type", "config", "error-format"])
        guard let verb = parsed.positionals.first?.text else { return }
        switch verb {
        case "generate":
            var invocation = GeneratorInvocation(tool: .buf)
            invocation.workingDirectory = cwd
            invocation.hasDynamicArguments = true
            let input = parsed.positionals.dropFirst().first
            invocation.inputs = [input.map { $0.resolved ? resolve($0.text) : $0.text } ?? resolve(".")]
            if let output = parsed.value("o", "output"), output.resolved {
                invocation.otherOutputs.append(resolve(output.text))
            }
            recordGenerator(invocation)
        case "lint", "breaking", "build", "ls-files", "--version", "help":
            break
        default:
            effects.possiblyWrittenPaths.append(cwd)
        }
    }

    /// Generators found in inline code (`python -c`, a here-document): their paths are
    /// relative to the current directory.
    mutating func addGenerators(_ invocations: [GeneratorInvocation]) {
        for var invocation in invocations {
            invocation.pythonOut = invocation.pythonOut.map(resolve)
            invocation.grpcPythonOut = invocation.grpcPythonOut.map(resolve)
            invocation.pyiOut = invocation.pyiOut.map(resolve)
            invocation.otherOutputs = invocation.otherOutputs.map(resolve)
            invocation.protoPaths = invocation.protoPaths.map(resolve)
            invocation.inputs = invocation.inputs.map(resolve)
            invocation.workingDirectory = cwd
            recordGenerator(invocation)
        }
    }

    private mutating func recordGenerator(_ invocation: GeneratorInvocation) {
        effects.generators.append(invocation)
        effects.possiblyWrittenPaths += invocation.outputDirectories
        if invocation.hasDynamicArguments || invocation.outputDirectories.isEmpty {
            effects.writesUnknownPaths = true
            effects.possiblyWrittenPaths.append(cwd)
        }
    }
}

extension RunCommandAnalyzer {
    /// The language of a build script handed to `scriptCallsProtoc`.
    public enum ScriptLanguage: String, Sendable, Hashable {
        case shell
        case python
        case makefile
    }

    /// The protoc runs a script performs: `protoc …`, `python -m grpc_tools.protoc …`,
    /// `grpc_tools.protoc.main([...])` / `protoc.main((...))`, `subprocess.run([...,
    /// "grpc_tools.protoc", ...])`, `os.system("python -m grpc_tools.protoc …")`, and the
    /// recipes of a Makefile. Paths are returned as written (relative to where the script
    /// runs, after any `cd` inside it); `language` is guessed from a shebang or the text
    /// when nil.
    public static func scriptCallsProtoc(_ text: String, language: ScriptLanguage? = nil) -> [GeneratorInvocation] {
        switch language ?? guessLanguage(text) {
        case .python:
            return PythonProtocScanner.scan(text)
        case .shell:
            return shellGenerators(text)
        case .makefile:
            return shellGenerators(makefileRecipes(text))
        }
    }

    static func shellGenerators(_ text: String) -> [GeneratorInvocation] {
        var analysis = RunAnalysis(workdir: "", environment: [:])
        analysis.run(ShellScriptSplitter.split(text))
        return analysis.effects.generators.map { invocation in
            var copy = invocation
            copy.workingDirectory = nil
            return copy
        }
    }

    /// Recipe lines of a Makefile (tab-indented), without the `@`, `-`, `+` prefixes, one per line.
    static func makefileRecipes(_ text: String) -> String {
        var recipes: [Substring] = []
        var continuing = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("\t") || continuing {
                var body = line.drop { $0 == "\t" || $0 == " " }
                // `@`, `-` and `+` prefix a recipe line, not the continuation of one.
                while !continuing, let first = body.first, first == "@" || first == "-" || first == "+" {
                    body = body.dropFirst()
                }
                recipes.append(body)
                continuing = line.hasSuffix("\\")
            } else {
                continuing = false
            }
        }
        return recipes.joined(separator: "\n")
    }

    static func guessLanguage(_ text: String) -> ScriptLanguage {
        let firstLine = text.prefix { $0 != "\n" }
        if firstLine.hasPrefix("#!") {
            return firstLine.contains("python") ? .python : .shell
        }
        var sawImport = false
        var sawRecipe = false
        var sawTarget = false
        for line in text.split(separator: "\n").prefix(400) {
            if line.hasPrefix("import ") || (line.hasPrefix("from ") && line.contains(" import ")) || line.hasPrefix("def ") {
                sawImport = true
            } else if line.hasPrefix("\t") {
                sawRecipe = true
            } else if let colon = line.firstIndex(of: ":"), !line.hasPrefix("#"),
                      line[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "_-. /$()".contains($0) }),
                      !line[line.index(after: colon)...].hasPrefix("=") {
                sawTarget = true
            }
        }
        if sawImport { return .python }
        return sawRecipe && sawTarget ? .makefile : .shell
    }
}
