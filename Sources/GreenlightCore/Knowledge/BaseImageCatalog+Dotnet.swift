/// Microsoft's .NET images: `mcr.microsoft.com/dotnet/{runtime-deps,runtime,aspnet,sdk}`.
extension BaseImageCatalog {
    /// Basis: dotnet/dotnet-docker Dockerfiles. runtime-deps installs only ca-certificates,
    /// tzdata and the native libraries .NET needs; runtime and aspnet copy the runtime in
    /// from an installer stage, so none of them has curl or wget. The sdk image adds curl,
    /// git and wget. Images from .NET 8 create an `app` user (uid 1654); chiseled images
    /// have no shell or package manager and run as `app`. Default tags are Debian for
    /// .NET 8 and 9 and Ubuntu 24.04 from .NET 10.
    static let dotnet = CatalogFamily { tag, name in
        let kinds = ["runtime-deps", "runtime", "aspnet", "sdk"]
        guard kinds.contains(name), !tag.versionIsVariable,
              tag.onlyFlags(["slim", "chiseled", "extra", "composite", "aot"]) else { return nil }
        let family = "mcr.microsoft.com/dotnet/" + name
        let isSDK = name == "sdk"
        let appUser = (tag.major ?? 8) >= 8 ? ["app"] : []
        let dotnetTool: [String] = name == "runtime-deps" ? [] : ["dotnet"]

        if tag.has("chiseled") {
            guard !isSDK, tag.suiteFamily == .ubuntu else { return nil }
            var tools: [String: ToolPresence] = ["sh": .absent, "bash": .absent, "curl": .absent, "wget": .absent]
            for tool in dotnetTool { tools[tool] = .present }
            return catalogInfo(family, "chiseled", os: .distroless, .none, tools: tools, unlisted: .absent,
                               user: "app", uid: 1654, users: ["app"],
                               basis: "dotnet chiseled image: Ubuntu chiseled slices without shell or package manager")
        }
        if tag.isAlpine {
            return catalogInfo(family, "alpine", os: .alpine, .apk,
                               tools: ToolSets.merge(ToolSets.alpine, present: dotnetTool,
                                                     unknown: isSDK ? ["curl", "git", "bash"] : ["curl"]),
                               busybox: true, users: appUser, basis: "dotnet alpine image: " + alpineBasis + " plus .NET")
        }
        let os: ImageOSFamily
        switch tag.suiteFamily {
        case .some(let family): os = family
        case .none:
            guard let major = tag.major else { return nil }
            os = major >= 10 ? .ubuntu : .debian
        }
        var tools = os == .debian ? ToolSets.debian : ToolSets.ubuntu
        tools = ToolSets.merge(tools, present: dotnetTool)
        if isSDK {
            tools = ToolSets.merge(tools, present: ["curl", "git", "wget"], unknown: ["ps", "nc"])
        }
        return catalogInfo(family, os == .debian ? "debian" : "ubuntu", os: os, .apt, tools: tools, users: appUser,
                           basis: "dotnet image: FROM \(os == .debian ? "debian:<suite>-slim" : "ubuntu") plus .NET native "
                            + "dependencies" + (isSDK ? "; sdk adds curl, git and wget" : "; no curl or wget"))
    }
}
