import GreenlightCore
import Testing
@testable import GreenlightVerify

/// ECSProbe against moto seeded by Tests/Live/seed_aws.py: `api` runs 2 of 2, `worker`
/// 2 of 3 with one stopped task, and worker's task definition lacks SUPABASE_URL.
@Suite(.enabled(if: AWSLive.available), .onProbeExecutor)
struct ECSProbeLiveTests {
    func run(_ services: [String], cluster: String = "greenlight-prod", secrets: [String] = [],
             context: ProbeContext = AWSLive.context()) async -> ProbeOutcome {
        await ECSProbe(spec: ECSProbeSpec(cluster: cluster, services: services, secrets: secrets))
            .attemptOnProbeExecutor(timeout: .seconds(5), context: context)
    }

    @Test func stableServicePasses() async {
        let outcome = await run(["api"])
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(outcome.detail == "1 service stable (api 2/2)")
    }

    @Test func stableServiceWithItsSecretsPasses() async {
        let outcome = await run(["api"], secrets: ["DATABASE_URL", "SUPABASE_URL"])
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(outcome.detail == "1 service stable (api 2/2); 2 secrets passed")
    }

    @Test func shortServiceSaysRunningCountAndWhyATaskStopped() async {
        let outcome = await run(["api", "worker"])
        #expect(outcome.failure == .unhealthy)
        let lines = outcome.detail.split(separator: "\n").map(String.init)
        #expect(lines.first == "api stable (2/2); worker: running 2 of 3")
        let stopped = lines.dropFirst().first { $0.hasPrefix("  worker task ") }
        #expect(stopped?.hasSuffix(": Essential container in task exited") == true, "\(outcome.detail)")
        let taskID = LiveServers.value("GREENLIGHT_LIVE_ECS_STOPPED_TASK").split(separator: "/").last.map { String($0.prefix(8)) }
        #expect(taskID.map { stopped?.contains("task \($0) stopped") == true } == true)
    }

    @Test func missingServiceIsMissing() async {
        let outcome = await run(["api", "billing"])
        #expect(outcome.failure == .missing)
        #expect(outcome.detail == "api stable (2/2); billing: missing")
    }

    @Test func secretsCheckCatchesASecretTheWorkerLacks() async {
        let outcome = await run(["api", "worker"], secrets: ["DATABASE_URL", "SUPABASE_URL"])
        #expect(outcome.failure == .missing)
        let summary = outcome.detail.split(separator: "\n").first.map(String.init)
        #expect(summary == "api stable (2/2); worker: running 2 of 3, task definition worker:1 lacks secret SUPABASE_URL")
    }

    @Test func missingClusterIsMissing() async {
        let outcome = await run(["api"], cluster: "greenlight-nowhere")
        #expect(outcome.failure == .missing, "\(outcome.detail)")
        #expect(outcome.detail.contains("greenlight-nowhere"))
    }

    @Test func madeUpKeysAreRejectedAsAuth() async {
        let outcome = await run(["api"], context: AWSLive.rejectingContext)
        #expect(outcome.failure == .auth)
        #expect(outcome.detail.contains("InvalidClientTokenId: The security token included in the request is invalid."))
    }

    @Test func closedEndpointIsRefused() async {
        let outcome = await run(["api"], context: AWSLive.refusingContext)
        #expect(outcome.failure == .refused, "\(outcome.detail)")
    }
}
