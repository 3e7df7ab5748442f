import Foundation

/// Builds the project model: discovers the artifacts, parses them (in parallel,
/// each once), and links them into services. Order matters only where commented.
public enum ProjectScanner {
    public static func tree(at path: String) -> any FileTree {
        DiskFileTree(root: URL(fileURLWithPath: path))
    }

    /// `.greenlight.yml` at the root, or the file given with `--config`.
    public static func loadConfiguration(root: String, explicitPath: String?) throws(ConfigurationError) -> Configuration {
        let path = explicitPath ?? (root as NSString).appendingPathComponent(ConfigurationLoader.fileName)
        guard let data = FileManager.default.contents(atPath: path) else {
            if explicitPath != nil {
                throw ConfigurationError(issues: [ParseIssue("cannot read configuration file", at: SourceLocation(file: path, line: 1))])
            }
            return Configuration()
        }
        let name = explicitPath ?? ConfigurationLoader.fileName
        return try ConfigurationLoader.parse(SourceText(path: name, bytes: [UInt8](data)), knownRules: RuleRegistry.ids,
                                             environment: ProcessInfo.processInfo.environment)
    }

    public static func scan(_ tree: any FileTree, configuration: Configuration) -> Project {
        let discovered = ProjectDiscovery.discover(in: tree, excludedPaths: configuration.exclude)
        let store = ArtifactStore(tree: tree)
        let allFiles = SortedPaths(discovered.files.map(\.path))
        let images = ImageBuildCache(store: store, allFiles: allFiles)
        var project = Project(tree: tree, configuration: configuration)

        // Parse every Dockerfile and env file up front, in parallel; code, requirements
        // and ignore files are parsed when a service reaches them.
        let dockerfilePaths = discovered.paths(.dockerfile)
        let envPaths = discovered.paths(.envFile)
        let dockerfileSet = Set(dockerfilePaths)
        _ = Parallel.map(dockerfilePaths + envPaths) { path in
            dockerfileSet.contains(path) ? store.dockerfile(path).map { _ in 1 } : store.dotenv(path).map { _ in 1 }
        }

        // Compose projects: the files of one directory that compose would read together.
        var composeIssues: [ParseIssue] = []
        var linkers: [ComposeLinker] = []
        let composeByDirectory = Dictionary(grouping: discovered.paths(.compose), by: PathUtilities.dirname)
        for directory in composeByDirectory.keys.sorted() {
            let paths = composeByDirectory[directory] ?? []
            let environment = store.dotenv(PathUtilities.join(directory, ".env")).map { ComposeEnvironment(dotenv: $0) } ?? ComposeEnvironment()
            var parsed: [String: ComposeFile] = [:]
            for path in paths {
                guard let source = store.source(path) else { continue }
                parsed[path] = ComposeFile.parse(source, environment: environment)
            }
            for group in ComposeProject.defaultFileGroups(in: paths, parsed: parsed) {
                let files = group.compactMap { parsed[$0] }
                guard let first = files.first else { continue }
                let merged = ComposeProject.merge(files)
                composeIssues += merged.issues
                linkers.append(ComposeLinker(project: merged, file: first.path, images: images, store: store, configuration: configuration))
            }
        }

        let buildInvocations = scanBuildScripts(discovered, store: store)
        let code = CodeLinker(store: store, images: images)

        // Link compose services in parallel; each needs only the shared caches.
        let composeServices: [Service] = Parallel.map(linkers.flatMap { linker in linker.project.services.map { (linker, $0) } }, minimumBatch: 4) { pair in
            let (linker, compose) = pair
            var service = linker.link(compose)
            code.link(&service, workdirOverride: compose.workingDir?.value, override: configuration.services[compose.name])
            return service
        }
        project.services = composeServices

        // ECS task definitions: each container is a service, joined to the build that makes its image.
        let (jsonDefinitions, jsonIssues) = TaskDefinitionScanner.scan(discovered, store: store)
        // Read through the store, so each .tf file is read once and kept for excerpts, suppressions and baselines.
        let terraform = TerraformScanner.scan(discovered, tree: StoreBackedTree(store: store),
                                              variableFiles: configuration.terraformVariableFiles)
        project.terraform = terraform.modules
        let (templates, templateIssues) = CloudFormationScanner.scan(discovered, store: store)
        project.cloudFormation = templates
        let taskDefinitions = jsonDefinitions + terraform.taskDefinitions + templates.flatMap(\.taskDefinitions)
        let taskIssues = jsonIssues + terraform.issues + templateIssues
        let ecs = ECSLinker(images: images, store: store, configuration: configuration,
                            buildInvocations: buildInvocations, dockerfiles: dockerfilePaths)
        let ecsServices: [Service] = Parallel.map(taskDefinitions, minimumBatch: 4) { task in
            ecs.services(of: task).map { service in
                var linked = service
                code.link(&linked, workdirOverride: service.ecsContainer?.workingDirectory?.value,
                          override: configuration.services[service.name])
                return linked
            }
        }.flatMap { $0 }
        var linkedECS = ecsServices
        LoadBalancerLinker.link(&linkedECS, terraform: terraform.modules, templates: templates)
        project.services += linkedECS

        // Dockerfiles no compose service or task definition builds are deliverables of their own.
        let built = Set((composeServices + ecsServices).compactMap { $0.build?.dockerfile })
        let standalone = dockerfilePaths.filter { !built.contains($0) }
        project.services += Parallel.map(standalone, minimumBatch: 4) { path in
            var service = ImageServiceLinker.link(dockerfile: path, invocations: buildInvocations, images: images, store: store)
            code.link(&service, workdirOverride: nil, override: configuration.services[service.name])
            return service
        }

        ProjectFacts.collect(into: &project, store: store, images: images, discovered: discovered,
                             linkers: linkers, buildInvocations: buildInvocations)
        project.parseIssues = (store.parseIssues + composeIssues + taskIssues).sorted { $0.location < $1.location }
        project.sources = store.sources
        project.fileCount = project.sources.count
        return project
    }

    private static func scanBuildScripts(_ discovered: DiscoveredProject, store: ArtifactStore) -> [DockerBuildInvocation] {
        let kinds: [FileKind] = [.shellScript, .makefile, .justfile, .githubWorkflow]
        return kinds.flatMap { kind in
            discovered.paths(kind).flatMap { path -> [DockerBuildInvocation] in
                guard let source = store.source(path) else { return [] }
                guard let scriptKind = BuildScriptKind(fileKind: kind) else { return [] }
                return DockerBuildScanner.scan(source, kind: scriptKind)
            }
        }
    }
}
