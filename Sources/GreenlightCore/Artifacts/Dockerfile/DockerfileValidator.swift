/// The per-instruction checks BuildKit makes before building: unknown keywords,
/// unknown or repeated flags, missing arguments, invalid ports and durations.
/// Each message names the problem the way Docker's error would.
enum DockerfileValidator {
    /// Whether `keyword` accepts the flag `name`; keywords not listed accept none.
    static func accepts(_ keyword: DockerKeyword, flag name: String) -> Bool {
        switch keyword {
        case .from: name == "platform"
        case .copy: ["from", "chown", "chmod", "link", "parents", "exclude"].contains(name)
        case .add: ["chown", "chmod", "link", "checksum", "keep-git-dir", "exclude", "unpack"].contains(name)
        case .run: ["mount", "network", "security", "device"].contains(name)
        case .healthcheck: DockerHealthcheckReader.flagNames.contains(name)
        default: false
        }
    }

    /// Flags that may be given more than once.
    static func isRepeatable(_ name: String) -> Bool {
        name == "mount" || name == "exclude" || name == "device"
    }

    /// Problems of one instruction; `arguments` is its argument text as bytes (after the flags).
    /// ONBUILD triggers are checked separately by `onbuildProblems`.
    static func problems(of instruction: DockerInstruction, arguments: ArraySlice<UInt8>) -> [String] {
        guard let kind = instruction.kind else {
            let suggestion = closestKeyword(to: instruction.keyword).map { " (did you mean \($0)?)" } ?? ""
            return ["unknown instruction: \(instruction.keyword)\(suggestion)"]
        }
        var problems = instruction.flags.isEmpty ? [] : flagProblems(instruction, kind: kind)
        if let problem = argumentProblem(instruction, kind: kind, arguments: arguments) {
            problems.append(problem)
        }
        if kind == .healthcheck {
            problems.append(contentsOf: DockerHealthcheckReader.read(instruction, text: arguments).problems)
        }
        if kind == .expose {
            for word in DockerBytes.fields(arguments) {
                if let problem = DockerPortSpec.read(word).problem { problems.append("EXPOSE: \(problem)") }
            }
        }
        return problems
    }

    /// Problems of an ONBUILD given its trigger and the trigger's own problems.
    static func onbuildProblems(_ trigger: (instruction: DockerInstruction, problems: [String])?) -> [String] {
        guard let trigger else { return ["ONBUILD requires at least one argument"] }
        switch trigger.instruction.kind {
        case .onbuild:
            return ["chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed"]
        case .from, .maintainer:
            return ["\(trigger.instruction.keyword) isn't allowed as an ONBUILD trigger"]
        default:
            return trigger.problems.map { "ONBUILD \($0)" }
        }
    }

    private static func flagProblems(_ instruction: DockerInstruction, kind: DockerKeyword) -> [String] {
        var problems: [String] = []
        let flags = instruction.flags
        for (position, flag) in flags.enumerated() {
            if !accepts(kind, flag: flag.name) {
                problems.append("unknown flag: --\(flag.name) (\(instruction.keyword) does not accept it)")
            } else if !isRepeatable(flag.name), flags[..<position].contains(where: { $0.name == flag.name }) {
                problems.append("duplicate flag specified: --\(flag.name)")
            }
        }
        return problems
    }

    private static func argumentProblem(_ instruction: DockerInstruction, kind: DockerKeyword, arguments: ArraySlice<UInt8>) -> String? {
        let keyword = instruction.keyword
        switch kind {
        case .copy, .add:
            return copyProblem(instruction, arguments: arguments)
        case .expose:
            return arguments.isEmpty ? "EXPOSE requires at least one argument" : nil
        case .env, .label:
            return DockerWords.nameValueProblem(arguments, escape: instruction.escape, keyword: keyword)
        case .arg:
            var words = DockerWordIterator(arguments, escape: instruction.escape)
            return words.next() == nil ? "ARG requires at least one argument" : nil
        case .user, .workdir, .stopsignal, .maintainer:
            return arguments.isEmpty ? "\(keyword) requires exactly one argument" : nil
        case .shell:
            guard case .exec(let words) = instruction.arguments else {
                return "SHELL requires the arguments to be in JSON form, like SHELL [\"/bin/bash\", \"-c\"]"
            }
            return words.isEmpty ? "SHELL requires at least one argument" : nil
        case .volume:
            switch instruction.arguments {
            case .exec(let words):
                if words.isEmpty { return "VOLUME requires at least one argument" }
                let blank = words.contains { DockerBytes.trimmed(Array($0.utf8)[...]).isEmpty }
                return blank ? "VOLUME specified can not be an empty string" : nil
            case .shell:
                return arguments.isEmpty ? "VOLUME requires at least one argument" : nil
            }
        default:
            return nil
        }
    }

    private static func copyProblem(_ instruction: DockerInstruction, arguments: ArraySlice<UInt8>) -> String? {
        let keyword = instruction.keyword
        var count = 0
        var last: ArraySlice<UInt8> = []
        switch instruction.arguments {
        case .exec(let elements):
            count = elements.count
        case .shell:
            var index = arguments.startIndex
            while index < arguments.endIndex {
                while index < arguments.endIndex, DockerBytes.isSpace(arguments[index]) { index += 1 }
                let start = index
                while index < arguments.endIndex, !DockerBytes.isSpace(arguments[index]) { index += 1 }
                if index > start {
                    count += 1
                    last = arguments[start..<index]
                }
            }
        }
        if count == 0 {
            return "\(keyword) requires at least two arguments: one or more sources and a destination"
        }
        if count == 1 {
            return "\(keyword) requires at least two arguments, but only one was provided; the destination could not be determined"
        }
        if DockerHeredocMarkers.marker(last) != nil {
            return "\(keyword): a heredoc cannot be used as the destination"
        }
        return nil
    }

    /// The known keyword within two edits of `keyword`, for "did you mean" hints.
    static func closestKeyword(to keyword: String) -> String? {
        let word = Array(keyword.utf8)
        guard word.count <= 16 else { return nil }
        var best: (keyword: String, distance: Int)?
        for candidate in DockerKeyword.allCases.map(\.name).sorted() {
            let distance = editDistance(word, Array(candidate.utf8))
            if distance <= 2, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best?.keyword
    }

    private static func editDistance(_ left: [UInt8], _ right: [UInt8]) -> Int {
        var previous = Array(0...right.count)
        for (i, leftByte) in left.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: right.count)
            for (j, rightByte) in right.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (leftByte == rightByte ? 0 : 1))
            }
            previous = current
        }
        return previous[right.count]
    }
}
