import Foundation
import GRDB
import GreenlightCore

/// A GRDB row read as a `StoreRow`: decoding failures become `StoreRowError`, never a crash.
struct SQLiteRow: StoreRow {
    let row: Row

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
        guard let text = try text(column) else { return nil }
        guard let date = StoreDate.parse(text) else {
            throw StoreRowError(description: "\(column) \"\(text)\" is not a timestamp (YYYY-MM-DD HH:MM:SS.SSS)")
        }
        return date
    }

    private func decode<Value: DatabaseValueConvertible>(_ type: Value?.Type, _ column: String,
                                                        _ what: String) throws(StoreRowError) -> Value? {
        do {
            return try row.decode(type, forColumn: column)
        } catch {
            throw StoreRowError(description: "\(column) is not \(what)")
        }
    }
}

/// Something the store refuses, worded for the user: a duplicate id, an update of a
/// record that is not there.
struct StoreRefusal: Error, CustomStringConvertible {
    var description: String
}

enum SQLiteSupport {
    static func arguments(_ values: [StoreValue]) -> StatementArguments {
        StatementArguments(values.map(databaseValue))
    }

    static func databaseValue(_ value: StoreValue) -> DatabaseValue {
        switch value {
        case .text(let text): text?.databaseValue ?? .null
        case .integer(let integer): integer?.databaseValue ?? .null
        case .boolean(let flag): flag.databaseValue
        case .date(let date): date.map { StoreDate.text($0).databaseValue } ?? .null
        }
    }

    /// Why an SQLite call failed, in one line with what to do about it.
    static func reason(_ error: any Error, busyTimeout: TimeInterval) -> String {
        if let refusal = error as? StoreRefusal { return refusal.description }
        if let row = error as? StoreRowError { return row.description }
        guard let database = error as? DatabaseError else { return oneLine("\(error)") }
        let message = database.message ?? "SQLite error \(database.extendedResultCode.rawValue)"
        switch database.resultCode {
        case .SQLITE_NOTADB:
            return "not an SQLite database (\(message))"
        case .SQLITE_CORRUPT:
            return "the database file is damaged (\(message)); move it away to start a new history, or restore a backup"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            let limit = DurationText.format(.milliseconds(Int((busyTimeout * 1000).rounded())))
            return "\(message) (another process held it for more than \(limit))"
        case .SQLITE_CANTOPEN:
            return "\(message) (check that its folder exists and is writable)"
        default:
            return oneLine(message)
        }
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// The migrations of `StoreSchema`, one per version (`v1`, `v2`…).
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for (index, statements) in StoreSchema.versions(.sqlite).enumerated() {
            migrator.registerMigration("v\(index + 1)") { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }
}
