/// A `--name=value` or bare `--name` flag written before an instruction's
/// arguments (`COPY --from=builder`, `RUN --mount=type=cache,...`, `COPY --link`).
public struct DockerFlag: Sendable, Hashable {
    /// The flag name without the leading dashes.
    public var name: String
    /// The text after the first `=`, or nil for a bare flag.
    public var value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }
}

/// An instruction's arguments in one of the two forms Docker accepts.
public enum DockerArguments: Sendable, Hashable {
    /// JSON array form (`CMD ["python", "app.py"]`), strings decoded.
    case exec([String])
    /// Shell form text: continuation lines joined with no newline (as Docker does),
    /// comment lines inside the continuation dropped, surrounding whitespace trimmed.
    case shell(String)

    /// True for the JSON array form.
    public var isExec: Bool {
        if case .exec = self { return true }
        return false
    }

    /// A one-line rendering for messages: shell text, or exec elements joined by spaces.
    public var text: String {
        switch self {
        case .exec(let words): words.joined(separator: " ")
        case .shell(let text): text
        }
    }
}

/// A here-document attached to RUN, COPY or ADD (`RUN <<EOF ... EOF`).
public struct DockerHeredoc: Sendable, Hashable {
    /// The delimiter word with quotes removed (`EOF` for `<<"EOF"`).
    public var delimiter: String
    /// The body lines, each ending in `\n` (CRLF normalised to LF); for `<<-`
    /// leading tabs are already stripped from every line, as the shell would.
    public var content: String
    /// True for `<<-`.
    public var stripsTabs: Bool
    /// False when the delimiter was quoted, so Docker does not expand variables in the body.
    public var expands: Bool

    public init(delimiter: String, content: String, stripsTabs: Bool, expands: Bool) {
        self.delimiter = delimiter
        self.content = content
        self.stripsTabs = stripsTabs
        self.expands = expands
    }
}

/// One Dockerfile instruction as Docker's parser reads it: keyword, leading
/// flags, arguments and heredocs, with the place it was written.
public struct DockerInstruction: Sendable, Hashable {
    /// Upper-cased keyword (`RUN`, `COPY`...). Unknown keywords are kept as written, upper-cased.
    public var keyword: String {
        didSet { kind = DockerKeyword(keyword) }
    }
    /// The keyword as an enum; nil for unknown keywords.
    private(set) var kind: DockerKeyword?
    /// Where the keyword is.
    public var location: SourceLocation
    /// The last physical line of the instruction, including continuation lines and heredoc bodies.
    public var endLine: Int
    /// Leading `--flags`, in order.
    public var flags: [DockerFlag]
    /// Everything after the flags.
    public var arguments: DockerArguments
    /// Heredoc bodies, in the order their `<<` markers appear.
    public var heredocs: [DockerHeredoc]
    /// The escape character in effect (`\` or a backtick from `# escape=`); ENV, LABEL
    /// and ARG words are read with it.
    public var escape: UInt8
    /// Storage for the ONBUILD trigger; an array only to give the recursive type a size.
    var triggers: [DockerInstruction]

    /// Builds an instruction by hand (tests, synthesised instructions); `keyword` is upper-cased.
    public init(
        keyword: String,
        location: SourceLocation,
        endLine: Int,
        flags: [DockerFlag] = [],
        arguments: DockerArguments,
        heredocs: [DockerHeredoc] = [],
        escape: UInt8 = 0x5C,
        onbuildTrigger: DockerInstruction? = nil
    ) {
        let kind = DockerKeyword(keyword)
        self.init(
            kind: kind, keyword: kind?.name ?? DockerBytes.uppercased(Array(keyword.utf8)[...]),
            location: location, endLine: endLine,
            flags: flags, arguments: arguments, escape: escape, onbuildTrigger: onbuildTrigger)
        self.heredocs = heredocs
    }

    /// The reader's initializer: the keyword is already classified.
    init(
        kind: DockerKeyword?,
        keyword: String,
        location: SourceLocation,
        endLine: Int,
        flags: [DockerFlag],
        arguments: DockerArguments,
        escape: UInt8,
        onbuildTrigger: DockerInstruction?
    ) {
        self.keyword = keyword
        self.kind = kind
        self.location = location
        self.endLine = endLine
        self.flags = flags
        self.arguments = arguments
        self.heredocs = []
        self.escape = escape
        self.triggers = onbuildTrigger.map { [$0] } ?? []
    }

    /// The instruction ONBUILD registers (`ONBUILD RUN make` → the RUN), nil for other keywords.
    public var onbuildTrigger: DockerInstruction? {
        triggers.first
    }

    /// The value of the first `--name` flag (name given without dashes); `""` for a bare flag, nil when absent.
    public func flag(_ name: String) -> String? {
        for flag in flags where flag.name == name {
            return flag.value ?? ""
        }
        return nil
    }

    /// Every value of a repeatable flag (`--mount`, `--exclude`), in order.
    public func flagValues(_ name: String) -> [String] {
        flags.filter { $0.name == name }.map { $0.value ?? "" }
    }

    /// The instruction on one line for messages: keyword, flags, then the arguments
    /// (shell text as read, or the exec array in JSON form).
    public var line: String {
        var parts = [keyword]
        for flag in flags {
            parts.append(flag.value.map { "--\(flag.name)=\($0)" } ?? "--\(flag.name)")
        }
        switch arguments {
        case .shell(let text):
            if !text.isEmpty { parts.append(text) }
        case .exec(let words):
            parts.append("[" + words.map(Self.jsonQuoted).joined(separator: ", ") + "]")
        }
        return parts.joined(separator: " ")
    }

    private static func jsonQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// The argument text for keywords whose arguments are always shell text.
    var argumentText: String {
        switch arguments {
        case .shell(let text): text
        case .exec(let words): words.joined(separator: " ")
        }
    }
}
