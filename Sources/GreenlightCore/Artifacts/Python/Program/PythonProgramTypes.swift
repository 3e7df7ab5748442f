/// A module the caller located for the walker: the file Python would load for
/// an absolute dotted name on the image's `sys.path`.
public struct PythonResolvedModule: Sendable {
    /// The absolute dotted module name.
    public var name: String
    /// The file's text; nil for a namespace package (a directory without `__init__.py`).
    public var source: SourceText?
    /// True when the file is a package's `__init__.py` (or a namespace package).
    public var isPackage: Bool

    public init(name: String, source: SourceText?, isPackage: Bool) {
        self.name = name
        self.source = source
        self.isPackage = isPackage
    }
}

/// An import of code that is not part of the program and not in the standard library.
public struct PythonThirdPartyImport: Hashable, Sendable {
    /// The first component of the module (`yaml`, `google`).
    public var topLevel: String
    /// The most specific dotted name known to be imported, the key for
    /// `PythonDistributions` (`google.cloud.storage` for `from google.cloud import storage`).
    public var module: String
    /// The module whose code contains the import.
    public var importer: String
    public var isConditional: Bool
    public var location: SourceLocation

    public init(topLevel: String, module: String, importer: String, isConditional: Bool, location: SourceLocation) {
        self.topLevel = topLevel
        self.module = module
        self.importer = importer
        self.isConditional = isConditional
        self.location = location
    }
}

/// An import of a generated protobuf module, and whether the program contains it.
public struct PythonPb2Reference: Hashable, Sendable {
    /// The absolute module name Python will look for.
    public var module: String
    public var isResolved: Bool
    public var importer: String
    public var isConditional: Bool
    public var location: SourceLocation

    public init(module: String, isResolved: Bool, importer: String, isConditional: Bool, location: SourceLocation) {
        self.module = module
        self.isResolved = isResolved
        self.importer = importer
        self.isConditional = isConditional
        self.location = location
    }
}

/// An import that points into the program's own code but finds nothing there:
/// a relative import that does not resolve, or a missing submodule of a local package.
public struct PythonUnresolvedImport: Hashable, Sendable {
    /// The absolute name looked for, or the import as written (with dots) when
    /// it climbs above the top-level package.
    public var module: String
    public var importer: String
    public var isConditional: Bool
    public var location: SourceLocation

    public init(module: String, importer: String, isConditional: Bool, location: SourceLocation) {
        self.module = module
        self.importer = importer
        self.isConditional = isConditional
        self.location = location
    }
}
