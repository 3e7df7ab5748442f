import Foundation

/// Asks at the terminal: prints the context and the question, reads y/yes or n/no from
/// standard input. Used only when both standard input and output are terminals.
public struct TerminalInteraction: DeployInteraction {
    private let write: @Sendable (String) -> Void

    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Whether someone can answer: standard input and output are both terminals.
    public static var available: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1 }

    public func confirm(_ question: String, context: [String]) async -> Bool? {
        write("\n" + context.map { $0 + "\n" }.joined())
        while true {
            write("\(question) [y/N] ")
            guard let answer = await Self.readLine() else { return nil }
            switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
            case "y", "yes": return true
            case "", "n", "no": return false
            default: write("Please answer yes or no.\n")
            }
        }
    }

    /// Reads a line on a thread of its own, so the wait blocks no shared executor thread.
    private static func readLine() async -> String? {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: Swift.readLine(strippingNewline: true)) }.start()
        }
    }
}
