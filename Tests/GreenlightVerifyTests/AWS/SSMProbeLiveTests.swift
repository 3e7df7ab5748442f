import GreenlightCore
import Testing
@testable import GreenlightVerify

/// SSMProbe against moto seeded by Tests/Live/seed_aws.py.
@Suite(.enabled(if: AWSLive.available), .onProbeExecutor)
struct SSMProbeLiveTests {
    static let prefix = "/greenlight/prod/"

    func run(_ names: [String], placeholderWords: [String] = [], context: ProbeContext = AWSLive.context()) async -> ProbeOutcome {
        await SSMProbe(spec: SSMProbeSpec(names: names, placeholderWords: placeholderWords))
            .attemptOnProbeExecutor(timeout: .seconds(5), context: context)
    }

    @Test func realValuesPass() async {
        let outcome = await run([Self.prefix + "DATABASE_URL", Self.prefix + "SUPABASE_URL"])
        #expect(outcome.ok, "\(outcome.detail)")
        #expect(outcome.detail == "2 parameters set (1 SecureString)")
    }

    @Test func placeholderIsCaughtWithoutPrintingTheValue() async {
        let outcome = await run([Self.prefix + "DATABASE_URL", Self.prefix + "API_KEY"])
        #expect(outcome.failure == .placeholder)
        #expect(outcome.detail == "1 of 2 parameters not usable: 1 placeholder\n"
            + "  /greenlight/prod/API_KEY holds a placeholder (11 characters, SecureString)")
    }

    @Test func policyPlaceholderWordsApplyAndTheValueStaysHidden() async {
        let value = "https://qwkzmtrpxbvnhdsl.supabase.co"
        let outcome = await run([Self.prefix + "SUPABASE_URL"], placeholderWords: [value])
        #expect(outcome.failure == .placeholder)
        #expect(outcome.detail.contains("/greenlight/prod/SUPABASE_URL holds a placeholder (\(value.count) characters, String)"))
        #expect(!outcome.detail.contains("qwkzmtrpxbvnhdsl"))
    }

    @Test func missingAndPlaceholderAreReportedTogether() async {
        let outcome = await run([Self.prefix + "API_KEY", Self.prefix + "STRIPE_KEY", Self.prefix + "SUPABASE_URL"])
        #expect(outcome.failure == .missing)
        let lines = outcome.detail.split(separator: "\n").map(String.init)
        #expect(lines.first == "2 of 3 parameters not usable: 1 missing, 1 placeholder")
        #expect(lines.contains("  /greenlight/prod/STRIPE_KEY does not exist"))
        #expect(lines.contains("  /greenlight/prod/API_KEY holds a placeholder (11 characters, SecureString)"))
    }

    @Test func moreThanTenNamesAreFetchedInBatches() async {
        let absent = (1...11).map { "\(Self.prefix)ABSENT_\($0)" }
        let outcome = await run([Self.prefix + "DATABASE_URL"] + absent)
        #expect(outcome.failure == .missing)
        let lines = outcome.detail.split(separator: "\n").map(String.init)
        #expect(lines.first == "11 of 12 parameters not usable: 11 missing")
        #expect(lines.count == 1 + SSMReport.maximumLines + 1)
        #expect(lines.last == "  … and 1 more")
        #expect(!outcome.detail.contains("DATABASE_URL"))
    }

    @Test func madeUpKeysAreRejectedAsAuth() async {
        let outcome = await run([Self.prefix + "DATABASE_URL"], context: AWSLive.rejectingContext)
        #expect(outcome.failure == .auth)
        #expect(outcome.detail.contains("InvalidClientTokenId: The security token included in the request is invalid."))
        #expect(!outcome.detail.contains("made-up-secret-key"))
    }

    @Test func closedEndpointIsRefusedAtOnce() async {
        let start = ContinuousClock.now
        let outcome = await run([Self.prefix + "DATABASE_URL"], context: AWSLive.refusingContext)
        #expect(outcome.failure == .refused, "\(outcome.detail)")
        #expect(ContinuousClock.now - start < Timing.slack)
        #expect(outcome.detail.contains(LiveServers.value("GREENLIGHT_LIVE_CLOSED")))
    }

    @Test func silentEndpointTimesOutWithinTheAttempt() async {
        let start = ContinuousClock.now
        let context = AWSLive.context(AWSLive.environment(endpoint: "http://\(LiveServers.value("GREENLIGHT_LIVE_SILENT"))"))
        let outcome = await SSMProbe(spec: SSMProbeSpec(names: [Self.prefix + "DATABASE_URL"]))
            .attemptOnProbeExecutor(timeout: .milliseconds(800), context: context)
        #expect(outcome.failure == .timeout, "\(outcome.detail)")
        #expect(outcome.detail.contains("800ms"))
        // Bounded, not exact: AsyncHTTPClient's deadline passes through Swift's shared
        // pool, which the core suites' CPU-bound tests can occupy in this process.
        #expect(ContinuousClock.now - start < .seconds(20))
    }

    @Test func missingCredentialsAreASetupFailure() async {
        var environment = AWSLive.environment()
        environment["AWS_ACCESS_KEY_ID"] = nil
        environment["AWS_SECRET_ACCESS_KEY"] = nil
        let outcome = await run([Self.prefix + "DATABASE_URL"], context: AWSLive.context(environment))
        #expect(outcome.failure == .setup)
        #expect(outcome.detail.hasPrefix("no AWS credentials: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"))
    }
}
