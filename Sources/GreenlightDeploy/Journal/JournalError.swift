#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A journal that could not be written: which file, what was being done, and the
/// system's reason, on one line.
public struct JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The journal file that was being written.
    public var path: String
    /// What failed, e.g. "cannot create folder /srv/app/deployments".
    public var action: String
    /// The `errno` the system call set.
    public var code: Int32

    public init(path: String, action: String, code: Int32) {
        self.path = path
        self.action = action
        self.code = code
    }

    /// "cannot write journal deployments/x.md: cannot create folder deployments: Permission denied"
    public var description: String {
        "cannot write journal \(path): \(action): \(String(cString: strerror(code)))"
    }
}
