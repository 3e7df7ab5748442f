import Foundation

/// The history of deployments: every deployment, step and event, kept as each happens,
/// so a killed deployment can be resumed and nothing recorded is lost. Backed by SQLite
/// (`SQLiteDeploymentStore`, the default `.greenlight/history.sqlite`) or PostgreSQL
/// (`PostgresDeploymentStore`, `--store postgres://…`), with the same schema.
public protocol DeploymentStore: Sendable {
    func insert(_ deployment: DeploymentRecord) async throws(StoreError)
    /// Replaces the record with the same id.
    func update(_ deployment: DeploymentRecord) async throws(StoreError)
    func deployment(id: String) async throws(StoreError) -> DeploymentRecord?
    /// Deployments whose id starts with `prefix` (for `--resume 3fa9`).
    func deployments(idPrefix prefix: String) async throws(StoreError) -> [DeploymentRecord]
    /// Newest first.
    func deployments(_ query: DeploymentQuery) async throws(StoreError) -> [DeploymentRecord]

    /// Inserts a step (normally with no outcome yet) and returns it with its id.
    func startStep(_ step: StepRecord) async throws(StoreError) -> StepRecord
    /// Replaces the step with the same id.
    func finishStep(_ step: StepRecord) async throws(StoreError)
    /// In the order they were started.
    func steps(deploymentID: String) async throws(StoreError) -> [StepRecord]

    func append(_ event: DeploymentEvent) async throws(StoreError)
    /// In the order they happened.
    func events(deploymentID: String) async throws(StoreError) -> [DeploymentEvent]

    func recordChanges(_ changes: [ChangeRecord]) async throws(StoreError)
    /// The changes of the given deployments.
    func changes(deploymentIDs: [String]) async throws(StoreError) -> [ChangeRecord]

    /// Releases connections. The store is not used afterwards.
    func close() async
}

/// A history store problem, worded for the user.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}
