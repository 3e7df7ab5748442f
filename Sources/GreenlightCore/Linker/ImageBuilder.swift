/// Simulates a Dockerfile build statically: WORKDIR, COPY and ADD over the real
/// build context (after .dockerignore), ARG/ENV expansion, multi-stage copies, and
/// what RUN installs or generates. The result is the final stage as a `ContainerImage`.
struct ImageBuilder {
    let dockerfile: Dockerfile
    let context: BuildContextFiles
    let buildArgs: [String: String]
    let target: String?
    /// Reads project files a RUN step refers to (requirement files, generator scripts).
    let store: ArtifactStore

    /// Directories of a known base image that hold its own files; anything else
    /// (`/app`, `/srv/app`, `/workspace`) starts empty.
    static let systemDirectories = ["/bin", "/sbin", "/usr", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/var", "/opt",
                                    "/root", "/home", "/run", "/proc", "/sys", "/dev", "/tmp", "/mnt", "/media", "/srv",
                                    "/docker-entrypoint.sh", "/docker-entrypoint.d", "/entrypoint.sh", "/nix", "/snap"]
    static let pathDirectories: Set<String> = ["/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin"]

    /// Build arguments Docker predefines for a linux/amd64 build.
    static let predefinedArgs: [String: String] = [
        "TARGETPLATFORM": "linux/amd64", "TARGETOS": "linux", "TARGETARCH": "amd64", "TARGETVARIANT": "",
        "BUILDPLATFORM": "linux/amd64", "BUILDOS": "linux", "BUILDARCH": "amd64", "BUILDVARIANT": "",
    ]

    func build() -> ContainerImage? {
        guard !dockerfile.stages.isEmpty else { return nil }
        var globalScope = ImageBuilder.predefinedArgs
        for instruction in dockerfile.globalArgs {
            for (name, defaultValue) in instruction.arg ?? [] {
                globalScope[name] = buildArgs[name] ?? defaultValue.map { expand($0, globalScope) } ?? globalScope[name]
            }
        }
        var built: [Int: ContainerImage] = [:]
        var finalIndex = dockerfile.stages.count - 1
        if let target, let stage = dockerfile.stage(named: target) { finalIndex = stage.index }
        for stage in dockerfile.stages where stage.index <= finalIndex {
            built[stage.index] = buildStage(stage, globalScope: globalScope, built: built)
        }
        return built[finalIndex]
    }

    private func buildStage(_ stage: DockerfileStage, globalScope: [String: String], built: [Int: ContainerImage]) -> ContainerImage {
        let baseText = expand(stage.baseImage, globalScope)
        var image: ContainerImage
        var scope: [String: String] = [:]
        if let parent = dockerfile.stages.first(where: { $0.name == baseText.lowercased() && $0.index < stage.index }),
           let parentImage = built[parent.index] {
            image = parentImage
            for binding in parentImage.environment { scope[binding.name] = binding.value ?? "" }
        } else {
            image = ImageBuilder.baseImage(baseText, location: stage.location, dockerfile: dockerfile.path)
        }
        image.finalStage = stage.name ?? String(stage.index)
        if let platform = stage.platform { image.platform = expand(platform, globalScope) }
        for instruction in stage.instructions {
            apply(instruction, to: &image, scope: &scope, globalScope: globalScope, built: built)
        }
        return image
    }

    /// A fresh image for an external base, with what the catalog knows about it.
    static func baseImage(_ text: String, location: SourceLocation, dockerfile: String) -> ContainerImage {
        var image = ContainerImage(dockerfile: dockerfile, baseImage: text, baseLocation: location)
        if text == "scratch" {
            image.baseKnown = true
            image.isScratch = true
            image.baseUser = "root"
            return image
        }
        guard let reference = ImageReference.parse(text), !reference.containsVariables,
              let info = BaseImageCatalog.lookup(reference)
        else {
            image.filesystem.markUncertain("/", reason: "base image \(text) is not in Greenlight's catalog", location: location)
            return image
        }
        image.baseKnown = true
        image.baseInfo = info
        image.baseUser = info.defaultUser
        for directory in systemDirectories {
            image.filesystem.markUncertain(directory, reason: "\(directory) belongs to the base image \(text)", location: location)
        }
        if !info.sitePackagesPaths.isEmpty || info.pythonVersion != nil {
            image.pythonDistributions = [:]
        }
        return image
    }

    // MARK: - Instructions

    private func apply(_ instruction: DockerInstruction, to image: inout ContainerImage, scope: inout [String: String],
                       globalScope: [String: String], built: [Int: ContainerImage]) {
        let location = instruction.location
        switch instruction.keyword {
        case "ARG":
            for (name, defaultValue) in instruction.arg ?? [] {
                if let value = buildArgs[name] {
                    scope[name] = value
                } else if let defaultValue {
                    scope[name] = expand(defaultValue, scope)
                } else if let global = globalScope[name] {
                    scope[name] = global
                }
            }
        case "ENV":
            for (key, value) in instruction.env ?? [] {
                let expanded = expand(value, scope)
                scope[key] = expanded
                image.environment.removeAll { $0.name == key }
                image.environment.append(EnvBinding(name: key, value: expanded, source: .dockerfile, location: location))
            }
        case "WORKDIR":
            if let directory = instruction.workdir {
                image.workdir = PathUtilities.join(image.workdir, expand(directory, scope))
                image.filesystem.addDirectory(image.workdir)
            }
        case "USER":
            if let user = instruction.user { image.user = Located(expand(user, scope), at: location) }
        case "EXPOSE":
            for exposed in instruction.exposedPorts ?? [] {
                let text = expand(exposed.portText, scope)
                let digits = text.prefix(while: \.isNumber)
                if let port = Int(digits), (1...65535).contains(port) {
                    image.exposedPorts.append(PortClaim(port: port, role: .expose, location: location, label: "EXPOSE \(text)"))
                }
            }
        case "CMD", "ENTRYPOINT":
            let command = startCommand(instruction.arguments, location: location)
            if instruction.keyword == "CMD" {
                image.cmd = command
            } else {
                image.entrypoint = command
                image.cmd = nil
            }
        case "HEALTHCHECK":
            switch instruction.healthcheck {
            case .none?:
                image.healthCheck = HealthCheck(origin: .dockerfile, location: location, test: .disabled)
            case let .command(args, interval, timeout, startPeriod, _, retries)?:
                let test: HealthCheck.Test
                switch args {
                case .exec(let argv): test = .exec(argv)
                case .shell(let text): test = .shell(text)
                }
                image.healthCheck = HealthCheck(origin: .dockerfile, location: location, test: test, interval: interval,
                                                timeout: timeout, startPeriod: startPeriod, retries: retries)
            case nil:
                break
            }
        case "COPY", "ADD":
            if let copy = instruction.copy { applyCopy(copy, location: location, to: &image, scope: scope, built: built) }
        case "RUN":
            applyRun(instruction, to: &image, scope: scope)
        default:
            break
        }
    }

    private func startCommand(_ arguments: DockerArguments, location: SourceLocation) -> StartCommand {
        switch arguments {
        case .exec(let argv):
            return StartCommand(argv: argv, viaShell: false, origin: .dockerfile, location: location)
        case .shell(let text):
            return StartCommand(argv: ShellWords.split(text) ?? [text], viaShell: true, origin: .dockerfile, location: location)
        }
    }

    func expand(_ text: String, _ scope: [String: String]) -> String {
        guard text.contains("$") else { return text }
        return DockerVariableScope(scope).expand(text).value
    }
}
