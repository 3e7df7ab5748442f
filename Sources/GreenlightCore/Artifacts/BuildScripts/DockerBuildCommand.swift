/// Recognises `docker build`, `docker buildx build`, `docker image build`,
/// `docker builder build` and `podman build` in a simple command and reads
/// their options the way the CLIs (pflag) do.
enum DockerBuildCommand {
    /// Options of `docker build` / `buildx build` / `podman build` that take a value.
    static let valueOptions: Set<String> = [
        "--add-host", "--allow", "--annotation", "--attest", "--build-arg", "--build-context", "--builder", "--cache-from",
        "--cache-to", "--call", "--cgroup-parent", "--cpu-period", "--cpu-quota", "--cpu-shares", "--cpuset-cpus",
        "--cpuset-mems", "--file", "--iidfile", "--isolation", "--label", "--memory", "--memory-swap", "--metadata-file",
        "--network", "--no-cache-filter", "--output", "--platform", "--progress", "--provenance", "--sbom", "--secret",
        "--security-opt", "--shm-size", "--ssh", "--tag", "--target", "--ulimit", "--policy",
        "--authfile", "--cert-dir", "--creds", "--format", "--jobs", "--manifest", "--os", "--arch", "--variant",
        "--volume", "--ignorefile", "--env", "--from", "--retry", "--timestamp", "--device", "--dns", "--userns",
        "--runtime", "--layer-label", "--sign-by", "--unsetenv", "--unsetlabel", "--cw", "--decryption-key",
    ]
    /// Options that never take a separate value.
    static let flagOptions: Set<String> = [
        "--load", "--push", "--no-cache", "--pull", "--quiet", "--rm", "--force-rm", "--squash", "--compress",
        "--disable-content-trust", "--check", "--debug", "--layers", "--squash-all", "--omit-history", "--no-hosts",
        "--identity-label", "--tls-verify", "--stdin", "--disable-compression", "--all-platforms",
    ]
    private static let shortValue: [UInt8: String] = [
        UInt8(ascii: "f"): "--file", UInt8(ascii: "t"): "--tag", UInt8(ascii: "o"): "--output",
        UInt8(ascii: "m"): "--memory", UInt8(ascii: "c"): "--cpu-shares", UInt8(ascii: "v"): "--volume",
    ]
    private static let dockerGlobalValue: Set<String> = [
        "--config", "-c", "--context", "-H", "--host", "-l", "--log-level", "--tlscacert", "--tlscert", "--tlskey",
        "--url", "--connection", "--root", "--runroot", "--storage-driver", "--cgroup-manager", "--events-backend",
        "--identity", "--module", "--tmpdir", "--ssh", "--builder",
    ]

    struct Options {
        var tool: DockerBuildInvocation.Tool
        var positionals: [BuildShellWord] = []
        var values: [(option: String, word: BuildShellWord)] = []
        var opaque = false
    }

    /// The build options of `words` if it is an image build command.
    static func recognise(_ words: [BuildShellWord]) -> (options: Options, commandWord: BuildShellWord)? {
        var index = skipPrefixes(words)
        guard index < words.count else { return nil }
        let programBytes = words[index].text.utf8
        let nameStart = programBytes.lastIndex(of: UInt8(ascii: "/")).map { programBytes.index(after: $0) } ?? programBytes.startIndex
        let isDocker = programBytes[nameStart...].elementsEqual("docker".utf8)
        guard isDocker || programBytes[nameStart...].elementsEqual("podman".utf8) else { return nil }
        let program = isDocker ? "docker" : "podman"
        let commandWord = words[index]
        index += 1
        index = skipGlobalOptions(words, from: index)
        guard index < words.count else { return nil }
        var tool: DockerBuildInvocation.Tool = program == "podman" ? .podmanBuild : .dockerBuild
        switch words[index].text {
        case "build":
            index += 1
        case "image", "builder":
            guard index + 1 < words.count, words[index + 1].text == "build" else { return nil }
            index += 2
        case "buildx":
            index = skipGlobalOptions(words, from: index + 1)
            guard index < words.count, words[index].text == "build" || words[index].text == "b" else { return nil }
            if program == "docker" { tool = .dockerBuildx }
            index += 1
        default:
            return nil
        }
        return (parse(Array(words[index...]), tool: tool), commandWord)
    }

    /// `sudo`, `env`, `time`, `nohup`, `exec`, `command` and `VAR=value` before the program.
    private static func skipPrefixes(_ words: [BuildShellWord]) -> Int {
        var index = 0
        while index < words.count {
            let text = words[index].text
            if BuildShellWalker.assignment(words[index]) != nil { index += 1; continue }
            switch text {
            case "sudo", "env", "time", "nohup", "exec", "command", "nice":
                index += 1
                while index < words.count, words[index].text.hasPrefix("-") || BuildShellWalker.assignment(words[index]) != nil {
                    let option = words[index].text
                    index += 1
                    if ["-u", "-g", "-C", "-n", "-U"].contains(option), text != "time" { index += 1 }
                }
            default:
                return index
            }
        }
        return index
    }

    private static func skipGlobalOptions(_ words: [BuildShellWord], from start: Int) -> Int {
        var index = start
        while index < words.count, words[index].text.hasPrefix("-") {
            let text = words[index].text
            index += 1
            if !text.contains("=") && dockerGlobalValue.contains(text) { index += 1 }
        }
        return index
    }

    private static func parse(_ words: [BuildShellWord], tool: DockerBuildInvocation.Tool) -> Options {
        var options = Options(tool: tool)
        var index = 0
        var endOfOptions = false
        while index < words.count {
            let word = words[index]
            index += 1
            let text = word.text
            if endOfOptions || !text.hasPrefix("-") || text == "-" {
                if word.isBareExpansion { options.opaque = true }
                options.positionals.append(word)
                continue
            }
            if text == "--" { endOfOptions = true; continue }
            if text.hasPrefix("--") {
                let parts = text.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let name = String(parts[0])
                if parts.count == 2 {
                    var valueWord = word
                    valueWord.text = String(parts[1])
                    options.values.append((name, valueWord))
                } else if valueOptions.contains(name) {
                    if index < words.count {
                        options.values.append((name, words[index]))
                        index += 1
                    }
                } else if !flagOptions.contains(name) {
                    // An option Greenlight does not know: it may consume the next word.
                    options.opaque = true
                }
                continue
            }
            index = shortCluster(word, words, index, &options)
        }
        return options
    }

    /// `-t name`, `-tname`, `-t=name`, `-qt name`.
    private static func shortCluster(_ word: BuildShellWord, _ words: [BuildShellWord], _ next: Int, _ options: inout Options) -> Int {
        let bytes = Array(word.text.utf8)
        var position = 1
        while position < bytes.count {
            let letter = bytes[position]
            if let long = shortValue[letter] {
                var rest = bytes[(position + 1)...]
                if rest.first == UInt8(ascii: "=") { rest = rest.dropFirst() }
                if !rest.isEmpty {
                    var valueWord = word
                    valueWord.text = String(decoding: rest, as: UTF8.self)
                    options.values.append((long, valueWord))
                    return next
                }
                if next < words.count {
                    options.values.append((long, words[next]))
                    return next + 1
                }
                return next
            }
            if letter != UInt8(ascii: "q") && letter != UInt8(ascii: "D") { options.opaque = true }
            position += 1
        }
        return next
    }
}
