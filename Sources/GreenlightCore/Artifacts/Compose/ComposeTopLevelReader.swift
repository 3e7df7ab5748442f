import Yams

extension ComposeNodeReader {
    /// Reads the top-level keys of a compose file into `file`.
    mutating func readTopLevel(_ root: Node, into file: inout ComposeFile) {
        guard let items = mapping(root, "the top level of a compose file") else { return }
        for item in items {
            switch item.key {
            case "name": file.name = string(item.value, "name")?.value
            case "services": file.services = readServices(item.value)
            case "volumes": file.volumes = declaredNames(item.value, "volumes")
            case "networks": file.networks = declaredNames(item.value, "networks")
            case "secrets": file.secrets = declaredNames(item.value, "secrets")
            case "configs": file.configs = declaredNames(item.value, "configs")
            case "include": file.includes = readIncludes(item.value)
            default: break
            }
        }
    }

    private mutating func readServices(_ node: Node) -> [ComposeService] {
        guard let items = mapping(node, "services") else { return [] }
        var services: [ComposeService] = []
        services.reserveCapacity(items.count)
        for item in items {
            if let service = readService(item) { services.append(service) }
        }
        return services
    }

    /// The keys of a top-level declaration map (`volumes: {db: {}}`).
    private mutating func declaredNames(_ node: Node, _ what: String) -> [Located<String>] {
        guard let items = mapping(node, what) else { return [] }
        return items.map { Located($0.key, at: $0.keyLocation) }
    }

    /// `include:` items: a path string, or a mapping whose `path` is a string or list.
    private mutating func readIncludes(_ node: Node) -> [Located<String>] {
        guard case .sequence(let sequence) = node else {
            if !isNull(node) { wrongShape("include", expected: "a list", node) }
            return []
        }
        var paths: [Located<String>] = []
        for element in sequence {
            if case .mapping = element {
                for item in mapping(element, "an include") ?? [] where item.key == "path" {
                    paths += stringList(item.value, "include path")
                }
            } else if let path = string(element, "an include") {
                paths.append(path)
            }
        }
        return paths
    }

    // MARK: Small service fields

    /// `KEY: value` mappings and `KEY=value` lists (environment, labels, build args).
    mutating func mapEntries(_ node: Node, _ what: String) -> [ComposeMapEntry] {
        switch node {
        case .mapping:
            guard let items = mapping(node, what) else { return [] }
            return items.compactMap { item in
                if isNull(item.value) {
                    return ComposeMapEntry(key: item.key, value: nil, location: item.keyLocation)
                }
                guard let value = string(item.value, "\(what) '\(item.key)'") else { return nil }
                return ComposeMapEntry(
                    key: item.key, value: value.value, location: item.keyLocation, valueLocation: value.location
                )
            }
        case .sequence(let sequence):
            return sequence.compactMap { element in
                guard let text = string(element, "an item of \(what)") else { return nil }
                guard let equals = text.value.utf8.firstIndex(of: ComposeASCII.equals) else {
                    return ComposeMapEntry(key: text.value, value: nil, location: text.location)
                }
                let key = String(decoding: text.value.utf8[..<equals], as: UTF8.self)
                let value = String(decoding: text.value.utf8[text.value.utf8.index(after: equals)...], as: UTF8.self)
                return ComposeMapEntry(key: key, value: value, location: text.location, valueLocation: text.location)
            }
        default:
            if !isNull(node) { wrongShape(what, expected: "a mapping or a list", node) }
            return []
        }
    }

    /// `env_file:` as a string, a list of strings, or a list of `{path, required}`.
    mutating func envFiles(_ node: Node, _ what: String) -> [ComposeEnvFile] {
        let elements: [Node]
        switch node {
        case .sequence(let sequence): elements = Array(sequence)
        case .scalar: elements = [node]
        default:
            wrongShape(what, expected: "a string or a list", node)
            return []
        }
        var files: [ComposeEnvFile] = []
        for element in elements {
            guard case .mapping = element else {
                if let path = string(element, "an item of \(what)") {
                    files.append(ComposeEnvFile(path: path.value, location: path.location))
                }
                continue
            }
            var path: Located<String>?
            var required = true
            for item in mapping(element, "an item of \(what)") ?? [] {
                switch item.key {
                case "path": path = string(item.value, "\(what) path")
                case "required": required = bool(item.value, "\(what) required") ?? true
                default: break
                }
            }
            guard let path else {
                issue("an item of \(what) needs a 'path'", at: element)
                continue
            }
            files.append(ComposeEnvFile(path: path.value, required: required, location: path.location))
        }
        return files
    }

    /// `command:` / `entrypoint:`: a string (split by compose) or a list (run as is).
    mutating func command(_ node: Node, _ what: String) -> Located<ComposeCommand>? {
        switch node {
        case .scalar:
            return string(node, what).map { Located(.shell($0.value), at: $0.location) }
        case .sequence(let sequence):
            let words = sequence.compactMap { string($0, "an item of \(what)")?.value }
            return Located(.exec(words), at: location(node))
        default:
            wrongShape(what, expected: "a string or a list", node)
            return nil
        }
    }

    /// `extends: service` or `extends: {service, file}`.
    mutating func extends(_ node: Node, _ what: String) -> ComposeExtends? {
        if case .scalar = node {
            return string(node, what).map { ComposeExtends(service: $0.value, file: nil, location: $0.location) }
        }
        guard let items = mapping(node, what) else { return nil }
        var service: String?
        var file: String?
        for item in items {
            switch item.key {
            case "service": service = string(item.value, "\(what) service")?.value
            case "file": file = string(item.value, "\(what) file")?.value
            default: break
            }
        }
        guard let service else {
            issue("\(what) needs a 'service'", at: node)
            return nil
        }
        return ComposeExtends(service: service, file: file, location: location(node))
    }

    /// Service `secrets:`: names, or `{source, target, ...}` mappings.
    mutating func secretNames(_ node: Node, _ what: String) -> [Located<String>] {
        guard case .sequence(let sequence) = node else {
            if !isNull(node) { wrongShape(what, expected: "a list", node) }
            return []
        }
        var names: [Located<String>] = []
        for element in sequence {
            guard case .mapping = element else {
                if let name = string(element, "an item of \(what)") { names.append(name) }
                continue
            }
            let source = mapping(element, "an item of \(what)")?.first { $0.key == "source" }
            if let source, let name = string(source.value, "\(what) source") {
                names.append(name)
            } else {
                issue("an item of \(what) needs a 'source'", at: element)
            }
        }
        return names
    }
}
