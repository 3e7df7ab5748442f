/// A file written into the image from a heredoc (`COPY <<EOF /app/config.py`).
public struct CopyInlineFile: Sendable, Hashable {
    /// The heredoc delimiter, which Docker also uses as the file name.
    public var name: String
    /// The file contents (see `DockerHeredoc.content`).
    public var content: String
    /// False when the delimiter was quoted, so Docker does not expand variables in the body.
    public var expands: Bool
    /// Where the file lands: the destination itself, or `destination/name` when the
    /// destination ends in `/` or several sources are copied.
    public var destinationPath: String

    public init(name: String, content: String, expands: Bool, destinationPath: String) {
        self.name = name
        self.content = content
        self.expands = expands
        self.destinationPath = destinationPath
    }
}

/// A COPY or ADD read into what it copies where. Paths have quotes and escapes
/// removed but `$VAR` references kept; expand them with `DockerVariableScope`.
public struct CopyInstruction: Sendable, Hashable {
    /// True for ADD (which also fetches URLs and unpacks local archives).
    public var isAdd: Bool
    /// Source paths relative to the build context, or to the `--from` stage/image root.
    public var sources: [String]
    /// The destination path as written (relative ones are relative to WORKDIR).
    public var destination: String
    /// `--from=`: a stage name, stage index or image.
    public var from: String?
    public var chown: String?
    public var chmod: String?
    public var link: Bool
    public var parents: Bool
    /// `--exclude=` patterns.
    public var excludes: [String]
    /// ADD `--checksum=`.
    public var checksum: String?
    /// Heredoc sources, written as files.
    public var inlineFiles: [CopyInlineFile]

    public init(
        isAdd: Bool,
        sources: [String],
        destination: String,
        from: String? = nil,
        chown: String? = nil,
        chmod: String? = nil,
        link: Bool = false,
        parents: Bool = false,
        excludes: [String] = [],
        checksum: String? = nil,
        inlineFiles: [CopyInlineFile] = []
    ) {
        self.isAdd = isAdd
        self.sources = sources
        self.destination = destination
        self.from = from
        self.chown = chown
        self.chmod = chmod
        self.link = link
        self.parents = parents
        self.excludes = excludes
        self.checksum = checksum
        self.inlineFiles = inlineFiles
    }

    /// Whether the destination names a directory (`/app/`, `.`), so sources keep their names inside it.
    public var destinationIsDirectory: Bool {
        destination.hasSuffix("/") || destination == "." || destination.hasSuffix("/.")
            || sources.count + inlineFiles.count > 1
    }
}

extension DockerInstruction {
    /// The COPY/ADD view; nil for other keywords or when no destination is given.
    public var copy: CopyInstruction? {
        guard kind == .copy || kind == .add else { return nil }
        let words: [String]
        let escape = self.escape
        switch arguments {
        case .exec(let elements):
            words = elements
        case .shell(let text):
            words = DockerBytes.fields(Array(text.utf8)[...]).map { Array($0) }.map { raw in
                DockerHeredocMarkers.marker(raw[...]) != nil ? DockerBytes.string(raw) : DockerWordLexer.unquote(raw, escape: escape)
            }
        }
        guard words.count >= 2, let last = words.last else { return nil }
        let destination = last
        var sources: [String] = []
        var heredocSources: [DockerHeredocMarker] = []
        for word in words.dropLast() {
            if !arguments.isExec, let marker = DockerHeredocMarkers.marker(Array(word.utf8)[...]) {
                heredocSources.append(marker)
            } else {
                sources.append(word)
            }
        }
        let directory = destination.hasSuffix("/") || words.count > 2
        var unclaimed = heredocs
        let inline = heredocSources.map { marker -> CopyInlineFile in
            let index = unclaimed.firstIndex { $0.delimiter == marker.name }
            let body = index.map { unclaimed.remove(at: $0) }
            return CopyInlineFile(
                name: marker.name,
                content: body?.content ?? "",
                expands: marker.expands,
                destinationPath: directory ? PathUtilities.join(destination, marker.name) : destination
            )
        }
        return CopyInstruction(
            isAdd: kind == .add,
            sources: sources,
            destination: destination,
            from: flag("from"),
            chown: flag("chown"),
            chmod: flag("chmod"),
            link: Self.isTrue(flag("link")),
            parents: Self.isTrue(flag("parents")),
            excludes: flagValues("exclude"),
            checksum: flag("checksum"),
            inlineFiles: inline
        )
    }

    /// A boolean flag is on when bare or set to a true value (`--link`, `--link=true`).
    static func isTrue(_ value: String?) -> Bool {
        guard let value else { return false }
        return value.isEmpty || ["true", "1", "t", "True", "TRUE", "T"].contains(value)
    }
}
