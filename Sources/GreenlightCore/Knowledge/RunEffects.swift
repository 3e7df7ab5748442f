/// A package a RUN step installs, with the executables it is known to provide.
public struct InstalledPackage: Sendable, Hashable {
    public var ecosystem: PackageEcosystem
    /// The name as written, version pin included (`curl=7.88.*`, `uvicorn[standard]>=0.29`).
    public var spec: String
    /// The name the tables use (`curl`, `uvicorn`).
    public var name: String
    /// `apk add --virtual <name>` group it belongs to, so `apk del <name>` removes it.
    public var virtualGroup: String?
    /// Executables on the PATH after installing it; nil when the package is not in the tables.
    public var executables: [String]?

    public init(ecosystem: PackageEcosystem, spec: String, virtualGroup: String? = nil) {
        self.ecosystem = ecosystem
        self.spec = spec
        self.name = PackageBinaries.normalizedName(spec, in: ecosystem)
        self.virtualGroup = virtualGroup
        self.executables = PackageBinaries.executables(of: spec, in: ecosystem)
    }
}

/// Installing the Python project itself (`pip install .`, `pip install -e .`, `poetry
/// install`, `uv sync`, `pipenv install`, `python setup.py install`).
public struct PythonProjectInstall: Sendable, Hashable {
    /// `pip`, `uv pip`, `poetry`, `uv`, `pipenv`, `pdm`, `setup.py`.
    public var tool: String
    /// Absolute directory of the project (the one holding pyproject.toml / setup.py).
    public var directory: String
    public var editable: Bool
    /// False for `poetry install --no-root` and the like: only dependencies are installed.
    public var installsProject: Bool
}

/// A file fetched over the network: `curl -o dest URL`, `wget -O dest URL`.
public struct Download: Sendable, Hashable {
    public var url: String
    /// Absolute destination, nil when written to stdout (piped) or not determinable.
    public var destination: String?
}

/// `cp`, `mv` or `install`: sources and destination resolved against the working directory.
public struct FileTransfer: Sendable, Hashable {
    public var sources: [String]
    public var destination: String
    public var isMove: Bool
}

/// `ln -s target link`.
public struct SymbolicLink: Sendable, Hashable {
    /// The link target as written (relative targets stay relative to the link's directory).
    public var target: String
    /// Absolute path of the link itself.
    public var link: String
}

/// `git clone URL dest`, `tar -x -C dir`, `unzip -d dir`.
public struct ArchiveExtraction: Sendable, Hashable {
    /// The archive path or URL (`-` for standard input).
    public var source: String
    /// Absolute directory written into.
    public var destination: String
}

/// `useradd`, `adduser`, `groupadd`, `addgroup`.
public struct AccountCreation: Sendable, Hashable {
    public var name: String
    public var uid: Int?
    public var isGroup: Bool
    public var home: String?
}

/// `chown owner[:group] paths` or `chmod mode paths`.
public struct PermissionChange: Sendable, Hashable {
    /// The owner (`app:app`) or mode (`+x`, `755`) as written.
    public var value: String
    public var paths: [String]
    public var recursive: Bool
}

/// What a RUN instruction (or a build script) does, as far as a static reading can tell.
/// Lists keep the order of the commands.
public struct RunEffects: Sendable, Hashable {
    /// Packages installed and not removed later in the same step.
    public var packages: [InstalledPackage] = []
    /// Packages named by `apt-get purge/remove`, `apk del` (virtual groups expanded), `pip uninstall`.
    public var removedPackages: [InstalledPackage] = []
    /// Executables put on the PATH: from known packages, downloads or links into
    /// `/bin`, `/usr/bin`, `/usr/local/bin`, `/usr/sbin`, `/usr/local/sbin`, `/sbin`.
    public var providedBinaries: [String] = []
    /// Something may have added executables nobody can name statically: an unknown
    /// package, a piped installer (`curl … | sh`), an archive unpacked into a PATH
    /// directory, a script or an unrecognised command.
    public var mayProvideUnknownBinaries = false
    /// Absolute paths of `pip install -r` files (as written when they hold unexpanded variables).
    public var requirementFiles: [String] = []
    /// Absolute paths of `pip install -c` files.
    public var constraintFiles: [String] = []
    public var localProjectInstalls: [PythonProjectInstall] = []
    /// Directories where `npm ci`, `npm install`, `yarn`, `pnpm install` or `bun install` ran.
    public var nodeDependencyDirectories: [String] = []
    /// `python -m venv DIR` / `uv venv DIR` / `virtualenv DIR` targets.
    public var virtualEnvironments: [String] = []
    public var downloads: [Download] = []
    public var transfers: [FileTransfer] = []
    public var links: [SymbolicLink] = []
    public var createdDirectories: [String] = []
    public var extractions: [ArchiveExtraction] = []
    public var removedPaths: [String] = []
    public var accounts: [AccountCreation] = []
    public var ownershipChanges: [PermissionChange] = []
    public var permissionChanges: [PermissionChange] = []
    /// Code generator runs (`protoc`, `python -m grpc_tools.protoc`, `buf generate`).
    public var generators: [GeneratorInvocation] = []
    /// Absolute paths of scripts executed (`python gen.py`, `sh scripts/gen.sh`,
    /// `./gen_protos.sh`, the Makefile of `make proto`), so callers can read them for
    /// generator calls with `RunCommandAnalyzer.scriptCallsProtoc`.
    public var scriptsRun: [String] = []
    /// Some command may write files whose paths cannot be bounded statically.
    public var writesUnknownPaths = false
    /// Absolute files or directories that may exist or change after the step; includes
    /// the working directory whenever a command may write there (unknown commands,
    /// scripts, generators, builds, clones, extractions).
    public var possiblyWrittenPaths: [String] = []
    /// Command names not recognised (after wrappers like `sudo`, `env`, `gosu`).
    public var unrecognizedCommands: [String] = []
    /// Splitting problems (unbalanced quotes, unterminated here-documents), located.
    public var issues: [ParseIssue] = []

    public init() {}

    /// True when any `pip install .`-style install of the project itself ran.
    public var installsLocalProject: Bool { localProjectInstalls.contains { $0.installsProject } }
    /// True when node dependencies were installed.
    public var installsNodeDependencies: Bool { !nodeDependencyDirectories.isEmpty }
    /// True when `path` (absolute) lies inside a path the step may have written.
    public func mayHaveWritten(_ path: String) -> Bool {
        possiblyWrittenPaths.contains { PathUtilities.relative(path, to: $0) != nil }
    }
}
