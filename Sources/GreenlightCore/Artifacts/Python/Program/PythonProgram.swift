/// The Python code a service runs: every local module reachable from its entry
/// point through imports, with the facts of all of them gathered in one place.
public struct PythonProgram: Sendable {
    /// The name the entry point is analysed under (`__main__` for a script).
    public var entryModules: [String] = []
    /// Modules read, in the order they were reached.
    public var modules: [String] = []
    /// Per-module facts, by absolute module name.
    public var facts: [String: PythonModuleFacts] = [:]
    /// Files of the reachable modules, sorted.
    public var files: [String] = []
    public var thirdPartyImports: [PythonThirdPartyImport] = []
    public var envReads: [PythonEnvRead] = []
    public var serverHints: [PythonServerHint] = []
    /// Listen addresses, with names imported from other modules resolved where possible.
    public var listens: [PythonListen] = []
    /// Imports of generated `_pb2` / `_pb2_grpc` modules of the program itself.
    public var pb2Imports: [PythonPb2Reference] = []
    public var databaseHints: [Located<String>] = []
    public var unresolvedLocalLike: [PythonUnresolvedImport] = []
    public var issues: [ParseIssue] = []
    /// Modules that are packages (their file is an `__init__.py`).
    public var packages: Set<String> = []

    public init() {}

    /// Walks from modules loaded by import (`uvicorn pkg.main:app`, `python -m pkg.main`).
    /// With `runAsMain` the entry modules' `if __name__ == "__main__":` blocks count as run,
    /// and a package entry also runs its `__main__` submodule.
    /// `resolve` maps an absolute dotted name to the module Python would load, or nil.
    public static func walk(
        entryModules: [String], runAsMain: Bool = false, resolve: (_ module: String) -> PythonResolvedModule?
    ) -> PythonProgram {
        withoutActuallyEscaping(resolve) { resolve in
            var walker = PythonProgramWalker(resolve: resolve)
            for entry in entryModules where !entry.isEmpty {
                walker.program.entryModules.append(entry)
                walker.enqueueWithParents(entry, asMain: runAsMain)
                if runAsMain, let resolved = walker.resolved(entry), resolved.isPackage {
                    walker.enqueue(entry + ".__main__", asMain: true)
                }
            }
            walker.run()
            return walker.finished()
        }
    }

    /// Walks from a script run as `python path/to/script.py`; it is analysed as `__main__`
    /// (so relative imports in it cannot resolve, as in Python). `resolve` must search
    /// the script's directory first, as `sys.path[0]` does.
    public static func walk(entryScript: SourceText, resolve: (_ module: String) -> PythonResolvedModule?) -> PythonProgram {
        withoutActuallyEscaping(resolve) { resolve in
            var walker = PythonProgramWalker(resolve: resolve)
            walker.program.entryModules = ["__main__"]
            walker.visit(PythonResolvedModule(name: "__main__", source: entryScript, isPackage: false), asMain: true)
            walker.run()
            return walker.finished()
        }
    }

    /// The application kind bound to `attribute` in `module`, following re-exports
    /// (`from .main import app` in a package `__init__`).
    public func appKind(module: String, attribute: String) -> PythonAppKind? {
        var module = module
        var attribute = attribute
        for _ in 0..<6 {
            guard let facts = facts[module] else { return nil }
            if let kind = facts.appObjects[attribute] { return kind }
            guard let reference = facts.importedBinding(of: attribute),
                  let target = PythonProgramWalker.absoluteModule(
                    reference, importer: module, importerIsPackage: packages.contains(module)
                  )
            else { return nil }
            if self.facts[target + "." + reference.path] != nil { return nil }
            module = target
            attribute = reference.path
        }
        return nil
    }
}
