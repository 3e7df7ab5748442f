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
    /// Any other file: not read by Greenlight, but part of build contexts, so a
    /// `COPY templates/ ...` or `node server.js` can be checked against it.
    case other
}

/// Classifies files by path alone; the one case that needs content (a
/// shebang on an extension-less script) is reported as a candidate. Names are
/// compared as ASCII-lowercased bytes: this runs once per file of the project.
enum FileClassifier {
    enum Verdict: Equatable {
        case kind(FileKind)
        /// An extension-less file in a `scripts/` or `bin/` directory: a shell
        /// script if its first line is a sh/bash shebang.
        case shebangCandidate
        case none
    }

    private static let dockerfileTemplateSuffixes: [StaticString] = [
        ".md", ".rst", ".txt", ".orig", ".bak", ".swp", ".j2", ".jinja", ".jinja2",
        ".tmpl", ".tpl", ".template", ".erb", ".in", ".sample", ".example", ".dockerignore",
        // Source files named after Dockerfiles (a parser's `Dockerfile.swift`, `dockerfile.py`).
        ".swift", ".py", ".go", ".rs", ".js", ".mjs", ".ts", ".java", ".kt", ".rb", ".c", ".h", ".cpp", ".cs",
        ".json", ".yml", ".yaml", ".toml", ".html", ".sh", ".lock",
    ]
    private static let taskDefinitionMarkers: [StaticString] = [
        "task-def", "taskdef", "task_def", "container-definitions", "container_definitions",
    ]
    private static let scriptDirectories: Set<String> = ["scripts", "script", "bin"]

    static func classify(path: String) -> Verdict {
        let pathBytes = Array(path.utf8)
        let slash = pathBytes.lastIndex(of: UInt8(ascii: "/"))
        let nameStart = slash.map { $0 + 1 } ?? 0
        let name = Name(pathBytes[nameStart...])
        let directory = slash.map { pathBytes[..<$0] } ?? []
        if name.hasSuffix(".dockerignore") || name.hasSuffix(".containerignore") { return .kind(.dockerignore) }
        if isDockerfile(name) { return .kind(.dockerfile) }
        if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            if directory.elementsEqual(".github/workflows".utf8) { return .kind(.githubWorkflow) }
            if name.hasPrefix("docker-compose") || name.hasPrefix("compose") { return .kind(.compose) }
            if name.equals(".greenlight.yml") || name.equals(".greenlight.yaml") { return .kind(.greenlightConfig) }
            return .none
        }
        if name.hasSuffix(".txt") {
            let parentStart = (directory.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 }) ?? directory.startIndex
            let parent = Name(directory[parentStart...])
            if name.hasPrefix("requirements") || name.hasSuffix("-requirements.txt") || name.hasSuffix("_requirements.txt")
                || parent.equals("requirements") {
                return .kind(.requirements)
            }
            return .none
        }
        let exact = String(decoding: pathBytes[nameStart...], as: UTF8.self)
        switch exact {
        case "pyproject.toml": return .kind(.pyproject)
        case "Pipfile": return .kind(.pipfile)
        case "setup.py": return .kind(.setupPy)
        case "setup.cfg": return .kind(.setupCfg)
        case "Makefile", "makefile", "GNUmakefile": return .kind(.makefile)
        case "justfile", "Justfile", ".justfile", "JUSTFILE": return .kind(.justfile)
        default: break
        }
        if name.equals(".env") || name.hasPrefix(".env.") || name.hasSuffix(".env") { return .kind(.envFile) }
        if name.hasSuffix(".py") { return .kind(.python) }
        if name.hasSuffix(".sh") || name.hasSuffix(".bash") { return .kind(.shellScript) }
        if name.hasSuffix(".mk") { return .kind(.makefile) }
        if name.hasSuffix(".just") { return .kind(.justfile) }
        if name.hasSuffix(".tf") || name.hasSuffix(".tfvars") { return .kind(.terraform) }
        if name.hasSuffix(".json") {
            return taskDefinitionMarkers.contains(where: name.contains) ? .kind(.ecsTaskDefinition) : .none
        }
        if !name.bytes.contains(UInt8(ascii: ".")), isInScriptDirectory(directory) { return .shebangCandidate }
        return .none
    }

    private static func isDockerfile(_ name: Name) -> Bool {
        if name.equals("dockerfile") || name.equals("containerfile") { return true }
        if name.hasSuffix(".dockerfile") || name.hasSuffix(".containerfile") { return true }
        if name.hasPrefix("dockerfile.") || name.hasPrefix("containerfile.") {
            return !dockerfileTemplateSuffixes.contains(where: name.hasSuffix)
        }
        return false
    }

    private static func isInScriptDirectory(_ directory: ArraySlice<UInt8>) -> Bool {
        directory.split(separator: UInt8(ascii: "/")).contains { component in
            scriptDirectories.contains(String(decoding: component, as: UTF8.self))
        }
    }

    /// A file name lowercased in ASCII, for cheap comparisons with literals.
    struct Name {
        let bytes: [UInt8]

        init(_ raw: ArraySlice<UInt8>) {
            bytes = raw.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }
        }

        func equals(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { bytes.elementsEqual($0) }
        }

        func hasPrefix(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { bytes.starts(with: $0) }
        }

        func hasSuffix(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { bytes.count >= $0.count && bytes.suffix($0.count).elementsEqual($0) }
        }

        func contains(_ literal: StaticString) -> Bool {
            literal.withUTF8Buffer { needle in
                guard needle.count <= bytes.count else { return false }
                for start in 0...(bytes.count - needle.count)
                where bytes[start..<(start + needle.count)].elementsEqual(needle) {
                    return true
                }
                return false
            }
        }
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
