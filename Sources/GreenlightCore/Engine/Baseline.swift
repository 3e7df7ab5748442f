import Foundation

/// A file of accepted findings: `--write-baseline` records the current ones and
/// `--baseline` hides them in later runs, so a team can adopt Greenlight on an
/// existing repository and fail only on new problems.
///
/// A fingerprint never contains a line number: it hashes the rule, the file, the
/// service, the trimmed text of the finding's line and how many identical keys came
/// before it. Adding or removing lines above a finding keeps its fingerprint;
/// editing the offending line itself makes it new again.
public struct Baseline: Sendable, Equatable {
    public var fingerprints: Set<String>

    public init(fingerprints: Set<String> = []) {
        self.fingerprints = fingerprints
    }

    /// Fingerprints of `findings` in report order, using `sources` for line text.
    public static func fingerprints(of findings: [Finding], sources: [String: SourceText]) -> [String] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            var key = finding.ruleID + "\u{1F}" + (finding.service ?? "")
            if let location = finding.location {
                let text = sources[location.file]?.lineText(location.line) ?? ""
                key += "\u{1F}" + location.file + "\u{1F}" + text.trimmingCharacters(in: .whitespaces)
            } else {
                key += "\u{1F}" + finding.message
            }
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return Fingerprint.hex(Fingerprint.fnv1a64((key + "\u{1F}\(occurrence)").utf8))
        }
    }

    public func render() -> String {
        let lines = fingerprints.sorted().map { "    \"\($0)\"" }.joined(separator: ",\n")
        return "{\n  \"version\": 1,\n  \"fingerprints\": [\n\(lines)\n  ]\n}\n"
    }

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ bytes: [UInt8], path: String) throws -> Baseline {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let list = object["fingerprints"] as? [String]
        else {
            throw FormatError(description: "\(path): not a Greenlight baseline (expected {\"version\":1,\"fingerprints\":[…]})")
        }
        return Baseline(fingerprints: Set(list))
    }
}
