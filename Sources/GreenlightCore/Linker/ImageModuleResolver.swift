/// Finds Python modules in a simulated image the way the interpreter would: each
/// directory of the search path in turn, `mod.py`, then `mod/__init__.py`, then
/// `mod/` as a namespace package.
struct ImageModuleResolver {
    enum Lookup {
        case found(path: String, file: ImageFile?, isPackage: Bool)
        case unknown
        case absent(tried: [String])
    }

    let image: ContainerImage
    let searchPath: [String]

    func locate(_ module: String) -> Lookup {
        let relative = module.split(separator: ".").joined(separator: "/")
        var tried: [String] = []
        var sawUnknown = false
        for root in searchPath {
            let base = PathUtilities.join(root, relative)
            let candidates = [(base + ".py", false), (base + "/__init__.py", true)]
            for (path, isPackage) in candidates {
                switch image.filesystem.existence(path) {
                case .file(let file): return .found(path: path, file: file, isPackage: isPackage)
                case .unknown: sawUnknown = true
                case .directory, .absent: break
                }
            }
            switch image.filesystem.existence(base) {
            case .directory: return .found(path: base, file: nil, isPackage: true)
            case .unknown: sawUnknown = true
            default: break
            }
            tried.append(base + ".py")
            tried.append(base + "/")
        }
        return sawUnknown ? .unknown : .absent(tried: tried)
    }

    /// The search path for a command run in `workdir`: the directory Python puts
    /// first (`first`), then PYTHONPATH from the service's environment.
    static func searchPath(first: String, environment: [EnvBinding]) -> [String] {
        var path = [first]
        if let pythonPath = environment.effective("PYTHONPATH")?.value {
            for entry in pythonPath.split(separator: ":") where !entry.isEmpty && !entry.contains("$") {
                path.append(PathUtilities.join(first, String(entry)))
            }
        }
        return path
    }
}
