/// Joins a service's start command to what it runs: whether the entry exists in
/// the image, the Python code reachable from it, the ports and hosts it listens
/// on, and what kind of service that makes it.
struct CodeLinker {
    let store: ArtifactStore
    let images: ImageBuildCache
    /// Programs by image and entry: a compose service and a task definition that run
    /// the same image are walked once.
    let programs = LockedCache<String, PythonProgram>()

    func link(_ service: inout Service, workdirOverride: String?, override: ServiceOverride?) {
        defer { inferKind(&service, override: override) }
        service.ports += CodeLinker.environmentPortClaims(service)
        guard let command = service.command, let image = service.container else { return }
        let workdir = workdirOverride.map { PathUtilities.join(image.workdir, $0) } ?? image.workdir
        let environment = service.environment
        guard let entry = PythonEntryPoint.parse(command.argv, workdir: workdir) else {
            service.entry = executableEntry(command, image: image, workdir: workdir)
            return
        }
        let context = service.build.map { images.contextFiles($0.context, dockerfile: $0.dockerfile) }
        let root = entry.appDirectory.map { PathUtilities.join(workdir, $0) } ?? entry.workdir
        var resolver = ImageModuleResolver(image: image, searchPath: ImageModuleResolver.searchPath(first: root, environment: environment))
        var program: PythonProgram?
        let display = command.display

        switch entry.kind {
        case .module(let name):
            let status = moduleStatus(name, requireMain: true, resolver: resolver, image: image, context: context)
            service.entry = EntryResolution(target: .module(name), command: display, location: command.location, status: status)
            if case .found = status {
                program = cachedWalk(service, "-m \(name)", resolver) { walk(modules: [name], runAsMain: true, resolver: resolver) }
            }
        case .asgiApp(let module, _), .wsgiApp(let module, _), .worker(let module, _):
            let status = moduleStatus(module, requireMain: false, resolver: resolver, image: image, context: context)
            service.entry = EntryResolution(target: .appModule(module), command: display, location: command.location, status: status)
            if case .found = status {
                program = cachedWalk(service, "app \(module)", resolver) { walk(modules: [module], runAsMain: false, resolver: resolver) }
            }
        case .script(let path), .appFile(path: .some(let path), _):
            let absolute = PathUtilities.join(entry.workdir, path)
            resolver = ImageModuleResolver(image: image, searchPath: ImageModuleResolver.searchPath(
                first: PathUtilities.dirname(absolute), environment: environment))
            let status = fileStatus(absolute, image: image)
            service.entry = EntryResolution(target: .script(absolute), command: display, location: command.location, status: status)
            if case .found = status, case .file(let file) = image.filesystem.existence(absolute),
               let sourcePath = file.sourcePath, let source = store.source(sourcePath) {
                program = cachedWalk(service, "script \(absolute)", resolver) {
                    PythonProgram.walk(entryScript: source) { name in resolve(name, resolver) }
                }
            }
        case .appFile(path: nil, _), .fromEnvironment, .inlineCode:
            break
        }

        var code = CodeModel(entry: display)
        code.entryFile = service.entry.flatMap { entry in
            if case .found(let path) = entry.status { return path }
            return nil
        }
        if let program {
            service.ports += fill(&code, from: program, resolver: resolver, image: image, context: context, service: service)
        }
        addCommandClaims(entry, command: command, service: &service, code: &code, image: image, workdir: workdir)
        if program != nil || !code.binds.isEmpty { service.code = code }
    }

    // MARK: - Entry resolution

    private func moduleStatus(_ name: String, requireMain: Bool, resolver: ImageModuleResolver, image: ContainerImage,
                              context: BuildContextFiles?) -> EntryResolution.Status {
        switch resolver.locate(name) {
        case .found(let path, _, let isPackage):
            guard requireMain, isPackage else { return .found(path) }
            switch resolver.locate(name + ".__main__") {
            case .found(let main, _, _): return .found(main)
            case .unknown: return .unknown
            case .absent(let tried):
                return .missing(tried: Array(tried.prefix(1)), hint: "\(name) is a package without __main__.py, so `python -m \(name)` cannot run it")
            }
        case .unknown:
            return .unknown
        case .absent(let tried):
            let topLevel = String(name.split(separator: ".").first ?? Substring(name))
            if PythonStandardLibrary.isStandard(topLevel) { return .found("(standard library)") }
            guard let installed = image.pythonDistributions, image.installsProjectMetadata.isEmpty else { return .unknown }
            if installed.keys.contains(where: { PythonDistributions.provides(distribution: $0, import: topLevel) }) {
                return .found("(site-packages)")
            }
            // Only a module the project itself has is known to be missing; anything
            // else might be a package Greenlight cannot see.
            guard let context, context.directories.contains(where: { PathUtilities.basename($0) == topLevel })
                || context.files.contains(where: { PathUtilities.basename($0) == topLevel + ".py" })
            else { return .unknown }
            return .missing(tried: Array(tried.prefix(2)), hint: flattenHint(topLevel, image: image, roots: resolver.searchPath))
        }
    }

