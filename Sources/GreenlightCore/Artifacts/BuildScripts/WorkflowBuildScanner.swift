import Yams

/// Image builds in a GitHub Actions workflow: shell `run:` steps (in the
/// step's, job's or workflow's `working-directory`) and
/// `docker/build-push-action` steps.
enum WorkflowBuildScanner {
    static func scan(_ source: SourceText) -> DockerBuildScan {
        var scan = DockerBuildScan()
        let root: Node?
        do {
            root = try Yams.compose(yaml: source.string)
        } catch {
            scan.issues.append(WorkflowYAML.issue(error, source: source))
            return scan
        }
        guard let root, let jobs = root["jobs"]?.mapping else { return scan }
        let workflowDirectory = root["defaults"]?["run"]?["working-directory"]?.scalar?.string
        for (_, job) in jobs {
            let jobDirectory = job["defaults"]?["run"]?["working-directory"]?.scalar?.string ?? workflowDirectory
            guard let steps = job["steps"]?.sequence else { continue }
            for step in steps {
                if let run = step["run"]?.scalar {
                    let shell = step["shell"]?.scalar?.string ?? "bash"
                    if shell.hasPrefix("python") || shell == "cmd" { continue }
                    let directory = step["working-directory"]?.scalar?.string ?? jobDirectory
                    var state = BuildShellState(cwd: workingDirectory(directory))
                    state.variables["GITHUB_WORKSPACE"] = BuildShellPathResolver.rootMarker
                    let fragment = WorkflowYAML.fragment(run, source: source)
                    let result = DockerBuildScanner.scanShell(fragment, state: state, source: source)
                    scan.invocations += result.invocations
                    scan.issues += result.issues
                }
                if let uses = step["uses"]?.scalar, uses.string.hasPrefix("docker/build-push-action") {
                    scan.invocations.append(buildPushAction(step, uses: uses, source: source))
                }
            }
        }
        return scan
    }

    /// A `working-directory` relative to the workspace; nil when it uses expressions.
    private static func workingDirectory(_ text: String?) -> String? {
        guard let text else { return "" }
        let state = BuildShellState(cwd: "", variables: ["GITHUB_WORKSPACE": BuildShellPathResolver.rootMarker])
        return BuildShellPathResolver.resolvePath(text, state: state)
    }

    private static func buildPushAction(_ step: Node, uses: Node.Scalar, source: SourceText) -> DockerBuildInvocation {
        let with = step["with"]
        func input(_ name: String) -> String? { with?[name]?.scalar?.string }
        let state = BuildShellState(cwd: "", variables: ["GITHUB_WORKSPACE": BuildShellPathResolver.rootMarker])
        let context = input("context")
        let location = uses.mark.map { source.location(ofOffset: WorkflowYAML.offset(of: $0, in: source)) }
            ?? source.location(line: 1)
        var invocation = DockerBuildInvocation(
            tool: .buildPushAction, context: context ?? ".",
            // Without `context` the action builds the repository itself (Git context).
            contextPath: context.map { BuildShellPathResolver.resolvePath($0, state: state) } ?? "",
            workingDirectory: "", location: location)
        if let file = input("file") {
            invocation.dockerfileAsWritten = file
            invocation.dockerfile = BuildShellPathResolver.resolvePath(file, state: state)
        }
        invocation.tags = inputList(input("tags"), splitCommas: true)
        invocation.platforms = inputList(input("platforms"), splitCommas: true)
        for argument in inputList(input("build-args"), splitCommas: false) {
            let bytes = Array(argument.utf8)
            if let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
                invocation.buildArgs[String(decoding: bytes[..<equals], as: UTF8.self)] =
                    String(decoding: bytes[(equals + 1)...], as: UTF8.self)
            }
        }
        invocation.target = input("target")
        return invocation
    }

    /// The actions toolkit's list inputs: one item per line (and per comma when
    /// `splitCommas`), trimmed, `#` comment lines and empty items dropped.
    static func inputList(_ text: String?, splitCommas: Bool) -> [String] {
        guard let text else { return [] }
        var items: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let trimmedLine = RequirementsText.trim(String(line))
            if trimmedLine.hasPrefix("#") { continue }
            let parts = splitCommas ? trimmedLine.split(separator: ",").map(String.init) : [trimmedLine]
            for part in parts {
                var item = RequirementsText.trim(part)
                if item.count >= 2, let first = item.first, first == "\"" || first == "'", item.last == first {
                    item = String(item.dropFirst().dropLast())
                }
                if !item.isEmpty { items.append(item) }
            }
        }
        return items
    }
}
