import Foundation
import GreenlightCore
import GreenlightVerify
import PostgresNIO

/// A PostgresNIO row read as a `StoreRow`: decoding failures become `StoreRowError`.
struct PostgresStoreRow: StoreRow {
    let row: PostgresRandomAccessRow

    func text(_ column: String) throws(StoreRowError) -> String? {
        try decode(String?.self, column, "text")
    }

    func integer(_ column: String) throws(StoreRowError) -> Int64? {
        try decode(Int64?.self, column, "an integer")
    }

    func boolean(_ column: String) throws(StoreRowError) -> Bool? {
        try decode(Bool?.self, column, "a boolean")
    }

    func date(_ column: String) throws(StoreRowError) -> Date? {
        try decode(Date?.self, column, "a timestamp").map(StoreDate.rounded)
    }

    private func decode<Value: PostgresDecodable>(_ type: Value.Type, _ column: String,
                                                 _ what: String) throws(StoreRowError) -> Value {
        guard row.contains(column) else { throw StoreRowError(description: "column \(column) is missing") }
        do {
            return try row[column].decode(type)
        } catch {
            throw StoreRowError(description: "\(column) is not \(what)")
        }
    }
}

enum PostgresSupport {
    /// A statement with its values as parameters.
    static func query(_ sql: String, _ values: [StoreValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .text(let text): bindings.append(text)
            case .integer(let integer): bindings.append(integer)
            case .boolean(let flag): bindings.append(flag)
            case .date(let date): bindings.append(date.map(StoreDate.rounded))
            }
        }
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// Runs a statement and reads all of its rows (none for most writes).
    static func rows(_ connection: PostgresConnection, _ query: PostgresQuery,
                     _ logger: Logger) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await connection.query(query, logger: logger) {
            rows.append(row.makeRandomAccess())
        }
        return rows
    }

    /// The SQLSTATE of a server error (`23505` for a duplicate key…).
    static func sqlState(_ error: any Error) -> String? {
        guard let error = error as? PSQLError, error.code == .server else { return nil }
        return error.serverInfo?[.sqlState]
    }

    /// Why a PostgreSQL call failed, in one line, in the words of `greenlight verify`'s
    /// postgres probe where they fit (refused, password rejected, database missing).
    static func reason(_ error: any Error, endpoint: PostgresEndpoint, connectTimeout: Duration) -> String {
        if let refusal = error as? StoreRefusal { return refusal.description }
        if let row = error as? StoreRowError { return row.description }
        if let deadline = error as? DeadlineExceeded {
            let limit = DurationText.format(deadline.limit)
            return deadline.connecting ? "timed out after \(limit) connecting to \(endpoint.address)"
                : "no answer from \(endpoint.address) within \(limit)"
        }
        if let transaction = error as? PostgresTransactionError,
           let inner = transaction.closureError ?? transaction.commitError ?? transaction.beginError {
            return reason(inner, endpoint: endpoint, connectTimeout: connectTimeout)
        }
        if let state = sqlState(error), let server = error as? PSQLError {
            let message = server.serverInfo?[.message].map { String($0.map { $0.isNewline ? " " : $0 }) }
            switch state {
            case "28P01", "28000", "3D000", "57P03", "53300":
                break
            case "3F000":
                return "\(message ?? "no schema to create tables in") (check search_path in the URL's options)"
            default:
                if let message { return message }
            }
        }
        return PostgresVerdict.outcome(of: error, endpoint: endpoint, timeout: connectTimeout).detail
    }
}
