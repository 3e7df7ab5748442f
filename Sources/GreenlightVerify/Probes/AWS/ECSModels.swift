// Requests and answers of the ECS operations the probe calls (JSON 1.1, camelCase keys).

struct ECSDescribeServicesInput: Encodable, Sendable {
    var cluster: String
    var services: [String]
}

struct ECSDescribeServicesOutput: Decodable, Sendable {
    var services: [ECSService]?
    var failures: [ECSFailure]?
}

struct ECSService: Decodable, Sendable {
    var serviceName: String
    var status: String?
    var desiredCount: Int?
    var runningCount: Int?
    var pendingCount: Int?
    var taskDefinition: String?
    var deployments: [ECSDeployment]?
    var events: [ECSEvent]?
}

struct ECSDeployment: Decodable, Sendable {
    var status: String?
    var taskDefinition: String?
    var desiredCount: Int?
    var runningCount: Int?
    var rolloutState: String?
    var rolloutStateReason: String?
    var failedTasks: Int?
}

struct ECSEvent: Decodable, Sendable {
    /// Seconds since 1970.
    var createdAt: Double?
    var message: String?
}

struct ECSFailure: Decodable, Sendable {
    var arn: String?
    var reason: String?
    var detail: String?
}

struct ECSListTasksInput: Encodable, Sendable {
    var cluster: String
    var serviceName: String
    var desiredStatus = "STOPPED"
    var maxResults = 10
}

struct ECSListTasksOutput: Decodable, Sendable {
    var taskArns: [String]?
}

struct ECSDescribeTasksInput: Encodable, Sendable {
    var cluster: String
    var tasks: [String]
}

struct ECSDescribeTasksOutput: Decodable, Sendable {
    var tasks: [ECSTask]?
}

struct ECSTask: Decodable, Sendable {
    var taskArn: String?
    var stoppedReason: String?
    var stopCode: String?
    var stoppedAt: Double?
    var containers: [ECSContainer]?
}

struct ECSContainer: Decodable, Sendable {
    var name: String?
    var exitCode: Int?
    var reason: String?
}

struct ECSDescribeTaskDefinitionInput: Encodable, Sendable {
    var taskDefinition: String
}

struct ECSDescribeTaskDefinitionOutput: Decodable, Sendable {
    var taskDefinition: ECSTaskDefinition?
}

struct ECSTaskDefinition: Decodable, Sendable {
    var family: String?
    var revision: Int?
    var containerDefinitions: [ECSContainerDefinition]?
}

struct ECSContainerDefinition: Decodable, Sendable {
    var name: String?
    var secrets: [ECSSecret]?
}

struct ECSSecret: Decodable, Sendable {
    var name: String
}
