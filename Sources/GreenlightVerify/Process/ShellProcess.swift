import Foundation
import GreenlightCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a child process ended.
public struct ShellResult: Sendable, Hashable {
    /// The exit status, or nil when a signal ended it.
    public var exitStatus: Int32?
    /// The signal that ended it, if any.
    public var signal: Int32?
    /// Whether Greenlight ended it because it ran past its timeout.
    public var timedOut: Bool
    /// The last `outputLimit` bytes of standard output and error, interleaved as written.
    public var output: String
    public var duration: Duration

    public var succeeded: Bool { exitStatus == 0 && !timedOut }

    /// "exit status 3", "killed by signal 9", "timed out after 5s".
    public var summary: String {
        if timedOut { return "timed out after \(DurationText.format(duration))" }
        if let exitStatus { return "exit status \(exitStatus)" }
        if let signal { return "killed by signal \(signal)" }
        return "ended"
    }
}

/// Runs a command in its own process group, with a timeout that ends the whole group,
/// capturing (and optionally streaming) its output. Used by `command` and `deps` probes
/// and by deploy steps. Output from processes the command leaves running in the
/// background is not waited for: the run ends when the command itself exits.
public enum ShellProcess {
    /// Runs `/bin/sh -c command`.
    public static func shell(_ command: String, directory: String? = nil, environment: [String: String],
                             timeout: Duration?, outputLimit: Int = 64 * 1024,
                             onOutput: (@Sendable ([UInt8]) -> Void)? = nil) async throws -> ShellResult {
        try await run(["/bin/sh", "-c", command], directory: directory, environment: environment,
                      timeout: timeout, outputLimit: outputLimit, onOutput: onOutput)
    }

    /// Runs `arguments[0]` (a path, or a name looked up in PATH) with the rest as arguments.
    public static func run(_ arguments: [String], directory: String? = nil, environment: [String: String],
                           timeout: Duration?, outputLimit: Int = 64 * 1024,
                           onOutput: (@Sendable ([UInt8]) -> Void)? = nil) async throws -> ShellResult {
        let child = try SpawnedChild(arguments: arguments, directory: directory, environment: environment)
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = timeout.map { start + $0 }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<ShellResult, Never>) in
                let thread = Thread {
                    let (status, signal, output, timedOut) = child.collect(deadline: deadline, clock: clock,
                                                                             outputLimit: outputLimit, onOutput: onOutput)
                    continuation.resume(returning: ShellResult(
                        exitStatus: status, signal: signal, timedOut: timedOut,
                        output: String(decoding: output, as: UTF8.self), duration: clock.now - start))
                }
                thread.start()
            }
        } onCancel: {
            child.terminateGroup()
        }
    }
}

/// A spawned child with a pipe for its combined output.
private final class SpawnedChild: @unchecked Sendable {
    let pid: pid_t
    let readEnd: Int32
    private let lock = NSLock()
    private var cancelled = false

    init(arguments requested: [String], directory: String?, environment: [String: String]) throws {
        guard requested.first != nil else { throw ShellError.noCommand }
        var arguments = requested
        if let directory {
            guard FileManager.default.fileExists(atPath: directory) else { throw ShellError.directory(directory) }
            // posix_spawn has no portable chdir action: let a shell change directory, then exec.
            arguments = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + requested
        }
        let program = arguments[0]
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw ShellError.spawn(errno, program) }
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        posix_spawn_file_actions_addclose(&actions, fds[0])
        posix_spawn_file_actions_addclose(&actions, fds[1])
        // Nothing else of ours reaches the child: a descriptor it inherited (a database,
        // a parent's status pipe) would stay open in whatever it leaves running.
        SpawnCloseFrom.add(&actions, lowest: 3)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child: pid_t = 0
        let result: Int32
        if program.contains("/") {
            result = posix_spawn(&child, program, &actions, &attributes, argv, envp)
        } else {
            // posix_spawnp searches the PATH of *our* environment; search the child's.
            let resolved = Self.lookUp(program, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") ?? program
            result = posix_spawn(&child, resolved, &actions, &attributes, argv, envp)
        }
        close(fds[1])
        guard result == 0 else {
            close(fds[0])
            throw ShellError.spawn(result, program)
        }
        pid = child
        readEnd = fds[0]
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
    }

    static func lookUp(_ name: String, path: String) -> String? {
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// Ends the whole process group: SIGTERM, then SIGKILL a moment later.
    func terminateGroup() {
        lock.lock()
        cancelled = true
        lock.unlock()
        kill(-pid, SIGTERM)
        let pid = self.pid
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { kill(-pid, SIGKILL) }
    }

    /// Reads output until the child exits (or the deadline passes), then reaps it.
    func collect(deadline: ContinuousClock.Instant?, clock: ContinuousClock, outputLimit: Int,
                 onOutput: (@Sendable ([UInt8]) -> Void)?) -> (Int32?, Int32?, [UInt8], Bool) {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        var timedOut = false
        var status: Int32 = 0
        var exited = false
        var eof = false
        func drain() {
            while true {
                let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
                if count > 0 {
                    let chunk = Array(buffer[0..<count])
                    onOutput?(chunk)
                    output.append(contentsOf: chunk)
                    if output.count > outputLimit { output.removeFirst(output.count - outputLimit) }
                } else {
                    if count == 0 { eof = true }
                    return
                }
            }
        }
        while !exited {
            var descriptor = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
            if !eof { _ = poll(&descriptor, 1, 50) } else { usleep(20_000) }
            drain()
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { exited = true; break }
            if reaped < 0, errno != EINTR { exited = true; break }
            if let deadline, clock.now >= deadline, !timedOut {
                timedOut = true
                kill(-pid, SIGTERM)
                let pid = self.pid
                DispatchQueue.global().asyncAfter(deadline: .now() + 2) { kill(-pid, SIGKILL) }
            }
        }
        drain()
        close(readEnd)
        lock.lock()
        let wasCancelled = cancelled
        lock.unlock()
        // WIFEXITED / WTERMSIG by hand: the macros are not imported into Swift.
        let signal = status & 0x7f
        if signal == 0 {
            return ((status >> 8) & 0xff, nil, output, timedOut || wasCancelled)
        }
        return (nil, signal, output, timedOut || wasCancelled)
    }
}

public enum ShellError: Error, CustomStringConvertible {
    case noCommand
    case spawn(Int32, String)
    case directory(String)

    public var description: String {
        switch self {
        case .noCommand: "no command given"
        case .spawn(let code, let program): "cannot start \(program): \(String(cString: strerror(code)))"
        case .directory(let path): "directory \(path) does not exist"
        }
    }
}

/// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up at run
/// time because the C module does not export it; without it, children inherit what
/// the runtime left open without close-on-exec.
enum SpawnCloseFrom {
    private typealias Function = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    private static let function: Function? = {
        #if canImport(Glibc)
        guard let handle = dlopen(nil, RTLD_NOW),
              let symbol = dlsym(handle, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: Function.self)
        #else
        return nil
        #endif
    }()

    static func add(_ actions: inout posix_spawn_file_actions_t, lowest: Int32) {
        guard let function else { return }
        _ = function(&actions, lowest)
    }
}
