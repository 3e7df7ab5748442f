/// Operating-system base images: the distributions other official images start from,
/// plus busybox, Google's distroless images and Amazon Linux.
extension BaseImageCatalog {
    static let distroFamilies: [(String, CatalogFamily)] = [
        ("debian", CatalogFamily { tag, _ in
            // Tags: bookworm, bookworm-slim, 12, 12.6-slim, stable-slim, bookworm-20240812…
            guard tag.onlyFlags(["slim", "stable", "oldstable", "testing", "unstable"]),
                  !tag.isAlpine, tag.suiteFamily != .ubuntu else { return nil }
            return catalogInfo("debian", tag.has("slim") ? "slim" : "default", os: .debian, .apt,
                               tools: ToolSets.debian, basis: debianBasis)
        }),
        ("ubuntu", CatalogFamily { tag, _ in
            // Tags: 20.04, 22.04, 24.04, focal, jammy, noble, jammy-20240808, rolling, devel.
            guard tag.onlyFlags(["rolling", "devel"]), !tag.isAlpine, tag.suiteFamily != .debian else { return nil }
            // 24.04 (noble) and later ship a default `ubuntu` account (uid 1000).
            let hasUbuntuUser = (tag.major ?? 0) >= 24 || ["noble", "oracular", "plucky", "questing"].contains(tag.suite ?? "")
            return catalogInfo("ubuntu", "default", os: .ubuntu, .apt, tools: ToolSets.ubuntu,
                               users: hasUbuntuUser ? ["ubuntu"] : [],
                               basis: "ubuntu official image: the minimised Ubuntu base tarball; no curl, wget or Python")
        }),
        ("alpine", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["edge"]), tag.suite == nil else { return nil }
            return catalogInfo("alpine", "default", os: .alpine, .apk, tools: ToolSets.alpine, busybox: true,
                               basis: alpineBasis)
        }),
        ("busybox", CatalogFamily { tag, _ in
            guard tag.onlyFlags(["glibc", "musl", "uclibc", "stable", "unstable"]), tag.suite == nil, !tag.isAlpine else {
                return nil
            }
            return catalogInfo(
                "busybox", tag.flags.first ?? "default", os: .busybox, .none,
                tools: ToolSets.merge(ToolSets.alpine, absent: ["apk"]), busybox: true,
                basis: "busybox official image: a single busybox binary built with its default configuration "
                    + "(sh, wget, nc and ps applets); no package manager, no curl or bash"
            )
        }),
        ("amazonlinux", CatalogFamily { tag, _ in
            guard tag.flags.isEmpty, tag.suite == nil, !tag.isAlpine else { return nil }
            // amazonlinux:2 uses yum; 2023 (also `latest`) uses dnf.
            let isAL2 = tag.major == 2
            guard tag.version == nil || isAL2 || tag.major == 2023 else { return nil }
            return catalogInfo(
                "amazonlinux", isAL2 ? "2" : "2023", os: .amazonLinux, isAL2 ? .yum : .dnf,
                tools: ToolSets.merge(ToolSets.empty, present: ["sh", "bash"], absent: [ToolNames.healthProbe]),
                basis: "amazonlinux official image: the minimal Amazon Linux container root with bash and "
                    + "yum (AL2) or dnf (AL2023); other tools vary by build and stay unknown"
            )
        }),
    ]

    static let debianBasis = "debian official image: debootstrap minbase (Essential/Required packages and apt)"
    static let alpineBasis = "alpine official image: musl, apk-tools and busybox (sh, wget, nc, ps applets)"

    /// `gcr.io/distroless/<name>[-debianNN]:<latest|nonroot|debug|debug-nonroot>`.
    /// Basis: GoogleContainerTools/distroless image definitions. Non-debug images hold no
    /// shell and no tools beyond their runtime; `:debug` adds a busybox shell; `nonroot`
    /// runs as `nonroot` (uid 65532).
    static let distroless = CatalogFamily { tag, name in
        guard tag.version == nil, !tag.versionIsVariable, tag.suite == nil, !tag.isAlpine,
              tag.onlyFlags(["nonroot", "debug"]) else { return nil }
        let parts = name.split(separator: "-").map(String.init)
        guard let runtime = parts.first else { return nil }
        var debian: Int?
        if parts.count >= 2, parts[parts.count - 1].hasPrefix("debian") {
            debian = Int(parts[parts.count - 1].dropFirst(6))
            guard debian != nil else { return nil }
        }
        let known = ["static", "base", "cc", "python3", "java", "java-base"]
        let isNode = runtime.hasPrefix("nodejs")
        let isJava = runtime.hasPrefix("java")
        guard known.contains(runtime) || isNode || isJava || name.hasPrefix("base-nossl") else { return nil }

        let isDebug = tag.has("debug")
        let isNonroot = tag.has("nonroot")
        var tools: [String: ToolPresence] = [:]
        if isDebug {
            tools = ["sh": .present, "wget": .present, "nc": .unknown, "ps": .unknown]
        }
        var python: String?
        var sitePackages: [String] = []
        if runtime == "python3" {
            tools["python3"] = .present
            tools["python"] = .unknown
            // Debian's Python: 3.9 in bullseye (11), 3.11 in bookworm (12).
            switch debian {
            case 11: python = "3.9"
            case 12: python = "3.11"
            default: python = nil
            }
            sitePackages = ["/usr/local/lib/python\(python ?? "3.*")/dist-packages", "/usr/lib/python3/dist-packages"]
        }
        if isNode { tools["node"] = .unknown }  // lives at /nodejs/bin/node, the entrypoint
        if isJava { tools["java"] = .unknown }
        for tool in ["python3", "python", "node", "java", "sh", "wget", "nc", "ps"] where tools[tool] == nil {
            tools[tool] = .absent
        }
        let variant = [isDebug ? "debug" : nil, isNonroot ? "nonroot" : nil].compactMap { $0 }.joined(separator: "-")
        return catalogInfo(
            "gcr.io/distroless/" + name, variant.isEmpty ? "default" : variant, os: .distroless, .none,
            tools: tools, unlisted: isDebug ? .unknown : .absent, busybox: isDebug,
            user: isNonroot ? "nonroot" : "root", uid: isNonroot ? 65532 : nil,
            python: python, sitePackages: sitePackages,
            basis: "GoogleContainerTools/distroless: runtime files only, no shell or package manager"
                + (isDebug ? "; the debug tag adds busybox at /busybox" : "")
        )
    }
}
