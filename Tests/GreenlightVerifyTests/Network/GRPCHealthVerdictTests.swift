import Testing
@testable import GreenlightVerify

@Suite struct GRPCHealthVerdictTests {
    private let target = "10.0.0.5:50051"

    private func outcome(_ reply: GRPCHealthReply, service: String = "api.Orders") -> ProbeOutcome {
        GRPCHealthVerdict.outcome(of: reply, target: target, service: service)
    }

    @Test func servingStatusesFromTheMessage() {
        var reply = GRPCHealthReply(httpStatus: "200", body: [0, 0, 0, 0, 2, 0x08, 0x01], grpcStatus: "0", finished: true)
        #expect(outcome(reply) == .pass("SERVING (service api.Orders)"))
        #expect(outcome(reply, service: "") == .pass("SERVING"))
        reply.body = [0, 0, 0, 0, 2, 0x08, 0x03]
        #expect(outcome(reply) == .fail(.unhealthy, "service api.Orders is SERVICE_UNKNOWN"))
        reply.body = [0, 0, 0, 0, 0]
        #expect(outcome(reply, service: "") == .fail(.unhealthy, "the server is UNKNOWN"))
        reply.body = []
        #expect(outcome(reply).failure == .protocolError)
    }

    @Test func grpcStatusCodes() {
        let unimplemented = GRPCHealthReply(httpStatus: "200", grpcStatus: "12", finished: true)
        #expect(outcome(unimplemented) == .fail(.missing,
            "the server has no grpc.health.v1 health service (register grpc_health.v1 HealthServicer)"))
        let unavailable = GRPCHealthReply(httpStatus: "200", grpcStatus: "14", grpcMessage: "backend\ndown", finished: true)
        #expect(outcome(unavailable) == .fail(.unhealthy,
            "health check of service api.Orders failed with gRPC UNAVAILABLE (14): backend down"))
        let bogus = GRPCHealthReply(httpStatus: "200", grpcStatus: "x", finished: true)
        #expect(outcome(bogus).failure == .protocolError)
    }

    @Test func nonGRPCAnswersAreProtocolErrors() {
        let notFound = GRPCHealthReply(httpStatus: "404", contentType: "text/html", finished: true)
        #expect(outcome(notFound) == .fail(.protocolError,
            "10.0.0.5:50051 answered HTTP/2 status 404, content-type text/html, not a gRPC response"))
        let noStatus = GRPCHealthReply(httpStatus: "200", finished: true)
        #expect(outcome(noStatus) == .fail(.protocolError, "10.0.0.5:50051 ended the gRPC call without a grpc-status"))
    }
}
