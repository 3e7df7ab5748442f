/// A Dockerfile that no compose file builds is a deliverable of its own: its
/// service is the image, built with the context and platforms the project's build
/// scripts use, or its own directory.
enum ImageServiceLinker {
    static func link(dockerfile: String, invocations: [DockerBuildInvocation], images: ImageBuildCache, store: ArtifactStore) -> Service {
        let builds = invocations.filter { $0.dockerfilePath == dockerfile }
        let context = builds.compactMap(\.contextPath).first ?? PathUtilities.dirname(dockerfile)
        let parsed = store.dockerfile(dockerfile)
        let location = parsed?.finalStage?.location ?? SourceLocation(file: dockerfile, line: 1)
        var service = Service(name: name(dockerfile: dockerfile, builds: builds), target: .image(dockerfile: dockerfile), location: location)
        var args: [String: String] = [:]
        for build in builds { args.merge(build.buildArgs) { current, _ in current } }
        let platforms = builds.flatMap { build in build.platforms.map { Located($0, at: build.location) } }
        let build = ImageBuild(dockerfile: dockerfile, context: context, args: args, target: builds.compactMap(\.target).first,
                               platforms: platforms, location: builds.first?.location)
        service.build = build
        service.container = images.image(for: build)
        service.command = service.container?.startCommand
        service.environment = service.container?.environment ?? []
        service.ports = service.container?.exposedPorts ?? []
        service.healthCheck = service.container?.healthCheck
        service.ports += service.healthCheck?.portClaims ?? []
        return service
    }

    /// The repository name of the image's tag (`workflow-engine:abc` → workflow-engine),
    /// else the Dockerfile's directory (or its `name.Dockerfile` prefix).
    static func name(dockerfile: String, builds: [DockerBuildInvocation]) -> String {
        for build in builds {
            for tag in build.tags {
                if let name = ECSLinker.repositoryName(of: tag) { return name }
            }
        }
        let file = PathUtilities.basename(dockerfile)
        if file.lowercased().hasSuffix(".dockerfile") { return String(file.dropLast(".dockerfile".count)) }
        if file.hasPrefix("Dockerfile.") { return String(file.dropFirst("Dockerfile.".count)) }
        let directory = PathUtilities.basename(PathUtilities.dirname(dockerfile))
        return directory.isEmpty ? "image" : directory
    }
}
