/// COPY and ADD: which context or stage files land where in the image.
extension ImageBuilder {
    static let archiveSuffixes = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"]

    func applyCopy(_ copy: CopyInstruction, location: SourceLocation, to image: inout ContainerImage,
                   scope: [String: String], built: [Int: ContainerImage]) {
        let destinationText = expand(copy.destination, scope)
        let destination = PathUtilities.join(image.workdir, destinationText)
        let sources = copy.sources.map { expand($0, scope) }
        let intoDirectory = copy.destinationIsDirectory || sources.count > 1
            || image.filesystem.existence(destination) == .directory
        let record = ImageFile(sourcePath: nil, addedBy: location)

        for inline in copy.inlineFiles {
            let path = PathUtilities.join(image.workdir, inline.destinationPath)
            image.place(path, record)
        }

        if let fromText = copy.from.map({ expand($0, scope) }) {
            if let stage = dockerfile.stage(named: fromText), let source = built[stage.index] {
                for sourcePath in sources {
                    copyFromStage(source, PathUtilities.join("/", sourcePath), to: destination,
                                  intoDirectory: intoDirectory, location: location, image: &image)
                }
            } else {
                // An image Greenlight does not simulate (`COPY --from=ghcr.io/...`).
                for sourcePath in sources {
                    let target = intoDirectory ? PathUtilities.join(destination, PathUtilities.basename(sourcePath)) : destination
                    image.place(target, record)
                    image.filesystem.markUncertain(intoDirectory ? destination : target,
                                                   reason: "copied from image \(fromText)", location: location)
                }
            }
            return
        }

        for source in sources {
            if source.hasPrefix("http://") || source.hasPrefix("https://") || source.hasPrefix("git@") {
                let name = PathUtilities.basename(source.split(separator: "?").first.map(String.init) ?? source)
                let target = intoDirectory ? PathUtilities.join(destination, name) : destination
                if source.hasSuffix(".git") || source.hasPrefix("git@") {
                    image.filesystem.markUncertain(destination, reason: "ADD of a git repository", location: location)
                } else {
                    image.place(target, record)
                }
                continue
            }
            copyFromContext(source, to: destination, intoDirectory: intoDirectory, isAdd: copy.isAdd,
                            parents: copy.parents, location: location, image: &image)
        }
    }

    private func copyFromContext(_ source: String, to destination: String, intoDirectory: Bool, isAdd: Bool,
                                 parents: Bool, location: SourceLocation, image: inout ContainerImage) {
        let normalized = PathUtilities.normalize(source.hasPrefix("/") ? String(source.dropFirst()) : source)
        if normalized == ".." || normalized.hasPrefix("../") {
            image.buildProblems.append(Located(
                "COPY source \(source) is outside the build context \(context.root.isEmpty ? "." : context.root)/; docker build fails with \"forbidden path outside the build context\"",
                at: location))
            image.filesystem.markUncertain(destination, reason: "COPY from outside the build context", location: location)
            return
        }
        let projectPath = { (relative: String) in context.root.isEmpty ? relative : context.root + "/" + relative }
        if PathGlob.isPattern(normalized) {
            let matches = context.matches(normalized)
            if matches.isEmpty {
                if !context.ignored.contains(where: { PathGlob.matches(normalized, $0) }) {
                    // Docker tolerates a pattern that matches nothing only when other sources exist; report nothing.
                }
                return
            }
            for match in matches {
                if context.fileSet.contains(match) {
                    let target = PathUtilities.join(destination, parents ? match : PathUtilities.basename(match))
                    image.place(target, ImageFile(sourcePath: projectPath(match), addedBy: location))
                } else {
                    let base = parents ? PathUtilities.join(destination, match) : destination
                    for (relative, path) in context.contents(of: match) {
                        image.place(PathUtilities.join(base, relative), ImageFile(sourcePath: projectPath(path), addedBy: location))
                    }
                    image.filesystem.addDirectory(base)
                }
            }
            return
        }
        if normalized.isEmpty {
            for (relative, path) in context.contents(of: "") {
                image.place(PathUtilities.join(destination, relative), ImageFile(sourcePath: projectPath(path), addedBy: location))
            }
            image.filesystem.addDirectory(destination)
            return
        }
        if context.fileSet.contains(normalized) {
            if isAdd, ImageBuilder.archiveSuffixes.contains(where: { normalized.hasSuffix($0) }) {
                image.filesystem.addDirectory(destination)
                image.filesystem.markUncertain(destination, reason: "ADD extracts the archive \(normalized)", location: location)
                return
            }
            let target = intoDirectory
                ? PathUtilities.join(destination, parents ? normalized : PathUtilities.basename(normalized))
                : destination
            image.place(target, ImageFile(sourcePath: projectPath(normalized), addedBy: location))
            return
        }
        if context.directories.contains(normalized) {
            // A directory's contents are copied, not the directory itself.
            let base = parents ? PathUtilities.join(destination, normalized) : destination
            image.filesystem.addDirectory(base)
            for (relative, path) in context.contents(of: normalized) {
                image.place(PathUtilities.join(base, relative), ImageFile(sourcePath: projectPath(path), addedBy: location))
            }
            return
        }
        let excluded = context.ignored.contains(normalized) || context.ignored.contains(where: { $0.hasPrefix(normalized + "/") })
        let reason = excluded
            ? "\(normalized) is excluded by .dockerignore"
            : "\(normalized) does not exist in the build context \(context.root.isEmpty ? "." : context.root)/"
        image.buildProblems.append(Located("COPY source \(source) not found: \(reason); docker build fails", at: location))
        image.filesystem.markUncertain(intoDirectory ? destination : PathUtilities.dirname(destination),
                                       reason: "COPY of a missing source", location: location)
    }

