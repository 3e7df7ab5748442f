/// Turns the containers of ECS task definitions into services on the same model as
/// compose services: each container is joined to the image build that produces it,
/// its environment and secrets, ports, health check and code.
struct ECSLinker {
    let images: ImageBuildCache
    let store: ArtifactStore
    let configuration: Configuration
    /// Builds by the normalised repository name of their tags.
    let buildsByRepository: [String: [DockerBuildInvocation]]
    /// `…/<name>/Dockerfile` by the normalised name of its directory.
    let dockerfilesByDirectory: [String: [String]]
    let dockerfiles: Set<String>

    init(images: ImageBuildCache, store: ArtifactStore, configuration: Configuration,
         buildInvocations: [DockerBuildInvocation], dockerfiles: [String]) {
        self.images = images
        self.store = store
        self.configuration = configuration
        self.dockerfiles = Set(dockerfiles)
        var builds: [String: [DockerBuildInvocation]] = [:]
        for invocation in buildInvocations where invocation.dockerfilePath != nil {
            for name in Set(invocation.tags.compactMap(ECSLinker.repositoryName(of:)).map(ECSLinker.normalizeName)) {
                builds[name, default: []].append(invocation)
            }
        }
        self.buildsByRepository = builds
        var byDirectory: [String: [String]] = [:]
        for path in dockerfiles where PathUtilities.basename(path) == "Dockerfile" {
            byDirectory[ECSLinker.normalizeName(PathUtilities.basename(PathUtilities.dirname(path))), default: []].append(path)
        }
        self.dockerfilesByDirectory = byDirectory
    }

    func services(of task: ECSTaskDefinition) -> [Service] {
        let family = task.family?.value ?? task.containers.first?.name?.value ?? "task"
        return task.containers.map { container in
            link(container, in: task, family: family)
        }
    }

    private func link(_ container: ECSContainerDefinition, in task: ECSTaskDefinition, family: String) -> Service {
        let name = container.name?.value ?? family
        var service = Service(name: name, target: .ecs(family: family, source: ECSLinker.describe(task.source)),
                              location: container.location)
        service.taskDefinition = task
        service.ecsContainer = container
        let override = configuration.services[name]
        if let image = container.image, case .string(let text) = image.value {
            service.image = Located(text, at: image.location)
        }
        if let build = imageBuild(for: container, name: name, override: override) {
            service.build = build
            service.container = images.image(for: build)
        } else if let image = service.image {
            service.container = ImageBuildCache.pulledImage(image.value, location: image.location)
        }
        service.userOverride = container.user

        service.command = startCommand(container, image: service.container, override: override)
        var environment = service.container?.environment ?? []
        for variable in container.environment {
            let value: String? = variable.value.flatMap { $0.value.isKnown ? $0.value.stringValue : nil }
            environment.append(EnvBinding(name: variable.name.value, value: value, source: .ecsEnvironment,
                                          location: variable.value?.location ?? variable.location))
        }
        for secret in container.secrets {
            environment.append(EnvBinding(name: secret.name.value, value: nil,
                                          source: .ecsSecret(valueFrom: ECSLinker.describe(secret.valueFrom.value)),
                                          location: secret.location))
        }
        service.environment = environment
        service.ports = (service.container?.exposedPorts ?? []) + container.portMappings.compactMap { mapping in
            mapping.containerPort.map {
                PortClaim(port: $0.value, role: .containerPort, location: $0.location,
                          label: "containerPort \($0.value) in task definition \(family)")
            }
        }
        if let check = container.healthCheck {
            service.healthCheck = ECSLinker.healthCheck(check)
        } else {
            service.healthCheck = service.container?.healthCheck
        }
        service.ports += service.healthCheck?.portClaims ?? []
        return service
    }

