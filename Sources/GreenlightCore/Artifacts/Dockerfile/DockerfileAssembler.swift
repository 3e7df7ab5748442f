/// Groups parsed instructions into global ARGs and build stages and collects the
/// problems Docker reports for the file as a whole.
enum DockerfileAssembler {
    /// Stage names Docker accepts after `AS`.
    static func isValidStageName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, first >= 0x61 && first <= 0x7A else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || DockerBytes.isDigit(byte)
                || byte == DockerBytes.dash || byte == DockerBytes.underscore || byte == 0x2E
        }
    }

    static func assemble(
        path: String,
        escape: UInt8,
        syntax: String?,
        instructions: [DockerInstruction],
        issues parserIssues: [ParseIssue],
        comments: [Located<String>]
    ) -> Dockerfile {
        var issues = parserIssues
        var stages: [DockerfileStage] = []
        var globalArgs: [DockerInstruction] = []
        var stageStart: Int?
        // Stage instructions are copied in one go per stage (FROM excluded).
        func closeStage(at end: Int) {
            guard let start = stageStart, !stages.isEmpty else { return }
            stages[stages.count - 1].instructions = Array(instructions[(start + 1)..<end])
        }
        for index in instructions.indices {
            let kind = instructions[index].kind
            if kind == .from {
                closeStage(at: index)
                let from = instructions[index]
                let stage = makeStage(from, index: stages.count, issues: &issues)
                if let name = stage.name, stages.contains(where: { $0.name == name }) {
                    issues.append(ParseIssue("duplicate stage name \"\(name)\"", at: from.location))
                }
                stages.append(stage)
                stageStart = index
            } else if stageStart == nil {
                if kind == .arg {
                    globalArgs.append(instructions[index])
                } else {
                    let instruction = instructions[index]
                    issues.append(ParseIssue(
                        "\(instruction.keyword) comes before the first FROM; only ARG may appear there",
                        at: instruction.location))
                }
            }
        }
        closeStage(at: instructions.count)
        if instructions.isEmpty {
            issues.append(ParseIssue("the Dockerfile has no instructions", at: SourceLocation(file: path, line: 1)))
        } else if stages.isEmpty {
            issues.append(ParseIssue("the Dockerfile has no FROM instruction", at: instructions[0].location))
        }
        if issues.count > 1 {
            // Stable order: by location, then in the order the problems were found.
            issues = issues.enumerated()
                .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
                .map(\.element)
        }
        return Dockerfile(
            path: path,
            escape: escape,
            syntax: syntax,
            globalArgs: globalArgs,
            stages: stages,
            instructions: instructions,
            issues: issues,
            comments: comments
        )
    }

    private static func makeStage(_ from: DockerInstruction, index: Int, issues: inout [ParseIssue]) -> DockerfileStage {
        let words = DockerBytes.fields(Array(from.argumentText.utf8)[...]).map { DockerBytes.string($0) }
        var name: String?
        if words.isEmpty {
            issues.append(ParseIssue("FROM requires an image name", at: from.location))
        } else if words.count == 3, DockerBytes.lowercased(words[1]) == "as" {
            let lowered = DockerBytes.lowercased(words[2])
            if isValidStageName(lowered) || lowered.contains("$") {
                name = lowered
            } else {
                issues.append(ParseIssue(
                    "invalid name for build stage: \"\(words[2])\", name can't start with a number or contain symbols",
                    at: from.location))
            }
        } else if words.count != 1 {
            issues.append(ParseIssue("FROM requires either one or three arguments (FROM image AS name)", at: from.location))
        }
        return DockerfileStage(
            index: index,
            name: name,
            baseImage: words.first ?? "",
            platform: from.flag("platform"),
            location: from.location,
            instructions: []
        )
    }
}
