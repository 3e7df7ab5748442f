import Foundation

/// Processes a deployment's steps started that still run: every step runs with
/// `GREENLIGHT_DEPLOYMENT_ID` in its environment, so after the deploying process was
/// killed, what its step left running can be found by that variable (Linux `/proc`).
struct LeftoverProcess: Sendable, Hashable {
    var pid: Int32
    var processGroup: Int32
    var command: String
}

enum LeftoverProcesses {
    /// Live processes of this user whose environment names `deploymentID`, except this
    /// process and its own children. Empty where `/proc` is not available.
    static func find(deploymentID: String, procRoot: String = "/proc") -> [LeftoverProcess] {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: procRoot) else { return [] }
        let marker = Array("GREENLIGHT_DEPLOYMENT_ID=\(deploymentID)".utf8)
        let own = getpid()
        var found: [LeftoverProcess] = []
        for entry in entries {
            guard let pid = Int32(entry), pid != own,
                  let environment = FileManager.default.contents(atPath: "\(procRoot)/\(entry)/environ"),
                  [UInt8](environment).split(separator: 0).contains(where: { $0.elementsEqual(marker) }),
                  let stat = stat(procRoot: procRoot, pid: entry), stat.parent != own else { continue }
            let commandLine = FileManager.default.contents(atPath: "\(procRoot)/\(entry)/cmdline").map {
                [UInt8]($0).split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            } ?? ""
            found.append(LeftoverProcess(pid: pid, processGroup: stat.group, command: commandLine))
        }
        return found.sorted { $0.pid < $1.pid }
    }

    /// The parent and process group from `/proc/PID/stat` (fields 4 and 5: state, parent,
    /// group follow the command name in parentheses, which may itself hold spaces and
    /// parentheses).
    private static func stat(procRoot: String, pid: String) -> (parent: Int32, group: Int32)? {
        guard let data = FileManager.default.contents(atPath: "\(procRoot)/\(pid)/stat") else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let parent = Int32(fields[1]), let group = Int32(fields[2]) else { return nil }
        return (parent, group)
    }

    /// "kill -- -4242 -4250", the command that stops them.
    static func stopCommand(_ processes: [LeftoverProcess]) -> String {
        let groups = Array(Set(processes.map(\.processGroup))).sorted()
        return "kill -- " + groups.map { "-\($0)" }.joined(separator: " ")
    }
}
