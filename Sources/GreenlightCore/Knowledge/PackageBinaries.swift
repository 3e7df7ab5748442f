/// Where a package comes from: the distro package managers, pip and npm.
public enum PackageEcosystem: String, Sendable, Hashable, CaseIterable {
    case apt
    case apk
    /// dnf, yum and microdnf share RPM package names.
    case rpm
    case pip
    /// Global npm installs (`npm install -g`), whose `bin` entries land on the PATH.
    case npm
}

/// Which executables a package puts on the `PATH`, so that `apt-get install -y
/// netcat-openbsd` tells Greenlight that `nc` exists afterwards.
///
/// The tables list the executables people call from health checks, entrypoints and build
/// steps; they are not full file lists. `nil` means the package is not in the table,
/// which callers must treat as "may provide anything".
public enum PackageBinaries {
    /// The executables `package` provides, `[]` for packages known to provide none
    /// (`ca-certificates`, `grpcio-health-checking`), nil when the package is not known.
    /// The name may carry a version pin or extras (`curl=7.88*`, `uvicorn[standard]>=0.29`).
    public static func executables(of package: String, in ecosystem: PackageEcosystem) -> [String]? {
        let name = normalizedName(package, in: ecosystem)
        switch ecosystem {
        case .apt: return aptTable[name]
        case .apk: return apkTable[name]
        case .rpm: return rpmTable[name]
        case .pip: return pipTable[name]
        case .npm: return npmTable[name]
        }
    }

    /// Known packages of `ecosystem` that provide `executable`, sorted: the fix to suggest
    /// when a tool is missing (`nc` → `netcat-openbsd`, `netcat-traditional`…).
    public static func packages(providing executable: String, in ecosystem: PackageEcosystem) -> [String] {
        table(for: ecosystem).filter { $0.value.contains(executable) }.map(\.key).sorted()
    }

    /// The ecosystem a system package manager installs from; nil for `.none`.
    public static func ecosystem(for manager: SystemPackageManager) -> PackageEcosystem? {
        switch manager {
        case .apt: .apt
        case .apk: .apk
        case .dnf, .microdnf, .yum: .rpm
        case .none: nil
        }
    }

    /// The package name without version pin, architecture or extras, in the form the
    /// tables use: pip names are PEP 503 normalised (`Flask_SQLAlchemy` → `flask-sqlalchemy`),
    /// npm names keep their scope and drop `@version`.
    public static func normalizedName(_ package: String, in ecosystem: PackageEcosystem) -> String {
        switch ecosystem {
        case .apt:
            // curl=7.88.1-10, libc6:amd64
            return String(package.prefix { $0 != "=" && $0 != ":" }).lowercased()
        case .apk:
            // curl=8.5.0-r0, curl>8, curl~8
            return String(package.prefix { !"=<>~".contains($0) }).lowercased()
        case .rpm:
            // nmap-ncat-7.92, curl-minimal are whole names; only strip explicit comparisons.
            return String(package.prefix { !"<>= ".contains($0) }).lowercased()
        case .pip:
            return pep503(String(package.prefix { !"[<>=!~;@ (".contains($0) }))
        case .npm:
            let scoped = package.hasPrefix("@")
            let body = scoped ? String(package.dropFirst()) : package
            let name = body.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? body
            return (scoped ? "@" : "") + name.lowercased()
        }
    }

    /// PEP 503: lowercase, runs of `-`, `_`, `.` become one `-`.
    public static func pep503(_ name: String) -> String {
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var lastWasSeparator = false
        for scalar in name.unicodeScalars {
            if scalar == "-" || scalar == "_" || scalar == "." {
                if !lastWasSeparator { result.append("-") }
                lastWasSeparator = true
            } else {
                result.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                lastWasSeparator = false
            }
        }
        return result
    }

    private static func table(for ecosystem: PackageEcosystem) -> [String: [String]] {
        switch ecosystem {
        case .apt: aptTable
        case .apk: apkTable
        case .rpm: rpmTable
        case .pip: pipTable
        case .npm: npmTable
        }
    }
}
