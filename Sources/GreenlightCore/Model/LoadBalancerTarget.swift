/// A load balancer target group in front of a service's container, from an
/// `aws_ecs_service` `load_balancer` block (or a CloudFormation `LoadBalancers`
/// entry) and the target group it names.
public struct LoadBalancerTarget: Hashable, Sendable {
    /// How the target group is named in the infrastructure code.
    public var targetGroup: String
    public var targetGroupLocation: SourceLocation
    /// The container port the service registers with the target group.
    public var containerPort: Located<Int>?
    public var port: Located<Int>?
    /// HTTP, HTTPS, TCP…
    public var protocolName: Located<String>?
    /// HTTP1, HTTP2 or GRPC (for HTTP/HTTPS target groups).
    public var protocolVersion: Located<String>?
    /// `traffic-port` or a number.
    public var healthCheckPort: Located<String>?
    public var healthCheckProtocol: Located<String>?
    public var healthCheckPath: Located<String>?
    /// Where the link between service and target group is written.
    public var location: SourceLocation

    public init(targetGroup: String, targetGroupLocation: SourceLocation, location: SourceLocation) {
        self.targetGroup = targetGroup
        self.targetGroupLocation = targetGroupLocation
        self.location = location
    }
}
