/// Turns the services of one compose project into model services: joins each to
/// its image build, start command, environment, ports and health check.
struct ComposeLinker {
    let project: ComposeProject
    /// The compose file that names the project (its first file).
    let file: String
    let images: ImageBuildCache
    let store: ArtifactStore
    let configuration: Configuration

    /// Services another service waits for with `service_completed_successfully`: jobs that run once.
    let oneShotServices: Set<String>

    init(project: ComposeProject, file: String, images: ImageBuildCache, store: ArtifactStore, configuration: Configuration) {
        self.project = project
        self.file = file
        self.images = images
        self.store = store
        self.configuration = configuration
        self.oneShotServices = Set(project.services.flatMap { service in
            service.dependsOn.filter { $0.condition == .serviceCompletedSuccessfully }.map(\.service)
        })
    }

    var directory: String { PathUtilities.dirname(file) }

    func services() -> [Service] {
        project.services.map(link)
    }

    func link(_ compose: ComposeService) -> Service {
        var service = Service(name: compose.name, target: .compose(file: file), location: compose.location)
        let override = configuration.services[compose.name]
        service.image = compose.image
        service.userOverride = compose.user
        service.profiles = compose.profiles

        if let build = imageBuild(compose, override: override) {
            service.build = build
            service.container = images.image(for: build)
        } else if let image = compose.image {
            service.container = ImageBuildCache.pulledImage(image.value, location: image.location)
        }

        service.command = startCommand(compose, image: service.container, override: override)
        service.environment = environment(compose, image: service.container)
        service.ports = (service.container?.exposedPorts ?? [])
            + compose.ports.compactMap { port in
                port.containerPort.map {
                    PortClaim(port: $0, role: .composePublished, location: port.location, label: "compose ports \"\(port.raw)\"")
                }
            }
            + compose.expose.compactMap { exposed in
                exposed.ports.map {
                    PortClaim(port: $0.lowerBound, role: .composeExpose, location: exposed.location, label: "compose expose \(exposed.raw)")
                }
            }
        service.healthCheck = healthCheck(compose, image: service.container)
        service.ports += service.healthCheck?.portClaims ?? []
        service.dependencies = compose.dependsOn.map { dependency in
            let condition: ServiceDependency.Condition
            switch dependency.condition {
            case .serviceStarted: condition = .started
            case .serviceHealthy: condition = .healthy
            case .serviceCompletedSuccessfully: condition = .completedSuccessfully
            }
            return ServiceDependency(service: dependency.service, condition: condition, location: dependency.location)
        }
        service.isLongRunning = !oneShotServices.contains(service.name) && !ComposeLinker.isOneShot(service)
        return service
    }

    private func imageBuild(_ compose: ComposeService, override: ServiceOverride?) -> ImageBuild? {
        if let context = override?.context {
            let contextPath = PathUtilities.normalize(context)
            let dockerfile = override?.dockerfile.map(PathUtilities.normalize) ?? PathUtilities.join(contextPath, "Dockerfile")
            return ImageBuild(dockerfile: dockerfile, context: contextPath)
        }
        guard let build = compose.build else { return nil }
        let contextText = build.context.value
        if contextText.contains("://") || contextText.hasPrefix("git@") { return nil }
        let context = PathUtilities.join(directory, contextText)
        let dockerfileName = build.dockerfile?.value ?? "Dockerfile"
        let dockerfile = override?.dockerfile.map(PathUtilities.normalize) ?? PathUtilities.join(context, dockerfileName)
        var args: [String: String] = [:]
        for arg in build.args {
            if let value = arg.value { args[arg.key] = value }
        }
        var platforms = build.platforms
        if let platform = compose.platform { platforms.append(platform) }
        return ImageBuild(dockerfile: dockerfile, context: context, args: args, target: build.target?.value,
                          platforms: platforms, location: build.location)
    }

