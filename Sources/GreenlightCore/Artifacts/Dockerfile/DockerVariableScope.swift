/// The build-time variables (ARG and ENV) visible at a point of a Dockerfile, and
/// Docker's expansion of them in instruction arguments.
///
/// Docker expands variables only in the instructions listed in `expandingKeywords`
/// (and in ARG defaults); RUN, CMD and ENTRYPOINT text is left to the shell at run time.
public struct DockerVariableScope: Sendable, Hashable {
    /// Variable values by name.
    public var values: [String: String]
    /// The Dockerfile's escape character (`\` or a backtick), which escapes `$`.
    public var escape: UInt8
    /// Names set by ENV; a later ARG of the same name does not override them.
    public private(set) var environmentNames: Set<String>

    /// Instructions whose arguments Docker expands before running them
    /// (besides ARG defaults): ADD COPY ENV EXPOSE FROM LABEL STOPSIGNAL USER VOLUME WORKDIR ONBUILD.
    public static let expandingKeywords: Set<String> = [
        "ADD", "COPY", "ENV", "EXPOSE", "FROM", "LABEL", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR", "ONBUILD",
    ]

    public init(_ values: [String: String] = [:], escape: UInt8 = 0x5C) {
        self.values = values
        self.escape = escape
        self.environmentNames = []
    }

    /// Expands `text` as one word the way Docker does: `$VAR`, `${VAR}`, `${VAR:-default}`,
    /// `${VAR-default}`, `${VAR:+alt}`, `${VAR+alt}`, `${VAR?}`, `${VAR#pattern}`,
    /// `${VAR%pattern}` (and `##`, `%%`, `/pattern/replacement`); quotes are removed,
    /// single quotes keep `$` literal, and the escape character escapes `$`.
    /// Unset variables expand to `""`; `unresolved` lists, in order, the unset names
    /// that were referenced without a default or alternative.
    public func expand(_ text: String) -> (value: String, unresolved: [String]) {
        var lexer = DockerWordLexer(Array(text.utf8), escape: escape, values: values)
        let value = lexer.processWord()
        return (DockerBytes.string(value), lexer.unresolved)
    }

    /// Applies an ARG or ENV instruction the way Docker's builder does and returns the
    /// unresolved names its values referenced. Every value on one line is expanded with
    /// the variables from before that line. ARG takes, in order: `buildArgs[name]`,
    /// its expanded default, `globals[name]` (the global ARG value a stage re-declares);
    /// it never overrides a name set by ENV. Other instructions leave the scope unchanged.
    @discardableResult
    public mutating func apply(
        _ instruction: DockerInstruction,
        buildArgs: [String: String] = [:],
        globals: [String: String] = [:]
    ) -> [String] {
        var unresolved: [String] = []
        func note(_ names: [String]) {
            for name in names where !unresolved.contains(name) { unresolved.append(name) }
        }
        switch instruction.kind {
        case .arg:
            var updates: [(String, String)] = []
            for raw in instruction.rawArgs {
                let name = DockerBytes.string(raw.name)
                guard !environmentNames.contains(name) else { continue }
                if let value = buildArgs[name] {
                    updates.append((name, value))
                } else if let rawDefault = raw.value {
                    let expanded = expand(DockerBytes.string(rawDefault))
                    note(expanded.unresolved)
                    updates.append((name, expanded.value))
                } else if let value = globals[name] {
                    updates.append((name, value))
                }
            }
            for (name, value) in updates { values[name] = value }
        case .env:
            var updates: [(String, String)] = []
            for pair in instruction.rawPairs.pairs {
                let key = expand(DockerBytes.string(pair.key))
                let value = expand(DockerBytes.string(pair.value))
                note(key.unresolved)
                note(value.unresolved)
                updates.append((key.value, value.value))
            }
            for (name, value) in updates {
                values[name] = value
                environmentNames.insert(name)
            }
        default:
            break
        }
        return unresolved
    }

    /// The scope FROM lines see: the global ARGs (before the first FROM) with `buildArgs` applied.
    public static func global(_ dockerfile: Dockerfile, buildArgs: [String: String] = [:]) -> DockerVariableScope {
        var scope = DockerVariableScope(escape: dockerfile.escape)
        for instruction in dockerfile.globalArgs {
            scope.apply(instruction, buildArgs: buildArgs)
        }
        return scope
    }

    /// The variables in effect at the end of `stage`: ENV inherited from an earlier stage it
    /// builds on (`FROM builder`), then the stage's own ARG and ENV in order. ENV of a
    /// registry base image is unknown and not included.
    public static func atEnd(
        of stage: DockerfileStage,
        in dockerfile: Dockerfile,
        buildArgs: [String: String] = [:]
    ) -> DockerVariableScope {
        let globals = global(dockerfile, buildArgs: buildArgs).values
        var chain: [DockerfileStage] = [stage]
        while let last = chain.last, let parent = dockerfile.parentStage(of: last) { chain.append(parent) }
        var scope = DockerVariableScope(escape: dockerfile.escape)
        for (position, current) in chain.reversed().enumerated() {
            if position > 0 {
                // A child stage inherits the image's ENV but none of the parent's ARGs.
                scope.values = scope.values.filter { scope.environmentNames.contains($0.key) }
            }
            for instruction in current.instructions {
                scope.apply(instruction, buildArgs: buildArgs, globals: globals)
            }
        }
        return scope
    }
}
