/// Whether a program is on the image's PATH, and why Greenlight thinks so.
public enum ToolAvailability: Hashable, Sendable {
    case present(String)
    case absent(String)
    case unknown
}

/// A program a build step put on the image's PATH (or removed from it).
public struct ToolOrigin: Hashable, Sendable {
    /// "apt-get install netcat-traditional", "wget -O /bin/grpc_health_probe".
    public var description: String
    public var location: SourceLocation?

    public init(description: String, location: SourceLocation?) {
        self.description = description
        self.location = location
    }
}

/// A code generator run during the build (`protoc`, `python -m grpc_tools.protoc`,
/// or a script that calls them), with the image directories it writes to.
public struct GeneratorRun: Hashable, Sendable {
    public var description: String
    public var outputDirectories: [String]
    public var location: SourceLocation

    public init(description: String, outputDirectories: [String], location: SourceLocation) {
        self.description = description
        self.outputDirectories = outputDirectories
        self.location = location
    }
}

/// The final image of a Dockerfile build as Greenlight simulates it.
public struct ContainerImage: Sendable {
    /// The Dockerfile and the stage that is the final image.
    public var dockerfile: String
    public var finalStage: String?
    /// `FROM --platform=` of the final stage, after variable expansion.
    public var platform: String?
    /// The external image the final stage is ultimately based on, as written after
    /// variable expansion (`python:3.12-slim`), and where.
    public var baseImage: String
    public var baseLocation: SourceLocation
    /// Whether the base image is in the catalog. When false, rules that need to
    /// know what the base image contains stay silent.
    public var baseKnown: Bool
    /// What the catalog knows about the base image (nil when it is not in the catalog).
    public var baseInfo: BaseImageInfo?
    /// `FROM scratch`: an empty filesystem with no programs at all.
    public var isScratch: Bool
    public var baseUser: String?
    public var filesystem: ImageFilesystem
    public var workdir: String
    /// The last `USER` of the final stage (or inherited from a build stage it is based on).
    public var user: Located<String>?
    public var environment: [EnvBinding]
    public var exposedPorts: [PortClaim]
    public var entrypoint: StartCommand?
    public var cmd: StartCommand?
    public var healthCheck: HealthCheck?
    public var addedTools: [String: ToolOrigin]
    public var removedTools: [String: ToolOrigin]
    /// A build step that may have installed programs Greenlight cannot name
    /// (an unknown script, a copy from an unknown image).
    public var unknownInstall: ToolOrigin?
    /// Requirement files installed with `pip install -r` (project paths), and packages named directly.
    public var requirementFiles: [Located<String>]
    public var pipPackages: [Located<String>]
    /// `pip install .`, `poetry install`, `uv sync`: the project's own metadata decides what is installed.
    public var installsProjectMetadata: [Located<String>]
    public var generators: [GeneratorRun]
    /// Python distributions the image installs (normalised names → where declared), or
    /// nil when Greenlight cannot know the full set (unknown base image, an install it
    /// cannot read, site-packages copied from an unknown image).
    public var pythonDistributions: [String: SourceLocation]?
    /// Steps that make `docker build` itself fail (a COPY source that is not in the context).
    public var buildProblems: [Located<String>]

    public init(dockerfile: String, baseImage: String, baseLocation: SourceLocation) {
        self.dockerfile = dockerfile
        self.finalStage = nil
        self.baseImage = baseImage
        self.baseLocation = baseLocation
        self.baseKnown = false
        self.baseInfo = nil
        self.isScratch = false
        self.baseUser = nil
        self.filesystem = ImageFilesystem()
        self.workdir = "/"
        self.user = nil
        self.environment = []
        self.exposedPorts = []
        self.addedTools = [:]
        self.removedTools = [:]
        self.requirementFiles = []
        self.pipPackages = []
        self.installsProjectMetadata = []
        self.generators = []
        self.pythonDistributions = nil
        self.buildProblems = []
    }

    /// Whether `program` (a name like `curl` or a path like `/bin/grpc_health_probe`) can run.
    public func tool(_ program: String) -> ToolAvailability {
        let name = PathUtilities.basename(program)
        if program.contains("/") {
            switch filesystem.existence(program) {
            case .file(let file): return .present("copied to \(program) by \(file.addedBy)")
            case .unknown: return .unknown
            case .directory, .absent: break
            }
        }
        if let removed = removedTools[name] {
            return .absent("\(removed.description) removes it (\(removed.location.map(\.description) ?? dockerfile))")
        }
        if let added = addedTools[name] {
            return .present("\(added.description) (\(added.location.map(\.description) ?? dockerfile))")
        }
        if unknownInstall != nil { return .unknown }
        if isScratch { return .absent("scratch images contain no programs") }
        guard let baseInfo else { return .unknown }
        switch baseInfo.presence(of: name) {
        case .present: return .present("included in \(baseImage)")
        case .absent: return .absent("\(baseImage) does not include it and no build step installs it")
        case .unknown: return .unknown
        }
    }

    /// The effective start command: ENTRYPOINT followed by CMD.
    public var startCommand: StartCommand? {
        switch (entrypoint, cmd) {
        case (nil, nil): return nil
        case (let entry?, nil): return entry
        case (nil, let command?): return command
        case (let entry?, let command?):
            if entry.viaShell { return entry }  // shell-form ENTRYPOINT ignores CMD
            return StartCommand(argv: entry.argv + command.argv, viaShell: command.viaShell && entry.argv.isEmpty,
                                origin: entry.origin, location: entry.location)
        }
    }
}
