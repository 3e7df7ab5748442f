/// Every rule, in the order they are documented. A test checks that each `Rule`
/// type under Rules/ is listed here exactly once.
public enum RuleRegistry {
    public static let all: [any Rule.Type] = [
        EntrypointMissingRule.self,
        CopySourceMissingRule.self,
        HealthcheckToolMissingRule.self,
        HealthcheckProtocolRule.self,
        HealthcheckMissingRule.self,
        PortMismatchRule.self,
        BindLocalhostRule.self,
        ImageTagLatestRule.self,
        PlaceholderValueRule.self,
        HardcodedSecretRule.self,
        MissingEnvRule.self,
        DebugEnabledRule.self,
        UndeclaredDependencyRule.self,
        GeneratedCodeMissingRule.self,
        RunsAsRootRule.self,
        ComposeDependsUnhealthyRule.self,
        DockerignoreMissingRule.self,
        HealthcheckStartPeriodRule.self,
        ResourceMinimumRule.self,
        FargateSizeInvalidRule.self,
        LoggingMissingRule.self,
        PlatformUnspecifiedRule.self,
        SecretRefUnresolvedRule.self,
        TargetGroupMismatchRule.self,
        ParseErrorRule.self,
        PartialAnalysisRule.self,
    ]

    public static var descriptions: [RuleDescription] { all.map { $0.description } }

    public static var ids: [String] { all.map { $0.description.id } }

    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }
}
