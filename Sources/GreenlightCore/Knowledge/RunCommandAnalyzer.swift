/// Reads a RUN instruction's shell text and tells what it installs, downloads, generates
/// and may write, so that rules can tell "curl is installed in this stage" or "the
/// generated `*_pb2.py` files may come from this step" without running the build.
///
/// The analysis is deliberately conservative: any command it does not recognise marks
/// the working directory as possibly written and may have provided unknown binaries.
public enum RunCommandAnalyzer {
    /// Analyses `shell` (a RUN instruction's shell form, or an exec form joined with
    /// spaces) run in `workdir` (absolute; `""` keeps relative paths as written). `environment` holds values known from `ENV`
    /// and `ARG` for expanding `$VAR`; `location` is where the text starts in its file,
    /// used to place `issues`.
    public static func analyze(
        _ shell: String,
        workdir: String,
        environment: [String: String] = [:],
        location: SourceLocation? = nil
    ) -> RunEffects {
        let script = ShellScriptSplitter.split(shell)
        var analysis = RunAnalysis(workdir: workdir, environment: environment)
        analysis.run(script)
        var effects = analysis.finish()
        let text = SourceText(path: location?.file ?? "", string: shell)
        for issue in script.issues {
            effects.issues.append(ParseIssue(issue.message, at: place(issue.offset, in: text, from: location)))
        }
        return effects
    }

    /// Analyses an exec-form RUN (`RUN ["pip", "install", "-r", "requirements.txt"]`):
    /// the arguments are taken literally, with no shell splitting or expansion.
    public static func analyze(arguments: [String], workdir: String) -> RunEffects {
        var command = ScriptCommand()
        command.words = arguments.map { ShellWord(parts: [.literal($0)], quoted: true) }
        var analysis = RunAnalysis(workdir: workdir, environment: [:])
        analysis.run(ShellScript(commands: [command], issues: []))
        return analysis.finish()
    }

    /// Maps a byte offset inside the analysed text to a location in the file the text
    /// came from: lines add up, and columns only shift on the first line.
    static func place(_ offset: Int, in text: SourceText, from base: SourceLocation?) -> SourceLocation {
        let relative = text.location(ofOffset: offset)
        guard let base else { return relative }
        let line = base.line + relative.line - 1
        let column = relative.line == 1 ? base.column + relative.column - 1 : relative.column
        return SourceLocation(file: base.file, line: max(1, line), column: max(1, column))
    }

    /// Directories on the default PATH of Linux images: a file placed here is a command.
    public static let pathDirectories: Set<String> = [
        "/bin", "/usr/bin", "/usr/local/bin", "/sbin", "/usr/sbin", "/usr/local/sbin",
    ]
}

/// One word after expansion.
struct ShellArgument: Sendable {
    var text: String
    /// False when a variable or command substitution could not be expanded.
    var resolved: Bool
    var quoted: Bool

    /// A value cut out of this argument (`-oFILE`, `--output=FILE`).
    func derived(_ value: String) -> ShellArgument {
        ShellArgument(text: value, resolved: resolved || !value.contains("$"), quoted: quoted)
    }
}

/// The state of one analysis: effects so far, the shell's variables and directory.
struct RunAnalysis {
    var effects = RunEffects()
    var environment: [String: String]
    var cwd: String
    /// Packages installed so far in this step, in order; removals take them out.
    var installed: [InstalledPackage] = []
    /// Executables added by downloads, links and copies into PATH directories.
    var extraBinaries: [String] = []
    var depth = 0
    var inCase = false

    init(workdir: String, environment: [String: String]) {
        self.cwd = workdir.isEmpty ? "" : PathUtilities.normalize(workdir)
        self.environment = environment
    }

    mutating func run(_ script: ShellScript) {
        for command in script.commands {
            handle(command)
        }
    }

    /// Final effects: the packages still installed and every binary they provide.
    mutating func finish() -> RunEffects {
        effects.packages = installed
        var seen = Set<String>()
        var binaries: [String] = []
        for name in installed.flatMap({ $0.executables ?? [] }) + extraBinaries where seen.insert(name).inserted {
            binaries.append(name)
        }
        effects.providedBinaries = binaries
        effects.possiblyWrittenPaths = RunAnalysis.unique(effects.possiblyWrittenPaths)
        effects.scriptsRun = RunAnalysis.unique(effects.scriptsRun)
        effects.unrecognizedCommands = RunAnalysis.unique(effects.unrecognizedCommands)
        return effects
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    // MARK: Paths

    /// `path` made absolute against the current directory; kept as written while the
    /// directory is unknown (`""`, script mode).
    func resolve(_ path: String) -> String {
        cwd.isEmpty ? path : PathUtilities.join(cwd, path)
    }

    /// Records a write to `argument`'s path, or an unbounded write when it cannot be expanded.
    mutating func markWritten(_ argument: ShellArgument) {
        guard argument.resolved, !argument.text.hasPrefix("~") else {
            effects.writesUnknownPaths = true
            effects.possiblyWrittenPaths.append(cwd)
            return
        }
        let path = resolve(argument.text)
        if path.hasPrefix("/dev/") || path == "/dev" { return }
        effects.possiblyWrittenPaths.append(path)
    }

    /// A command whose effects are not known: it may write anywhere under the working
    /// directory and may install anything.
    mutating func markUnknown(_ name: String?) {
        if let name { effects.unrecognizedCommands.append(name) }
        effects.writesUnknownPaths = true
        effects.mayProvideUnknownBinaries = true
        effects.possiblyWrittenPaths.append(cwd)
    }

    /// Notes an executable that lands on the PATH when `path` is inside a PATH directory.
    mutating func notePathBinary(_ path: String) {
        let directory = PathUtilities.dirname(path)
        if RunCommandAnalyzer.pathDirectories.contains(directory) {
            extraBinaries.append(PathUtilities.basename(path))
        }
    }

    // MARK: Commands

    mutating func handle(_ command: ScriptCommand) {
        for redirect in command.redirects where redirect.writesFile {
            guard let target = redirect.target else { continue }
            let argument = expand(target)
            if redirect.op.hasSuffix("&"), target.isDescriptor { continue }
            markWritten(argument)
        }
        var arguments = command.words.map(expand)
        // Leading NAME=value assignments: alone they set shell variables, before a
        // command they only set its environment.
        var assignments: [(String, ShellArgument)] = []
        while let first = arguments.first, let assignment = RunAnalysis.assignment(first) {
            assignments.append(assignment)
            arguments.removeFirst()
        }
        if arguments.isEmpty {
            for (name, value) in assignments { assign(name, value) }
            return
        }
        execute(arguments[...], command: command)
    }

    func expand(_ word: ShellWord) -> ShellArgument {
        let (text, resolved) = word.expand(environment)
        return ShellArgument(text: text, resolved: resolved, quoted: word.quoted)
    }

    mutating func assign(_ name: String, _ value: ShellArgument) {
        environment[name] = value.resolved ? value.text : nil
    }

    /// `NAME=value` → (NAME, value).
    static func assignment(_ argument: ShellArgument) -> (String, ShellArgument)? {
        guard let equals = argument.text.firstIndex(of: "=") else { return nil }
        let name = argument.text[..<equals]
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
              name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else { return nil }
        return (String(name), argument.derived(String(argument.text[argument.text.index(after: equals)...])))
    }
}
