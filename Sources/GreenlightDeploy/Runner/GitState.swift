import Foundation
import GreenlightVerify

/// What git says about the deployed tree: commit, branch, uncommitted changes, and the
/// commits shipped since the last successful deployment (for lead time).
public struct GitState: Sendable, Hashable {
    public var commit: String?
    public var branch: String?
    public var dirty: Bool
    public var commitTime: Date?
    /// `git config user.email`, to name who deployed.
    public var userEmail: String?

    public init(commit: String? = nil, branch: String? = nil, dirty: Bool = false, commitTime: Date? = nil, userEmail: String? = nil) {
        self.commit = commit
        self.branch = branch
        self.dirty = dirty
        self.commitTime = commitTime
        self.userEmail = userEmail
    }

    /// Reads the repository holding `directory`; empty when it is not in one or git is missing.
    public static func read(in directory: String) async -> GitState {
        let email = await git(["config", "user.email"], in: directory)?.first
        guard let head = await git(["rev-parse", "HEAD"], in: directory)?.first else { return GitState(userEmail: email) }
        let branch = await git(["rev-parse", "--abbrev-ref", "HEAD"], in: directory)?.first
        let status = await git(["status", "--porcelain", "--untracked-files=no"], in: directory) ?? []
        let time = await git(["log", "-1", "--format=%ct", head], in: directory)?.first.flatMap(TimeInterval.init)
        return GitState(commit: head, branch: branch == "HEAD" ? nil : branch, dirty: !status.isEmpty,
                        commitTime: time.map(Date.init(timeIntervalSince1970:)), userEmail: email)
    }

    /// The commits in `previous..commit` (newest first, at most `limit`), or just `commit`
    /// when there is no previous deployment or git cannot relate the two.
    public static func commits(since previous: String?, upTo commit: String, in directory: String,
                               limit: Int = 1000) async -> [(sha: String, time: Date)] {
        var arguments = ["log", "--format=%H %ct", "-n", String(limit)]
        if let previous, previous != commit {
            arguments.append("\(previous)..\(commit)")
        } else {
            arguments += ["-1", commit]
        }
        let lines = await git(arguments, in: directory) ?? []
        var result: [(sha: String, time: Date)] = []
        for line in lines {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let seconds = TimeInterval(parts[1]) else { continue }
            result.append((String(parts[0]), Date(timeIntervalSince1970: seconds)))
        }
        if result.isEmpty, previous != nil {
            return await commits(since: nil, upTo: commit, in: directory, limit: limit)
        }
        return result
    }

    /// git's output lines, or nil when git failed.
    private static func git(_ arguments: [String], in directory: String) async -> [String]? {
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_TERMINAL_PROMPT"] = "0"
        guard let result = try? await ShellProcess.run(["git", "-C", directory] + arguments, environment: environment,
                                                       timeout: .seconds(20)),
              result.succeeded else { return nil }
        return result.output.split(separator: "\n").map { String($0).trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
