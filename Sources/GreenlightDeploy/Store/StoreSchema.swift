/// The history's tables, the same in SQLite and PostgreSQL but for column types:
/// `deployments`, `steps`, `events` and `changes`. Each version is a list of statements
/// applied once, in order; a later version may add tables or columns, never remove them,
/// so an older greenlight can still read and write a history a newer one upgraded.
enum StoreSchema {
    /// Column types per backend.
    enum Dialect {
        case sqlite
        case postgres

        var text: String { "TEXT" }
        var integer: String { self == .sqlite ? "INTEGER" : "BIGINT" }
        var boolean: String { self == .sqlite ? "INTEGER" : "BOOLEAN" }
        /// UTC, to the millisecond (see `StoreDate`).
        var timestamp: String { self == .sqlite ? "TEXT" : "TIMESTAMPTZ" }
        var serialKey: String { self == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY" }
        /// `IF NOT EXISTS` for PostgreSQL, where several processes may set up one database
        /// under an advisory lock; SQLite's migrator records what it applied.
        var ifNotExists: String { self == .sqlite ? "" : "IF NOT EXISTS " }
    }

    static let deploymentColumns = [
        "id", "runbook", "runbook_path", "runbook_digest", "environment", "status", "started_at", "finished_at",
        "actor", "git_commit", "git_branch", "git_dirty", "commit_time", "journal_path", "freeze_override_reason",
        "phase_index", "failure_summary", "stopped_by", "production_changed", "caught_before_production", "host", "pid",
    ]
    /// Without `id`, which the database assigns.
    static let stepColumns = [
        "deployment_id", "phase_index", "phase_name", "section", "step_index", "kind", "title", "started_at",
        "finished_at", "outcome", "exit_code", "output_tail", "message",
    ]
    /// Without `id`, which the database assigns.
    static let eventColumns = ["deployment_id", "at", "kind", "message"]
    static let changeColumns = ["deployment_id", "sha", "committed_at"]

    /// The statements of each schema version, oldest first.
    static func versions(_ dialect: Dialect) -> [[String]] {
        [version1(dialect)]
    }

    private static func version1(_ d: Dialect) -> [String] {
        let exists = d.ifNotExists
        return [
            """
            CREATE TABLE \(exists)deployments (
                id \(d.text) PRIMARY KEY NOT NULL,
                runbook \(d.text) NOT NULL,
                runbook_path \(d.text) NOT NULL,
                runbook_digest \(d.text) NOT NULL,
                environment \(d.text) NOT NULL,
                status \(d.text) NOT NULL,
                started_at \(d.timestamp) NOT NULL,
                finished_at \(d.timestamp),
                actor \(d.text) NOT NULL,
                git_commit \(d.text),
                git_branch \(d.text),
                git_dirty \(d.boolean) NOT NULL,
                commit_time \(d.timestamp),
                journal_path \(d.text) NOT NULL,
                freeze_override_reason \(d.text),
                phase_index \(d.integer) NOT NULL,
                failure_summary \(d.text),
                stopped_by \(d.text),
                production_changed \(d.boolean) NOT NULL,
                caught_before_production \(d.boolean) NOT NULL,
                host \(d.text) NOT NULL,
                pid \(d.integer) NOT NULL
            )
            """,
            "CREATE INDEX \(exists)deployments_started_at ON deployments (started_at)",
            "CREATE INDEX \(exists)deployments_environment ON deployments (environment, started_at)",
            """
            CREATE TABLE \(exists)steps (
                id \(d.serialKey),
                deployment_id \(d.text) NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
                phase_index \(d.integer) NOT NULL,
                phase_name \(d.text) NOT NULL,
                section \(d.text) NOT NULL,
                step_index \(d.integer) NOT NULL,
                kind \(d.text) NOT NULL,
                title \(d.text) NOT NULL,
                started_at \(d.timestamp) NOT NULL,
                finished_at \(d.timestamp),
                outcome \(d.text),
                exit_code \(d.integer),
                output_tail \(d.text) NOT NULL,
                message \(d.text)
            )
            """,
            "CREATE INDEX \(exists)steps_deployment ON steps (deployment_id, started_at)",
            """
            CREATE TABLE \(exists)events (
                id \(d.serialKey),
                deployment_id \(d.text) NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
                at \(d.timestamp) NOT NULL,
                kind \(d.text) NOT NULL,
                message \(d.text) NOT NULL
            )
            """,
            "CREATE INDEX \(exists)events_deployment ON events (deployment_id, at)",
            """
            CREATE TABLE \(exists)changes (
                deployment_id \(d.text) NOT NULL REFERENCES deployments (id) ON DELETE CASCADE,
                sha \(d.text) NOT NULL,
                committed_at \(d.timestamp) NOT NULL,
                PRIMARY KEY (deployment_id, sha)
            )
            """,
        ]
    }
}