    private func startCommand(_ compose: ComposeService, image: ContainerImage?, override: ServiceOverride?) -> StartCommand? {
        if let entry = override?.entry, !entry.isEmpty {
            return StartCommand(argv: entry, viaShell: false, origin: .configuration, location: compose.location)
        }
        func command(_ located: Located<ComposeCommand>) -> StartCommand {
            switch located.value {
            case .exec(let argv):
                return StartCommand(argv: argv, viaShell: false, origin: .compose, location: located.location)
            case .shell(let text):
                return StartCommand(argv: located.value.words ?? [text], viaShell: false, origin: .compose, location: located.location)
            }
        }
        let entrypoint = compose.entrypoint.map(command) ?? image?.entrypoint
        let cmd = compose.command.map(command) ?? (compose.entrypoint == nil ? image?.cmd : nil)
        switch (entrypoint, cmd) {
        case (nil, nil): return nil
        case (let entry?, nil): return entry
        case (nil, let cmd?): return cmd
        case (let entry?, let cmd?):
            if entry.viaShell { return entry }
            // Report at the compose line when compose changed the command.
            let location = compose.command != nil ? cmd.location : entry.location
            let origin = compose.command != nil || compose.entrypoint != nil ? StartCommand.Origin.compose : entry.origin
            return StartCommand(argv: entry.argv + cmd.argv, viaShell: false, origin: origin, location: location)
        }
    }

    private func environment(_ compose: ComposeService, image: ContainerImage?) -> [EnvBinding] {
        var bindings = image?.environment ?? []
        for envFile in compose.envFiles {
            let path = PathUtilities.join(directory, envFile.path)
            guard let dotenv = store.dotenv(path) else { continue }
            for entry in dotenv.entries {
                bindings.append(EnvBinding(name: entry.key, value: entry.isInherited ? nil : entry.value,
                                           source: .envFile(path), location: entry.location))
            }
        }
        for entry in compose.environment {
            if let value = entry.value {
                let interpolation = project.interpolation(at: entry.valueLocation ?? entry.location)
                bindings.append(EnvBinding(name: entry.key, value: value, source: .compose,
                                           location: entry.valueLocation ?? entry.location,
                                           interpolatedFrom: interpolation?.uses.map(\.name) ?? []))
            } else {
                let fromProject = project.files.first.flatMap { _ in projectVariable(entry.key) }
                bindings.append(EnvBinding(name: entry.key, value: fromProject, source: .host, location: entry.location))
            }
        }
        return bindings
    }

    /// A variable from the project's `.env`, which compose also uses for `environment: [KEY]`.
    private func projectVariable(_ name: String) -> String? {
        store.dotenv(PathUtilities.join(directory, ".env"))?.entry(name)?.value
    }

    private func healthCheck(_ compose: ComposeService, image: ContainerImage?) -> HealthCheck? {
        guard let check = compose.healthcheck else { return image?.healthCheck }
        if check.isDisabled {
            return HealthCheck(origin: .compose, location: check.test?.location ?? check.location, test: .disabled)
        }
        var result: HealthCheck
        if let test = check.test {
            let modelTest: HealthCheck.Test
            switch test.value {
            case .none: modelTest = .disabled
            case .exec(let argv): modelTest = .exec(argv)
            case .shell(let text): modelTest = .shell(text)
            }
            result = HealthCheck(origin: .compose, location: test.location, test: modelTest)
        } else if let inherited = image?.healthCheck {
            result = inherited
        } else {
            return nil
        }
        result.interval = check.interval?.value ?? result.interval
        result.timeout = check.timeout?.value ?? result.timeout
        result.startPeriod = check.startPeriod?.value ?? result.startPeriod
        result.retries = check.retries?.value ?? result.retries
        return result
    }

    /// Migrations and other jobs that run once and exit.
    static func isOneShot(_ service: Service) -> Bool {
        let words = service.command?.argv ?? []
        if words.contains("migrate") || words.contains("collectstatic") { return true }
        if words.contains("alembic"), words.contains("upgrade") { return true }
        return false
    }
}
