/// A container image reference such as `python:3.12-slim`, `ghcr.io/astral-sh/uv:0.5`
/// or `registry:5000/team/api@sha256:…`, parsed per the distribution reference grammar
/// and normalised the way Docker does, so that `docker.io/library/python:3.12-slim` and
/// `python:3.12-slim` compare equal.
///
/// References that contain `$` (Dockerfile `ARG`s not expanded yet) are parsed
/// leniently: the structure is kept, `containsVariables` is set, and character rules are
/// not enforced on the parts holding variables.
public struct ImageReference: Sendable, Hashable, CustomStringConvertible {
    /// The registry Docker uses when a reference names none.
    public static let defaultRegistry = "docker.io"

    /// Registry host (and port) the image is pulled from; `docker.io` when none is written.
    public let registry: String
    /// Repository path inside the registry. Official Docker Hub images drop the implied
    /// `library/` namespace: `library/python` → `python`.
    public let repository: String
    /// The tag as written (`3.12-slim`), or nil when the reference has none.
    public let tag: String?
    /// The digest as written after `@` (`sha256:…`), or nil.
    public let digest: String?
    /// True when the text contains `$`: a build argument decides part of the name.
    public let containsVariables: Bool

    init(registry: String, repository: String, tag: String?, digest: String?, containsVariables: Bool) {
        self.registry = registry
        self.repository = repository
        self.tag = tag
        self.digest = digest
        self.containsVariables = containsVariables
    }

    /// True for Docker Hub official images (`python`, `redis`), which live under `library/`.
    public var isOfficial: Bool {
        registry == ImageReference.defaultRegistry && !repository.contains("/")
    }

    /// The fully qualified name Docker resolves the repository to, without tag or digest:
    /// `python` → `docker.io/library/python`, `ghcr.io/org/app` → `ghcr.io/org/app`.
    public var officialName: String {
        isOfficial ? "\(registry)/library/\(repository)" : "\(registry)/\(repository)"
    }

    /// Neither a tag nor a digest: Docker pulls `latest`.
    public var isUntagged: Bool { tag == nil && digest == nil }

    /// The image floats: tagged `latest`, or untagged without a digest.
    public var usesLatest: Bool { tag == "latest" || isUntagged }

    /// The reserved empty base image.
    public var isScratch: Bool { registry == ImageReference.defaultRegistry && repository == "scratch" }

    /// The short form people write: registry omitted for Docker Hub, `library/` omitted for
    /// official images, then `:tag` and `@digest`.
    public var description: String {
        var text = registry + "/" + repository
        if registry == ImageReference.defaultRegistry {
            // Keep `docker.io/` when the first component would otherwise read as a registry.
            let first = repository.split(separator: "/", maxSplits: 1).first.map { Array($0.utf8) } ?? []
            let ambiguous = repository.contains("/") && ImageReferenceParser.looksLikeRegistry(first)
            if !ambiguous { text = repository }
        }
        if let tag { text += ":" + tag }
        if let digest { text += "@" + digest }
        return text
    }

    /// Parses a reference; nil when the text is not a valid image reference (empty,
    /// whitespace inside, uppercase repository, bad tag or digest, name over 255 bytes…).
    public static func parse(_ text: String) -> ImageReference? {
        ImageReferenceParser.parse(Array(text.utf8))
    }
}

/// The byte-level parser behind `ImageReference.parse`.
enum ImageReferenceParser {
    private static let maxNameLength = 255
    private static let maxTagLength = 128

    static func parse(_ input: [UInt8]) -> ImageReference? {
        var start = 0
        var end = input.count
        while start < end, isSpace(input[start]) { start += 1 }
        while end > start, isSpace(input[end - 1]) { end -= 1 }
        guard start < end else { return nil }
        let bytes = Array(input[start..<end])
        for byte in bytes where byte <= 0x20 || byte == 0x7F { return nil }
        let hasVariables = bytes.contains(UInt8(ascii: "$"))
        guard let separators = topLevelSeparators(bytes) else { return nil }

        // Digest: after the last top-level '@'.
        var nameEnd = bytes.count
        var digest: String?
        if let at = separators.lastAt {
            let digestBytes = Array(bytes[(at + 1)...])
            guard isValidDigest(digestBytes) else { return nil }
            digest = String(decoding: digestBytes, as: UTF8.self)
            nameEnd = at
        }
        // Tag: after the last top-level ':' that follows the last top-level '/'.
        var tag: String?
        let lastSlash = separators.slashes.last(where: { $0 < nameEnd }) ?? -1
        if let colon = separators.colons.last(where: { $0 < nameEnd && $0 > lastSlash }) {
            let tagBytes = Array(bytes[(colon + 1)..<nameEnd])
            guard isValidTag(tagBytes) else { return nil }
            tag = String(decoding: tagBytes, as: UTF8.self)
            nameEnd = colon
        }
        guard nameEnd > 0, nameEnd <= maxNameLength else { return nil }
        let nameBytes = Array(bytes[0..<nameEnd])
        let slashes = separators.slashes.filter { $0 < nameEnd }
        var components: [[UInt8]] = []
        var componentStart = 0
        for slash in slashes {
            components.append(Array(nameBytes[componentStart..<slash]))
            componentStart = slash + 1
        }
        components.append(Array(nameBytes[componentStart...]))
        guard !components.contains(where: \.isEmpty) else { return nil }

        var registry = ImageReference.defaultRegistry
        if components.count > 1, looksLikeRegistry(components[0]) {
            guard isValidRegistry(components[0]) else { return nil }
            registry = String(decoding: components.removeFirst(), as: UTF8.self)
        }
        for component in components where !isValidPathComponent(component) { return nil }
        if registry == "index.docker.io" { registry = ImageReference.defaultRegistry }
        var path = components.map { String(decoding: $0, as: UTF8.self) }
        if registry == ImageReference.defaultRegistry, path.count == 2, path[0] == "library" {
            path.removeFirst()
        }
        return ImageReference(
            registry: registry,
            repository: path.joined(separator: "/"),
            tag: tag,
            digest: digest,
            containsVariables: hasVariables
        )
    }

