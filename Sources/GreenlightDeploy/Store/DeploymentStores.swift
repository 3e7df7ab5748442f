import Foundation
import GreenlightVerify

/// Opens the history a `--store` value (or its absence) names.
public enum DeploymentStores {
    /// The history file used when no store is given, relative to the project directory.
    public static let defaultPath = ".greenlight/history.sqlite"

    /// nil: the SQLite history `<directory>/.greenlight/history.sqlite` (the folder is
    /// created); `postgres://…` or `postgresql://…`: a PostgreSQL history; anything else:
    /// an SQLite file, relative to `directory` unless absolute (`~/` is the home folder).
    /// Close the store when done.
    public static func open(_ location: String?, directory: String) async throws(StoreError) -> any DeploymentStore {
        switch try target(location, directory: directory) {
        case .postgres(let url):
            return try await PostgresDeploymentStore.open(url: url, directory: directory)
        case .sqlite(let path, let isDefault):
            if isDefault {
                let folder = (path as NSString).deletingLastPathComponent
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw StoreError("cannot open history \(path): cannot create folder \(folder): \(error.localizedDescription)")
                }
            }
            return try SQLiteDeploymentStore(path: path)
        }
    }

    /// What `open` would open, for messages: "history /repo/.greenlight/history.sqlite"
    /// or "PostgreSQL history at db.internal:5432/deploys". Never includes a password.
    public static func describe(_ location: String?, directory: String) -> String {
        do {
            switch try target(location, directory: directory) {
            case .postgres(let url):
                switch PostgresEndpoint.parse(url, baseDirectory: directory) {
                case .success(let endpoint): return PostgresDeploymentStore.historyName(endpoint)
                case .failure: return "PostgreSQL history \(ConnectionURL.redacted(url))"
                }
            case .sqlite(let path, _):
                return "history \(path)"
            }
        } catch {
            return "history \(ConnectionURL.redacted(location ?? ""))"
        }
    }

    private enum Target {
        case postgres(String)
        case sqlite(path: String, isDefault: Bool)
    }

    private static func target(_ location: String?, directory: String) throws(StoreError) -> Target {
        guard let location else { return .sqlite(path: absolute(defaultPath, directory: directory), isDefault: true) }
        let trimmed = location.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            throw StoreError("the history location is empty: give an SQLite file path or a postgres:// URL")
        }
        if let separator = trimmed.range(of: "://") {
            let scheme = trimmed[..<separator.lowerBound].lowercased()
            if scheme == "postgres" || scheme == "postgresql" { return .postgres(trimmed) }
            // A file name does not contain "://": this is a URL of a kind greenlight cannot use.
            if !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
                throw StoreError("cannot open history \(ConnectionURL.redacted(trimmed)): \(scheme):// is not supported; give an SQLite file path or a postgres:// URL")
            }
        }
        return .sqlite(path: absolute(trimmed, directory: directory), isDefault: false)
    }

    private static func absolute(_ path: String, directory: String) -> String {
        var path = path
        if path == "~" || path.hasPrefix("~/") {
            path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst()
        }
        let base = URL(fileURLWithPath: directory.isEmpty ? FileManager.default.currentDirectoryPath : directory,
                       isDirectory: true)
        return URL(fileURLWithPath: path, relativeTo: base).standardizedFileURL.path
    }
}
