import Foundation
import GreenlightCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a deployment's journal goes, and writing it so that it is always whole.
public enum JournalWriter {
    /// `deployments/2026-11-21-<runbook name slug>-<id>.md`: the runbook's journal
    /// directory, then the day the deployment started in `timeZone`, the slug of the
    /// runbook's name and the deployment's id. Relative to the runbook's directory (as
    /// `DeploymentRecord.journalPath`), or absolute when the journal directory is.
    public static func relativePath(runbook: Runbook, deployment: DeploymentRecord, timeZone: TimeZone) -> String {
        let day = JournalClock(timeZone: timeZone).day(deployment.startedAt)
        let id = slug(deployment.id, fallback: "unknown")
        let file = "\(day)-\(slug(runbook.name))-\(id).md"
        var folder = runbook.journalDirectory
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        if folder.isEmpty || folder == "." { return file }
        return folder.hasSuffix("/") ? folder + file : folder + "/" + file
    }

    /// A runbook name as a file name part: lowercase ASCII letters and digits, accents
    /// dropped, every other run of characters one `-` ("Production deploy!" →
    /// `production-deploy`), at most 60 characters; `fallback` when nothing is left.
    public static func slug(_ name: String, fallback: String = "deployment") -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var result = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.isEmpty, !result.hasSuffix("-") {
                result.append("-")
            }
        }
        result = String(result.lowercased().prefix(60))
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? fallback : result
    }

    /// Writes atomically (temp file in the same folder + rename), creating folders, so a
    /// reader or a killed process never sees half a journal. The new text is flushed to
    /// disk before it replaces the old; on any failure the old file is left as it was and
    /// the temporary file is removed.
    public static func write(_ text: String, to path: String) throws(JournalError) {
        let (folder, file) = split(path)
        guard !file.isEmpty, file != ".", file != ".." else {
            throw JournalError(path: path, action: "the path names a folder, not a file", code: EISDIR)
        }
        try makeFolder(folder, for: path)
        let (temporary, descriptor) = try createTemporary(in: folder, for: file, path: path)
        var failure: JournalError?
        if let code = writeAll(descriptor, Array(text.utf8)) {
            failure = JournalError(path: path, action: "cannot write \(temporary)", code: code)
        } else if fsync(descriptor) != 0, errno != EINVAL, errno != ENOTSUP {
            failure = JournalError(path: path, action: "cannot flush \(temporary) to disk", code: errno)
        }
        if close(descriptor) != 0, failure == nil {
            failure = JournalError(path: path, action: "cannot write \(temporary)", code: errno)
        }
        if failure == nil, rename(temporary, path) != 0 {
            failure = JournalError(path: path, action: "cannot replace it with \(temporary)", code: errno)
        }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// The folder (`.` when none) and the file name of `path`.
    static func split(_ path: String) -> (folder: String, file: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        var folder = String(path[..<slash])
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    /// Creates `folder` and its missing parents.
    private static func makeFolder(_ folder: String, for path: String) throws(JournalError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            if isFolder.boolValue { return }
            throw JournalError(path: path, action: "cannot create folder \(folder), a file has that name", code: ENOTDIR)
        }
        let parent = split(folder).folder
        if parent != folder { try makeFolder(parent, for: path) }
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw JournalError(path: path, action: "cannot create folder \(folder)", code: errno)
        }
    }

    /// A new hidden file next to the journal, so the rename never crosses file systems.
    private static func createTemporary(in folder: String, for file: String, path: String) throws(JournalError) -> (String, Int32) {
        var code: Int32 = EEXIST
        for _ in 0..<8 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let temporary = (folder == "/" ? "/" : folder + "/") + ".\(file).\(suffix).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 { return (temporary, descriptor) }
            code = errno
            if code != EEXIST { break }
        }
        throw JournalError(path: path, action: "cannot create a temporary file in \(folder)", code: code)
    }
}

/// Writes every byte, retrying short writes and interruptions; the errno on failure.
private func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = bytes.withUnsafeBytes { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            return write(descriptor, base + offset, buffer.count - offset)
        }
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        if written == 0 { return EIO }
        offset += written
    }
    return nil
}
