/// Project-wide facts rules judge wherever they are written: literal settings
/// (for placeholders, secrets and debug switches), image references, build
/// contexts and secret-shaped literals in reachable code.
enum ProjectFacts {
    static func collect(into project: inout Project, store: ArtifactStore, images: ImageBuildCache,
                        discovered: DiscoveredProject, linkers: [ComposeLinker], buildInvocations: [DockerBuildInvocation]) {
        let dockerfileUsers = Dictionary(grouping: project.services.filter { $0.build != nil }, by: { $0.build?.dockerfile ?? "" })

        // Env files, except examples that are meant to hold placeholders.
        for path in discovered.paths(.envFile) where !isExample(path) {
            guard let dotenv = store.dotenv(path) else { continue }
            for entry in dotenv.entries where !entry.isInherited {
                project.configValues.append(ConfigValue(key: entry.key, value: entry.value, origin: .dotenv, location: entry.valueLocation))
            }
        }

        // Compose: literal environment values and image references.
        for linker in linkers {
            for compose in linker.project.services {
                for entry in compose.environment {
                    guard let value = entry.value else { continue }
                    let location = entry.valueLocation ?? entry.location
                    let interpolation = linker.project.interpolation(at: location)
                    // A value taken from .env is reported at its line in .env; only defaults written here count.
                    if let interpolation, !interpolation.uses.contains(where: \.usedFallback) { continue }
                    project.configValues.append(ConfigValue(key: entry.key, value: value, origin: .composeEnvironment, location: location,
                                                            service: compose.name, isLiteral: interpolation == nil))
                }
                if let image = compose.image {
                    let written = linker.project.interpolation(at: image.location)?.raw ?? image.value
                    project.images.append(ImageUse(reference: image.value, written: written,
                                                   kind: compose.build == nil ? .pulled : .buildTag,
                                                   location: image.location, service: compose.name))
                }
            }
        }

        // ECS containers: literal environment values and the images they deploy.
        for service in project.services {
            guard let container = service.ecsContainer else { continue }
            for variable in container.environment {
                guard let value = variable.value, case .string(let text) = value.value else { continue }
                project.configValues.append(ConfigValue(key: variable.name.value, value: text, origin: .taskDefinitionEnvironment,
                                                        location: value.location, service: service.name))
            }
            if let image = service.image {
                project.images.append(ImageUse(reference: image.value, written: image.value, kind: .deployed,
                                               location: image.location, service: service.name))
            }
        }

        // Terraform: SSM parameter values and variable values written in tfvars or defaults.
        for module in project.terraform {
            for parameter in module.resources(ofType: "aws_ssm_parameter") {
                guard let value = parameter.value("value"), case .string(let text) = value.value else { continue }
                let name = parameter.value("name")?.value.stringValue ?? parameter.address
                project.configValues.append(ConfigValue(key: name, value: text, origin: .ssmParameter, location: value.location))
            }
            for (name, value) in module.variables.sorted(by: { $0.key < $1.key }) {
                guard case .string(let text) = value.value else { continue }
                project.configValues.append(ConfigValue(key: "var.\(name)", value: text, origin: .terraformVariable, location: value.location))
            }
        }

        for template in project.cloudFormation {
            for parameter in template.ssmParameters {
                guard let value = parameter.value, case .string(let text) = value.value else { continue }
                let name = parameter.name?.value.stringValue ?? parameter.logicalID
                project.configValues.append(ConfigValue(key: name, value: text, origin: .ssmParameter, location: value.location))
            }
            for parameter in template.parameters {
                guard let value = parameter.defaultValue, case .string(let text) = value.value else { continue }
                project.configValues.append(ConfigValue(key: parameter.name.value, value: text, origin: .cloudFormationParameter, location: value.location))
            }
        }

        // Dockerfiles: every stage's base image, ENV and ARG defaults — each file once.
        for path in discovered.paths(.dockerfile) {
            guard let dockerfile = store.dockerfile(path) else { continue }
            let service = dockerfileUsers[path]?.first?.name
                ?? project.services.first(where: { $0.target == .image(dockerfile: path) })?.name
            let global = DockerVariableScope.global(dockerfile, buildArgs: [:])
            for stage in dockerfile.stages {
                let expanded = global.expand(stage.baseImage).value
                if dockerfile.stages.contains(where: { $0.name == expanded.lowercased() && $0.index < stage.index }) { continue }
                project.images.append(ImageUse(reference: expanded, written: stage.baseImage, kind: .from,
                                               location: stage.location, service: service))
            }
            for instruction in dockerfile.instructions + dockerfile.globalArgs {
                for (key, value) in instruction.env ?? [] {
                    project.configValues.append(ConfigValue(key: key, value: value, origin: .dockerfileEnv,
                                                            location: instruction.location, service: service))
                }
                for (name, defaultValue) in instruction.arg ?? [] {
                    guard let defaultValue else { continue }
                    project.configValues.append(ConfigValue(key: name, value: defaultValue, origin: .dockerfileArg,
                                                            location: instruction.location, service: service))
                }
            }
        }
        for build in buildInvocations {
            for tag in build.tags where !tag.contains("$") {
                project.images.append(ImageUse(reference: tag, written: tag, kind: .buildTag, location: build.location))
            }
        }
        var seenImages: Set<String> = []
        project.images = project.images.filter { seenImages.insert("\($0.location)|\($0.reference)").inserted }

        // Build contexts, once per (context, Dockerfile).
        var contexts: [String: BuildContext] = [:]
        for service in project.services {
            guard let build = service.build else { continue }
            let key = build.context + "\u{0}" + build.dockerfile
            if var existing = contexts[key] {
                existing.services.append(service.name)
                contexts[key] = existing
                continue
            }
            let ignore = ImageBuildCache.ignoreFile(context: build.context, dockerfile: build.dockerfile) { store.tree.read($0) != nil }
            let copiesAll = store.dockerfile(build.dockerfile)?.instructions.contains { instruction in
                guard let copy = instruction.copy, copy.from == nil else { return false }
                return copy.sources.contains { PathUtilities.normalize($0).isEmpty || $0 == "." || $0 == "./" }
            } ?? false
            let location = build.location ?? store.dockerfile(build.dockerfile)?.stages.first?.location
                ?? SourceLocation(file: build.dockerfile, line: 1)
            contexts[key] = BuildContext(path: build.context, dockerfile: build.dockerfile, ignoreFile: ignore,
                                         copiesWholeContext: copiesAll, location: location, services: [service.name])
        }
        project.buildContexts = contexts.values.sorted { $0.location < $1.location }

        // Secret-shaped literals in the code services run.
        var scanned: Set<String> = []
        for service in project.services {
            for file in service.code?.files ?? [] where scanned.insert(file).inserted {
                guard let source = store.source(file) else { continue }
                project.codeLiterals += secrets(in: source)
            }
        }
    }

    static func isExample(_ path: String) -> Bool {
        let name = PathUtilities.basename(path).lowercased()
        return ["example", "sample", "template", "dist", "defaults"].contains { name.contains($0) }
    }

    /// Credentials in a known format anywhere in a source file, one per line.
    static func secrets(in source: SourceText) -> [Located<String>] {
        guard SecretDetector.mayContainSecret(source.bytes) else { return [] }
        var found: [Located<String>] = []
        for line in 1...max(1, source.lineCount) {
            guard let lineText = source.lineText(line), let secret = SecretDetector.embedded(in: lineText) else { continue }
            if PlaceholderDetector.reason(secret.value) != nil { continue }
            found.append(Located(secret.format, at: source.location(line: line)))
        }
        return found
    }
}
