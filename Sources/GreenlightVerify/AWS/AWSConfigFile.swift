import Foundation

/// An AWS shared credentials or config file: INI sections of `key = value` lines.
struct AWSConfigFile: Sendable {
    /// Section name (as written between the brackets, trimmed) to its keys.
    var sections: [String: [String: String]] = [:]

    /// Reads `path`; nil when the file does not exist or cannot be read.
    static func read(_ path: String) -> AWSConfigFile? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return AWSConfigFile(parsing: String(decoding: data, as: UTF8.self))
    }

    init(parsing text: String) {
        var current: String?
        var lastKey: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                let name = line.dropFirst().dropLast().trimmingCharacters(in: .whitespaces)
                let collapsed = name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                current = collapsed
                if sections[collapsed] == nil { sections[collapsed] = [:] }
                lastKey = nil
                continue
            }
            guard let section = current else { continue }
            // Indented lines continue a nested block (`s3 =` followed by `  key = value`); skip them.
            if rawLine.first == " " || rawLine.first == "\t", lastKey != nil { continue }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if let comment = value.range(of: " #") ?? value.range(of: " ;") {
                value = value[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            sections[section, default: [:]][key] = value
            lastKey = key
        }
    }

    /// A profile's keys in a credentials file (`[name]`).
    func credentialsProfile(_ name: String) -> [String: String]? {
        sections[name]
    }

    /// A profile's keys in a config file (`[profile name]`, or `[default]` for the default profile).
    func configProfile(_ name: String) -> [String: String]? {
        if let section = sections["profile \(name)"] { return section }
        return name == "default" ? sections["default"] : nil
    }
}
