/// RUN: what a step installs, removes, downloads and generates, and where it may
/// have written files Greenlight cannot name.
extension ImageBuilder {
    func applyRun(_ instruction: DockerInstruction, to image: inout ContainerImage, scope: [String: String]) {
        let location = instruction.location
        var effects: RunEffects
        var stdinScript = false
        switch instruction.arguments {
        case .exec(let argv):
            effects = RunCommandAnalyzer.analyze(arguments: argv, workdir: image.workdir)
        case .shell(let text):
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if let heredoc = instruction.heredocs.first, trimmed.hasPrefix("<<") {
                // `RUN <<EOF` runs the here-document as the shell script.
                effects = RunCommandAnalyzer.analyze(heredoc.content, workdir: image.workdir, environment: scope, location: location)
            } else {
                effects = RunCommandAnalyzer.analyze(text, workdir: image.workdir, environment: scope, location: location)
                stdinScript = !instruction.heredocs.isEmpty
            }
        }
        let summary = ImageBuilder.summary(of: instruction)

        for package in effects.packages {
            for executable in package.executables ?? [] {
                image.addedTools[executable] = ToolOrigin(description: "\(package.ecosystem.rawValue) installs \(package.spec)", location: location)
                image.removedTools[executable] = nil
            }
            if package.ecosystem == .pip {
                image.pipPackages.append(Located(package.spec, at: location))
                image.pythonDistributions?[PythonDistributions.normalize(package.name)] = location
            }
        }
        for package in effects.removedPackages {
            for executable in package.executables ?? [] {
                image.removedTools[executable] = ToolOrigin(description: "removing \(package.spec)", location: location)
                image.addedTools[executable] = nil
            }
            if package.ecosystem == .pip { image.pythonDistributions?[PythonDistributions.normalize(package.name)] = nil }
        }
        for binary in effects.providedBinaries where image.addedTools[binary] == nil {
            image.addedTools[binary] = ToolOrigin(description: summary, location: location)
            image.removedTools[binary] = nil
        }
        if effects.mayProvideUnknownBinaries {
            image.unknownInstall = ToolOrigin(description: summary, location: location)
        }

        for path in effects.requirementFiles {
            installRequirements(at: path, location: location, into: &image)
        }
        for install in effects.localProjectInstalls {
            image.installsProjectMetadata.append(Located(install.directory, at: location))
            installProject(at: install.directory, location: location, into: &image)
        }

        for generator in effects.generators {
            image.generators.append(GeneratorRun(description: generator.tool.rawValue, outputDirectories: generator.outputDirectories, location: location))
        }
        var generatorScripts: Set<String> = []
        for script in effects.scriptsRun {
            guard case .file(let file) = image.filesystem.existence(script), let sourcePath = file.sourcePath,
                  let text = store.source(sourcePath)?.string
            else { continue }
            let found = RunCommandAnalyzer.scriptCallsProtoc(text)
            guard !found.isEmpty else { continue }
            generatorScripts.insert(script)
            let scriptDirectory = PathUtilities.dirname(script)
            for generator in found {
                let outputs = generator.outputDirectories.map { PathUtilities.join(image.workdir, PathUtilities.relative($0, to: scriptDirectory) ?? $0) }
                image.generators.append(GeneratorRun(description: "\(PathUtilities.basename(script)) runs \(generator.tool.rawValue)",
                                                     outputDirectories: outputs + [scriptDirectory], location: location))
            }
        }

        for directory in effects.createdDirectories { image.filesystem.addDirectory(directory) }
        for path in effects.removedPaths { image.filesystem.remove(path) }
        for download in effects.downloads {
            if let destination = download.destination { image.place(destination, ImageFile(sourcePath: nil, addedBy: location)) }
        }
        for transfer in effects.transfers {
            for source in transfer.sources {
                let contents = image.filesystem.contents(of: source)
                let target = transfer.sources.count > 1 || image.filesystem.existence(transfer.destination) == .directory
                    ? PathUtilities.join(transfer.destination, PathUtilities.basename(source))
                    : transfer.destination
                if contents.isEmpty {
                    image.filesystem.markUncertain(target, reason: summary, location: location)
                }
                for (relative, file) in contents {
                    image.place(relative.isEmpty ? target : PathUtilities.join(target, relative), file)
                }
                if transfer.isMove { image.filesystem.remove(source) }
            }
        }
        for link in effects.links {
            image.place(link.link, ImageFile(sourcePath: nil, addedBy: location))
        }

        // Generators and generator scripts only add generated modules, which
        // `generated-code-missing` checks through `generators`; anything else the
        // step may have written makes those paths uncertain.
        let onlyGenerates = effects.unrecognizedCommands.isEmpty && !effects.writesUnknownPaths
            && Set(effects.scriptsRun).isSubset(of: generatorScripts) && !stdinScript
        if !onlyGenerates {
            for path in effects.possiblyWrittenPaths {
                image.filesystem.markUncertain(path, reason: "\(summary) may write here", location: location)
            }
            if effects.writesUnknownPaths || stdinScript {
                image.filesystem.markUncertain(image.workdir, reason: "\(summary) may write here", location: location)
            }
        }
    }

    /// Records the distributions a requirements file (an image path) declares.
    private func installRequirements(at imagePath: String, location: SourceLocation, into image: inout ContainerImage) {
        guard case .file(let file) = image.filesystem.existence(imagePath), let sourcePath = file.sourcePath else {
            // Installed from a file Greenlight cannot read: the set of packages is unknown.
            image.pythonDistributions = nil
            return
        }
        image.requirementFiles.append(Located(sourcePath, at: location))
        var visited: Set<String> = []
        var pending = [sourcePath]
        while let path = pending.popLast() {
            guard visited.insert(path).inserted, let requirements = store.requirementsFile(path) else {
                if !visited.contains(path) { image.pythonDistributions = nil }
                continue
            }
            for requirement in requirements.requirements {
                image.pythonDistributions?[requirement.normalizedName] = requirement.location
            }
            for include in requirements.includes {
                pending.append(include.resolvedPath ?? PathUtilities.join(PathUtilities.dirname(path), include.path))
            }
            if !requirements.unnamedRequirements.isEmpty {
                // A URL or local path requirement installs something Greenlight cannot name.
                image.pythonDistributions = nil
            }
        }
    }

    /// Records what installing the project itself brings: its declared dependencies.
    private func installProject(at directory: String, location: SourceLocation, into image: inout ContainerImage) {
        let manifest = PathUtilities.join(directory, "pyproject.toml")
        guard case .file(let file) = image.filesystem.existence(manifest), let sourcePath = file.sourcePath,
              let project = store.pyproject(sourcePath)
        else {
            image.pythonDistributions = nil
            return
        }
        for requirement in project.dependencies {
            image.pythonDistributions?[requirement.normalizedName] = requirement.location
        }
        if let name = project.name { image.pythonDistributions?[PythonDistributions.normalize(name.value)] = location }
        image.requirementFiles.append(Located(sourcePath, at: location))
    }

    /// "RUN pip install …" shortened for messages.
    static func summary(of instruction: DockerInstruction) -> String {
        let text: String
        switch instruction.arguments {
        case .exec(let argv): text = argv.joined(separator: " ")
        case .shell(let shell): text = shell
        }
        let short = text.count > 60 ? String(text.prefix(57)) + "…" : text
        return "RUN \(short) (\(instruction.location))"
    }
}

import Foundation
