import Foundation
import GreenlightCore
import NIOCore

/// Checks that ECS services are stable (ACTIVE, one deployment, running == desired) and,
/// when asked, that their task definitions pass the required secrets. For an unstable
/// service it adds the latest service events and why recent tasks stopped.
public struct ECSProbe: ProbeCheck {
    public let spec: ECSProbeSpec
    /// DescribeServices takes at most 10 services.
    static let batchSize = 10

    public init(spec: ECSProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let client: AWSJSONClient
        do {
            client = try AWSJSONClient.forProbe(.ecs, region: spec.region, context: context)
        } catch {
            return .fail(.setup, error.message)
        }
        return await check(client: client, timeout: timeout)
    }

    /// Runs the check through `client`.
    func check(client: AWSJSONClient, timeout: Duration) async -> ProbeOutcome {
        var names: [String] = []
        var seen = Set<String>()
        for name in spec.services where seen.insert(name).inserted { names.append(name) }
        guard !names.isEmpty else { return .fail(.setup, "no ECS services to check") }
        let deadline = NIODeadline.after(timeout)
        let fetcher = ECSFetcher(client: client, cluster: spec.cluster, deadline: deadline)

        var services: [String: ECSService] = [:]
        var failures: [String: String] = [:]
        let batches = stride(from: 0, to: names.count, by: Self.batchSize).map {
            Array(names[$0..<min($0 + Self.batchSize, names.count)])
        }
        for result in await fetcher.describeServices(batches) {
            switch result {
            case .success(let output):
                for service in output.services ?? [] { services[service.serviceName] = service }
                for failure in output.failures ?? [] {
                    failures[ECSReport.label(failure.arn)] = failure.reason ?? failure.detail ?? "unknown"
                }
            case .failure(.service(let error)) where error.code == "ClusterNotFoundException":
                return .fail(.missing, "ECS cluster \(spec.cluster) not found in \(client.access.region) (\(error.message))")
            case .failure(let error):
                return error.outcome(operation: "DescribeServices", access: client.access, timeout: timeout)
            }
        }
        var findings = names.map { name in
            ECSServiceFindings(name: name, service: services[name], failureReason: services[name] == nil ? failures[name] : nil)
        }
        let secrets = spec.secrets
        let unstable = findings.filter { !$0.isMissing && !$0.stabilityProblems.isEmpty }.map(\.name)
        let definitions = secrets.isEmpty ? [] : Array(Set(findings.compactMap { $0.isMissing ? nil : $0.service?.taskDefinition }))

        async let stopped = fetcher.stoppedTasks(of: unstable)
        async let read = fetcher.taskDefinitions(definitions)
        let (stoppedTasks, taskDefinitions) = await (stopped, read)

        for index in findings.indices {
            findings[index].stoppedTasks = stoppedTasks[findings[index].name] ?? []
            guard !secrets.isEmpty, !findings[index].isMissing,
                  let arn = findings[index].service?.taskDefinition, let read = taskDefinitions[arn] else { continue }
            switch read {
            case .success(let definition):
                findings[index].taskDefinitionLabel = definition.family.map { "\($0):\(definition.revision ?? 0)" }
                let passed = Set((definition.containerDefinitions ?? []).flatMap { ($0.secrets ?? []).map(\.name) })
                findings[index].lackingSecrets = secrets.filter { !passed.contains($0) }
            case .failure(let error):
                findings[index].taskDefinitionFailure = error.outcome(operation: "DescribeTaskDefinition",
                                                                      access: client.access, timeout: timeout)
            }
        }
        return ECSReport.outcome(findings, secrets: secrets, now: Date())
    }
}
