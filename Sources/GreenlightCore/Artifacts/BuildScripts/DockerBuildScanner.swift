/// Finds image builds in shell scripts, Makefiles, justfiles and GitHub
/// Actions workflows, with the Dockerfile, context, tags, platforms, build
/// arguments and target each one uses.
public enum DockerBuildScanner {
    /// The builds in `source`.
    public static func scan(_ source: SourceText, kind: BuildScriptKind) -> [DockerBuildInvocation] {
        scanWithIssues(source, kind: kind).invocations
    }

    /// The builds in `source` and the problems met reading it (unterminated
    /// quotes, invalid workflow YAML).
    public static func scanWithIssues(_ source: SourceText, kind: BuildScriptKind) -> DockerBuildScan {
        switch kind {
        case .shell:
            let directory = PathUtilities.dirname(source.path)
            let state = BuildShellState(cwd: "", scriptDirectory: directory)
            return scanShell(BuildShellFragment(wholeFile: source), state: state, source: source)
        case .makefile:
            return MakefileBuildScanner.scan(source)
        case .justfile:
            return JustfileBuildScanner.scan(source)
        case .githubWorkflow:
            return WorkflowBuildScanner.scan(source)
        }
    }

    /// How deep command substitutions inside command substitutions are followed.
    static let maximumSubstitutionDepth = 4

    /// Tokenizes and walks one fragment of shell text, including the commands
    /// inside its command substitutions (`ID=$(docker build -q .)`).
    static func scanShell(_ fragment: BuildShellFragment, state: BuildShellState, source: SourceText, depth: Int = 0) -> DockerBuildScan {
        let lexer = BuildShellLexer.tokenize(fragment.bytes, makeSyntax: state.makeVariables != nil)
        var walker = BuildShellWalker(state: state)
        walker.walk(lexer.tokens)
        var scan = DockerBuildScan()
        for problem in lexer.problems {
            scan.issues.append(ParseIssue(problem.message, at: source.location(ofOffset: fragment.origin(problem.offset))))
        }
        for command in walker.commands {
            guard let (options, commandWord) = DockerBuildCommand.recognise(command.words) else { continue }
            let location = source.location(ofOffset: fragment.origin(commandWord.start))
            if let invocation = invocation(options, state: command.state, location: location) {
                scan.invocations.append(invocation)
            }
        }
        if depth < maximumSubstitutionDepth {
            for range in lexer.substitutions {
                let inner = BuildShellFragment(bytes: Array(fragment.bytes[range]), origins: Array(fragment.origins[range]))
                let innerState = walker.state(at: range.lowerBound, initial: state)
                let result = scanShell(inner, state: innerState, source: source, depth: depth + 1)
                scan.invocations += result.invocations
            }
        }
        if depth == 0 { scan.invocations.sort { $0.location < $1.location } }
        return scan
    }

    private static let remotePrefixes = ["http://", "https://", "git@", "git://", "ssh://", "github.com/"]

    static func invocation(_ options: DockerBuildCommand.Options, state: BuildShellState, location: SourceLocation)
        -> DockerBuildInvocation? {
        guard !options.positionals.isEmpty else { return nil }
        let contextWord = options.positionals.count == 1
            ? options.positionals[0]
            : options.positionals.last(where: { !$0.isBareExpansion }) ?? options.positionals[options.positionals.count - 1]
        let context = contextWord.text
        let isRemote = context == "-" || remotePrefixes.contains { context.hasPrefix($0) }
        let contextPath = isRemote ? nil : BuildShellPathResolver.resolvePath(context, state: state)
        var invocation = DockerBuildInvocation(
            tool: options.tool, context: context, contextPath: contextPath, workingDirectory: state.cwd,
            hasOpaqueArguments: options.opaque || options.positionals.count > 1, location: location)
        for (option, word) in options.values {
            switch option {
            case "--file":
                invocation.dockerfileAsWritten = word.text
                invocation.dockerfile = word.text == "-" || isRemote ? nil : BuildShellPathResolver.resolvePath(word.text, state: state)
            case "--tag":
                invocation.tags.append(word.text)
            case "--platform":
                invocation.platforms += word.text.split(separator: ",").map { RequirementsText.trim(String($0)) }.filter { !$0.isEmpty }
            case "--build-arg":
                let bytes = Array(word.text.utf8)
                if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                    invocation.buildArgs[String(decoding: bytes[..<equals], as: UTF8.self)] =
                        String(decoding: bytes[(equals + 1)...], as: UTF8.self)
                } else {
                    invocation.buildArgs[word.text] = "$" + word.text
                }
            case "--target":
                invocation.target = word.text
            default:
                break
            }
        }
        return invocation
    }
}
