/// The compose files docker compose would combine for one `docker compose up`
/// (`docker-compose.yml` + `docker-compose.override.yml`, or `-f a.yml -f b.yml`),
/// merged into one model. Values keep the location of the file they came from.
public struct ComposeProject: Sendable {
    /// The merged files, in merge order.
    public var files: [String]
    /// The last top-level `name:` set.
    public var name: String?
    /// Services in order of first appearance.
    public var services: [ComposeService]
    public var volumes: [Located<String>]
    public var networks: [Located<String>]
    public var secrets: [Located<String>]
    public var configs: [Located<String>]
    public var includes: [Located<String>]
    /// Issues of all files.
    public var issues: [ParseIssue]
    public var interpolationErrors: [ParseIssue]
    /// Comments of all files.
    public var comments: [Located<String>]
    /// Interpolation records of all files, keyed by the value's location.
    public var interpolations: [SourceLocation: ComposeInterpolation]
    /// Unset variables referenced without a default, in all files.
    public var missingVariables: [Located<String>]

    public init(files: [String] = []) {
        self.files = files
        self.services = []
        self.volumes = []
        self.networks = []
        self.secrets = []
        self.configs = []
        self.includes = []
        self.issues = []
        self.interpolationErrors = []
        self.comments = []
        self.interpolations = [:]
        self.missingVariables = []
    }

    /// Lays each file over the ones before it, as docker compose does with several `-f` files.
    public static func merge(_ files: [ComposeFile]) -> ComposeProject {
        var project = ComposeProject(files: files.map(\.path))
        var positions: [String: Int] = [:]
        for file in files {
            if let name = file.name { project.name = name }
            for service in file.services {
                if let index = positions[service.name] {
                    project.services[index] = ComposeServiceMerger.merge(project.services[index], service)
                } else {
                    positions[service.name] = project.services.count
                    project.services.append(service)
                }
            }
            project.volumes = ComposeServiceMerger.mergeByKey(project.volumes, file.volumes, key: \.value)
            project.networks = ComposeServiceMerger.mergeByKey(project.networks, file.networks, key: \.value)
            project.secrets = ComposeServiceMerger.mergeByKey(project.secrets, file.secrets, key: \.value)
            project.configs = ComposeServiceMerger.mergeByKey(project.configs, file.configs, key: \.value)
            project.includes += file.includes
            project.issues += file.issues
            project.interpolationErrors += file.interpolationErrors
            project.comments += file.comments
            project.interpolations.merge(file.interpolations) { _, new in new }
            project.missingVariables += file.environment.missingVariables
        }
        return project
    }

    /// A project made of one file.
    public init(_ file: ComposeFile) {
        self = ComposeProject.merge([file])
    }

    /// The service called `name`, if any.
    public func service(named name: String) -> ComposeService? {
        services.first { $0.name == name }
    }

    /// The interpolation behind the value at `location`, if it contained `$`.
    public func interpolation(at location: SourceLocation) -> ComposeInterpolation? {
        interpolations[location]
    }
}
