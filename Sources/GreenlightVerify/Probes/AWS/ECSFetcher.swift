import NIOCore

/// The ECS calls of one probe attempt, run concurrently under one deadline.
struct ECSFetcher: Sendable {
    let client: AWSJSONClient
    let cluster: String
    let deadline: NIODeadline

    /// DescribeServices for each batch, in batch order.
    func describeServices(_ batches: [[String]]) async -> [Result<ECSDescribeServicesOutput, AWSCallError>] {
        await withTaskGroup(of: (Int, Result<ECSDescribeServicesOutput, AWSCallError>).self) { group in
            for (index, batch) in batches.enumerated() {
                group.addTask {
                    do throws(AWSCallError) {
                        let output = try await client.call("DescribeServices", ECSDescribeServicesInput(cluster: cluster, services: batch),
                                                           as: ECSDescribeServicesOutput.self, deadline: deadline)
                        return (index, .success(output))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results: [(Int, Result<ECSDescribeServicesOutput, AWSCallError>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    /// Recently stopped tasks of each service, newest first. Evidence only: a service whose
    /// tasks cannot be listed simply gets none.
    func stoppedTasks(of services: [String]) async -> [String: [ECSTask]] {
        await withTaskGroup(of: (String, [ECSTask]).self) { group in
            for service in services {
                group.addTask { (service, await stoppedTasks(of: service)) }
            }
            var result: [String: [ECSTask]] = [:]
            for await (service, tasks) in group { result[service] = tasks }
            return result
        }
    }

    private func stoppedTasks(of service: String) async -> [ECSTask] {
        do throws(AWSCallError) {
            let list = try await client.call("ListTasks", ECSListTasksInput(cluster: cluster, serviceName: service),
                                             as: ECSListTasksOutput.self, deadline: deadline)
            let arns = list.taskArns ?? []
            guard !arns.isEmpty else { return [] }
            let described = try await client.call("DescribeTasks", ECSDescribeTasksInput(cluster: cluster, tasks: arns),
                                                  as: ECSDescribeTasksOutput.self, deadline: deadline)
            return (described.tasks ?? []).sorted { ($0.stoppedAt ?? 0) > ($1.stoppedAt ?? 0) }
        } catch {
            return []
        }
    }

    /// DescribeTaskDefinition of each distinct task definition ARN.
    func taskDefinitions(_ arns: [String]) async -> [String: Result<ECSTaskDefinition, AWSCallError>] {
        await withTaskGroup(of: (String, Result<ECSTaskDefinition, AWSCallError>).self) { group in
            for arn in arns {
                group.addTask {
                    do throws(AWSCallError) {
                        let output = try await client.call("DescribeTaskDefinition", ECSDescribeTaskDefinitionInput(taskDefinition: arn),
                                                           as: ECSDescribeTaskDefinitionOutput.self, deadline: deadline)
                        guard let definition = output.taskDefinition else {
                            return (arn, .failure(.malformed("no taskDefinition for \(ECSReport.label(arn))")))
                        }
                        return (arn, .success(definition))
                    } catch {
                        return (arn, .failure(error))
                    }
                }
            }
            var result: [String: Result<ECSTaskDefinition, AWSCallError>] = [:]
            for await (arn, read) in group { result[arn] = read }
            return result
        }
    }
}
