/// One Python dependency as declared in a requirements file, a pyproject.toml
/// or a Pipfile-like table: which distribution, which versions, under which
/// environment markers, and where it was declared.
public struct PythonRequirement: Hashable, Sendable {
    /// The distribution name as written (`Flask`, `python_dateutil`).
    public var name: String
    /// PEP 503 form used to compare names: lowercase, runs of `-_.` become `-`.
    public var normalizedName: String
    public var extras: [String]
    /// Version constraints without spaces (`>=1,<2`); Poetry constraints are kept
    /// in Poetry syntax (`^2.31`). Empty when any version is accepted.
    public var specifier: String
    /// The exact version when the specifier pins one (`==1.2.3`, `===1.2.3`,
    /// or a bare Poetry version).
    public var pinnedVersion: String?
    /// PEP 508 environment marker (`python_version < "3.11"`).
    public var marker: String?
    /// Direct reference: URL, VCS URL or local path (`name @ https://...`,
    /// `-e git+https://...#egg=name`, Poetry `git`/`path`/`url`).
    public var url: String?
    /// Installed in development mode (`-e`, Poetry `develop = true`).
    public var isEditable: Bool
    /// `--hash` values (`sha256:...`).
    public var hashes: [String]
    public var location: SourceLocation

    public init(
        name: String,
        extras: [String] = [],
        specifier: String = "",
        pinnedVersion: String? = nil,
        marker: String? = nil,
        url: String? = nil,
        isEditable: Bool = false,
        hashes: [String] = [],
        location: SourceLocation
    ) {
        self.name = name
        self.normalizedName = PythonRequirement.normalize(name)
        self.extras = extras
        self.specifier = specifier
        self.pinnedVersion = pinnedVersion
        self.marker = marker
        self.url = url
        self.isEditable = isEditable
        self.hashes = hashes
        self.location = location
    }

    /// PEP 503 name normalisation: `Django_REST.framework` → `django-rest-framework`.
    public static func normalize(_ name: String) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(name.utf8.count)
        var inSeparatorRun = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") {
                if !inSeparatorRun { result.append(UInt8(ascii: "-")) }
                inSeparatorRun = true
                continue
            }
            inSeparatorRun = false
            result.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: result, as: UTF8.self)
    }
}
