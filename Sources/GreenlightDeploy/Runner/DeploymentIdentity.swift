import Crypto
import Foundation

/// Ids, the person deploying, the host, and the runbook's fingerprint.
enum DeploymentIdentity {
    /// 8 lowercase hex digits from the system's random source.
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt32
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// `GREENLIGHT_ACTOR`, else git's user.email, else `USER`, else "unknown".
    static func actor(environment: [String: String], gitEmail: String?) -> String {
        if let actor = environment["GREENLIGHT_ACTOR"], !actor.isEmpty { return actor }
        if let gitEmail, !gitEmail.isEmpty { return gitEmail }
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        return "unknown"
    }

    static var host: String { LocalProcess.hostName }

    /// SHA-256 of the runbook file, to notice it changed between start and resume.
    static func digest(of bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `record`'s process is alive: only answerable on the same host.
    static func processAlive(host: String, pid: Int32) -> Bool? {
        guard host == Self.host else { return nil }
        if pid == getpid() { return false }
        return LocalProcess.exists(pid)
    }
}
