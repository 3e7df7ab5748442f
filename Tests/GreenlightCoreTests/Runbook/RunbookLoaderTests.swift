@testable import GreenlightCore
import Testing

@Suite struct RunbookLoaderTests {
    /// The eight phases of an AWS deployment workflow, each with exit criteria and a
    /// permission gate before the next phase.
    static let eightPhases = RunbookText("""
        name: production-deploy
        environment: production
        description: Deploy the API and the agents service to ECS
        journal: records/deployments
        timeout: 15m
        freeze:
          timezone: Europe/Berlin
          windows:
            - friday after 14:00
            - {from: 2026-12-24, to: 2027-01-02, reason: Holidays}
        variables:
          IMAGE_TAG: "${GIT_SHA}"
          REGION: eu-west-1
          REPLICAS: 3
          DRY_RUN: false
        probes:
          defaults:
            timeout: 3s
          probes:
            - name: api-health
              http: https://api.example.com/health
            - name: database
              postgres: postgresql://app:${DB_PASSWORD}@db:5432/app
        phases:
          - name: Pre-deployment analysis
            description: Scope, current state, credentials
            steps:
              - name: Validate credentials
                run: aws sts get-caller-identity
                timeout: 30s
              - note: Deploying the API and the agents service
            exit-criteria:
              - check: .
              - run: aws ecs describe-clusters --clusters prod
            gate: true
          - name: Environment preparation
            steps:
              - run: |
                  pnpm quality:check
                  pnpm test
                directory: web
                env: {CI: "1", NODE_ENV: production}
              - run: {command: pnpm build, timeout: 20m}
            exit-criteria:
              - check: {path: infra, fail-on: warning}
            gate: Proceed to infrastructure deployment?
          - name: Infrastructure deployment
            changes-production: true
            steps:
              - run: terraform apply -auto-approve
                directory: infra
            exit-criteria:
              - verify: database
            gate: {message: Infrastructure applied. Deploy the application?}
            rollback:
              - run: terraform apply -auto-approve -var image_tag=previous
          - name: Application deployment
            changes_production: yes
            steps:
              - run: ./scripts/deploy.sh ${IMAGE_TAG}
              - wait: 30s
              - verify: [api-health, database]
                wait: 2m
            rollback:
              - run: ./scripts/rollback.sh
              - verify: api-health
            gate: true
          - name: Validation and testing
            exit_criteria:
              - verify: {probes: [api-health], wait: 60s}
              - check: .
                fail_on: note
            gate: true
          - name: Monitoring setup
            steps:
              - run: ./scripts/alarms.sh
            gate: true
          - name: Rollback preparation
            steps:
              - name: Rehearse the rollback
                run: ./scripts/rollback.sh --dry-run
            gate: false
          - name: Post-deployment
            steps:
              - note: "Tell #deployments"
              - wait: 15m
              - verify: api-health
        """)