    private func fileStatus(_ path: String, image: ContainerImage) -> EntryResolution.Status {
        switch image.filesystem.existence(path) {
        case .file: return .found(path)
        case .directory:
            if case .file = image.filesystem.existence(PathUtilities.join(path, "__main__.py")) { return .found(path) }
            return .unknown
        case .unknown: return .unknown
        case .absent:
            let name = PathUtilities.basename(path)
            let elsewhere = image.filesystem.files.filter { PathUtilities.basename($0.key) == name }.sorted { $0.key < $1.key }
            var hint: String?
            if let (found, file) = elsewhere.first {
                hint = "the image has \(found)"
                if let source = file.sourcePath { hint! += " (\(source), copied by \(file.addedBy))" }
            }
            return .missing(tried: [path], hint: hint)
        }
    }

    /// "COPY workflow_engine/ ." copies a directory's contents, which flattens a package.
    private func flattenHint(_ package: String, image: ContainerImage, roots: [String]) -> String? {
        for root in roots {
            let flattened = image.filesystem.files.filter { path, file in
                PathUtilities.dirname(path) == root
                    && file.sourcePath.map { PathUtilities.basename(PathUtilities.dirname($0)) == package } == true
            }.sorted { $0.key < $1.key }
            guard let (_, first) = flattened.first, let source = first.sourcePath else { continue }
            let names = flattened.prefix(3).map { PathUtilities.basename($0.key) }.joined(separator: ", ")
            let directory = PathUtilities.dirname(source)
            return "\(root) has \(names) from \(directory)/ instead: the COPY at \(first.addedBy) copied the directory's contents, not the directory; copy it as a directory (`COPY \(PathUtilities.basename(directory)) \(PathUtilities.join(root, package))`)"
        }
        return nil
    }

    private func executableEntry(_ command: StartCommand, image: ContainerImage, workdir: String) -> EntryResolution? {
        var argv = command.argv
        while let first = argv.first, ["tini", "dumb-init", "--", "exec"].contains(PathUtilities.basename(first)) { argv.removeFirst() }
        guard let program = argv.first else { return nil }
        var target: String?
        if program.hasPrefix("/") || program.hasPrefix("./") || program.hasPrefix("../") {
            target = PathUtilities.join(workdir, program)
        } else if ["node", "sh", "bash"].contains(PathUtilities.basename(program)), argv.count > 1,
                  !argv[1].hasPrefix("-"), argv[1].contains(".") {
            target = PathUtilities.join(workdir, argv[1])
        }
        guard let target else { return nil }
        // Programs in system directories belong to the base image; only application paths are judged.
        if ImageBuilder.systemDirectories.contains(where: { target == $0 || target.hasPrefix($0 + "/") }),
           case .unknown = image.filesystem.existence(target) {
            return nil
        }
        let isScript = !(program.hasPrefix("/") || program.hasPrefix("./") || program.hasPrefix("../"))
        return EntryResolution(target: isScript ? .script(target) : .executable(target), command: command.display,
                               location: command.location, status: fileStatus(target, image: image))
    }

    // MARK: - Code

    private func resolve(_ name: String, _ resolver: ImageModuleResolver) -> PythonResolvedModule? {
        guard case .found(_, let file, let isPackage) = resolver.locate(name) else { return nil }
        let source = file?.sourcePath.flatMap { store.source($0) }
        if file != nil, source == nil { return nil }
        return PythonResolvedModule(name: name, source: source, isPackage: isPackage)
    }

