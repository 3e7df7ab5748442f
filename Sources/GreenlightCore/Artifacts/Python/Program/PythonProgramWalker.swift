/// Breadth-first walk over local imports. Each module is read once, so import
/// cycles end; `resolve` answers are cached because callers search a file tree.
struct PythonProgramWalker {
    let resolve: (_ module: String) -> PythonResolvedModule?
    var program = PythonProgram()
    private var cache: [String: PythonResolvedModule?] = [:]
    private var queue: [(name: String, asMain: Bool)] = []
    private var head = 0
    private var queued: Set<String> = []
    private var mainModules: Set<String> = []
    /// `from pkg import name` where `name` is no submodule: checked against pkg's names at the end.
    private var nameChecks: [(module: String, name: String, failure: PythonUnresolvedImport)] = []

    init(resolve: @escaping (_ module: String) -> PythonResolvedModule?) {
        self.resolve = resolve
    }

    /// pb2 modules under these packages come from PyPI (protobuf's well-known types, gRPC health...).
    static let thirdPartyProtoPackages: Set<String> = [
        "google", "grpc", "grpc_health", "grpc_reflection", "grpc_status", "grpc_channelz", "opentelemetry", "envoy",
        "validate", "protoc_gen_openapiv2", "googleapis",
    ]

    mutating func resolved(_ name: String) -> PythonResolvedModule? {
        if let cached = cache[name] { return cached }
        let answer = name.isEmpty ? nil : resolve(name)
        cache[name] = answer
        return answer
    }

    mutating func enqueue(_ name: String, asMain: Bool = false) {
        guard !queued.contains(name) else { return }
        queued.insert(name)
        queue.append((name, asMain))
    }

    /// Queues a module and the packages above it, which Python imports first.
    mutating func enqueueWithParents(_ name: String, asMain: Bool = false) {
        let parts = name.split(separator: ".")
        var prefix = ""
        for (index, part) in parts.enumerated() {
            prefix += prefix.isEmpty ? String(part) : "." + part
            if index < parts.count - 1 {
                enqueue(prefix)
            } else {
                enqueue(prefix, asMain: asMain)
            }
        }
    }

    mutating func run() {
        while head < queue.count {
            let (name, asMain) = queue[head]
            head += 1
            guard program.facts[name] == nil, let module = resolved(name) else { continue }
            visit(module, asMain: asMain)
        }
    }

    mutating func visit(_ module: PythonResolvedModule, asMain: Bool) {
        let name = module.name
        queued.insert(name)
        program.modules.append(name)
        if module.isPackage { program.packages.insert(name) }
        if asMain { mainModules.insert(name) }
        guard let source = module.source else { return }
        let facts = PythonModuleFacts.analyze(source)
        program.facts[name] = facts
        program.files.append(source.path)
        // A main guard only runs in the module started as the program.
        let runs = { (location: SourceLocation) in asMain || !facts.isInMainGuard(location) }
        program.envReads += facts.envReads.filter { runs($0.location) }
        program.serverHints += facts.serverHints.filter { runs($0.location) }
        program.databaseHints += facts.databaseHints.filter { runs($0.location) }
        program.issues += facts.issues
        for item in facts.imports where !item.isTypeCheckingOnly {
            follow(item, importer: name, importerIsPackage: module.isPackage, asMain: asMain)
        }
    }

    // MARK: - Imports

    private mutating func follow(_ item: PythonImport, importer: String, importerIsPackage: Bool, asMain: Bool) {
        let conditional = asMain ? item.isConditionalWhenMain : item.isConditional
        let unresolved = { (module: String) in
            PythonUnresolvedImport(module: module, importer: importer, isConditional: conditional, location: item.location)
        }
        let absolute: String
        if item.level > 0 {
            guard let base = PythonProgramWalker.absoluteModule(
                PythonNameReference(module: item.module, level: item.level, path: ""),
                importer: importer, importerIsPackage: importerIsPackage
            ) else {
                program.unresolvedLocalLike.append(unresolved(String(repeating: ".", count: item.level) + item.module))
                return
            }
            absolute = base
        } else {
            absolute = item.module
        }
        let top = String(absolute.split(separator: ".").first ?? "")
        let pb2Names = pb2Candidates(item, absolute: absolute)
        let isLocal = item.level > 0 || resolved(top) != nil
        if !isLocal {
            if top == "__future__" || PythonStandardLibrary.isStandard(top) { return }
            if !pb2Names.isEmpty, !PythonProgramWalker.thirdPartyProtoPackages.contains(top) {
                for pb2 in pb2Names {
                    program.pb2Imports.append(PythonPb2Reference(
                        module: pb2, isResolved: false, importer: importer, isConditional: conditional, location: item.location
                    ))
                }
                return
            }
            for key in distributionKeys(item, absolute: absolute) {
                program.thirdPartyImports.append(PythonThirdPartyImport(
                    topLevel: top, module: key, importer: importer, isConditional: conditional, location: item.location
                ))
            }
            return
        }
        enqueueWithParents(absolute)
        let moduleFound = resolved(absolute) != nil
        for pb2 in pb2Names {
            program.pb2Imports.append(PythonPb2Reference(
                module: pb2, isResolved: resolved(pb2) != nil, importer: importer, isConditional: conditional,
                location: item.location
            ))
        }
        if !moduleFound {
            if !pb2Names.contains(absolute) { program.unresolvedLocalLike.append(unresolved(absolute)) }
            return
        }
        for name in item.names where name != "*" {
            let candidate = absolute + "." + name
            if resolved(candidate) != nil {
                enqueue(candidate)
            } else if !pb2Names.contains(candidate) {
                nameChecks.append((absolute, name, unresolved(candidate)))
            }
        }
    }

