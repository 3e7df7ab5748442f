@testable import GreenlightCore
import Testing

/// Lines 1-4; a phase's keys start on line 5.
private let head = "name: r\nenvironment: e\nphases:\n  - name: A\n"

/// A phase's keys, then a second phase so gates are allowed; `body` starts on line 5.
private func phase(_ body: String) -> String { head + body }

@Suite struct RunbookValidationTests {
    static let project = VerifyConfiguration(probes: [
        ProbeSpec(name: "api-health", target: .tcp(TCPProbeSpec(address: HostPort(host: "localhost", port: 8000)))),
    ])

    @Test(arguments: [
        // The runbook itself.
        ("", 1, "the runbook is empty; it needs name, environment and phases"),
        ("- name: r\n", 1, "a runbook must be a mapping with name, environment and phases"),
        ("environment: e\nphases:\n  - name: A\n    steps: [{note: hi}]\n", 1, "missing name: every runbook needs one (name: production-deploy)"),
        ("name: r\nphases:\n  - name: A\n    steps: [{note: hi}]\n", 1, "missing environment: say where this deploys (environment: production)"),
        ("name: r\nenvironment: e\n", 1, "missing phases: every runbook needs at least one (phases: [{name: Build, steps: [...]}])"),
        ("name: r\nenvironment: e\nphases: []\n", 3, "phases is empty; a runbook needs at least one phase"),
        ("name: r\nenvironment: e\nphases: build\n", 3, "phases must be a list of phases (- name: Build)"),
        ("name: [a, b]\n" + phase("    steps: [{note: hi}]\n").dropFirst(8), 1, "name must be a single value"),
        (phase("    steps: [{note: hi}]\n") + "descripton: x\n", 6, "unknown key 'descripton' in the runbook; did you mean 'description'?"),
        (phase("    steps: [{note: hi}]\n") + "timeout: soon\n", 6, "timeout must be a duration such as 2s, 500ms or 1m30s, not 'soon'"),
        (phase("    steps: [{note: hi}]\n") + "timeout: 0s\n", 6, "timeout must be longer than zero"),
        (phase("    steps: [{note: hi}]\n") + "journal: ''\n", 6, "journal is empty; give it a value"),
        (phase("    steps: [{note: hi}]\n") + "variables: {1ST: x}\n", 6, "variables: '1ST' is not a valid variable name; use letters, digits and _, not starting with a digit"),
        (phase("    steps: [{note: hi}]\n") + "variables:\n  REGION:\n", 7, "variables.REGION has no value; write REGION: \"\" for an empty one"),
        (phase("    steps: [{note: hi}]\n") + "variables: [A, B]\n", 6, "variables must be a mapping"),
        (phase("    steps: [{note: hi}]\n") + "freeze: {windows: [friday after 14:00]}\n", 6,
         "freeze needs a timezone (such as timezone: Europe/Berlin): 'friday after 14:00' is a different hour on a laptop and on a CI runner"),
        (phase("    steps: [{note: hi}]\n") + "freeze: {timezone: UTC, window: []}\n", 6, "unknown key 'window' in freeze; did you mean 'windows'?"),
        (phase("    steps: [{note: hi}]\n") + "probes: [{name: a, tcp: localhost}]\n", 6, "probe 'a'.tcp must be host:port (e.g. localhost:50051), not 'localhost'"),
        // Phases.
        (head.replacingOccurrences(of: "name: A", with: "description: x") + "    steps: [{note: hi}]\n", 4, "a phase needs a name (name: Pre-deployment analysis)"),
        (phase("    steps: [{note: hi}]\n  - name: A\n    steps: [{note: hi}]\n"), 6, "phase name 'A' is already used on line 4; phase names must be unique"),
        (phase("    steps: [{note: hi}]\n    exit-criterion: []\n"), 6, "unknown key 'exit-criterion' in phase 'A'; did you mean 'exit-criteria'?"),
        (phase("    description: x\n"), 4, "phase 'A' has no steps and no exit-criteria; give it at least one step"),
        (phase("    steps: [{note: hi}]\n    changes-production: maybe\n"), 6, "changes-production must be true or false, not 'maybe'"),
        (phase("    steps: [{note: hi}]\n    exit_criteria: []\n    exit-criteria: []\n"), 7, "'exit-criteria' is the same key as 'exit_criteria' on line 6; give it once"),
        (phase("    steps: [{note: hi}]\n    gate: true\n"), 6, "gate on the last phase: there is no next phase to approve"),
        (phase("    steps: [{note: hi}]\n    gate: [yes]\n  - name: B\n    steps: [{note: hi}]\n"), 6, "gate must be true, a question (gate: Deploy to production?) or {message: …}"),
        (phase("    steps: [{note: hi}]\n    gate: {mesage: Go?}\n  - name: B\n    steps: [{note: hi}]\n"), 6, "unknown key 'mesage' in gate; did you mean 'message'?"),
        (phase("    steps: [{note: hi}]\n    gate: ''\n  - name: B\n    steps: [{note: hi}]\n"), 6, "gate is empty; give it a value"),
        // Steps.
        (phase("    steps: run\n"), 5, "steps must be a list of steps (- run: ./deploy.sh)"),
        (phase("    steps: [./deploy.sh]\n"), 5, "each step must be a mapping with one of run, check, verify, wait, note (- run: ./deploy.sh)"),
        (phase("    steps:\n      - name: Deploy\n"), 6, "a step has exactly one of run, check, verify, wait, note; this one has none"),
        (phase("    steps:\n      - rnu: ./deploy.sh\n"), 6, "a step has exactly one of run, check, verify, wait, note; this one has none (did you mean 'run' for 'rnu'?)"),
        (phase("    steps:\n      - run: ./deploy.sh\n        check: .\n"), 7, "a step has exactly one of run, check, verify, wait, note; this one has run and check; make each its own step"),
        (phase("    steps:\n      - run: x\n        timout: 5s\n"), 7, "unknown key 'timout' in a run step; did you mean 'timeout'?"),
        (phase("    steps:\n      - check: .\n        timeout: 5s\n"), 7, "'timeout' applies to run steps, not check"),
        (phase("    steps:\n      - run: x\n        timeout: soon\n"), 7, "timeout must be a duration such as 2s, 500ms or 1m30s, not 'soon'"),
        (phase("    steps:\n      - run: ''\n"), 6, "run has no command; give it one"),
        (phase("    steps:\n      - run:\n"), 6, "run has no command; give it one"),
        (phase("    steps:\n      - run: [make, deploy]\n"), 6, "run must be one command; write several lines as run: | followed by the lines"),
        (phase("    steps:\n      - run: {timeout: 5s}\n"), 6, "run: needs command: when written as a mapping"),
        (phase("    steps:\n      - run: {comand: x}\n"), 6, "unknown key 'comand' in run; did you mean 'command'?"),
        (phase("    steps:\n      - run: {command: x, timeout: 5s}\n        timeout: 6s\n"), 6, "'timeout' is given both inside run: and beside it; give it once"),
        (phase("    steps:\n      - run: x\n        env: {MY-VAR: x}\n"), 7, "env: 'MY-VAR' is not a valid variable name; use letters, digits and _, not starting with a digit"),
        (phase("    steps:\n      - run: x\n        env: {K: [a]}\n"), 7, "env.K must be a single value"),
        (phase("    steps:\n      - run: x\n        directory: ''\n"), 7, "directory is empty; give it a value"),
        (phase("    steps:\n      - name: ''\n        run: x\n"), 6, "step name is empty; give it a value"),
        (phase("    steps:\n      - check: ''\n"), 6, "check has no path; give the path to check (check: . for the whole project)"),
        (phase("    steps:\n      - check: .\n        fail-on: warn\n"), 7, "fail-on must be one of error, warning, note, never, not 'warn'"),
        (phase("    steps:\n      - verify: api-helth\n"), 6, "probe 'api-helth' is not defined in probes: or .greenlight.yml verify:; did you mean 'api-health'?"),
        (phase("    steps:\n      - verify: [api-health, billing]\n"), 6, "probe 'billing' is not defined in probes: or .greenlight.yml verify: (defined: api-health)"),
        (phase("    steps:\n      - verify: []\n"), 6, "verify names no probe; give a probe name or a list of them"),
        (phase("    steps:\n      - verify: api-health\n        wait: later\n"), 7, "wait must be a duration such as 2s, 500ms or 1m30s, not 'later'"),
        (phase("    steps:\n      - wait: forever\n"), 6, "wait must be a duration such as 2s, 500ms or 1m30s, not 'forever'"),
        (phase("    steps:\n      - note: ''\n"), 6, "note has no text; give it some"),
        (phase("    exit-criteria:\n      - note: done\n"), 6, "exit-criteria may hold only run, check and verify steps, not note"),
        (phase("    exit-criteria:\n      - wait: 5s\n"), 6, "exit-criteria may hold only run, check and verify steps, not wait"),
        (phase("    steps: [{note: hi}]\n    rollback: {run: x}\n"), 6, "rollback must be a list of steps (- run: ./deploy.sh)"),
    ])
    func aMistakeIsOneLocatedIssue(text: String, line: Int, message: String) {
        let found = RunbookText(text).issues(project: Self.project)
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message == message)
        #expect(found.first?.location.line == line, "\(found)")
        #expect(found.first?.location.file == "deploy/production.yml")
    }

    @Test func aVerifyStepNamingNoProbeWhenNoneAreDefinedSaysSo() {
        let found = RunbookText(phase("    steps:\n      - verify: api\n")).issues()
        #expect(found.map(\.message) == ["probe 'api' is not defined in probes: or .greenlight.yml verify:; no probes are defined"])
    }

    @Test func aBrokenProbeIsReportedOnceNotAgainAtTheStepsNamingIt() {
        let found = RunbookText(phase("    steps:\n      - verify: a\n") + "probes: [{name: a, tcp: localhost}]\n").issues()
        #expect(found.map(\.message) == ["probe 'a'.tcp must be host:port (e.g. localhost:50051), not 'localhost'"])
        #expect(found.first?.location.line == 7)
    }

    @Test func anUnresolvedProbeMayBeNamedAtLoadTime() throws {
        let text = RunbookText(phase("    steps:\n      - verify: db\n") + "probes:\n  - name: db\n    redis: redis://${REDIS_HOST}:6379\n")
        let runbook = try text.parse()
        #expect(runbook.phases.first?.steps.first?.action == .verify(VerifyStep(probes: ["db"])))
        #expect(runbook.probes.unresolved.map(\.name) == ["db"])
    }

    @Test func malformedYAMLIsALocatedParseErrorNotACrash() {
        let text = RunbookText("name: r\nenvironment: e\nphases:\n  - name: [A\n    steps: []\n")
        let found = text.issues()
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("invalid YAML: ") == true, "\(found)")
        #expect(found.first.map { $0.location.line >= 4 && $0.location.line <= 6 } == true, "\(found)")
        let tabs = RunbookText("name: r\n\tenvironment: e\n").issues()
        #expect(tabs.first?.message.hasPrefix("invalid YAML: ") == true)
        #expect(tabs.first?.location.line == 2)
        let duplicate = RunbookText("name: r\nname: s\n").issues()
        #expect(duplicate.first?.message == "invalid YAML: key 'name' is defined more than once in the same mapping")
    }

    @Test func everyProblemIsReportedAtOnceInFileOrderWithColumns() throws {
        let text = RunbookText("""
            name: r
            timeout: soon
            variables: {9LIVES: x}
            phases:
              - name: Build
                steps:
                  - run: make
                    timout: 5s
                  - verify: api-helth
              - name: Build
                exit-criteria:
                  - note: done
                gate: true
            """)
        let error = try #require(throws: ConfigurationError.self) { try text.parse(project: Self.project) }
        #expect(error.issues.map(\.message) == [
            "missing environment: say where this deploys (environment: production)",
            "timeout must be a duration such as 2s, 500ms or 1m30s, not 'soon'",
            "variables: '9LIVES' is not a valid variable name; use letters, digits and _, not starting with a digit",
            "unknown key 'timout' in a run step; did you mean 'timeout'?",
            "probe 'api-helth' is not defined in probes: or .greenlight.yml verify:; did you mean 'api-health'?",
            "phase name 'Build' is already used on line 5; phase names must be unique",
            "exit-criteria may hold only run, check and verify steps, not note",
            "gate on the last phase: there is no next phase to approve",
        ])
        #expect(error.issues.map(\.location) == [
            text.location(of: "name: r"), text.location(of: "soon"), text.location(of: "9LIVES"), text.location(of: "timout"),
            text.location(of: "api-helth"), text.location(of: "name: Build", occurrence: 2), text.location(of: "note"),
            text.location(of: "true"),
        ])
        #expect(error.description.split(separator: "\n").first == "deploy/production.yml:1:1: missing environment: say where this deploys (environment: production)")
        #expect(error.description.split(separator: "\n").last == "deploy/production.yml:13:11: gate on the last phase: there is no next phase to approve")
    }
}