    @Test func readsTheEightPhaseRunbookIntoTheExactModel() throws {
        let file = Self.eightPhases
        let runbook = try file.parse()
        func at(_ needle: String, _ occurrence: Int = 1) -> GreenlightCore.SourceLocation { file.location(of: needle, occurrence: occurrence) }
        func step(_ action: StepAction, _ needle: String, _ occurrence: Int = 1, name: String? = nil) -> RunbookStep {
            RunbookStep(name: name, action: action, location: at(needle, occurrence))
        }
        let phases = [
            RunbookPhase(
                name: "Pre-deployment analysis", description: "Scope, current state, credentials",
                steps: [
                    step(.run(RunStep(command: "aws sts get-caller-identity", timeout: .seconds(30))), "name: Validate", name: "Validate credentials"),
                    step(.note("Deploying the API and the agents service"), "note: Deploying"),
                ],
                exitCriteria: [
                    step(.check(CheckStep(path: ".")), "check: .", 1),
                    step(.run(RunStep(command: "aws ecs describe-clusters --clusters prod")), "run: aws ecs"),
                ],
                gate: RunbookGate(location: at("true", 1)), location: at("name: Pre-deployment")),
            RunbookPhase(
                name: "Environment preparation",
                steps: [
                    step(.run(RunStep(command: "pnpm quality:check\npnpm test\n", directory: "web",
                                      environment: ["CI": "1", "NODE_ENV": "production"])), "run: |"),
                    step(.run(RunStep(command: "pnpm build", timeout: .seconds(1200))), "run: {command"),
                ],
                exitCriteria: [step(.check(CheckStep(path: "infra", failOn: .warning)), "check: {path")],
                gate: RunbookGate(message: "Proceed to infrastructure deployment?", location: at("Proceed to")),
                location: at("name: Environment")),
            RunbookPhase(
                name: "Infrastructure deployment",
                steps: [step(.run(RunStep(command: "terraform apply -auto-approve", directory: "infra")), "run: terraform apply -auto-approve", 1)],
                exitCriteria: [step(.verify(VerifyStep(probes: ["database"])), "verify: database")],
                rollback: [step(.run(RunStep(command: "terraform apply -auto-approve -var image_tag=previous")), "run: terraform apply -auto-approve", 2)],
                gate: RunbookGate(message: "Infrastructure applied. Deploy the application?", location: at("{message: Infra")),
                changesProduction: true, location: at("name: Infrastructure")),
            RunbookPhase(
                name: "Application deployment",
                steps: [
                    step(.run(RunStep(command: "./scripts/deploy.sh ${IMAGE_TAG}")), "run: ./scripts/deploy.sh"),
                    step(.wait(.seconds(30)), "wait: 30s"),
                    step(.verify(VerifyStep(probes: ["api-health", "database"], wait: .seconds(120))), "verify: [api-health, database]"),
                ],
                rollback: [
                    step(.run(RunStep(command: "./scripts/rollback.sh")), "run: ./scripts/rollback.sh", 1),
                    step(.verify(VerifyStep(probes: ["api-health"])), "verify: api-health", 1),
                ],
                gate: RunbookGate(location: at("true", 3)), changesProduction: true, location: at("name: Application")),
            RunbookPhase(
                name: "Validation and testing",
                exitCriteria: [
                    step(.verify(VerifyStep(probes: ["api-health"], wait: .seconds(60))), "verify: {probes"),
                    step(.check(CheckStep(path: ".", failOn: .note)), "check: .", 2),
                ],
                gate: RunbookGate(location: at("true", 4)), location: at("name: Validation")),
            RunbookPhase(
                name: "Monitoring setup", steps: [step(.run(RunStep(command: "./scripts/alarms.sh")), "run: ./scripts/alarms.sh")],
                gate: RunbookGate(location: at("true", 5)), location: at("name: Monitoring")),
            RunbookPhase(
                name: "Rollback preparation",
                steps: [step(.run(RunStep(command: "./scripts/rollback.sh --dry-run")), "name: Rehearse", name: "Rehearse the rollback")],
                location: at("name: Rollback preparation")),
            RunbookPhase(
                name: "Post-deployment",
                steps: [
                    step(.note("Tell #deployments"), "note: \"Tell"),
                    step(.wait(.seconds(900)), "wait: 15m"),
                    step(.verify(VerifyStep(probes: ["api-health"])), "verify: api-health", 2),
                ],
                location: at("name: Post-deployment")),
        ]
        let expected = Runbook(
            path: "deploy/production.yml", name: "production-deploy", environment: "production",
            description: "Deploy the API and the agents service to ECS", directory: "/nonexistent-greenlight/deploy",
            variables: [
                RunbookVariable(name: "IMAGE_TAG", template: "${GIT_SHA}", location: at("IMAGE_TAG:")),
                RunbookVariable(name: "REGION", template: "eu-west-1", location: at("REGION:")),
                RunbookVariable(name: "REPLICAS", template: "3", location: at("REPLICAS:")),
                RunbookVariable(name: "DRY_RUN", template: "false", location: at("DRY_RUN:")),
            ],
            freeze: FreezePolicy(timeZone: "Europe/Berlin", windows: [
                FreezeWindow(kind: .weekly(start: WeekMinute(6600), end: WeekMinute(7200)), text: "friday after 14:00", location: at("friday after")),
                FreezeWindow(kind: .dates(first: CalendarDay(year: 2026, month: 12, day: 24), last: CalendarDay(year: 2027, month: 1, day: 2)),
                             reason: "Holidays", text: "2026-12-24 to 2027-01-02", location: at("{from:")),
            ]),
            journalDirectory: "records/deployments", defaultTimeout: .seconds(900), probes: runbook.probes, phases: phases)
        #expect(runbook.phases.count == 8)
        for (actual, wanted) in zip(runbook.phases, expected.phases) {
            #expect(actual == wanted, "phase \(wanted.name)")
        }
        #expect(runbook == expected)
        #expect(runbook.hasProductionPhase)
    }

