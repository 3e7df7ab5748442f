/// Builds each distinct (Dockerfile, context, args, target) once per run, however
/// many services use it: api and worker services often share one image.
final class ImageBuildCache: Sendable {
    let store: ArtifactStore
    let allFiles: SortedPaths
    private let images = LockedCache<ImageBuild, ContainerImage?>()
    private let contexts = LockedCache<String, BuildContextFiles>()

    init(store: ArtifactStore, allFiles: SortedPaths) {
        self.store = store
        self.allFiles = allFiles
    }

    func image(for build: ImageBuild) -> ContainerImage? {
        var key = build
        key.platforms = []
        key.location = nil
        return images.value(for: key) {
            guard let dockerfile = store.dockerfile(build.dockerfile) else { return nil }
            return ImageBuilder(
                dockerfile: dockerfile,
                context: contextFiles(build.context, dockerfile: build.dockerfile),
                buildArgs: build.args,
                target: build.target,
                store: store
            ).build()
        }
    }

    /// The files of a build context after its ignore file.
    func contextFiles(_ context: String, dockerfile: String) -> BuildContextFiles {
        let ignorePath = ImageBuildCache.ignoreFile(context: context, dockerfile: dockerfile, exists: { store.source($0) != nil })
        return contexts.value(for: context + "\u{0}" + (ignorePath ?? "")) {
            let matcher = ignorePath.flatMap { store.dockerignore($0) }
            return BuildContextFiles(root: context, allFiles: allFiles) { relative in
                matcher?.isExcluded(relative) ?? false
            }
        }
    }

    /// The ignore file BuildKit uses: `<Dockerfile>.dockerignore` next to the
    /// Dockerfile wins over `.dockerignore` at the context root.
    static func ignoreFile(context: String, dockerfile: String, exists: (String) -> Bool) -> String? {
        let specific = dockerfile + ".dockerignore"
        if exists(specific) { return specific }
        let general = PathUtilities.join(context, ".dockerignore")
        return exists(general) ? general : nil
    }

    /// An image that is pulled, not built: what the catalog knows about it, with
    /// its filesystem unknown.
    static func pulledImage(_ reference: String, location: SourceLocation) -> ContainerImage {
        var image = ImageBuilder.baseImage(reference, location: location, dockerfile: "")
        image.filesystem.markUncertain("/", reason: "contents of the pulled image \(reference)", location: location)
        image.pythonDistributions = nil
        return image
    }
}