    private func copyFromStage(_ source: ContainerImage, _ path: String, to destination: String, intoDirectory: Bool,
                               location: SourceLocation, image: inout ContainerImage) {
        let contents = source.filesystem.contents(of: path)
        let isFile = contents.count == 1 && contents[0].relative.isEmpty
        for (relative, file) in contents {
            let target: String
            if isFile {
                target = intoDirectory ? PathUtilities.join(destination, PathUtilities.basename(path)) : destination
            } else {
                target = PathUtilities.join(destination, relative)
            }
            image.place(target, file)
        }
        if !isFile { image.filesystem.addDirectory(destination) }
        for region in source.filesystem.uncertainRegions(within: path) {
            let mapped: String
            if let relative = PathUtilities.relative(region.path, to: path) {
                mapped = relative.isEmpty ? destination : PathUtilities.join(destination, relative)
            } else {
                mapped = isFile ? (intoDirectory ? PathUtilities.join(destination, PathUtilities.basename(path)) : destination) : destination
            }
            image.filesystem.markUncertain(mapped, reason: region.reason, location: region.location)
        }
        // What a build stage installed travels with the directories that hold it.
        let carriesPackages = ["site-packages", "dist-packages", "venv", "/install", "/usr/local", "/opt", "/root/.local", "/home"]
            .contains { path.contains($0) } || path == "/"
        if carriesPackages {
            if let installed = source.pythonDistributions {
                image.pythonDistributions?.merge(installed) { current, _ in current }
                image.requirementFiles += source.requirementFiles
                image.pipPackages += source.pipPackages
                image.installsProjectMetadata += source.installsProjectMetadata
            } else {
                image.pythonDistributions = nil
            }
        }
        if path == "/" || path.hasPrefix("/usr") || path.hasPrefix("/bin") || path.hasPrefix("/opt") {
            for (name, origin) in source.addedTools { image.addedTools[name] = origin }
        }
        image.generators += source.generators
    }
}

extension ContainerImage {
    /// Puts a file in the image; a file in a PATH directory becomes a program.
    mutating func place(_ path: String, _ file: ImageFile) {
        let normalized = PathUtilities.normalize(path)
        filesystem.addFile(normalized, file)
        if ImageBuilder.pathDirectories.contains(PathUtilities.dirname(normalized)) {
            let name = PathUtilities.basename(normalized)
            addedTools[name] = ToolOrigin(description: "copied to \(normalized)", location: file.addedBy)
            removedTools[name] = nil
        }
    }
}