    @Test func inlineProbesKeepTheirDefaultsAndAnUnsetVariableOnlyMarksTheProbeUnresolved() throws {
        let runbook = try Self.eightPhases.parse()
        #expect(runbook.probes.probes.map(\.name) == ["api-health"])
        #expect(runbook.probes.probes.first?.target == .http(HTTPProbeSpec(url: "https://api.example.com/health")))
        #expect(runbook.probes.probes.first?.settings.timeout == .seconds(3))
        #expect(runbook.probes.defaults.timeout == .seconds(3))
        #expect(runbook.probes.unresolved.map(\.name) == ["database"])
        #expect(runbook.probes.unresolved.first?.issue.message == "probe 'database' uses ${DB_PASSWORD}, which is not set")
    }

    @Test func theEnvironmentFillsInlineProbes() throws {
        let runbook = try Self.eightPhases.parse(environment: ["DB_PASSWORD": "s3cret"])
        #expect(runbook.probes.unresolved.isEmpty)
        #expect(runbook.probes.probe(named: "database")?.target == .postgres(PostgresProbeSpec(url: "postgresql://app:s3cret@db:5432/app")))
    }

    @Test func defaultsApplyWhenOptionalKeysAreAbsent() throws {
        let runbook = try RunbookText("""
            name: staging
            environment: staging
            phases:
              - name: Ship
                steps: [{run: ./ship.sh}]
            """).parse(directory: "/nonexistent-greenlight/here/./deploy/..")
        #expect(runbook.description == nil)
        #expect(runbook.directory == "/nonexistent-greenlight/here")
        #expect(runbook.journalDirectory == "deployments")
        #expect(runbook.defaultTimeout == .seconds(600))
        #expect(runbook.variables.isEmpty)
        #expect(runbook.probes == VerifyConfiguration())
        #expect(runbook.freeze == FreezePolicy())
        #expect(runbook.phases.map(\.name) == ["Ship"])
        #expect(runbook.phases.first?.gate == nil)
        #expect(runbook.phases.first?.changesProduction == false)
        #expect(!runbook.hasProductionPhase)
    }

    @Test func aPhaseMayHaveOnlyExitCriteria() throws {
        let runbook = try RunbookText("""
            name: check-only
            environment: production
            phases:
              - name: Health
                exit-criteria:
                  - verify: api
            """).parse(project: VerifyConfiguration(probes: [ProbeSpec(name: "api", target: .tcp(TCPProbeSpec(address: HostPort(host: "localhost", port: 80))))]))
        #expect(runbook.phases.first?.steps == [])
        #expect(runbook.phases.first?.exitCriteria.map(\.action) == [.verify(VerifyStep(probes: ["api"]))])
    }

    @Test func stepTitlesUseTheNameOrTheAction() throws {
        let runbook = try Self.eightPhases.parse()
        #expect(runbook.phases[0].steps.map(\.title) == ["Validate credentials", "note: Deploying the API and the agents service"])
        #expect(runbook.phases[1].steps.first?.title == "run: pnpm quality:check")
        #expect(runbook.phases[3].steps[2].title == "verify: api-health, database")
    }
}