    /// The program for this image and entry, walked at most once per run.
    private func cachedWalk(_ service: Service, _ entry: String, _ resolver: ImageModuleResolver,
                            _ walk: () -> PythonProgram) -> PythonProgram {
        guard let build = service.build else { return walk() }
        let key = [build.dockerfile, build.context, build.target ?? "", build.args.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","),
                   entry, resolver.searchPath.joined(separator: ":")].joined(separator: "\u{0}")
        return programs.value(for: key, compute: walk)
    }

    private func walk(modules: [String], runAsMain: Bool, resolver: ImageModuleResolver) -> PythonProgram {
        PythonProgram.walk(entryModules: modules, runAsMain: runAsMain) { name in resolve(name, resolver) }
    }

    /// Fills the code model and returns the ports the code listens on.
    private func fill(_ code: inout CodeModel, from program: PythonProgram, resolver: ImageModuleResolver,
                      image: ContainerImage, context: BuildContextFiles?, service: Service) -> [PortClaim] {
        code.files = program.files
        var seen: Set<String> = []
        for imported in program.thirdPartyImports where !imported.isConditional {
            let topLevel = imported.topLevel
            guard !seen.contains(topLevel) else { continue }
            if case .unknown = resolver.locate(topLevel) { continue }
            if let context, context.directories.contains(where: { PathUtilities.basename($0) == topLevel })
                || context.fileSet.contains(where: { PathUtilities.basename($0) == topLevel + ".py" }) {
                continue  // the project's own package (installed, or simply not copied)
            }
            seen.insert(topLevel)
            code.thirdPartyImports.append(Located(topLevel, at: imported.location))
        }
        let inImage = { (relative: String) -> Bool in
            image.filesystem.existence(PathUtilities.join(image.workdir, relative)).exists != false
        }
        code.envReads = program.envReads.map { read in
            let readsFile = read.envFiles.contains(where: inImage)
            return CodeEnvRead(name: read.name, hasDefault: read.hasDefault || readsFile, raisesWhenMissing: read.raisesWhenMissing,
                               defaultValue: read.defaultValue, alternativeNames: read.alternativeNames,
                               caseInsensitive: read.isCaseInsensitive, location: read.location)
        }
        code.servers = program.serverHints.map { hint in
            CodeServerHint(kind: hint.kind == .grpc ? .grpc : .http, framework: hint.framework, location: hint.location)
        }
        code.databaseHints = program.databaseHints
        code.generatedImports = program.pb2Imports.filter { !$0.isConditional }.map { reference in
            var resolved = reference.isResolved
            if !resolved {
                switch resolver.locate(reference.module) {
                case .found, .unknown: resolved = true
                case .absent(let tried):
                    resolved = image.generators.contains { generator in
                        generator.outputDirectories.isEmpty || tried.contains { candidate in
                            generator.outputDirectories.contains { candidate.hasPrefix($0 == "/" ? "/" : $0 + "/") }
                        }
                    }
                }
            }
            return GeneratedImport(module: reference.module, location: reference.location, resolved: resolved)
        }
        let environment = service.environment
        var claims: [PortClaim] = []
        for listen in program.listens {
            code.listens.append(CodeListen(host: CodeLinker.codeValue(listen.host), port: CodeLinker.codeValue(listen.port), location: listen.location))
            if let port = resolve(listen.port, environment), let number = Int(port.value), (1...65535).contains(number) {
                claims.append(PortClaim(port: number, role: .codeListen, location: listen.location,
                                        label: "\(CodeLinker.serverName(listen.framework)) listens on \(number) (\(port.how))"))
            }
            if let host = resolve(listen.host, environment) {
                let how = listen.hostIsDefault ? "the default of \(listen.framework)" : "\(listen.framework) at \(listen.location), \(host.how)"
                code.binds.append(HostBinding(host: host.value, how: how, location: listen.location))
            }
        }
        return claims
    }

    /// Names of variables that say which port this service listens on.
    static let listenPortVariables: Set<String> = ["PORT", "GRPC_PORT", "HTTP_PORT", "SERVER_PORT", "APP_PORT", "LISTEN_PORT", "API_PORT"]

    /// `GRPC_PORT=8000` and friends set by the deploy target or the image.
    static func environmentPortClaims(_ service: Service) -> [PortClaim] {
        let own = service.name.uppercased().replacingOccurrences(of: "-", with: "_") + "_PORT"
        return service.environment.effectiveBindings.compactMap { binding in
            guard listenPortVariables.contains(binding.name) || binding.name == own,
                  let value = binding.value, let port = Int(value), (1...65535).contains(port)
            else { return nil }
            return PortClaim(port: port, role: .environment(binding.name), location: binding.location,
                             label: "\(binding.name)=\(port) in \(binding.source.label)")
        }
    }

    /// "grpc" → "the gRPC server", "uvicorn" → "uvicorn.run".
    static func serverName(_ framework: String) -> String {
        framework == "grpc" ? "the gRPC server (add_insecure_port)" : framework
    }

    static func codeValue(_ value: PythonValue) -> CodeValue {
        switch value {
        case .literal(let text): .literal(text)
        case .int(let number): .integer(number)
        case .env(let name, let defaultValue): .environment(name: name, defaultValue: defaultValue)
        case .unknown: .unknown
        }
    }

    /// A value read statically, with how Greenlight knows it.
    private func resolve(_ value: PythonValue, _ environment: [EnvBinding]) -> (value: String, how: String)? {
        switch value {
        case .literal(let text): return (text, "written in the code")
        case .int(let number): return (String(number), "written in the code")
        case .env(let name, let defaultValue):
            if let binding = environment.effective(name) {
                guard let value = binding.value else { return nil }
                return (value, "\(name)=\(value) from \(binding.source.label) (\(binding.location))")
            }
            guard let defaultValue else { return nil }
            return (defaultValue, "\(name) is not set, so the code's default \(defaultValue) applies")
        case .unknown: return nil
        }
    }
}
