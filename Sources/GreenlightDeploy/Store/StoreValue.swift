import Foundation

/// A value bound to a statement, before a backend turns it into its own type.
enum StoreValue: Sendable, Equatable {
    case text(String?)
    case integer(Int64?)
    case boolean(Bool)
    /// Stored to the millisecond (see `StoreDate`).
    case date(Date?)
}

/// One fetched row, read by column name; each backend wraps its own row type.
protocol StoreRow {
    func text(_ column: String) throws(StoreRowError) -> String?
    func integer(_ column: String) throws(StoreRowError) -> Int64?
    func boolean(_ column: String) throws(StoreRowError) -> Bool?
    func date(_ column: String) throws(StoreRowError) -> Date?
}

/// A value in the history that greenlight cannot read back (wrong type, unknown status,
/// missing value): a history edited by hand or by a newer, incompatible greenlight.
struct StoreRowError: Error, CustomStringConvertible {
    var description: String
}

extension StoreRow {
    func requiredText(_ column: String) throws(StoreRowError) -> String {
        try required(text(column), column)
    }

    func requiredInteger(_ column: String) throws(StoreRowError) -> Int64 {
        try required(integer(column), column)
    }

    func requiredBoolean(_ column: String) throws(StoreRowError) -> Bool {
        try required(boolean(column), column)
    }

    func requiredDate(_ column: String) throws(StoreRowError) -> Date {
        try required(date(column), column)
    }

    func int(_ column: String) throws(StoreRowError) -> Int {
        let value = try requiredInteger(column)
        guard let int = Int(exactly: value) else { throw StoreRowError(description: "\(column) \(value) is out of range") }
        return int
    }

    func requiredInt32(_ column: String) throws(StoreRowError) -> Int32 {
        try required(int32(column), column)
    }

    func int32(_ column: String) throws(StoreRowError) -> Int32? {
        guard let value = try integer(column) else { return nil }
        guard let int = Int32(exactly: value) else { throw StoreRowError(description: "\(column) \(value) is out of range") }
        return int
    }

    /// An enum stored as its raw string.
    func raw<Value: RawRepresentable>(_ type: Value.Type, _ column: String) throws(StoreRowError) -> Value?
    where Value.RawValue == String {
        guard let text = try text(column) else { return nil }
        guard let value = Value(rawValue: text) else {
            throw StoreRowError(description: "unknown \(column) \"\(text)\" (written by a newer greenlight?)")
        }
        return value
    }

    private func required<Value>(_ value: Value?, _ column: String) throws(StoreRowError) -> Value {
        guard let value else { throw StoreRowError(description: "\(column) is empty") }
        return value
    }
}
