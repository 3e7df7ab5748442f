/// Word splitting used by ENV, LABEL and ARG (BuildKit's `parseWords` and
/// `parseNameVal`): words break on whitespace outside quotes; quotes and escape
/// characters stay in the words and are removed later, when Docker expands them.
enum DockerWords {
    static func split(_ text: ArraySlice<UInt8>, escape: UInt8) -> [ArraySlice<UInt8>] {
        var iterator = DockerWordIterator(text, escape: escape)
        var words: [ArraySlice<UInt8>] = []
        while let word = iterator.next() { words.append(word) }
        return words
    }

    /// Raw `key=value` pairs of ENV or LABEL, or the legacy `KEY value` form.
    struct NameValues {
        var pairs: [(key: ArraySlice<UInt8>, value: ArraySlice<UInt8>)] = []
        var problem: String?
    }

    static func nameValues(_ text: ArraySlice<UInt8>, escape: UInt8, keyword: String) -> NameValues {
        var result = NameValues()
        var words = DockerWordIterator(text, escape: escape)
        guard let first = words.next() else {
            result.problem = "\(keyword) requires at least one argument"
            return result
        }
        if !first.contains(DockerBytes.equals) {
            let trimmed = DockerBytes.trimmed(text)
            var cursor = trimmed.startIndex
            while cursor < trimmed.endIndex, !DockerBytes.isSpace(trimmed[cursor]) { cursor += 1 }
            let key = trimmed[trimmed.startIndex..<cursor]
            let value = DockerBytes.trimmedLeft(trimmed[cursor..<trimmed.endIndex])
            if value.isEmpty {
                result.problem = "\(keyword) must have two arguments (\(keyword) name value) or use name=value"
                return result
            }
            result.pairs = [(key, value)]
            return result
        }
        var word: ArraySlice<UInt8>? = first
        while let current = word {
            guard let equals = current.firstIndex(of: DockerBytes.equals) else {
                result.problem = "Syntax error - can't find = in \"\(DockerBytes.string(current))\". Must be of the form: name=value"
                return result
            }
            result.pairs.append((current[current.startIndex..<equals], current[(equals + 1)...]))
            word = words.next()
        }
        return result
    }

    /// The problem `nameValues` would report, without collecting the pairs.
    static func nameValueProblem(_ text: ArraySlice<UInt8>, escape: UInt8, keyword: String) -> String? {
        var words = DockerWordIterator(text, escape: escape)
        guard let first = words.next() else { return "\(keyword) requires at least one argument" }
        if !first.contains(DockerBytes.equals) {
            var fields = 0
            var index = text.startIndex
            while index < text.endIndex {
                while index < text.endIndex, DockerBytes.isSpace(text[index]) { index += 1 }
                if index < text.endIndex { fields += 1 }
                while index < text.endIndex, !DockerBytes.isSpace(text[index]) { index += 1 }
            }
            return fields < 2 ? "\(keyword) must have two arguments (\(keyword) name value) or use name=value" : nil
        }
        var word: ArraySlice<UInt8>? = first
        while let current = word {
            guard let equals = current.firstIndex(of: DockerBytes.equals) else {
                return "Syntax error - can't find = in \"\(DockerBytes.string(current))\". Must be of the form: name=value"
            }
            if equals == current.startIndex { return "\(keyword) names can not be blank" }
            word = words.next()
        }
        return nil
    }

    /// ARG words: `NAME` or `NAME=default` (default kept raw).
    static func argWords(_ text: ArraySlice<UInt8>, escape: UInt8) -> [(name: ArraySlice<UInt8>, value: ArraySlice<UInt8>?)] {
        split(text, escape: escape).map { word in
            guard let equals = word.firstIndex(of: DockerBytes.equals) else { return (word, nil) }
            return (word[word.startIndex..<equals], word[(equals + 1)...])
        }
    }
}

/// Iterates the words of `DockerWords.split` without collecting them. Words are
/// spans of the input: Docker keeps every byte of a word except an escape character
/// at the very end of the text, so nothing is copied.
struct DockerWordIterator {
    private let text: ArraySlice<UInt8>
    private let escape: UInt8
    private var index: Int

