/// Whether an executable is on the `PATH` of an image. `unknown` keeps rules silent:
/// Greenlight only reports a missing tool when the catalog says `absent`.
public enum ToolPresence: String, Sendable, Hashable, CaseIterable {
    case present
    case absent
    case unknown
}

/// The distribution an image is built on, which decides its package manager and the
/// tools a shell one-liner can count on.
public enum ImageOSFamily: String, Sendable, Hashable, CaseIterable {
    case debian
    case ubuntu
    case alpine
    case amazonLinux
    case oracleLinux
    case busybox
    /// Google distroless or Ubuntu chiseled: a few files from a distro, no shell.
    case distroless
    /// Nothing but what the image's own Dockerfile copies in.
    case scratch
}

/// The system package manager available in an image.
public enum SystemPackageManager: String, Sendable, Hashable, CaseIterable {
    case apt
    case apk
    case dnf
    case microdnf
    case yum
    case none
}

/// What Greenlight knows about a base image without pulling it: which tools are there,
/// which package manager, which user the container starts as, where Python packages live.
public struct BaseImageInfo: Sendable, Hashable {
    /// The image family the lookup matched, e.g. `python`, `node`, `gcr.io/distroless/base`.
    public var family: String
    /// The variant inside the family, e.g. `slim`, `alpine`, `full`, `debug-nonroot`.
    public var variant: String
    public var os: ImageOSFamily
    public var packageManager: SystemPackageManager
    /// Tools whose presence is known. Use `presence(of:)`, which applies `unlistedTools`.
    public var tools: [String: ToolPresence]
    /// The answer for tools not in `tools`: `absent` for scratch and distroless images
    /// (nothing is there that is not listed), `unknown` everywhere else.
    public var unlistedTools: ToolPresence
    /// Tools provided as busybox applets (`wget`, `nc`, `sh`). Busybox `wget` lacks
    /// GNU-only options such as `--retry-connrefused` and `--no-verbose`.
    public var busyboxApplets: Set<String>
    /// The user the container runs as when no `USER` is set: `root`, `nonroot`, `haproxy`…
    public var defaultUser: String
    /// The numeric id of `defaultUser` when it is not root and the id is fixed.
    public var defaultUID: Int?
    /// Other accounts the image creates that a Dockerfile can switch to (e.g. `node`).
    public var existingUsers: [String]
    /// `major.minor` of the image's Python when the tag fixes it (`3.12`).
    public var pythonVersion: String?
    /// Directories the image's Python imports installed packages from. An entry may hold
    /// `*` in place of the minor version when the tag does not fix it.
    public var sitePackagesPaths: [String]
    /// Whether `/bin/sh` exists, so shell-form `CMD`, `RUN` and `CMD-SHELL` health checks work.
    public var hasShell: Bool
    /// Where these facts come from (the official image's Dockerfile, the distro's package set).
    public var basis: String

    public init(
        family: String,
        variant: String,
        os: ImageOSFamily,
        packageManager: SystemPackageManager,
        tools: [String: ToolPresence],
        unlistedTools: ToolPresence = .unknown,
        busyboxApplets: Set<String> = [],
        defaultUser: String = "root",
        defaultUID: Int? = nil,
        existingUsers: [String] = [],
        pythonVersion: String? = nil,
        sitePackagesPaths: [String] = [],
        hasShell: Bool,
        basis: String
    ) {
        self.family = family
        self.variant = variant
        self.os = os
        self.packageManager = packageManager
        self.tools = tools
        self.unlistedTools = unlistedTools
        self.busyboxApplets = busyboxApplets
        self.defaultUser = defaultUser
        self.defaultUID = defaultUID
        self.existingUsers = existingUsers
        self.pythonVersion = pythonVersion
        self.sitePackagesPaths = sitePackagesPaths
        self.hasShell = hasShell
        self.basis = basis
    }

    /// Whether `tool` (an executable name such as `curl`) is on the image's `PATH`.
    public func presence(of tool: String) -> ToolPresence {
        tools[tool] ?? unlistedTools
    }

    /// True when `tool` is provided by busybox rather than the full GNU/BSD program.
    public func isBusyboxApplet(_ tool: String) -> Bool {
        busyboxApplets.contains(tool)
    }
}
