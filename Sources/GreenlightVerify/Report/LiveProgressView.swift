import Foundation
import GreenlightCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Live progress on a terminal: finished probes scroll up as permanent lines; below
/// them, one line per probe still running with its attempt, elapsed time and last
/// failure, redrawn ten times a second.
public final class LiveProgressView: @unchecked Sendable {
    private struct Running {
        var attempt = 0
        var lastFailure: String?
    }

    private let lock = NSLock()
    private let reporter: VerifyTextReporter
    private let specs: [ProbeSpec]
    private let write: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var running: [Int: Running] = [:]
    private var finishedLines: [String] = []
    private var drawnLines = 0
    private var frame = 0
    private var ticker: Task<Void, Never>?
    private static let spinner = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]

    public init(specs: [ProbeSpec], reporter: VerifyTextReporter, write: @escaping @Sendable (String) -> Void) {
        self.specs = specs
        self.reporter = reporter
        self.write = write
        start = clock.now
        for index in specs.indices { running[index] = Running() }
    }

    public func begin() {
        ticker = Task { [weak self] in
            while !Task.isCancelled {
                self?.redraw()
                try? await Task.sleep(for: .milliseconds(100))
            }
        }
    }

    public func handle(_ event: ProbeEvent) {
        lock.lock()
        switch event {
        case .attempting(let index, let attempt):
            running[index]?.attempt = attempt
        case .retrying(let index, _, let outcome, _):
            running[index]?.lastFailure = outcome.detail.split(separator: "\n").first.map(String.init)
        case .finished(let index, let result):
            running[index] = nil
            finishedLines.append(reporter.line(for: result))
        }
        lock.unlock()
    }

    /// Stops redrawing and leaves only the permanent lines on screen.
    public func end() {
        ticker?.cancel()
        redraw(final: true)
    }

    private func redraw(final: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        var output = ""
        if drawnLines > 0 { output += "\u{1B}[\(drawnLines)A\r\u{1B}[J" }
        for line in finishedLines { output += line + "\n" }
        finishedLines.removeAll()
        drawnLines = 0
        if !final {
            frame += 1
            let width = Self.terminalSize().columns
            let room = max(Self.terminalSize().rows - 2, 1)
            let elapsed = DurationText.format(VerifyTextReporter.tenths(clock.now - start))
            let order = running.keys.sorted()
            for index in order.prefix(room) {
                guard let state = running[index] else { continue }
                let spec = specs[index]
                var line = Self.spinner[frame % Self.spinner.count] + "     "
                    + reporter.pad(spec.name, reporter.nameWidth) + "  " + reporter.pad(spec.kind, reporter.kindWidth)
                    + "  attempt \(max(state.attempt, 1))  \(elapsed)"
                if let failure = state.lastFailure { line += "  last: \(failure)" }
                output += reporter.style.dim(Self.clip(line, to: width)) + "\n"
                drawnLines += 1
            }
            if order.count > room {
                output += reporter.style.dim("… and \(order.count - room) more running") + "\n"
                drawnLines += 1
            }
        }
        if !output.isEmpty { write(output) }
    }

    static func clip(_ line: String, to width: Int) -> String {
        line.count <= width ? line : String(line.prefix(max(width - 1, 1))) + "…"
    }

    static func terminalSize() -> (rows: Int, columns: Int) {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            return (Int(size.ws_row), Int(size.ws_col))
        }
        return (24, 100)
    }
}