    private struct Separators {
        var slashes: [Int] = []
        var colons: [Int] = []
        var lastAt: Int?
    }

    /// Positions of `/`, `:` and `@` outside `${…}`; nil when braces do not balance or
    /// more than one `@` appears.
    private static func topLevelSeparators(_ bytes: [UInt8]) -> Separators? {
        var result = Separators()
        var depth = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                depth += 1
                index += 2
                continue
            }
            if depth > 0 {
                if byte == UInt8(ascii: "}") { depth -= 1 }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "/"): result.slashes.append(index)
            case UInt8(ascii: ":"): result.colons.append(index)
            case UInt8(ascii: "@"):
                if result.lastAt != nil { return nil }
                result.lastAt = index
            default: break
            }
            index += 1
        }
        return depth == 0 ? result : nil
    }

    /// Docker treats the first component as a registry when it has a `.` or `:`, is
    /// `localhost`, or has uppercase letters. A leading variable (`${REGISTRY}/app`) is
    /// taken as a registry too, since that is how such references are written.
    static func looksLikeRegistry(_ component: [UInt8]) -> Bool {
        if component == Array("localhost".utf8) { return true }
        for byte in component {
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "$") { return true }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { return true }
        }
        return false
    }

    private static func isValidRegistry(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "$")) { return true }
        var host = bytes[...]
        if bytes.first == UInt8(ascii: "[") {
            // IPv6 literal: [hex:…]:port
            guard let close = bytes.firstIndex(of: UInt8(ascii: "]")), close > 1 else { return false }
            for byte in bytes[1..<close] where !(isHexDigit(byte) || byte == UInt8(ascii: ":")) { return false }
            let rest = bytes[(close + 1)...]
            if rest.isEmpty { return true }
            guard rest.first == UInt8(ascii: ":") else { return false }
            return isPort(rest.dropFirst())
        }
        if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) {
            guard isPort(bytes[(colon + 1)...]) else { return false }
            host = bytes[..<colon]
        }
        guard !host.isEmpty else { return false }
        for label in host.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard let first = label.first, let last = label.last,
                  isAlphanumeric(first), isAlphanumeric(last) else { return false }
            for byte in label where !(isAlphanumeric(byte) || byte == UInt8(ascii: "-")) { return false }
        }
        return true
    }

    private static func isPort(_ bytes: ArraySlice<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= 5 && bytes.allSatisfy(isDigit)
    }

    /// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
    private static func isValidPathComponent(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "$")) { return true }
        guard let first = bytes.first, let last = bytes.last,
              isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isLowerAlphanumeric(byte) { index += 1; continue }
            if byte == UInt8(ascii: ".") {
                guard isLowerAlphanumeric(bytes[index + 1]) else { return false }
                index += 1
            } else if byte == UInt8(ascii: "_") {
                if bytes[index + 1] == UInt8(ascii: "_") { index += 1 }
                guard index + 1 < bytes.count, isLowerAlphanumeric(bytes[index + 1]) else { return false }
                index += 1
            } else if byte == UInt8(ascii: "-") {
                while index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard index < bytes.count, isLowerAlphanumeric(bytes[index]) else { return false }
            } else {
                return false
            }
        }
        return true
    }

    /// `[\w][\w.-]{0,127}`
    private static func isValidTag(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        if bytes.contains(UInt8(ascii: "$")) { return true }
        guard bytes.count <= maxTagLength, isWordByte(first) else { return false }
        return bytes.allSatisfy { isWordByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }
    }

    /// `algorithm:hex` with at least 32 hex digits; exactly 64 lowercase ones for sha256.
    private static func isValidDigest(_ bytes: [UInt8]) -> Bool {
        if bytes.contains(UInt8(ascii: "$")) { return !bytes.isEmpty }
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return false }
        let algorithm = bytes[..<colon]
        let hex = bytes[(colon + 1)...]
        guard let first = algorithm.first, isLowerAlphanumeric(first) else { return false }
        for byte in algorithm where !(isLowerAlphanumeric(byte) || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")) {
            return false
        }
        guard hex.count >= 32, hex.allSatisfy({ isDigit($0) || ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "f")) }) else {
            return false
        }
        if algorithm.elementsEqual("sha256".utf8) { return hex.count == 64 }
        if algorithm.elementsEqual("sha512".utf8) { return hex.count == 128 }
        return true
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }
    private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
    }
    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
    private static func isWordByte(_ byte: UInt8) -> Bool { isAlphanumeric(byte) || byte == UInt8(ascii: "_") }
}
