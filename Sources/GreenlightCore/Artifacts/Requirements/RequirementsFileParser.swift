/// pip's requirements-file reader: joins `\` continuations, strips comments,
/// splits each line into a requirement and its options, then applies them.
struct RequirementsFileParser {
    /// A logical line (continuations joined, comment removed, trimmed) and
    /// the file offset of its first character.
    struct LogicalLine {
        var bytes: [UInt8]
        var offset: Int
    }

    let source: SourceText
    private var file: RequirementsFile

    init(source: SourceText) {
        self.source = source
        self.file = RequirementsFile(path: source.path)
    }

    mutating func run() -> RequirementsFile {
        for line in Self.logicalLines(source) {
            process(line)
        }
        return file
    }

    // MARK: Lines

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == 0x0D
    }

    /// pip's `join_lines` and `ignore_comments`.
    static func logicalLines(_ source: SourceText) -> [LogicalLine] {
        var result: [LogicalLine] = []
        var pending: [UInt8] = []
        var pendingOffset: Int?
        func emit(_ bytes: [UInt8], _ offset: Int) {
            let kept = stripComment(bytes)
            var start = 0
            var end = kept.count
            while start < end, isSpace(kept[start]) { start += 1 }
            while end > start, isSpace(kept[end - 1]) { end -= 1 }
            if start < end { result.append(LogicalLine(bytes: Array(kept[start..<end]), offset: offset)) }
        }
        let bytes = source.bytes
        for lineIndex in 0..<source.lineStarts.count {
            let start = source.lineStarts[lineIndex]
            var end = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] - 1 : bytes.count
            if start >= end && lineIndex + 1 == source.lineStarts.count && pending.isEmpty { break }
            if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            end = max(start, end)
            var indent = start
            while indent < end, isSpace(bytes[indent]) { indent += 1 }
            let isComment = indent < end && bytes[indent] == UInt8(ascii: "#")
            if end == start || bytes[end - 1] != UInt8(ascii: "\\") || isComment {
                // A comment line ends a continuation; its text is dropped below.
                let line = isComment ? [] : Array(bytes[start..<end])
                if let firstOffset = pendingOffset {
                    emit(pending + line, firstOffset)
                    pending = []
                    pendingOffset = nil
                } else {
                    emit(line, indent)
                }
            } else {
                if pendingOffset == nil { pendingOffset = indent }
                var body = bytes[start..<end]
                while body.first == UInt8(ascii: "\\") { body = body.dropFirst() }
                while body.last == UInt8(ascii: "\\") { body = body.dropLast() }
                pending.append(contentsOf: body)
            }
        }
        if let firstOffset = pendingOffset { emit(pending, firstOffset) }
        return result
    }

    /// Removes `(^|\s+)#.*$`: from the first `#` that starts the line or follows white space.
    private static func stripComment(_ line: [UInt8]) -> [UInt8] {
        for (index, byte) in line.enumerated() where byte == UInt8(ascii: "#") {
            if index == 0 { return [] }
            if isSpace(line[index - 1]) {
                var cut = index - 1
                while cut > 0, isSpace(line[cut - 1]) { cut -= 1 }
                return Array(line[..<cut])
            }
        }
        return line
    }

    // MARK: Processing

    private mutating func process(_ line: LogicalLine) {
        // pip's break_args_options: the requirement is every space-separated
        // token before the first one that starts with "-".
        let bytes = line.bytes
        var optionsStart = bytes.count
        var tokenStart = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == UInt8(ascii: " ") {
            if tokenStart < index && bytes[tokenStart] == UInt8(ascii: "-") {
                optionsStart = tokenStart
                break
            }
            tokenStart = index + 1
        }
        let location = source.location(ofOffset: line.offset)
        var argumentsEnd = optionsStart
        while argumentsEnd > 0, Self.isSpace(bytes[argumentsEnd - 1]) { argumentsEnd -= 1 }
        var options = PipOptionReader.Result()
        if optionsStart < bytes.count {
            options = PipOptionReader.read(String(decoding: bytes[optionsStart...], as: UTF8.self))
        }
        for problem in options.problems {
            file.issues.append(ParseIssue(problem, at: location))
        }
        if argumentsEnd == 0 {
            apply(options.values, at: location)
            return
        }
        let arguments = String(decoding: bytes[..<argumentsEnd], as: UTF8.self)
        let hashes = options.values.filter { $0.option == .hash }.map(\.value)
        if !hashes.isEmpty { file.requireHashes = true }
        addRequirement(arguments, hashes: hashes, at: location)
    }

    private mutating func apply(_ values: [PipOptionReader.Value], at location: SourceLocation) {
        for value in values {
            switch value.option {
            case .requirement:
                file.includes.append(reference(value.value, at: location))
            case .constraint:
                file.constraints.append(reference(value.value, at: location))
            case .editable:
                addEditable(value.value, at: location)
            case .indexURL:
                file.indexURL = Located(value.value, at: location)
            case .extraIndexURL:
                file.extraIndexURLs.append(Located(value.value, at: location))
            case .findLinks:
                file.findLinks.append(Located(value.value, at: location))
            case .noIndex:
                file.noIndex = true
            case .requireHashes:
                file.requireHashes = true
            case .hash, .configSettings, .globalOption:
                file.issues.append(ParseIssue("'\(value.option.longName)' only applies to a requirement on the same line", at: location))
            case .trustedHost, .noBinary, .onlyBinary, .useFeature, .pre, .preferBinary:
                break
            }
        }
    }

    private func reference(_ path: String, at location: SourceLocation) -> RequirementReference {
        RequirementReference(path: path, resolvedPath: RequirementPaths.resolve(path, from: source.path), location: location)
    }

    private mutating func addEditable(_ value: String, at location: SourceLocation) {
        if let egg = RequirementPaths.eggName(value) {
            guard case .success(let parsed) = PEP508Parser.parse(egg) else {
                file.issues.append(ParseIssue("invalid '#egg=' name '\(egg)'", at: location))
                return
            }
            file.requirements.append(PythonRequirement(
                name: parsed.name, extras: parsed.extras, url: value, isEditable: true, location: location))
            return
        }
        file.unnamedRequirements.append(UnnamedRequirement(
            reference: value, isEditable: true, isURL: RequirementPaths.isURL(value), location: location))
    }

    private mutating func addRequirement(_ text: String, hashes: [String], at location: SourceLocation) {
        if RequirementPaths.isURL(text) {
            let (url, marker) = RequirementPaths.splitMarker(text, separator: "; ")
            if let egg = RequirementPaths.eggName(url), case .success(let parsed) = PEP508Parser.parse(egg) {
                file.requirements.append(PythonRequirement(
                    name: parsed.name, extras: parsed.extras, marker: marker, url: url, hashes: hashes, location: location))
            } else {
                file.unnamedRequirements.append(UnnamedRequirement(
                    reference: url, isEditable: false, isURL: true, marker: marker, location: location))
            }
            return
        }
        let parsed = PEP508Parser.parse(text)
        // pip treats archive names and path-like text as local files, not names.
        let isLocalFile: Bool
        switch parsed {
        case .success(let requirement):
            isLocalFile = requirement.url == nil && requirement.specifier.isEmpty && RequirementPaths.isArchive(requirement.name)
        case .failure:
            let reference = RequirementPaths.splitMarker(text, separator: ";").0
            isLocalFile = RequirementPaths.isArchive(reference) || RequirementPaths.looksLikePath(reference)
        }
        if isLocalFile {
            let (reference, marker) = RequirementPaths.splitMarker(text, separator: ";")
            file.unnamedRequirements.append(UnnamedRequirement(
                reference: reference, isEditable: false, isURL: false, marker: marker, location: location))
            return
        }
        switch parsed {
        case .success(let requirement):
            file.requirements.append(PythonRequirement(
                name: requirement.name, extras: requirement.extras, specifier: requirement.specifier,
                pinnedVersion: requirement.pinnedVersion, marker: requirement.marker, url: requirement.url,
                hashes: hashes, location: location))
        case .failure(let failure):
            file.issues.append(ParseIssue("invalid requirement '\(text)': \(failure.message)", at: location))
        }
    }
}
