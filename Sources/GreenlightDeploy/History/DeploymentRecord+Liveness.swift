import Foundation

extension DeploymentRecord {
    /// Whether this is a `running` deployment whose process, on this machine, is gone
    /// (killed, or the machine restarted): it will not finish by itself and can be
    /// resumed. A deployment recorded on another machine is never called interrupted,
    /// since its process cannot be seen from here.
    public var isInterrupted: Bool {
        isInterrupted(currentHost: LocalProcess.hostName, processExists: LocalProcess.exists)
    }

    /// `isInterrupted` as seen from `currentHost`, with `processExists` telling whether
    /// a process id is alive there.
    public func isInterrupted(currentHost: String, processExists: (Int32) -> Bool) -> Bool {
        status == .running && host == currentHost && !processExists(pid)
    }

    /// The status as `greenlight history` shows it: `interrupted` for an interrupted
    /// deployment, else the status (`succeeded`, `rolled-back`…).
    public var outcome: String { isInterrupted ? "interrupted" : status.rawValue }
}

/// This machine and its processes, as deployments record them (`host`, `pid`).
public enum LocalProcess {
    /// The host name from `gethostname`, which `DeploymentRecord.host` is compared with.
    public static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether a process with this id exists (it may belong to another user).
    public static func exists(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
