/// Reads one logical instruction line (continuations already joined) into a
/// `DockerInstruction`: keyword, leading flags, and arguments in exec or shell form.
enum DockerInstructionReader {
    /// Reads one logical line. `line` is a slice of the logical line whose indices are
    /// logical offsets that `locate` maps back to file positions. Problems with the
    /// JSON form go to `issues` at their own position; the other problems Docker would
    /// report are returned, to be placed at the instruction.
    static func read(
        _ line: ArraySlice<UInt8>,
        escape: UInt8,
        endLine: Int,
        issues: inout [ParseIssue],
        locate: (Int) -> SourceLocation
    ) -> (instruction: DockerInstruction, problems: [String]) {
        let trimmed = DockerBytes.trimmed(line)
        let end = trimmed.endIndex
        var cursor = trimmed.startIndex
        while cursor < end, !DockerBytes.isSpace(trimmed[cursor]) { cursor += 1 }
        let keywordBytes = trimmed[trimmed.startIndex..<cursor]
        let kind = DockerKeyword(keywordBytes)
        let keyword = kind?.name ?? DockerBytes.uppercased(keywordBytes)
        let location = locate(trimmed.startIndex)
        while cursor < end, DockerBytes.isSpace(trimmed[cursor]) { cursor += 1 }
        let (flags, argumentStart) = DockerFlagReader.read(trimmed[cursor..<end])
        let args = DockerBytes.trimmed(trimmed[argumentStart..<end])

        var arguments = DockerArguments.shell(DockerBytes.string(args))
        if kind?.acceptsJSON == true, args.first == DockerBytes.openBracket {
            switch DockerJSONArray.decode(args) {
            case .strings(let words):
                arguments = .exec(words)
            case .notStrings:
                issues.append(ParseIssue(
                    "\(keyword): when using JSON array syntax, arrays must be comprised of strings only",
                    at: locate(args.startIndex)))
            case .invalid(let reason):
                if let message = DockerExecFormCheck.problem(keyword: keyword, arguments: args, reason: reason) {
                    issues.append(ParseIssue(message, at: locate(args.startIndex)))
                }
            }
        }

        var trigger: (instruction: DockerInstruction, problems: [String])?
        if kind == .onbuild, !args.isEmpty {
            trigger = read(args, escape: escape, endLine: endLine, issues: &issues, locate: locate)
        }
        let instruction = DockerInstruction(
            kind: kind,
            keyword: keyword,
            location: location,
            endLine: endLine,
            flags: flags,
            arguments: arguments,
            escape: escape,
            onbuildTrigger: trigger?.instruction
        )
        var problems = DockerfileValidator.problems(of: instruction, arguments: args)
        if kind == .onbuild {
            problems.append(contentsOf: DockerfileValidator.onbuildProblems(trigger))
        }
        return (instruction, problems)
    }
}

/// Reads leading `--flag` words like BuildKit's `extractBuilderFlags`: quotes and
/// backslashes inside a flag are processed, a lone `--` ends the flags, and the
/// first word not starting with `--` starts the arguments.
enum DockerFlagReader {
    static func read(_ text: ArraySlice<UInt8>) -> (flags: [DockerFlag], argumentStart: Int) {
        var flags: [DockerFlag] = []
        var index = text.startIndex
        let end = text.endIndex
        while true {
            while index < end, DockerBytes.isSpace(text[index]) { index += 1 }
            guard index + 1 < end, text[index] == DockerBytes.dash, text[index + 1] == DockerBytes.dash else {
                return (flags, index)
            }
            if flags.isEmpty { flags.reserveCapacity(4) }
            let start = index
            var plain = true
            while index < end, !DockerBytes.isSpace(text[index]) {
                let byte = text[index]
                if byte == DockerBytes.singleQuote || byte == DockerBytes.doubleQuote || byte == DockerBytes.backslash {
                    plain = false
                    break
                }
                index += 1
            }
            if plain {
                if index - start == 2 { return (flags, index) }
                flags.append(flag(text[start..<index]))
                continue
            }
            index = start
            let word = processedWord(text, index: &index)
            if word == [DockerBytes.dash, DockerBytes.dash] { return (flags, index) }
            flags.append(flag(word[...]))
        }
    }

    /// One flag word with quotes and backslashes processed, up to unquoted whitespace.
    private static func processedWord(_ text: ArraySlice<UInt8>, index: inout Int) -> [UInt8] {
        var word: [UInt8] = []
        var quote: UInt8 = 0
        let end = text.endIndex
        while index < end {
            let byte = text[index]
            if quote == 0, DockerBytes.isSpace(byte) { break }
            if quote != 0, byte == quote {
                quote = 0
            } else if quote == 0, byte == DockerBytes.singleQuote || byte == DockerBytes.doubleQuote {
                quote = byte
            } else if byte == DockerBytes.backslash {
                if index + 1 < end {
                    index += 1
                    word.append(text[index])
                }
            } else {
                word.append(byte)
            }
            index += 1
        }
        return word
    }

    private static func flag(_ word: ArraySlice<UInt8>) -> DockerFlag {
        let body = word.dropFirst(2)
        if let equals = body.firstIndex(of: DockerBytes.equals) {
            return DockerFlag(
                name: DockerBytes.string(body[body.startIndex..<equals]),
                value: DockerBytes.string(body[(equals + 1)...]))
        }
        return DockerFlag(name: DockerBytes.string(body), value: nil)
    }
}

/// Decides when arguments that are not valid JSON were still meant as an exec
/// array (`CMD ["python", "app.py]`, `CMD ['python', 'app.py']`, `CMD [python, app.py]`).
/// Docker silently runs those as shell text, which breaks at run time; a shell test
/// such as `RUN [ -f x ] && ...` must not be reported, so RUN, COPY and ADD need both
/// a leading quote and a comma, other keywords one of them, and all a closing `]`.
enum DockerExecFormCheck {
    static func problem(keyword: String, arguments: ArraySlice<UInt8>, reason: String) -> String? {
        guard keyword != "SHELL", arguments.last == DockerBytes.closeBracket else { return nil }
        var index = arguments.startIndex + 1
        while index < arguments.endIndex, DockerBytes.isSpace(arguments[index]) { index += 1 }
        let startsWithQuote = index < arguments.endIndex
            && (arguments[index] == DockerBytes.doubleQuote || arguments[index] == DockerBytes.singleQuote)
        let hasComma = arguments.contains(DockerBytes.comma)
        if keyword == "RUN" || keyword == "COPY" || keyword == "ADD" {
            guard hasComma, startsWithQuote else { return nil }
        } else {
            guard hasComma || startsWithQuote else { return nil }
        }

        let fallback = keyword == "COPY" || keyword == "ADD" || keyword == "VOLUME"
            ? "Docker splits the text on spaces instead, keeping the brackets and quotes"
            : "Docker runs the whole text as a shell command instead"
        var doubleQuotes = 0
        var position = arguments.startIndex
        while position < arguments.endIndex {
            if arguments[position] == DockerBytes.backslash {
                position += 2
                continue
            }
            if arguments[position] == DockerBytes.doubleQuote { doubleQuotes += 1 }
            position += 1
        }
        if doubleQuotes % 2 == 1 {
            return "\(keyword) exec form has unbalanced quotes, so it is not a JSON array; \(fallback)"
        }
        if doubleQuotes == 0, arguments.contains(DockerBytes.singleQuote) {
            return "\(keyword) exec form uses single quotes, but JSON needs double quotes; \(fallback)"
        }
        return "\(keyword) exec form is not a valid JSON array (\(reason)); \(fallback)"
    }
}
