/// Language runtime images: python, node, golang, ruby, php, rust, Java, uv.
extension BaseImageCatalog {
    static let languageFamilies: [(String, CatalogFamily)] = [
        ("python", CatalogFamily { tag, _ in python(tag, family: "python") }),
        ("node", CatalogFamily { tag, _ in node(tag) }),
        ("golang", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, tag.suiteFamily != .ubuntu else { return nil }
            if tag.isAlpine {
                return catalogInfo("golang", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["go"], unknown: ["curl", "git"]),
                                   busybox: true, basis: "golang official image (alpine): " + alpineBasis + " plus Go")
            }
            // golang:<v> is built FROM buildpack-deps:<suite>-scm.
            return catalogInfo("golang", "full", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.buildpackDeps, present: ["go", "gcc", "make"]),
                               basis: "golang official image: FROM buildpack-deps:<suite>-scm plus gcc, libc6-dev, make, pkg-config and Go")
        }),
        ("ruby", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["slim"]), tag.suiteFamily != .ubuntu else { return nil }
            let extra = ["ruby", "gem", "bundle"]
            if tag.isAlpine {
                return catalogInfo("ruby", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: extra, unknown: ["bash"]),
                                   busybox: true, basis: "ruby official image (alpine): " + alpineBasis + " plus Ruby")
            }
            if tag.has("slim") {
                return catalogInfo("ruby", "slim", os: .debian, .apt,
                                   tools: ToolSets.merge(ToolSets.debian, present: extra, unknown: ["curl", "wget", "ps"]),
                                   basis: "ruby official image (slim): FROM debian:<suite>-slim; build tools purged after compiling Ruby")
            }
            return catalogInfo("ruby", "full", os: .debian, .apt, tools: ToolSets.merge(ToolSets.buildpackDeps, present: extra),
                               basis: "ruby official image: FROM buildpack-deps:<suite> plus Ruby")
        }),
        ("php", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["cli", "apache", "fpm", "zts"]), tag.suiteFamily != .ubuntu else { return nil }
            let variant = tag.flags.first ?? "cli"
            // The php Dockerfiles keep "ca-certificates curl xz-utils" (apk: "ca-certificates curl openssl tar xz")
            // as persistent runtime dependencies in every variant.
            if tag.isAlpine {
                guard variant != "apache" else { return nil }
                return catalogInfo("php", variant + "-alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["curl", "php"]), busybox: true,
                                   users: ["www-data"], basis: "php official image (alpine): " + alpineBasis + " plus curl and PHP")
            }
            return catalogInfo("php", variant, os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: ["curl", "php"], unknown: ["wget", "ps"]),
                               users: ["www-data"], basis: "php official image: FROM debian:<suite>-slim plus curl, xz-utils and PHP")
        }),
        ("rust", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["slim"]), tag.suiteFamily != .ubuntu else { return nil }
            let extra = ["cargo", "rustc", "rustup"]
            if tag.isAlpine {
                return catalogInfo("rust", "alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: extra), busybox: true,
                                   basis: "rust official image (alpine): " + alpineBasis + " plus gcc and rustup")
            }
            if tag.has("slim") {
                return catalogInfo("rust", "slim", os: .debian, .apt,
                                   tools: ToolSets.merge(ToolSets.debian, present: extra, unknown: ["curl", "wget"]),
                                   basis: "rust official image (slim): FROM debian:<suite>-slim; wget removed after fetching rustup")
            }
            return catalogInfo("rust", "full", os: .debian, .apt, tools: ToolSets.merge(ToolSets.buildpackDeps, present: extra),
                               basis: "rust official image: FROM buildpack-deps:<suite> plus rustup")
        }),
        ("eclipse-temurin", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["jdk", "jre"]), tag.suiteFamily != .debian else { return nil }
            let variant = tag.has("jre") ? "jre" : "jdk"
            if tag.isAlpine {
                return catalogInfo("eclipse-temurin", variant + "-alpine", os: .alpine, .apk,
                                   tools: ToolSets.merge(ToolSets.alpine, present: ["java"], unknown: ["curl", "bash"]),
                                   busybox: true, basis: "eclipse-temurin (alpine): " + alpineBasis + " plus the Temurin JDK/JRE")
            }
            // adoptium/containers ubuntu Dockerfiles install curl ("required for historical reasons") and wget.
            return catalogInfo("eclipse-temurin", variant, os: .ubuntu, .apt,
                               tools: ToolSets.merge(ToolSets.ubuntu, present: ["curl", "wget", "java"]),
                               basis: "eclipse-temurin: FROM ubuntu plus curl, wget, gnupg, fontconfig, locales and Temurin")
        }),
        ("openjdk", CatalogFamily { tag, _ in
            // Only the Debian slim variants are described; the default tags moved from Debian to
            // Oracle Linux across versions.
            guard tag.has("slim"), tag.onlyFlags(["slim", "jdk", "jre"]), !tag.isAlpine, tag.suiteFamily != .ubuntu else {
                return nil
            }
            return catalogInfo("openjdk", "slim", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: ["java"], unknown: ["curl", "wget", "ps"]),
                               basis: "openjdk (deprecated) slim: FROM debian:<suite>-slim plus the JDK")
        }),
        ("ghcr.io/astral-sh/uv", CatalogFamily { tag, _ in uv(tag) }),
    ]

    /// `python:<3.x>[-slim][-<suite>]`, `python:<3.x>-alpine[<v>]`.
    /// Full tags are FROM buildpack-deps:<suite>; slim tags FROM debian:<suite>-slim with only
    /// ca-certificates, netbase, tzdata and the libraries Python links; alpine FROM alpine.
    /// Python is built into /usr/local with `python`, `pip` symlinks next to `python3`, `pip3`.
    static func python(_ tag: ImageTagFeatures, family: String) -> BaseImageInfo? {
        guard tag.onlyFlags(["slim", "rc"]), tag.suiteFamily != .ubuntu else { return nil }
        if tag.version != nil, tag.major != 3 { return nil }
        let minor = tag.minor.map { "3.\($0)" }
        let sitePackages = ["/usr/local/lib/python\(minor ?? "3.*")/site-packages"]
        let runtime = ["python", "python3", "pip", "pip3"]
        if tag.isAlpine {
            return catalogInfo(family, "alpine", os: .alpine, .apk, tools: ToolSets.merge(ToolSets.alpine, present: runtime),
                               busybox: true, python: minor, sitePackages: sitePackages,
                               basis: "python official image (alpine): " + alpineBasis + "; build deps removed with apk del .build-deps")
        }
        if tag.has("slim") {
            return catalogInfo(family, "slim", os: .debian, .apt, tools: ToolSets.merge(ToolSets.debian, present: runtime),
                               python: minor, sitePackages: sitePackages,
                               basis: "python official image (slim): FROM debian:<suite>-slim plus ca-certificates, netbase, "
                                + "tzdata; wget and compilers purged after the build")
        }
        return catalogInfo(family, "full", os: .debian, .apt, tools: ToolSets.merge(ToolSets.buildpackDeps, present: runtime),
                           python: minor, sitePackages: sitePackages,
                           basis: "python official image: FROM buildpack-deps:<suite> (curl, wget, git, compilers)")
    }

    /// `node:<v>[-slim|-alpine][-<suite>]`, also `lts`, `current` and LTS codenames.
    static func node(_ tag: ImageTagFeatures) -> BaseImageInfo? {
        let aliases: Set<String> = ["lts", "current", "hydrogen", "iron", "jod", "krypton", "slim"]
        guard tag.onlyFlags(aliases), tag.suiteFamily != .ubuntu else { return nil }
        let runtime = ["node", "npm", "npx"]
        if tag.isAlpine {
            // curl is only a .build-deps package, deleted after node is unpacked.
            return catalogInfo("node", "alpine", os: .alpine, .apk, tools: ToolSets.merge(ToolSets.alpine, present: runtime),
                               busybox: true, users: ["node"],
                               basis: "node official image (alpine): " + alpineBasis + "; curl installed as .build-deps and deleted")
        }
        if tag.has("slim") {
            return catalogInfo("node", "slim", os: .debian, .apt, tools: ToolSets.merge(ToolSets.debian, present: runtime),
                               users: ["node"],
                               basis: "node official image (slim): FROM debian:<suite>-slim; curl, wget and gnupg purged "
                                + "with apt-get purge --auto-remove after installing node")
        }
        return catalogInfo("node", "full", os: .debian, .apt, tools: ToolSets.merge(ToolSets.buildpackDeps, present: runtime),
                           users: ["node"], basis: "node official image: FROM buildpack-deps:<suite>")
    }

    /// `ghcr.io/astral-sh/uv`: plain version tags are FROM scratch with only `/uv` and `/uvx`.
    /// The other tags copy uv and uvx into /usr/local/bin of a base image and add nothing
    /// else: `python3.X-<suite>[-slim]`/`python3.X-alpine` → the official python image,
    /// `<suite>-slim`/`debian-slim` → debian slim, `<suite>`/`debian` → buildpack-deps,
    /// `alpine` → alpine (basis: the uv release workflow's generated Dockerfile).
    static func uv(_ tag: ImageTagFeatures) -> BaseImageInfo? {
        let pythonFlag = tag.flags.first { $0.hasPrefix("python3") }
        let others = tag.flags.filter { $0 != pythonFlag }
        guard others.allSatisfy({ ["slim", "debian"].contains($0) }), tag.suiteFamily != .ubuntu else { return nil }
        let uvTools = ["uv", "uvx"]
        if let pythonFlag {
            let version = String(pythonFlag.dropFirst("python".count))
            guard ImageTagFeatures.isVersion(version) else { return nil }
            let pythonTag = ImageTagFeatures(version: version, isAlpine: tag.isAlpine, suite: tag.suite,
                                             flags: tag.has("slim") ? ["slim"] : [])
            guard !tag.has("debian"), var info = python(pythonTag, family: "ghcr.io/astral-sh/uv") else { return nil }
            info.tools = ToolSets.merge(info.tools, present: uvTools)
            info.basis = "astral-sh/uv image built on the official python image; " + info.basis
            return info
        }
        if tag.isAlpine {
            return catalogInfo("ghcr.io/astral-sh/uv", "alpine", os: .alpine, .apk,
                               tools: ToolSets.merge(ToolSets.alpine, present: uvTools, unknown: ["python", "python3"]),
                               busybox: true, basis: "astral-sh/uv alpine image: " + alpineBasis + " plus uv")
        }
        if tag.suite != nil || tag.has("debian") {
            guard tag.has("slim") else {
                return catalogInfo("ghcr.io/astral-sh/uv", "debian", os: .debian, .apt,
                                   tools: ToolSets.merge(ToolSets.buildpackDeps, present: uvTools),
                                   basis: "astral-sh/uv debian image: FROM buildpack-deps:<suite> plus uv in /usr/local/bin")
            }
            return catalogInfo("ghcr.io/astral-sh/uv", "debian-slim", os: .debian, .apt,
                               tools: ToolSets.merge(ToolSets.debian, present: uvTools),
                               basis: "astral-sh/uv debian-slim image: " + debianBasis + " plus uv in /usr/local/bin")
        }
        guard tag.flags.isEmpty else { return nil }
        return catalogInfo("ghcr.io/astral-sh/uv", "distroless", os: .scratch, .none,
                           tools: ["uv": .unknown, "uvx": .unknown], unlisted: .absent,
                           basis: "astral-sh/uv distroless image: FROM scratch with /uv and /uvx only (not on a PATH directory)")
    }
}