    /// The pb2 modules an import names: the module itself or from-imported names.
    private func pb2Candidates(_ item: PythonImport, absolute: String) -> [String] {
        var result: [String] = []
        if PythonModuleAnalyzer.isPb2Module(absolute) { result.append(absolute) }
        if item.isFromImport {
            for name in item.names where PythonModuleAnalyzer.isPb2Module(name) {
                result.append(absolute.isEmpty ? name : absolute + "." + name)
            }
        }
        return result
    }

    /// Keys to look a third-party import up by: per imported name under namespace packages.
    private func distributionKeys(_ item: PythonImport, absolute: String) -> [String] {
        guard item.isFromImport, PythonDistributions.isNamespacePrefix(absolute) else { return [absolute] }
        let names = item.names.filter { $0 != "*" }
        return names.isEmpty ? [absolute] : names.map { absolute + "." + $0 }
    }

    /// The absolute module a (possibly relative) reference names, or nil when it
    /// climbs above the top-level package.
    static func absoluteModule(_ reference: PythonNameReference, importer: String, importerIsPackage: Bool) -> String? {
        guard reference.level > 0 else { return reference.module }
        guard importer != "__main__" else { return nil }
        var package = importer.split(separator: ".").map(String.init)
        if !importerIsPackage { package.removeLast() }
        let climb = reference.level - 1
        guard climb < package.count else { return nil }
        package.removeLast(climb)
        let base = package.joined(separator: ".")
        return reference.module.isEmpty ? base : base + "." + reference.module
    }

    // MARK: - Result

    mutating func finished() -> PythonProgram {
        for check in nameChecks {
            if let facts = program.facts[check.module] {
                guard !facts.hasStarImport, !facts.topLevelNames.contains(check.name),
                      !facts.topLevelNames.contains("__getattr__")
                else { continue }
            } else if case .some(.some(let module)) = cache[check.module], module.source == nil {
                // A namespace package has no attributes besides its submodules.
            } else {
                continue
            }
            program.unresolvedLocalLike.append(check.failure)
        }
        for name in program.modules {
            guard let facts = program.facts[name] else { continue }
            for listen in facts.listens where mainModules.contains(name) || !facts.isInMainGuard(listen.location) {
                program.listens.append(resolvedListen(listen, importer: name))
            }
        }
        program.files.sort()
        return program
    }

    private mutating func resolvedListen(_ listen: PythonListen, importer: String) -> PythonListen {
        var result = listen
        let isPackage = program.packages.contains(importer)
        if let reference = listen.hostReference, let value = lookup(reference, importer: importer, importerIsPackage: isPackage, depth: 0) {
            result.host = value
        }
        if let reference = listen.portReference, let value = lookup(reference, importer: importer, importerIsPackage: isPackage, depth: 0) {
            if case .literal(let text) = value, let number = Int(text) {
                result.port = .int(number)
            } else {
                result.port = value
            }
        }
        return result
    }

    /// Follows a name into the module that defines it, through re-exports and submodules.
    mutating func lookup(_ reference: PythonNameReference, importer: String, importerIsPackage: Bool, depth: Int) -> PythonValue? {
        guard depth < 8, !reference.path.isEmpty,
              let module = PythonProgramWalker.absoluteModule(reference, importer: importer, importerIsPackage: importerIsPackage),
              let facts = factsForLookup(module)
        else { return nil }
        let isPackage = program.packages.contains(module)
        if let binding = facts.exports[reference.path] {
            if binding.value != .unknown { return binding.value }
            if let next = binding.reference {
                return lookup(next, importer: module, importerIsPackage: isPackage, depth: depth + 1)
            }
        }
        let head: String
        let rest: String
        if let dot = reference.path.firstIndex(of: ".") {
            head = String(reference.path[..<dot])
            rest = String(reference.path[reference.path.index(after: dot)...])
        } else {
            head = reference.path
            rest = ""
        }
        if !rest.isEmpty, resolved(module + "." + head) != nil {
            let next = PythonNameReference(module: module + "." + head, level: 0, path: rest)
            return lookup(next, importer: module, importerIsPackage: isPackage, depth: depth + 1)
        }
        if let imported = facts.importedBinding(of: head) {
            let path = [imported.path, rest].filter { !$0.isEmpty }.joined(separator: ".")
            let next = PythonNameReference(module: imported.module, level: imported.level, path: path)
            return lookup(next, importer: module, importerIsPackage: isPackage, depth: depth + 1)
        }
        return nil
    }

    private mutating func factsForLookup(_ module: String) -> PythonModuleFacts? {
        if let facts = program.facts[module] { return facts }
        guard let found = resolved(module), let source = found.source else { return nil }
        if found.isPackage { program.packages.insert(module) }
        return PythonModuleFacts.analyze(source)
    }
}
