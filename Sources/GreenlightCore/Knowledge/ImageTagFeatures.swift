/// A tag split into the parts official images encode in it: `3.12-slim-bookworm` →
/// version `3.12`, flag `slim`, suite `bookworm`. The catalog matches families and
/// variants on these parts, so any `3.x-slim` tag lands on the same entry.
struct ImageTagFeatures: Sendable, Hashable {
    /// The leading version token (`3.12`, `v3.1`, `22.04`, `21.0.4_7`), nil when absent.
    var version: String?
    /// The leading token was a build variable (`${PYTHON_VERSION}-slim`): the version is
    /// unknown but the rest of the tag still names the variant.
    var versionIsVariable = false
    var isAlpine = false
    /// A Debian or Ubuntu release codename (`bookworm`, `jammy`).
    var suite: String?
    /// Every other token, in order (`slim`, `jdk`, `nonroot`, `python3.12`…).
    var flags: [String] = []

    static let debianSuites: Set<String> = [
        "jessie", "stretch", "buster", "bullseye", "bookworm", "trixie", "forky", "sid",
    ]
    static let ubuntuSuites: Set<String> = [
        "bionic", "focal", "jammy", "noble", "oracular", "plucky", "questing",
    ]
    /// Architecture suffixes some publishers append; they do not change the contents.
    private static let neutralTokens: Set<String> = [
        "latest", "amd64", "arm64", "arm64v8", "arm32v7", "arm32v6", "ppc64le", "s390x",
    ]

    /// Parts assembled directly, for families built on another family's tags.
    init(version: String?, isAlpine: Bool = false, suite: String? = nil, flags: [String] = []) {
        self.version = version
        self.isAlpine = isAlpine
        self.suite = suite
        self.flags = flags
    }

    /// Nil when the tag cannot be read safely: a variable after the first token, or a
    /// tag that is nothing but a variable (it may hold the variant too).
    init?(_ tag: String?) {
        guard let tag else { return }
        let tokens = tag.lowercased().split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        for (index, token) in tokens.enumerated() {
            if token.isEmpty { return nil }
            if token.contains("$") {
                guard index == 0, tokens.count > 1 else { return nil }
                versionIsVariable = true
                continue
            }
            if index == 0, ImageTagFeatures.isVersion(token) {
                version = token
                continue
            }
            if token == "alpine" || (token.hasPrefix("alpine") && ImageTagFeatures.isVersion(String(token.dropFirst(6)))) {
                isAlpine = true
            } else if ImageTagFeatures.debianSuites.contains(token) || ImageTagFeatures.ubuntuSuites.contains(token) {
                suite = token
            } else if ImageTagFeatures.neutralTokens.contains(token) || (index > 0 && token.allSatisfy(\.isNumber)) {
                continue
            } else {
                flags.append(token)
            }
        }
    }

    /// `3.12`, `3.13.0rc2`, `v3.1`, `21.0.4_7`, `2023.5.20240805.0`: starts with a digit
    /// (or `v` and a digit) and holds only version characters.
    static func isVersion(_ token: String) -> Bool {
        var scalars = Substring(token)
        if scalars.first == "v" { scalars = scalars.dropFirst() }
        guard let first = scalars.first, first.isASCII, first.isNumber else { return false }
        return scalars.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "+") }
    }

    /// The leading number of the version (`3.12` → 3, `v2.11` → 2).
    var major: Int? { component(0) }
    /// The second number of the version (`3.12.1` → 12).
    var minor: Int? { component(1) }

    private func component(_ index: Int) -> Int? {
        guard var version else { return nil }
        if version.hasPrefix("v") { version.removeFirst() }
        let parts = version.split(separator: ".", omittingEmptySubsequences: false)
        guard index < parts.count else { return nil }
        let digits = parts[index].prefix(while: { $0.isASCII && $0.isNumber })
        return digits.isEmpty ? nil : Int(digits)
    }

    /// True when every flag is in `allowed`: an unknown token (a Windows variant, a
    /// publisher's own suffix) makes the catalog answer "unknown image".
    func onlyFlags(_ allowed: Set<String>) -> Bool {
        flags.allSatisfy { allowed.contains($0) }
    }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The OS family a suite codename belongs to.
    var suiteFamily: ImageOSFamily? {
        guard let suite else { return nil }
        return ImageTagFeatures.debianSuites.contains(suite) ? .debian : .ubuntu
    }
}
