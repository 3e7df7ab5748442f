import GreenlightCore
import Testing
@testable import GreenlightVerify

@Suite(.enabled(if: LiveServers.has("GREENLIGHT_LIVE_GRPC")), .onProbeExecutor)
struct GRPCHealthProbeLiveTests {
    private func probe(_ service: String = "", key: String = "GREENLIGHT_LIVE_GRPC") throws -> GRPCHealthProbe {
        GRPCHealthProbe(spec: GRPCProbeSpec(address: try NetworkTest.address(key), service: service))
    }

    @Test func wholeServerIsServing() async throws {
        let (outcome, _) = await NetworkTest.timed(try probe())
        #expect(outcome == .pass("SERVING"))
    }

    @Test func namedServiceIsServing() async throws {
        let (outcome, _) = await NetworkTest.timed(try probe("greenlight.Healthy"))
        #expect(outcome == .pass("SERVING (service greenlight.Healthy)"))
    }

    @Test func notServingServiceIsUnhealthy() async throws {
        let (outcome, _) = await NetworkTest.timed(try probe("greenlight.Broken"))
        #expect(outcome == .fail(.unhealthy, "service greenlight.Broken is NOT_SERVING"))
    }

    @Test func unknownServiceIsMissing() async throws {
        let (outcome, _) = await NetworkTest.timed(try probe("greenlight.Nope"))
        #expect(outcome == .fail(.missing, "the server does not know service greenlight.Nope"))
    }

    @Test func warmupServiceTurnsServingWithinAFewAttempts() async throws {
        let probe = try probe("greenlight.Warmup")
        let (first, _) = await NetworkTest.timed(probe)
        #expect(first == .fail(.unhealthy, "service greenlight.Warmup is NOT_SERVING"))
        var last = first
        for _ in 0..<8 where !last.ok {
            try await Task.sleep(for: .milliseconds(500))
            last = await probe.attemptOnProbeExecutor(timeout: .seconds(2), context: NetworkTest.context())
        }
        #expect(last == .pass("SERVING (service greenlight.Warmup)"))
    }

    @Test func http1PortSaysWhatItAnswered() async throws {
        let spec = GRPCProbeSpec(address: try NetworkTest.address("GREENLIGHT_LIVE_HTTP"))
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: spec))
        let target = spec.address.description
        #expect(outcome.failure == .protocolError)
        #expect(outcome.detail.hasPrefix("\(target) does not speak HTTP/2 gRPC (it answered "))
        #expect(outcome.detail.hasSuffix(") — is this the HTTP port?"))
    }

    @Test func closedPortIsRefused() async throws {
        let (outcome, _) = await NetworkTest.timed(try probe(key: "GREENLIGHT_LIVE_CLOSED"))
        #expect(outcome.failure == .refused)
    }

    @Test func silentPeerTimesOutOnTime() async throws {
        let (outcome, elapsed) = await NetworkTest.timed(try probe(key: "GREENLIGHT_LIVE_SILENT"), timeout: .seconds(1))
        #expect(outcome.failure == .timeout)
        #expect(outcome.detail.contains("timed out after 1s"))
        #expect(elapsed < .seconds(1) + Timing.slack)
    }

    @Test func plaintextToTLSPortSaysSo() async throws {
        let (outcome, _) = await NetworkTest.timed(try probe(key: "GREENLIGHT_LIVE_GRPC_TLS"))
        #expect(!outcome.ok)
        #expect(outcome.detail.contains("TLS port"))
    }
}

@Suite(.enabled(if: LiveServers.has("GREENLIGHT_LIVE_GRPC_TLS")), .onProbeExecutor)
struct GRPCHealthProbeTLSLiveTests {
    private func spec(caFile: String? = LiveServers.value("GREENLIGHT_LIVE_GRPC_TLS_CA"), serverName: String? = nil,
                      insecure: Bool = false, key: String = "GREENLIGHT_LIVE_GRPC_TLS") throws -> GRPCProbeSpec {
        GRPCProbeSpec(address: try NetworkTest.address(key), service: "greenlight.Healthy", tls: true,
                      insecure: insecure, serverName: serverName, caFile: caFile)
    }

    @Test func trustedCAPassesByAddress() async throws {
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: try spec()))
        #expect(outcome == .pass("SERVING (service greenlight.Healthy)"))
    }

    @Test func trustedCAPassesByServerName() async throws {
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: try spec(serverName: "localhost")))
        #expect(outcome == .pass("SERVING (service greenlight.Healthy)"))
    }

    @Test func withoutTheCAVerificationFails() async throws {
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: try spec(caFile: nil)))
        #expect(outcome.failure == .tls)
        #expect(outcome.detail.contains("TLS with"))
        #expect(outcome.detail.contains("ca-file"))
    }

    @Test func insecureSkipsVerification() async throws {
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: try spec(caFile: nil, insecure: true)))
        #expect(outcome.ok)
    }

    @Test func tlsToPlaintextPortSaysSo() async throws {
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: try spec(key: "GREENLIGHT_LIVE_GRPC")))
        #expect(outcome.failure == .tls)
        #expect(outcome.detail.contains("does not speak TLS"))
    }

    @Test func unreadableCAFileIsASetupError() async throws {
        let (outcome, _) = await NetworkTest.timed(GRPCHealthProbe(spec: try spec(caFile: "no/such/ca.pem")))
        #expect(outcome == .fail(.setup, "cannot read CA certificates (PEM) from /no/such/ca.pem"))
    }
}
