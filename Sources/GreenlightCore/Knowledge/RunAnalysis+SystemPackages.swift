/// apt-get, apk, dnf/yum/microdnf, dpkg and rpm.
extension RunAnalysis {
    mutating func aptGet(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["o", "t", "c"], long: ["option", "target-release", "config-file"])
        guard let verb = parsed.positionals.first?.text else { return }
        let names = parsed.positionals.dropFirst()
        switch verb {
        case "install", "reinstall":
            // --download-only and --simulate install nothing.
            if parsed.has("d", "download-only", "s", "simulate", "dry-run", "just-print", "no-act") { return }
            for name in names {
                if name.text.hasSuffix(".deb") {
                    installLocalPackage(name, ecosystem: .apt)
                } else {
                    installPackage(name, ecosystem: .apt)
                }
            }
        case "remove", "purge", "autoremove":
            for name in names { removePackage(name.text, ecosystems: [.apt]) }
        case "source", "download":
            effects.possiblyWrittenPaths.append(cwd)
        default:
            break  // update, upgrade, dist-upgrade, clean, autoclean, build-dep, check
        }
    }

    mutating func apk(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["t", "X", "p", "Q"],
                                    long: ["virtual", "repository", "root", "keys-dir", "arch", "repositories-file",
                                           "cache-dir", "timeout"])
        guard let verb = parsed.positionals.first?.text else { return }
        let names = parsed.positionals.dropFirst()
        switch verb {
        case "add":
            if parsed.has("s", "simulate") { return }
            let virtual = parsed.value("t", "virtual")?.text
            for name in names {
                if name.text.hasSuffix(".apk") {
                    installLocalPackage(name, ecosystem: .apk)
                } else {
                    installPackage(name, ecosystem: .apk, virtualGroup: virtual)
                }
            }
        case "del", "delete":
            for name in names { removePackage(name.text, ecosystems: [.apk]) }
        default:
            break  // update, upgrade, cache, info, search, fix, --print-arch
        }
    }

    mutating func rpmManager(_ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, short: ["c", "d", "e", "x"],
                                    long: ["setopt", "enablerepo", "disablerepo", "installroot", "releasever", "exclude",
                                           "repo", "repofrompath", "config"])
        guard let verb = parsed.positionals.first?.text else { return }
        let names = parsed.positionals.dropFirst()
        switch verb {
        case "install", "reinstall":
            if parsed.has("downloadonly") { return }
            for name in names {
                if name.text.hasSuffix(".rpm") || name.text.contains("://") || name.text.hasPrefix("@") {
                    installLocalPackage(name, ecosystem: .rpm)
                } else {
                    installPackage(name, ecosystem: .rpm)
                }
            }
        case "groupinstall":
            effects.mayProvideUnknownBinaries = true
        case "group", "module":
            if names.first?.text == "install" { effects.mayProvideUnknownBinaries = true }
        case "remove", "erase", "autoremove":
            for name in names { removePackage(name.text, ecosystems: [.rpm]) }
        default:
            break  // clean, makecache, update, upgrade, config-manager
        }
    }

    /// `dpkg -i file.deb`, `rpm -i/-U file.rpm`.
    mutating func localPackage(_ name: String, _ rest: ArraySlice<ShellArgument>) {
        let parsed = CommandOptions(rest, long: ["root", "admindir", "instdir"])
        let installs = name == "dpkg"
            ? parsed.has("i", "install")
            : parsed.has("i", "U", "F", "install", "upgrade", "freshen")
        guard installs else { return }
        for file in parsed.positionals {
            installLocalPackage(file, ecosystem: name == "dpkg" ? .apt : .rpm)
        }
    }

    /// Records an installed package; package names holding unexpanded variables are
    /// unknown packages.
    mutating func installPackage(_ argument: ShellArgument, ecosystem: PackageEcosystem, virtualGroup: String? = nil) {
        var package = InstalledPackage(ecosystem: ecosystem, spec: argument.text, virtualGroup: virtualGroup)
        if !argument.resolved { package.executables = nil }
        installed.append(package)
    }

    /// A package file (`./pkg.deb`, `/tmp/x.rpm`, a URL): its contents are unknown.
    mutating func installLocalPackage(_ argument: ShellArgument, ecosystem: PackageEcosystem) {
        let base = PathUtilities.basename(argument.text)
        let name = String(base.prefix { $0 != "_" && $0 != "." })
        var package = InstalledPackage(ecosystem: ecosystem, spec: name.isEmpty ? base : name)
        package.executables = nil
        installed.append(package)
    }

    /// Removes packages by name or, for apk, by `--virtual` group.
    mutating func removePackage(_ name: String, ecosystems: Set<PackageEcosystem>) {
        guard let ecosystem = ecosystems.first else { return }
        let normalized = PackageBinaries.normalizedName(name, in: ecosystem)
        let matches = installed.filter {
            ecosystems.contains($0.ecosystem) && ($0.name == normalized || $0.virtualGroup == name)
        }
        if matches.isEmpty {
            effects.removedPackages.append(InstalledPackage(ecosystem: ecosystem, spec: name))
        } else {
            effects.removedPackages += matches
            installed.removeAll {
                ecosystems.contains($0.ecosystem) && ($0.name == normalized || $0.virtualGroup == name)
            }
        }
    }
}
