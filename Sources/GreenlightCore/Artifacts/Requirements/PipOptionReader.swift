/// The options pip accepts inside requirements files, read with optparse
/// rules: `--name=value`, `--name value`, `-xvalue`, `-x value`, and unique
/// abbreviations of long names.
enum PipOptionReader {
    enum Option: CaseIterable {
        case requirement, constraint, editable, indexURL, extraIndexURL, findLinks, trustedHost
        case noBinary, onlyBinary, useFeature, hash, configSettings, globalOption
        case noIndex, pre, preferBinary, requireHashes

        var longNames: [String] {
            switch self {
            case .requirement: ["--requirement"]
            case .constraint: ["--constraint"]
            case .editable: ["--editable"]
            case .indexURL: ["--index-url", "--pypi-url"]
            case .extraIndexURL: ["--extra-index-url"]
            case .findLinks: ["--find-links"]
            case .trustedHost: ["--trusted-host"]
            case .noBinary: ["--no-binary"]
            case .onlyBinary: ["--only-binary"]
            case .useFeature: ["--use-feature"]
            case .hash: ["--hash"]
            case .configSettings: ["--config-settings"]
            case .globalOption: ["--global-option"]
            case .noIndex: ["--no-index"]
            case .pre: ["--pre"]
            case .preferBinary: ["--prefer-binary"]
            case .requireHashes: ["--require-hashes"]
            }
        }

        var longName: String { longNames[0] }

        var shortName: UInt8? {
            switch self {
            case .requirement: UInt8(ascii: "r")
            case .constraint: UInt8(ascii: "c")
            case .editable: UInt8(ascii: "e")
            case .indexURL: UInt8(ascii: "i")
            case .findLinks: UInt8(ascii: "f")
            default: nil
            }
        }

        var takesValue: Bool {
            switch self {
            case .noIndex, .pre, .preferBinary, .requireHashes: false
            default: true
            }
        }
    }

    struct Value: Equatable {
        var option: Option
        var value: String
    }

    struct Result {
        var values: [Value] = []
        var problems: [String] = []
    }

    static func read(_ text: String) -> Result {
        var result = Result()
        let words = PipOptionReader.split(text)
        var index = 0
        while index < words.count {
            let word = words[index]
            index += 1
            guard word.hasPrefix("-"), word != "-" else { continue }
            var option: Option?
            var inlineValue: String?
            if word.hasPrefix("--") {
                let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                if parts.count == 2 { inlineValue = String(parts[1]) }
                option = longOption(name)
                if option == nil {
                    result.problems.append("pip does not accept the option '\(name)' in a requirements file")
                    continue
                }
            } else {
                let bytes = Array(word.utf8)
                option = shortNames[bytes[1]]
                if bytes.count > 2 { inlineValue = String(decoding: bytes[2...], as: UTF8.self) }
                if option == nil {
                    result.problems.append("pip does not accept the option '-\(Character(Unicode.Scalar(bytes[1])))' in a requirements file")
                    continue
                }
            }
            guard let option else { continue }
            if !option.takesValue {
                if inlineValue != nil {
                    result.problems.append("option '\(option.longName)' does not take a value")
                }
                result.values.append(Value(option: option, value: ""))
                continue
            }
            if let inlineValue {
                result.values.append(Value(option: option, value: inlineValue))
            } else if index < words.count {
                result.values.append(Value(option: option, value: words[index]))
                index += 1
            } else {
                result.problems.append("option '\(option.longName)' requires a value")
            }
        }
        return result
    }

    private static let exactLongNames: [String: Option] = {
        var table: [String: Option] = [:]
        for option in Option.allCases {
            for name in option.longNames { table[name] = option }
        }
        return table
    }()

    private static let shortNames: [UInt8: Option] = {
        var table: [UInt8: Option] = [:]
        for option in Option.allCases {
            if let short = option.shortName { table[short] = option }
        }
        return table
    }()

    private static func longOption(_ name: String) -> Option? {
        if let exact = exactLongNames[name] { return exact }
        let candidates = Option.allCases.filter { $0.longNames.contains { $0.hasPrefix(name) } }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// `shlex.split`: white space separates words; quotes and `\` group them.
    static func split(_ text: String) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var inWord = false
        var quote: UInt8?
        var bytes = Array(text.utf8).makeIterator()
        while let byte = bytes.next() {
            if let open = quote {
                if byte == open {
                    quote = nil
                } else if byte == UInt8(ascii: "\\") && open == UInt8(ascii: "\"") {
                    if let next = bytes.next() {
                        if next != UInt8(ascii: "\"") && next != UInt8(ascii: "\\") { current.append(byte) }
                        current.append(next)
                    }
                } else {
                    current.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if inWord { words.append(String(decoding: current, as: UTF8.self)) }
                current = []
                inWord = false
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                quote = byte
                inWord = true
            case UInt8(ascii: "\\"):
                if let next = bytes.next() { current.append(next) }
                inWord = true
            default:
                current.append(byte)
                inWord = true
            }
        }
        if inWord { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }
}
