/// `docker build` in justfile recipes. Every body line is its own shell
/// started in the justfile's directory (unknown when the justfile sets a
/// working directory); `{{...}}` interpolations are left as written.
enum JustfileBuildScanner {
    static func scan(_ source: SourceText) -> DockerBuildScan {
        let lines = RecipeLines.lines(source)
        let setsWorkingDirectory = containsWorkingDirectorySetting(source.bytes)
        let directory: String? = setsWorkingDirectory ? nil : PathUtilities.dirname(source.path)
        var scan = DockerBuildScan()
        var inRecipe = false
        var index = 0
        while index < lines.count {
            var ranges = [lines[index]]
            while RecipeLines.continues(source.bytes[ranges[ranges.count - 1]]), index + 1 < lines.count {
                index += 1
                ranges.append(lines[index])
            }
            index += 1
            let first = source.bytes[ranges[0]]
            let isIndented = first.first == 0x20 || first.first == 0x09
            let text = RequirementsText.trim(String(decoding: first, as: UTF8.self))
            if text.isEmpty { continue }
            if !isIndented {
                inRecipe = isRecipeHeader(text)
                continue
            }
            guard inRecipe else { continue }
            let fragment = RecipeLines.fragment(source, ranges, stripLeadingWhitespace: true, unescapeDollars: false)
            let state = BuildShellState(cwd: directory, scriptDirectory: directory)
            let result = DockerBuildScanner.scanShell(fragment, state: state, source: source)
            scan.invocations += result.invocations
            scan.issues += result.issues
        }
        return scan
    }

    /// `name param='x': dependency` (but not `name := value` or `set ...`).
    private static func isRecipeHeader(_ text: String) -> Bool {
        if text.hasPrefix("#") || text.hasPrefix("[") || text.hasPrefix("set ") || text.hasPrefix("alias ")
            || text.hasPrefix("import ") || text.hasPrefix("mod ") || text.hasPrefix("export ") {
            return false
        }
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return false }
        return colon + 1 >= bytes.count || bytes[colon + 1] != UInt8(ascii: "=")
    }

    private static func containsWorkingDirectorySetting(_ bytes: [UInt8]) -> Bool {
        let needle = Array("working-directory".utf8)
        guard bytes.count >= needle.count else { return false }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
