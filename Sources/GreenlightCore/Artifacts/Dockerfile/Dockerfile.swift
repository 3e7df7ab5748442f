/// A parsed Dockerfile: directives, instructions grouped into build stages,
/// comments (for inline suppressions) and the problems met while reading it.
public struct Dockerfile: Sendable, Hashable {
    /// Path relative to the scanned root, as given.
    public var path: String
    /// The escape character from the `# escape=` directive; `\` by default.
    public var escape: UInt8
    /// The `# syntax=` directive value (`docker/dockerfile:1`), if any.
    public var syntax: String?
    /// ARG instructions before the first FROM; only FROM lines can use them unless a stage re-declares them.
    public var globalArgs: [DockerInstruction]
    /// Build stages in file order; the last one is what `docker build` produces without `--target`.
    public var stages: [DockerfileStage]
    /// Every top-level instruction in file order (ONBUILD triggers are inside their ONBUILD).
    public var instructions: [DockerInstruction]
    /// Problems Docker would reject or misread, each at the place it was found.
    public var issues: [ParseIssue]
    /// Every full-line comment's text after `#`, trimmed, at the `#` (heredoc bodies excluded).
    public var comments: [Located<String>]

    public init(
        path: String,
        escape: UInt8 = 0x5C,
        syntax: String? = nil,
        globalArgs: [DockerInstruction] = [],
        stages: [DockerfileStage] = [],
        instructions: [DockerInstruction] = [],
        issues: [ParseIssue] = [],
        comments: [Located<String>] = []
    ) {
        self.path = path
        self.escape = escape
        self.syntax = syntax
        self.globalArgs = globalArgs
        self.stages = stages
        self.instructions = instructions
        self.issues = issues
        self.comments = comments
    }

    /// Reads a Dockerfile the way BuildKit's parser does. Never traps: whatever cannot
    /// be understood is reported in `issues`.
    public static func parse(_ source: SourceText) -> Dockerfile {
        var parser = DockerfileParser(source: source)
        return parser.parse()
    }

    /// The stage `docker build` builds without `--target`.
    public var finalStage: DockerfileStage? {
        stages.last
    }

    /// The stage a `FROM x` or `COPY --from=x` refers to: by name (case-insensitive)
    /// or by numeric index. Nil when `reference` names an image rather than a stage.
    public func stage(named reference: String) -> DockerfileStage? {
        let lowered = DockerBytes.lowercased(reference)
        if let named = stages.first(where: { $0.name == lowered }) { return named }
        if let index = Int(reference), index >= 0, index < stages.count,
           reference.utf8.allSatisfy(DockerBytes.isDigit) {
            return stages[index]
        }
        return nil
    }

    /// The stage that `stage` builds on when its FROM names an earlier stage, else nil.
    /// (FROM refers to stages by name only; a numeric FROM is an image.)
    public func parentStage(of stage: DockerfileStage) -> DockerfileStage? {
        let lowered = DockerBytes.lowercased(stage.baseImage)
        return stages.first { $0.name == lowered && $0.index < stage.index }
    }
}

/// One build stage: a FROM and the instructions up to the next FROM.
public struct DockerfileStage: Sendable, Hashable {
    /// 0-based position among the stages (what `COPY --from=0` refers to).
    public var index: Int
    /// The `AS name`, lower-cased like Docker does.
    public var name: String?
    /// The FROM image as written (`python:3.12-slim`, `${BASE}`, `builder`); variables not expanded.
    public var baseImage: String
    /// The FROM `--platform` value as written.
    public var platform: String?
    /// Where the FROM is.
    public var location: SourceLocation
    /// The stage's instructions, FROM excluded.
    public var instructions: [DockerInstruction]

    public init(
        index: Int,
        name: String?,
        baseImage: String,
        platform: String?,
        location: SourceLocation,
        instructions: [DockerInstruction] = []
    ) {
        self.index = index
        self.name = name
        self.baseImage = baseImage
        self.platform = platform
        self.location = location
        self.instructions = instructions
    }

    /// The stage's instructions with the given keyword (upper-case), in order.
    public func instructions(_ keyword: String) -> [DockerInstruction] {
        instructions.filter { $0.keyword == keyword }
    }

    /// The last instruction with the given keyword: the one that wins for CMD,
    /// ENTRYPOINT, HEALTHCHECK, USER, SHELL and STOPSIGNAL.
    public func last(_ keyword: String) -> DockerInstruction? {
        instructions.last { $0.keyword == keyword }
    }
}
