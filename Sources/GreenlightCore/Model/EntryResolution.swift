/// What a service's start command needs to find in the image, and whether it is there.
public struct EntryResolution: Hashable, Sendable {
    public enum Target: Hashable, Sendable {
        /// `python -m name`: needs `name` as a module, or a package with `__main__.py`.
        case module(String)
        /// `python path.py`, `node server.js`: needs the file.
        case script(String)
        /// `uvicorn mod:app`, `gunicorn mod:app`, `celery -A mod`: needs the module.
        case appModule(String)
        /// `./start.sh`, `/app/bin/server`: needs the executable.
        case executable(String)
    }

    public enum Status: Hashable, Sendable {
        case found(String)
        /// Not in the image: the paths that were tried and, when Greenlight can tell, why.
        case missing(tried: [String], hint: String?)
        case unknown
    }

    public var target: Target
    /// The command as written, for messages.
    public var command: String
    public var location: SourceLocation
    public var status: Status

    public init(target: Target, command: String, location: SourceLocation, status: Status) {
        self.target = target
        self.command = command
        self.location = location
        self.status = status
    }
}