    init(_ text: ArraySlice<UInt8>, escape: UInt8) {
        self.text = text
        self.escape = escape
        self.index = text.startIndex
    }

    mutating func next() -> ArraySlice<UInt8>? {
        let end = text.endIndex
        while index < end, DockerBytes.isSpace(text[index]) { index += 1 }
        guard index < end else { return nil }
        let start = index
        var quote: UInt8 = 0
        while index < end {
            let byte = text[index]
            if quote != 0 {
                if byte == quote {
                    quote = 0
                } else if byte == escape && quote != DockerBytes.singleQuote {
                    if index + 1 == end {
                        defer { index = end }
                        return text[start..<index]
                    }
                    index += 1
                }
                index += 1
                continue
            }
            if DockerBytes.isSpace(byte) { break }
            if byte == DockerBytes.singleQuote || byte == DockerBytes.doubleQuote {
                quote = byte
            } else if byte == escape {
                if index + 1 == end {
                    defer { index = end }
                    return index > start ? text[start..<index] : nil
                }
                index += 1
            }
            index += 1
        }
        return text[start..<index]
    }
}

/// One `<<NAME` marker found on a RUN/COPY/ADD line.
struct DockerHeredocMarker: Equatable {
    var name: String
    var stripsTabs: Bool
    var expands: Bool
}

/// Finds heredoc markers the way BuildKit's `heredocsFromLine` does: the line is
/// split into shell words (quotes kept), and each word matching
/// `^[0-9]*<<-?[^<]+$` opens a heredoc. A quoted delimiter disables expansion.
enum DockerHeredocMarkers {
    static func find(in line: ArraySlice<UInt8>) -> [DockerHeredocMarker] {
        rawWords(line).compactMap { word in
            DockerBytes.contains(word, DockerBytes.lessThan, DockerBytes.lessThan) ? marker(word) : nil
        }
    }

    static func marker(_ word: ArraySlice<UInt8>) -> DockerHeredocMarker? {
        var index = word.startIndex
        while index < word.endIndex, DockerBytes.isDigit(word[index]) { index += 1 }
        guard index + 1 < word.endIndex, word[index] == DockerBytes.lessThan, word[index + 1] == DockerBytes.lessThan else {
            return nil
        }
        index += 2
        let stripsTabs = index < word.endIndex && word[index] == DockerBytes.dash
        if stripsTabs { index += 1 }
        let rest = word[index..<word.endIndex]
        guard !rest.isEmpty, !rest.contains(DockerBytes.lessThan) else { return nil }
        let name = DockerWordLexer.unquote(Array(rest), escape: DockerBytes.backslash)
        guard !name.isEmpty else { return nil }
        let quoteCount = { (bytes: [UInt8]) in
            bytes.reduce(0) { $0 + ($1 == DockerBytes.singleQuote || $1 == DockerBytes.doubleQuote ? 1 : 0) }
        }
        let expands = quoteCount(Array(rest)) == quoteCount(Array(name.utf8))
        return DockerHeredocMarker(name: name, stripsTabs: stripsTabs, expands: expands)
    }

    /// Whitespace-separated words; quoted parts and backslash escapes are kept as written.
    static func rawWords(_ line: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var words: [ArraySlice<UInt8>] = []
        var index = line.startIndex
        let end = line.endIndex
        while index < end {
            while index < end, DockerBytes.isSpace(line[index]) { index += 1 }
            let start = index
            while index < end, !DockerBytes.isSpace(line[index]) {
                let byte = line[index]
                if byte == DockerBytes.backslash {
                    index = min(index + 2, end)
                } else if byte == DockerBytes.singleQuote || byte == DockerBytes.doubleQuote {
                    index += 1
                    while index < end, line[index] != byte {
                        if byte == DockerBytes.doubleQuote, line[index] == DockerBytes.backslash { index += 1 }
                        index += 1
                    }
                    index = min(index + 1, end)
                } else {
                    index += 1
                }
            }
            if index > start { words.append(line[start..<index]) }
        }
        return words
    }
}
