/// The statements both backends run, written once. Values are always parameters
/// (`?1` for SQLite, `$1` for PostgreSQL), never text spliced into the SQL.
struct StoreSQL {
    /// `?` or `$`, followed by the parameter's number.
    let marker: Character

    static let sqlite = StoreSQL(marker: "?")
    static let postgres = StoreSQL(marker: "$")

    func parameter(_ number: Int) -> String { "\(marker)\(number)" }

    private func parameters(_ range: ClosedRange<Int>) -> String {
        range.map(parameter).joined(separator: ", ")
    }

    private static func list(_ columns: [String]) -> String { columns.joined(separator: ", ") }

    private static let deploymentList = list(StoreSchema.deploymentColumns)
    private static let stepList = "id, " + list(StoreSchema.stepColumns)
    private static let eventList = "id, " + list(StoreSchema.eventColumns)

    var insertDeployment: String {
        let columns = StoreSchema.deploymentColumns
        return "INSERT INTO deployments (\(Self.deploymentList)) VALUES (\(parameters(1...columns.count)))"
    }

    /// Parameters in `deploymentColumns` order; the first (`id`) selects the row.
    var updateDeployment: String {
        let columns = StoreSchema.deploymentColumns
        let assignments = columns.indices.dropFirst().map { "\(columns[$0]) = \(parameter($0 + 1))" }
        return "UPDATE deployments SET \(assignments.joined(separator: ", ")) WHERE id = \(parameter(1))"
    }

    var deploymentByID: String { "SELECT \(Self.deploymentList) FROM deployments WHERE id = \(parameter(1))" }

    /// A byte-wise prefix match (no LIKE: it ignores case in SQLite and needs escaping).
    var deploymentsByPrefix: String {
        "SELECT \(Self.deploymentList) FROM deployments WHERE substr(id, 1, length(\(parameter(1)))) = \(parameter(1))"
            + " ORDER BY started_at DESC, id DESC"
    }

    /// The query's SQL and its values, newest first.
    func deployments(_ query: DeploymentQuery) -> (sql: String, values: [StoreValue]) {
        var conditions: [String] = []
        var values: [StoreValue] = []
        func add(_ column: String, _ comparison: String, _ value: StoreValue) {
            values.append(value)
            conditions.append("\(column) \(comparison) \(parameter(values.count))")
        }
        if let environment = query.environment { add("environment", "=", .text(environment)) }
        if let runbook = query.runbook { add("runbook", "=", .text(runbook)) }
        if let status = query.status { add("status", "=", .text(status.rawValue)) }
        if let since = query.since { add("started_at", ">=", .date(since)) }
        var sql = "SELECT \(Self.deploymentList) FROM deployments"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY started_at DESC, id DESC"
        if let limit = query.limit {
            values.append(.integer(Int64(max(0, limit))))
            sql += " LIMIT \(parameter(values.count))"
        }
        return (sql, values)
    }

    var insertStep: String {
        let columns = StoreSchema.stepColumns
        return "INSERT INTO steps (\(Self.list(columns))) VALUES (\(parameters(1...columns.count)))"
    }

    /// Parameters: the step's id, then `stepColumns`.
    var updateStep: String {
        let columns = StoreSchema.stepColumns
        let assignments = columns.indices.map { "\(columns[$0]) = \(parameter($0 + 2))" }
        return "UPDATE steps SET \(assignments.joined(separator: ", ")) WHERE id = \(parameter(1))"
    }

    var stepsOfDeployment: String {
        "SELECT \(Self.stepList) FROM steps WHERE deployment_id = \(parameter(1)) ORDER BY started_at, id"
    }

    var insertEvent: String {
        let columns = StoreSchema.eventColumns
        return "INSERT INTO events (\(Self.list(columns))) VALUES (\(parameters(1...columns.count)))"
    }

    var eventsOfDeployment: String {
        "SELECT \(Self.eventList) FROM events WHERE deployment_id = \(parameter(1)) ORDER BY at, id"
    }

    /// Recording a change twice keeps one row, with the later commit time.
    static let changeConflict = "ON CONFLICT (deployment_id, sha) DO UPDATE SET committed_at = excluded.committed_at"

    static let changeOrder = "ORDER BY committed_at, deployment_id, sha"

    static let changeList = list(StoreSchema.changeColumns)
}
