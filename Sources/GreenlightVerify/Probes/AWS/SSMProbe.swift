import GreenlightCore
import NIOCore

/// Checks that SSM parameters exist and hold real values (not "changeme", "<token>"…),
/// reading them with decryption in batches of 10. Never reports a value, only its length.
public struct SSMProbe: ProbeCheck {
    public let spec: SSMProbeSpec
    /// GetParameters takes at most 10 names.
    static let batchSize = 10

    public init(spec: SSMProbeSpec) {
        self.spec = spec
    }

    public func attempt(timeout: Duration, context: ProbeContext) async -> ProbeOutcome {
        let client: AWSJSONClient
        do {
            client = try AWSJSONClient.forProbe(.ssm, region: spec.region, context: context)
        } catch {
            return .fail(.setup, error.message)
        }
        return await check(client: client, timeout: timeout)
    }

    /// Runs the check through `client`.
    func check(client: AWSJSONClient, timeout: Duration) async -> ProbeOutcome {
        var names: [String] = []
        var seen = Set<String>()
        for name in spec.names where seen.insert(name).inserted { names.append(name) }
        guard !names.isEmpty else { return .fail(.setup, "no SSM parameter names to check") }
        let deadline = NIODeadline.after(timeout)
        let batches = stride(from: 0, to: names.count, by: Self.batchSize).map {
            Array(names[$0..<min($0 + Self.batchSize, names.count)])
        }
        let results = await withTaskGroup(of: (Int, Result<SSMGetParametersOutput, AWSCallError>).self) { group in
            for (index, batch) in batches.enumerated() {
                group.addTask {
                    do throws(AWSCallError) {
                        let output = try await client.call("GetParameters", SSMGetParametersInput(names: batch),
                                                           as: SSMGetParametersOutput.self, deadline: deadline)
                        return (index, .success(output))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var collected: [(Int, Result<SSMGetParametersOutput, AWSCallError>)] = []
            for await result in group { collected.append(result) }
            return collected.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var parameters: [SSMParameter] = []
        var invalid: [String] = []
        for result in results {
            switch result {
            case .success(let output):
                parameters += output.parameters ?? []
                invalid += output.invalidParameters ?? []
            case .failure(let error):
                return error.outcome(operation: "GetParameters", access: client.access, timeout: timeout)
            }
        }
        return SSMReport.outcome(names: names, parameters: parameters, invalid: invalid,
                                 placeholderWords: spec.placeholderWords)
    }
}
