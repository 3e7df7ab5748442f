import Foundation
import GreenlightCore
import GreenlightDeploy
import Testing

@Suite struct MetricsJSONReportTests {
    func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func productionFiguresAsNumbers() throws {
        let report = DeploymentMetrics.compute(deployments: MetricsFixture.all, changes: MetricsFixture.changes,
                                               window: MetricsFixture.window("production"))
        let json = try object(MetricsJSONReport.render(report))
        #expect(json["version"] as? Int == 1)
        #expect(json["environment"] as? String == "production")
        #expect(json["since"] as? String == "2025-03-01T00:00:00Z")
        #expect(json["until"] as? String == "2025-03-31T00:00:00Z")
        #expect(json["measured_days"] as? Double == 30)
        #expect(json["deployments"] as? Int == 8)
        #expect(json["rolled_back"] as? Int == 1)
        #expect(json["in_progress"] as? Int == 1)
        #expect(json["success_rate"] as? Double == 0.625)
        #expect(json["change_failure_rate"] as? Double == 0.375)
        #expect(json["change_failure_bucket"] as? String == "16-45%")
        #expect(json["median_duration_seconds"] as? Double == 240)
        #expect(json["p90_duration_seconds"] as? Double == 600)
        #expect(json["rollbacks"] as? Int == 1)
        let frequency = try #require(json["deployment_frequency"] as? [String: Any])
        #expect(frequency["successful"] as? Int == 5)
        #expect(frequency["per_day"] as? Double == 5.0 / 30)
        #expect(frequency["bucket"] as? String == "monthly")
        #expect(frequency["band"] as? String == "medium")
        let lead = try #require(json["lead_time_for_changes"] as? [String: Any])
        #expect(lead["changes"] as? Int == 5)
        #expect(lead["median_seconds"] as? Double == 11_160)
        #expect(lead["p90_seconds"] as? Double == 259_200)
        #expect(lead["bucket"] as? String == "one day")
        #expect(lead["band"] as? String == "elite")
        let restore = try #require(json["time_to_restore"] as? [String: Any])
        #expect(restore["restored"] as? Int == 2)
        #expect(restore["still_failing"] as? Int == 1)
        #expect(restore["median_seconds"] as? Double == 7440)
        #expect(restore["p90_seconds"] as? Double == 86_000)
        #expect(json["caught_before_production"] as? Int == 1)
        #expect(json["caught_before_production_share"] as? Double == 1.0 / 3)
        #expect((json["environments"] as? [Any])?.isEmpty == true)
    }

    @Test func undefinedFiguresAreNull() throws {
        let empty = DeploymentMetrics.compute(deployments: [], changes: [], window: MetricsFixture.window())
        let json = try object(MetricsJSONReport.render(empty))
        for key in ["environment", "success_rate", "change_failure_rate", "change_failure_bucket",
                    "median_duration_seconds", "p90_duration_seconds", "caught_before_production_share"] {
            #expect(json[key] is NSNull, "\(key)")
        }
        let lead = try #require(json["lead_time_for_changes"] as? [String: Any])
        #expect(lead["median_seconds"] is NSNull)
        #expect(lead["band"] is NSNull)
    }

    @Test func environmentsCarryTheirOwnFigures() throws {
        let report = DeploymentMetrics.compute(deployments: MetricsFixture.all, changes: MetricsFixture.changes,
                                               window: MetricsFixture.window())
        let json = try object(MetricsJSONReport.render(report))
        let environments = try #require(json["environments"] as? [[String: Any]])
        #expect(environments.map { $0["environment"] as? String } == ["production", "staging"])
        #expect(environments[1]["success_rate"] as? Double == 0.6)
        #expect(environments[1]["measured_since"] as? String == "2025-03-04T09:00:00Z")
        #expect(environments[1]["version"] == nil)
        #expect(environments[1]["environments"] == nil)
    }

    @Test func numbersAreWrittenExactly() {
        let document = JSONValue.object([
            JSONMember("whole", .number(3)),
            JSONMember("fraction", .number(0.625)),
            JSONMember("third", .number(1.0 / 3)),
            JSONMember("negative", .number(-2.5)),
            JSONMember("infinite", .number(.infinity)),
            JSONMember("absent", .number(nil)),
        ])
        #expect(JSONSerializer.compact(document)
                == #"{"whole":3,"fraction":0.625,"third":0.3333333333333333,"negative":-2.5,"infinite":null,"absent":null}"# + "\n")
    }
}
