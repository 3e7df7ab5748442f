import GreenlightVerify
import Testing

@Suite struct ProbeOutcomeTests {
    @Test func failureWordsAreStable() {
        #expect(ProbeFailure.protocolError.rawValue == "protocol")
        #expect(ProbeFailure.exitStatus.rawValue == "exit-status")
        #expect(ProbeOutcome.fail(.refused, "connection refused").ok == false)
        #expect(ProbeOutcome.pass("200 OK").failure == nil)
    }
}
