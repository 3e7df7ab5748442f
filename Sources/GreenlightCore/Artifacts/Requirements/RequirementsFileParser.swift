/// pip's requirements-file reader: joins `\` continuations, strips comments,
/// splits each line into a requirement and its options, then applies them.
struct RequirementsFileParser {
    /// A logical line (continuations joined) and where it starts.
    struct LogicalLine {
        var text: String
        var location: SourceLocation
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
        var pendingLocation: SourceLocation?
        func emit(_ bytes: [UInt8], _ location: SourceLocation) {
            let stripped = stripComment(bytes)
            let text = String(decoding: stripped, as: UTF8.self)
            let trimmed = trimSpaces(text)
            if !trimmed.isEmpty { result.append(LogicalLine(text: trimmed, location: location)) }
        }
        for lineIndex in 0..<source.lineStarts.count {
            let start = source.lineStarts[lineIndex]
            var end = lineIndex + 1 < source.lineStarts.count ? source.lineStarts[lineIndex + 1] - 1 : source.bytes.count
            if start >= end && lineIndex + 1 == source.lineStarts.count && pending.isEmpty { break }
            if end > start && source.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            var line = Array(source.bytes[start..<max(start, end)])
            var indent = 0
            while indent < line.count, isSpace(line[indent]) { indent += 1 }
            let location = source.location(ofOffset: start + indent)
            let isComment = indent < line.count && line[indent] == UInt8(ascii: "#") && (indent == 0 || isSpace(line[0]))
            if line.last != UInt8(ascii: "\\") || isComment {
                if isComment { line.insert(UInt8(ascii: " "), at: 0) }
                if let firstLocation = pendingLocation {
                    emit(pending + line, firstLocation)
                    pending = []
                    pendingLocation = nil
                } else {
                    emit(line, location)
                }
            } else {
                if pendingLocation == nil { pendingLocation = location }
                var body = line[...]
                while body.first == UInt8(ascii: "\\") { body = body.dropFirst() }
                while body.last == UInt8(ascii: "\\") { body = body.dropLast() }
                pending.append(contentsOf: body)
            }
        }
        if let firstLocation = pendingLocation { emit(pending, firstLocation) }
        return result
    }

    private static func trimSpaces(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
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
        // pip's break_args_options: tokens up to the first one starting with "-".
        let tokens = line.text.split(separator: " ", omittingEmptySubsequences: false)
        let firstOption = tokens.firstIndex { $0.hasPrefix("-") } ?? tokens.count
        let arguments = RequirementsText.trim(tokens[..<firstOption].joined(separator: " "))
        let optionText = tokens[firstOption...].joined(separator: " ")
        let options = PipOptionReader.read(optionText)
        for problem in options.problems {
            file.issues.append(ParseIssue(problem, at: line.location))
        }
        if arguments.isEmpty {
            apply(options.values, at: line.location)
            return
        }
        let hashes = options.values.filter { $0.option == .hash }.map(\.value)
        if !hashes.isEmpty { file.requireHashes = true }
        addRequirement(arguments, hashes: hashes, at: line.location)
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
        let (reference, marker) = RequirementPaths.splitMarker(text, separator: ";")
        let isDirectReference: Bool
        if case .success(let requirement) = parsed { isDirectReference = requirement.url != nil } else { isDirectReference = false }
        if !isDirectReference && (RequirementPaths.isArchive(reference) || RequirementPaths.looksLikePath(reference)) {
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