    /// The build that produces the container's image: named in configuration, or a
    /// `docker build -t` whose repository matches the image's, or a Dockerfile in a
    /// directory named like the image repository or the container.
    private func imageBuild(for container: ECSContainerDefinition, name: String, override: ServiceOverride?) -> ImageBuild? {
        if let context = override?.context {
            let contextPath = PathUtilities.normalize(context)
            let dockerfile = override?.dockerfile.map(PathUtilities.normalize) ?? PathUtilities.join(contextPath, "Dockerfile")
            return ImageBuild(dockerfile: dockerfile, context: contextPath)
        }
        var keys: [String] = []
        if let image = container.image, let text = image.value.stringValue, let reference = ImageReference.parse(text),
           let repository = reference.repository.split(separator: "/").last {
            keys.append(String(repository))
        }
        keys.append(name)
        let normalizedKeys = keys.map(ECSLinker.normalizeName)
        var seen: Set<DockerBuildInvocation> = []
        let builds = normalizedKeys.flatMap { buildsByRepository[$0] ?? [] }.filter { seen.insert($0).inserted }
        if let first = builds.first, let dockerfile = first.dockerfilePath, dockerfiles.contains(dockerfile) {
            var args: [String: String] = [:]
            for build in builds { args.merge(build.buildArgs) { current, _ in current } }
            let platforms = builds.flatMap { build in build.platforms.map { Located($0, at: build.location) } }
            return ImageBuild(dockerfile: dockerfile, context: first.contextPath ?? PathUtilities.dirname(dockerfile),
                              args: args, target: first.target, platforms: platforms, location: first.location)
        }
        let matches = Set(normalizedKeys.flatMap { dockerfilesByDirectory[$0] ?? [] })
        guard matches.count == 1, let dockerfile = matches.first else { return nil }
        return ImageBuild(dockerfile: dockerfile, context: PathUtilities.dirname(dockerfile))
    }

    private func startCommand(_ container: ECSContainerDefinition, image: ContainerImage?, override: ServiceOverride?) -> StartCommand? {
        if let entry = override?.entry, !entry.isEmpty {
            return StartCommand(argv: entry, viaShell: false, origin: .configuration, location: container.location)
        }
        func words(_ values: [LocatedValue]?) -> StartCommand? {
            guard let values, let first = values.first else { return nil }
            let strings = values.compactMap { $0.value.isKnown ? $0.value.stringValue : nil }
            guard strings.count == values.count else { return nil }
            return StartCommand(argv: strings, viaShell: false, origin: .taskDefinition, location: first.location)
        }
        let entrypoint = words(container.entryPoint) ?? image?.entrypoint
        let command = words(container.command) ?? (container.entryPoint == nil ? image?.cmd : nil)
        switch (entrypoint, command) {
        case (nil, nil): return nil
        case (let entry?, nil): return entry
        case (nil, let command?): return command
        case (let entry?, let command?):
            if entry.viaShell { return entry }
            return StartCommand(argv: entry.argv + command.argv, viaShell: false, origin: command.origin, location: command.location)
        }
    }

    static func healthCheck(_ check: ECSHealthCheck) -> HealthCheck {
        let arguments = check.arguments.compactMap { $0.value.stringValue }
        let test: HealthCheck.Test
        switch check.form {
        case .shell?: test = .shell(arguments.joined(separator: " "))
        case .exec?: test = .exec(arguments)
        case nil: test = .exec(check.command.compactMap { $0.value.stringValue })
        }
        return HealthCheck(origin: .ecs, location: check.command.first?.location ?? check.location, test: test,
                           interval: check.interval.map { Double($0.value) }, timeout: check.timeout.map { Double($0.value) },
                           startPeriod: check.startPeriod.map { Double($0.value) }, retries: check.retries?.value)
    }

    /// The last path component of an image tag's repository, read leniently so that
    /// tags with shell substitutions (`api:$(git rev-parse HEAD)`) still name their repository.
    static func repositoryName(of tag: String) -> String? {
        let withoutDigest = tag.split(separator: "@").first.map(String.init) ?? tag
        guard let last = withoutDigest.split(separator: "/").last else { return nil }
        let name = last.split(separator: ":", maxSplits: 1).first.map(String.init) ?? String(last)
        return name.isEmpty || name.contains("$") ? nil : name
    }

    static func normalizeName(_ name: String) -> String {
        name.lowercased().replacingOccurrences(of: "_", with: "-")
    }

    static func describe(_ source: ECSSource) -> String {
        switch source {
        case .json(let path): path
        case .cloudFormation(let path, let logicalID): "\(path), \(logicalID)"
        case .terraform(let address): address
        }
    }

    static func describe(_ value: StructuredValue) -> String {
        switch value {
        case .string(let text), .number(let text): text
        case .reference(let reference): reference
        case .unknown(let why): "unknown (\(why))"
        default: "…"
        }
    }
}

import Foundation
