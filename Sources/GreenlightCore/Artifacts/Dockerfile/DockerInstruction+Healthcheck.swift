/// A HEALTHCHECK instruction read into what it runs and how often.
public enum HealthcheckInstruction: Sendable, Hashable {
    /// `HEALTHCHECK NONE`: disables any health check inherited from the base image.
    case none
    /// `HEALTHCHECK [flags] CMD ...`. Durations are in seconds; nil means the flag was
    /// absent, zero or invalid, so Docker's default applies (interval 30s, timeout 30s,
    /// start period 0s, start interval 5s, retries 3).
    case command(
        args: DockerArguments,
        interval: Double?,
        timeout: Double?,
        startPeriod: Double?,
        startInterval: Double?,
        retries: Int?
    )
}

extension DockerInstruction {
    /// The HEALTHCHECK view; nil for other keywords and for a type other than NONE or CMD.
    public var healthcheck: HealthcheckInstruction? {
        guard kind == .healthcheck else { return nil }
        return DockerHealthcheckReader.read(self, text: Array(argumentText.utf8)[...]).value
    }
}

/// Reads HEALTHCHECK like BuildKit: `NONE`, or `CMD` followed by exec or shell form,
/// with `--interval`, `--timeout`, `--start-period`, `--start-interval` and `--retries`.
enum DockerHealthcheckReader {
    static let flagNames = ["interval", "timeout", "start-period", "start-interval", "retries"]

    static func read(_ instruction: DockerInstruction, text: ArraySlice<UInt8>) -> (value: HealthcheckInstruction?, problems: [String]) {
        var cursor = text.startIndex
        while cursor < text.endIndex, !DockerBytes.isSpace(text[cursor]) { cursor += 1 }
        guard cursor > text.startIndex else { return (nil, ["HEALTHCHECK requires at least one argument"]) }
        let type = text[text.startIndex..<cursor]
        let rest = DockerBytes.trimmed(text[cursor..<text.endIndex])
        if DockerBytes.equalsIgnoringCase(type, "NONE") {
            return rest.isEmpty ? (HealthcheckInstruction.none, []) : (nil, ["HEALTHCHECK NONE takes no arguments"])
        }
        guard DockerBytes.equalsIgnoringCase(type, "CMD") else {
            return (nil, ["unknown type \"\(DockerBytes.string(text[text.startIndex..<cursor]))\" in HEALTHCHECK (try CMD)"])
        }
        var problems: [String] = []
        var args = DockerArguments.shell(DockerBytes.string(rest))
        if rest.first == DockerBytes.openBracket {
            switch DockerJSONArray.decode(rest) {
            case .strings(let words):
                args = .exec(words)
            case .notStrings:
                problems.append("HEALTHCHECK CMD: when using JSON array syntax, arrays must be comprised of strings only")
            case .invalid(let reason):
                if let message = DockerExecFormCheck.problem(keyword: "HEALTHCHECK CMD", arguments: rest, reason: reason) {
                    problems.append(message)
                }
            }
        }
        switch args {
        case .exec(let words) where words.isEmpty: problems.append("missing command after HEALTHCHECK CMD")
        case .shell(let shell) where shell.isEmpty: problems.append("missing command after HEALTHCHECK CMD")
        default: break
        }
        let interval = duration("interval", of: instruction, problems: &problems)
        let timeout = duration("timeout", of: instruction, problems: &problems)
        let startPeriod = duration("start-period", of: instruction, problems: &problems)
        let startInterval = duration("start-interval", of: instruction, problems: &problems)
        var retries: Int?
        if let value = instruction.flag("retries") {
            if let number = Int(value), number >= 0 {
                retries = number
            } else if Int(value) != nil {
                problems.append("HEALTHCHECK --retries cannot be negative")
            } else {
                problems.append("HEALTHCHECK --retries: invalid number \"\(value)\"")
            }
        }
        let value = HealthcheckInstruction.command(
            args: args,
            interval: interval,
            timeout: timeout,
            startPeriod: startPeriod,
            startInterval: startInterval,
            retries: retries
        )
        return (value, problems)
    }

    /// A duration flag in seconds; nil when absent, zero (Docker's default) or invalid.
    private static func duration(_ name: String, of instruction: DockerInstruction, problems: inout [String]) -> Double? {
        guard let value = instruction.flag(name) else { return nil }
        guard let seconds = DockerDuration.seconds(value) else {
            problems.append("HEALTHCHECK --\(name): invalid duration \"\(value)\" (use a unit, like 30s or 1m30s)")
            return nil
        }
        if seconds == 0 { return nil }
        if seconds < 0.001 {
            problems.append("HEALTHCHECK --\(name) cannot be less than 1ms")
            return nil
        }
        return seconds
    }
}
