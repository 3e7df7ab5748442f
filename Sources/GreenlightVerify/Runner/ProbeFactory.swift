import GreenlightCore

/// The check that carries out each kind of probe.
public enum ProbeFactory {
    public static func check(for spec: ProbeSpec) -> any ProbeCheck {
        switch spec.target {
        case .tcp(let target): TCPProbe(spec: target)
        case .http(let target): HTTPProbe(spec: target)
        case .grpc(let target): GRPCHealthProbe(spec: target)
        case .postgres(let target): PostgresProbe(spec: target)
        case .redis(let target): RedisProbe(spec: target)
        case .ssm(let target): SSMProbe(spec: target)
        case .ecs(let target): ECSProbe(spec: target)
        case .command(let target): CommandProbe(spec: target)
        case .deps(let target): DepsProbe(spec: target)
        }
    }
}
