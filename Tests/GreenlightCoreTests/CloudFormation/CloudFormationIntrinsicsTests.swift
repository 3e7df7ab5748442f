import Testing
@testable import GreenlightCore

@Suite("CloudFormationIntrinsics")
struct CloudFormationIntrinsicsTests {
    private let here = GreenlightCore.SourceLocation(file: "t.yaml", line: 1, column: 1)

    private func value(_ yaml: String) throws -> StructuredValue {
        let source = SourceText(path: "t.yaml", string: yaml)
        let (node, issue) = YAMLLoading.load(source)
        #expect(issue == nil)
        let raw = CloudFormationYAML.value(of: try #require(node), in: source)
        let defaults = [
            "Port": LocatedValue(.number("50050"), at: here),
            "Stage": LocatedValue(.string("prod"), at: here),
        ]
        let mappings = CloudFormationYAML.value(
            of: try #require(YAMLLoading.load(SourceText(path: "m.yaml", string: "Regions:\n  prod:\n    Image: acme/api:9\n")).node),
            in: SourceText(path: "m.yaml", string: ""))
        return CloudFormationIntrinsics(parameterDefaults: defaults, mappings: mappings).resolve(raw).value
    }

    @Test func subKeepsEscapedPlaceholdersAndMarksUnknownParts() throws {
        #expect(try value("!Sub 'localhost:${Port}'") == .string("localhost:50050"))
        #expect(try value("!Sub 'echo ${!HOME} ${Stage}'") == .string("echo ${HOME} prod"))
        #expect(try value("!Sub 'arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/${Stage}/db'")
            == .unknown("Fn::Sub arn:aws:ssm:${AWS::Region}:${AWS::AccountId}:parameter/prod/db"))
        #expect(try value("!Sub ['${Host}:${Port}', {Host: db.internal}]") == .string("db.internal:50050"))
        #expect(try value("!Sub ['${Host}', {Host: !GetAtt Db.Endpoint.Address}]") == .unknown("Fn::Sub ${Host}"))
    }

    @Test func refGetAttAndImportStaySymbolicWhenNotParameters() throws {
        #expect(try value("!Ref Port") == .number("50050"))
        #expect(try value("!Ref Missing") == .reference("Ref:Missing"))
        #expect(try value("!GetAtt [Role, Arn]") == .reference("GetAtt:Role.Arn"))
        #expect(try value("{Ref: AWS::NoValue}") == .null)
        #expect(try value("!ImportValue shared-VpcId") == .reference("ImportValue:shared-VpcId"))
    }

    @Test func listFunctionsWorkOnKnownValuesOnly() throws {
        #expect(try value("!Select [1, [a, b, c]]") == .string("b"))
        #expect(try value("!Select [5, [a]]") == .unknown("Fn::Select on a list known only at deploy time"))
        #expect(try value("!Join ['', [acme/, api]]") == .string("acme/api"))
        #expect(try value("!Join [':', [!Ref Missing, x]]") == .unknown("Fn::Join with parts known only at deploy time"))
        #expect(try value("!FindInMap [Regions, !Ref Stage, Image]") == .string("acme/api:9"))
        #expect(try value("!If [IsProd, 2, 1]") == .unknown("Fn::If on condition IsProd"))
        #expect(try value("!Base64 hello") == .unknown("Fn::Base64 is not evaluated"))
    }

    @Test func detectorNeedsAnAWSResourceOrTheVersionKey() {
        #expect(CloudFormationDetector.mightBeTemplate(SourceText(path: "a.yaml", string: "AWSTemplateFormatVersion: '2010-09-09'\n")))
        #expect(CloudFormationDetector.mightBeTemplate(SourceText(path: "a.yaml", string: "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n")))
        #expect(!CloudFormationDetector.mightBeTemplate(SourceText(path: "a.yaml", string: "Resources:\n  Q:\n    Type: queue\n")))
    }
}
