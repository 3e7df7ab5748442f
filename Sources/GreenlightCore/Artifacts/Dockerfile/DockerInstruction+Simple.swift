extension DockerInstruction {
    /// USER text as written (`app`, `1000:1000`, `${UID}`). Nil for other keywords or when empty.
    public var user: String? {
        singleString(.user)
    }

    /// WORKDIR path as written (relative paths are relative to the previous WORKDIR). Nil for other keywords or when empty.
    public var workdir: String? {
        singleString(.workdir)
    }

    /// STOPSIGNAL as written (`SIGTERM`, `9`). Nil for other keywords or when empty.
    public var stopSignal: String? {
        singleString(.stopsignal)
    }

    /// The SHELL array (`["/bin/bash", "-o", "pipefail", "-c"]`). Nil for other keywords
    /// and when not written as a JSON array, which Docker rejects.
    public var shellCommand: [String]? {
        guard kind == .shell, case .exec(let words) = arguments else { return nil }
        return words
    }

    /// VOLUME paths, from the JSON form or space-separated words. Nil for other keywords.
    public var volumes: [String]? {
        guard kind == .volume else { return nil }
        switch arguments {
        case .exec(let words): return words
        case .shell(let text): return DockerBytes.fields(Array(text.utf8)[...]).map { DockerBytes.string($0) }
        }
    }

    /// RUN `--mount=` options as key/value maps (`type=cache,target=/root/.cache` →
    /// `["type": "cache", "target": "/root/.cache"]`; a bare key such as `readonly` maps to `""`).
    /// Empty for instructions without mounts.
    public var runMounts: [[String: String]] {
        flagValues("mount").map { value in
            var options: [String: String] = [:]
            for part in value.split(separator: ",", omittingEmptySubsequences: true) {
                if let equals = part.firstIndex(of: "=") {
                    options[String(part[..<equals])] = String(part[part.index(after: equals)...])
                } else {
                    options[String(part)] = ""
                }
            }
            return options
        }
    }

    /// The simple commands a shell-form RUN executes (see `ShellWords.parseCommands`),
    /// including the commands of heredoc bodies fed to a shell (`RUN <<EOF`, `RUN bash <<EOF`).
    /// Nil for other keywords and for the exec form.
    public var runCommands: [ShellCommand]? {
        guard kind == .run, case .shell(let text) = arguments else { return nil }
        let commands = ShellWords.parseCommands(text)
        var result = commands
        let shells: Set<String> = ["sh", "bash", "ash", "dash", "zsh", "/bin/sh", "/bin/bash", "/bin/ash", "/bin/dash"]
        let onlyHeredoc = commands.allSatisfy { $0.words.isEmpty }
        let feedsShell = commands.contains { command in
            guard let program = command.words.first else { return false }
            return shells.contains(program) && !command.words.contains("-c")
        }
        for heredoc in heredocs where onlyHeredoc || feedsShell {
            if onlyHeredoc, heredoc.content.hasPrefix("#!"),
               !(heredoc.content.hasPrefix("#!/bin/sh") || heredoc.content.hasPrefix("#!/bin/bash")
                   || heredoc.content.hasPrefix("#!/usr/bin/env bash") || heredoc.content.hasPrefix("#!/usr/bin/env sh")) {
                continue
            }
            result.append(contentsOf: ShellWords.parseCommands(heredoc.content))
        }
        return result
    }

    private func singleString(_ expected: DockerKeyword) -> String? {
        guard kind == expected else { return nil }
        let text = argumentText
        return text.isEmpty ? nil : text
    }
}
