/// A curated table of popular base images and what is inside them, so rules can tell
/// that `curl` in a health check will fail on `python:3.12-slim` without pulling it.
///
/// Families are matched by repository, variants by the parts of the tag (any
/// `python:3.x-slim` is the same entry); an untagged or `latest` reference gets the
/// family's default variant. Each family's resolver documents its basis: the official
/// image's Dockerfile and the package set of the distribution it starts from. A tool is
/// only marked `absent` when that basis is clear; anything else is `unknown`, and an
/// image that is not in the table (or a tag variant not understood) yields nil so rules
/// stay silent.
public enum BaseImageCatalog {
    /// What is known about the image `reference` names, or nil when it is not in the table,
    /// its name holds unexpanded variables, or it is pinned by digest alone.
    public static func lookup(_ reference: ImageReference) -> BaseImageInfo? {
        if reference.isScratch { return scratch }
        if reference.registry.contains("$") || reference.repository.contains("$") { return nil }
        if reference.tag == nil, reference.digest != nil { return nil }
        guard let features = ImageTagFeatures(reference.tag) else { return nil }
        let key = reference.registry + "/" + reference.repository
        if let family = families[key] {
            return family.resolve(features, reference.repository)
        }
        for (prefix, family) in prefixFamilies where key.hasPrefix(prefix) {
            return family.resolve(features, String(key.dropFirst(prefix.count)))
        }
        return nil
    }

    /// Parses `text` as an image reference and looks it up.
    public static func lookup(_ text: String) -> BaseImageInfo? {
        ImageReference.parse(text).flatMap { lookup($0) }
    }

    /// The `FROM scratch` image: no files at all.
    public static let scratch = BaseImageInfo(
        family: "scratch", variant: "scratch", os: .scratch, packageManager: .none,
        tools: [:], unlistedTools: .absent, hasShell: false,
        basis: "Docker's reserved empty image: a filesystem with nothing in it"
    )

    /// Families keyed by `registry/repository`.
    static let families: [String: CatalogFamily] = {
        var table: [String: CatalogFamily] = [:]
        for (name, family) in distroFamilies + languageFamilies + serviceFamilies {
            table[name.contains(".") && name.contains("/") ? name : "docker.io/" + name] = family
        }
        return table
    }()

    /// Families whose repository names vary after a common prefix (`gcr.io/distroless/…`).
    static let prefixFamilies: [(String, CatalogFamily)] = [
        ("gcr.io/distroless/", distroless),
        ("mcr.microsoft.com/dotnet/", dotnet),
    ]
}

/// One family of the catalog: how to read its tags into a `BaseImageInfo`.
struct CatalogFamily: Sendable {
    /// Receives the tag's parts and the repository (or, for prefix families, the rest of
    /// the name after the prefix); nil when the tag names a variant not in the table.
    let resolve: @Sendable (ImageTagFeatures, String) -> BaseImageInfo?
}

/// Tool names shared by the catalog tables.
enum ToolNames {
    static let healthProbe = "grpc_health_probe"
    /// Tools a bare distro image lacks and official images only add deliberately.
    static let clientTools = ["curl", "wget", "nc", "python", "python3", "node", "pg_isready", "psql",
                              "redis-cli", "git", healthProbe]
}

/// Building blocks for catalog entries: the tool sets of the bases official images start from.
enum ToolSets {
    typealias Tools = [String: ToolPresence]

    static func merge(_ base: Tools, present: [String] = [], absent: [String] = [], unknown: [String] = []) -> Tools {
        var tools = base
        for tool in absent { tools[tool] = .absent }
        for tool in unknown { tools[tool] = .unknown }
        for tool in present { tools[tool] = .present }
        return tools
    }

    private static func absentAll(_ names: [String]) -> Tools {
        Dictionary(uniqueKeysWithValues: names.map { ($0, ToolPresence.absent) })
    }

    /// `debian:<suite>` and `debian:<suite>-slim`: debootstrap minbase (Essential and
    /// Required packages plus apt). dash as `/bin/sh`, bash, no curl, wget, netcat,
    /// procps or Python.
    static let debian: Tools = merge(absentAll(ToolNames.clientTools + ["ps"]), present: ["sh", "bash"])

    /// `ubuntu:<version>`: the minimised Ubuntu base. No curl, wget or Python; whether
    /// netcat and procps are there differs between releases, so they stay unknown.
    static let ubuntu: Tools = merge(absentAll(ToolNames.clientTools), present: ["sh", "bash"], unknown: ["nc"])

    /// `alpine:<version>`: musl, apk and busybox, whose applets include `sh`, `wget`,
    /// `nc` and `ps`. No bash, curl or Python.
    static let alpine: Tools = merge(absentAll(ToolNames.clientTools + ["bash"]), present: busybox)
    static let busybox = ["sh", "wget", "nc", "ps"]

    /// `buildpack-deps:<suite>` (full): `-curl` adds ca-certificates, curl, gnupg, netbase,
    /// wget; `-scm` adds git, mercurial (which brings python3), openssh-client, subversion,
    /// procps; the full tag adds compilers and -dev libraries. No netcat is installed
    /// explicitly, so `nc` stays unknown.
    static let buildpackDeps: Tools = merge(
        absentAll(ToolNames.clientTools), present: ["sh", "bash", "curl", "wget", "git", "python3", "ps"],
        unknown: ["nc"]
    )

    /// Nothing is there except what is listed.
    static let empty: Tools = [:]
}

/// Shorthand used by the family tables.
func catalogInfo(
    _ family: String, _ variant: String, os: ImageOSFamily, _ packageManager: SystemPackageManager,
    tools: [String: ToolPresence], unlisted: ToolPresence = .unknown, busybox: Bool = false,
    user: String = "root", uid: Int? = nil, users: [String] = [],
    python: String? = nil, sitePackages: [String] = [], basis: String
) -> BaseImageInfo {
    let applets: Set<String> = busybox ? Set(ToolSets.busybox.filter { tools[$0] == .present }) : []
    return BaseImageInfo(
        family: family, variant: variant, os: os, packageManager: packageManager,
        tools: tools, unlistedTools: unlisted, busyboxApplets: applets,
        defaultUser: user, defaultUID: uid, existingUsers: users,
        pythonVersion: python, sitePackagesPaths: sitePackages,
        hasShell: tools["sh"] == .present, basis: basis
    )
}
