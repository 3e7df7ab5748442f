/// What a project file is, as far as deployment analysis cares. Each
/// discovered file has exactly one kind.
public enum FileKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// `Dockerfile`, `*.Dockerfile`, `*.dockerfile`, `Dockerfile.*`, `Containerfile`.
    case dockerfile
    /// `docker-compose*.yml|yaml`, `compose*.yml|yaml`.
    case compose
    /// `.dockerignore`, `.containerignore`, or a per-Dockerfile `<Dockerfile>.dockerignore`.
    case dockerignore
    /// `requirements*.txt`, `*-requirements.txt`, `*_requirements.txt`, `requirements/*.txt`.
    case requirements
    case pyproject
    case pipfile
    case setupPy
    case setupCfg
    /// `.env`, `.env.*`, `*.env`.
    case envFile
    case python
    /// `*.sh`, `*.bash`, and extension-less files with a sh/bash shebang under `scripts/` or `bin/`.
    case shellScript
    /// `Makefile`, `makefile`, `GNUmakefile`, `*.mk`.
    case makefile
    /// `justfile`, `Justfile`, `.justfile`, `*.just`.
    case justfile
    /// `.github/workflows/*.yml|yaml`.
    case githubWorkflow
    /// `*.json` whose name says it holds an ECS task or container definition.
    case ecsTaskDefinition
    /// `*.tf`, `*.tfvars`.
    case terraform
    /// `.greenlight.yml` / `.greenlight.yaml`.
    case greenlightConfig
}

/// Classifies files by path alone; the one case that needs content (a
/// shebang on an extension-less script) is reported as a candidate.
enum FileClassifier {
    enum Verdict: Equatable {
        case kind(FileKind)
        /// An extension-less file in a `scripts/` or `bin/` directory: a shell
        /// script if its first line is a sh/bash shebang.
        case shebangCandidate
        case none
    }

    private static let dockerfileTemplateSuffixes: [String] = [
        ".md", ".rst", ".txt", ".orig", ".bak", ".swp", ".j2", ".jinja", ".jinja2",
        ".tmpl", ".tpl", ".template", ".erb", ".in", ".sample", ".example", ".dockerignore",
    ]
    private static let scriptDirectories: Set<String> = ["scripts", "script", "bin"]

    static func classify(path: String) -> Verdict {
        let name = PathUtilities.basename(path)
        let lower = name.lowercased()
        if lower.hasSuffix(".dockerignore") || lower == ".containerignore" || lower.hasSuffix(".containerignore") {
            return .kind(.dockerignore)
        }
        if isDockerfile(lower) { return .kind(.dockerfile) }
        if isYAML(lower) {
            if PathUtilities.dirname(path) == ".github/workflows" { return .kind(.githubWorkflow) }
            if lower.hasPrefix("docker-compose") || lower.hasPrefix("compose") { return .kind(.compose) }
            if lower == ".greenlight.yml" || lower == ".greenlight.yaml" { return .kind(.greenlightConfig) }
            return .none
        }
        if lower.hasSuffix(".txt") {
            let stem = lower.dropLast(4)
            if stem.hasPrefix("requirements") || stem.hasSuffix("-requirements") || stem.hasSuffix("_requirements")
                || PathUtilities.basename(PathUtilities.dirname(path)).lowercased() == "requirements" {
                return .kind(.requirements)
            }
            return .none
        }
        switch name {
        case "pyproject.toml": return .kind(.pyproject)
        case "Pipfile": return .kind(.pipfile)
        case "setup.py": return .kind(.setupPy)
        case "setup.cfg": return .kind(.setupCfg)
        case "Makefile", "makefile", "GNUmakefile": return .kind(.makefile)
        case "justfile", "Justfile", ".justfile", "JUSTFILE": return .kind(.justfile)
        default: break
        }
        if lower == ".env" || lower.hasPrefix(".env.") || lower.hasSuffix(".env") { return .kind(.envFile) }
        if lower.hasSuffix(".py") { return .kind(.python) }
        if lower.hasSuffix(".sh") || lower.hasSuffix(".bash") { return .kind(.shellScript) }
        if lower.hasSuffix(".mk") { return .kind(.makefile) }
        if lower.hasSuffix(".just") { return .kind(.justfile) }
        if lower.hasSuffix(".tf") || lower.hasSuffix(".tfvars") { return .kind(.terraform) }
        if lower.hasSuffix(".json") {
            let markers = ["task-def", "taskdef", "task_def", "container-definitions", "container_definitions"]
            return markers.contains(where: lower.contains) ? .kind(.ecsTaskDefinition) : .none
        }
        if !name.contains("."), isInScriptDirectory(path) { return .shebangCandidate }
        return .none
    }

    private static func isYAML(_ lower: String) -> Bool {
        lower.hasSuffix(".yml") || lower.hasSuffix(".yaml")
    }

    private static func isDockerfile(_ lower: String) -> Bool {
        if lower == "dockerfile" || lower == "containerfile" { return true }
        if lower.hasSuffix(".dockerfile") || lower.hasSuffix(".containerfile") { return true }
        if lower.hasPrefix("dockerfile.") || lower.hasPrefix("containerfile.") {
            return !dockerfileTemplateSuffixes.contains(where: lower.hasSuffix)
        }
        return false
    }

    private static func isInScriptDirectory(_ path: String) -> Bool {
        let components = path.split(separator: "/").dropLast()
        return components.contains { scriptDirectories.contains(String($0)) }
    }

    /// Whether the first line of `bytes` is a shebang for a POSIX-family shell.
    static func hasShellShebang(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 2, bytes[0] == UInt8(ascii: "#"), bytes[1] == UInt8(ascii: "!") else { return false }
        let lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        let line = String(decoding: bytes[2..<lineEnd], as: UTF8.self)
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard let interpreter = words.first else { return false }
        var program = PathUtilities.basename(interpreter)
        if program == "env" {
            words.removeFirst()
            while let next = words.first, next.hasPrefix("-") { words.removeFirst() }
            guard let target = words.first else { return false }
            program = PathUtilities.basename(target)
        }
        return ["sh", "bash", "dash", "ash"].contains(program)
    }
}
