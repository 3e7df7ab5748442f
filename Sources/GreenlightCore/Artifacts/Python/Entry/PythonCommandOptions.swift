/// Command-line options of a server or launcher, split into values, flags and
/// positional arguments. Which options take a value must be known; any other
/// option is read as a flag.
struct PythonCommandOptions {
    var values: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    init(_ words: ArraySlice<String>, valueOptions: Set<String>) {
        var index = words.startIndex
        while index < words.endIndex {
            let word = words[index]
            index += 1
            if word == "--" {
                positionals += words[index...]
                return
            }
            if word.hasPrefix("--") {
                if let equal = word.firstIndex(of: "=") {
                    values[String(word[..<equal]), default: []].append(String(word[word.index(after: equal)...]))
                } else if valueOptions.contains(word), index < words.endIndex {
                    values[word, default: []].append(words[index])
                    index += 1
                } else {
                    flags.insert(word)
                }
            } else if word.hasPrefix("-"), word.count > 1, Int(word) == nil {
                let name = String(word.prefix(2))
                if valueOptions.contains(name) {
                    if word.count > 2 {
                        var attached = word.dropFirst(2)
                        if attached.hasPrefix("=") { attached = attached.dropFirst() }
                        values[name, default: []].append(String(attached))
                    } else if index < words.endIndex {
                        values[name, default: []].append(words[index])
                        index += 1
                    }
                } else {
                    flags.insert(word)
                }
            } else {
                positionals.append(word)
            }
        }
    }

    /// The first value given for any of `names`.
    func value(_ names: String...) -> String? {
        for name in names {
            if let first = values[name]?.first { return first }
        }
        return nil
    }

    func has(_ names: String...) -> Bool {
        names.contains(where: { flags.contains($0) || values[$0] != nil })
    }
}
