import Testing
@testable import GreenlightCore

@Suite("RunCommandAnalyzer generators")
struct RunCommandAnalyzerGeneratorTests {
    @Test func grpcToolsProtocInRun() throws {
        let effects = RunCommandAnalyzer.analyze(
            "python -m grpc_tools.protoc -I../shared/proto --python_out=./proto --grpc_python_out=./proto "
                + "../shared/proto/engine/*.proto",
            workdir: "/app/engine")
        let generator = try #require(effects.generators.first)
        #expect(generator.tool == .grpcToolsProtoc)
        #expect(generator.protoPaths == ["/app/shared/proto"])
        #expect(generator.pythonOut == ["/app/engine/proto"])
        #expect(generator.grpcPythonOut == ["/app/engine/proto"])
        #expect(generator.inputs == ["/app/shared/proto/engine/*.proto"])
        #expect(generator.workingDirectory == "/app/engine")
        #expect(!generator.hasDynamicArguments)
        #expect(generator.generatesPython)
        #expect(effects.mayHaveWritten("/app/engine/proto/engine_pb2.py"))
        #expect(!effects.mayHaveWritten("/app/engine/main.py"))
        #expect(!effects.writesUnknownPaths)
    }

    @Test func protocBinaryWithSeparateValues() throws {
        let effects = RunCommandAnalyzer.analyze(
            "protoc -I protos --proto_path=third_party --python_out gen --pyi_out=gen --go_out=paths=source_relative:gen/go "
                + "protos/api/v1/service.proto",
            workdir: "/src")
        let generator = try #require(effects.generators.first)
        #expect(generator.tool == .protoc)
        #expect(generator.protoPaths == ["/src/protos", "/src/third_party"])
        #expect(generator.pythonOut == ["/src/gen"])
        #expect(generator.pyiOut == ["/src/gen"])
        #expect(generator.otherOutputs == ["/src/gen/go"])
        #expect(generator.outputDirectories == ["/src/gen", "/src/gen/go"])
    }

    @Test func generatorWithUnknownArgumentsIsDynamic() throws {
        let effects = RunCommandAnalyzer.analyze(
            "python3 -m grpc_tools.protoc -I$PROTO_DIR --python_out=$OUT $(find protos -name '*.proto')", workdir: "/app")
        let generator = try #require(effects.generators.first)
        #expect(generator.hasDynamicArguments)
        #expect(effects.writesUnknownPaths)
        #expect(effects.mayHaveWritten("/app/anything.py"))
    }

    @Test func bufGenerate() throws {
        let effects = RunCommandAnalyzer.analyze("buf generate --template buf.gen.yaml proto", workdir: "/app")
        let generator = try #require(effects.generators.first)
        #expect(generator.tool == .buf)
        #expect(generator.inputs == ["/app/proto"])
        #expect(generator.hasDynamicArguments)
        #expect(effects.possiblyWrittenPaths.contains("/app"))
    }

    @Test func scriptsAreReportedForInspection() {
        let effects = RunCommandAnalyzer.analyze(
            "python generate_proto.py && sh scripts/gen.sh && ./gen_protos.sh --clean && make -C tools proto "
                + "&& python manage.py collectstatic --noinput",
            workdir: "/app")
        #expect(effects.scriptsRun == ["/app/generate_proto.py", "/app/scripts/gen.sh", "/app/gen_protos.sh",
                                       "/app/tools/Makefile", "/app/manage.py"])
        #expect(effects.writesUnknownPaths)
        #expect(effects.mayHaveWritten("/app/proto/api_pb2.py"))
        #expect(effects.unrecognizedCommands.isEmpty)
    }

    @Test func setupPyInstall() {
        let effects = RunCommandAnalyzer.analyze("python setup.py develop", workdir: "/app")
        #expect(effects.localProjectInstalls == [
            PythonProjectInstall(tool: "setup.py", directory: "/app", editable: true, installsProject: true),
        ])
    }

    @Test func inlinePythonHereDocument() throws {
        let effects = RunCommandAnalyzer.analyze(
            "python3 <<EOF\nfrom grpc_tools import protoc\nprotoc.main(['', '-Iprotos', '--python_out=gen', 'protos/api.proto'])\nEOF",
            workdir: "/app")
        let generator = try #require(effects.generators.first)
        #expect(generator.pythonOut == ["/app/gen"])
        #expect(generator.inputs == ["/app/protos/api.proto"])
    }

    @Test func pythonScriptWithProtocMain() throws {
        let script = """
            import pkg_resources
            from grpc_tools import protoc

            proto_include = pkg_resources.resource_filename('grpc_tools', '_proto')
            # protoc.main(('', '--python_out=ignored'))
            protoc.main((
                '',
                '-I.',
                '-I{}'.format(proto_include),
                '--python_out=.',
                '--grpc_python_out=.',
                'helloworld.proto',
            ))
            """
        let found = RunCommandAnalyzer.scriptCallsProtoc(script)
        #expect(found.count == 1)
        let generator = try #require(found.first)
        #expect(generator.pythonOut == ["."])
        #expect(generator.grpcPythonOut == ["."])
        #expect(generator.protoPaths == ["."])
        #expect(generator.inputs == ["helloworld.proto"])
        #expect(generator.hasDynamicArguments)
        #expect(generator.workingDirectory == nil)
    }

    @Test func pythonScriptWithSubprocess() throws {
        let script = """
            import subprocess, sys
            subprocess.run(
                [sys.executable, "-m", "grpc_tools.protoc", "-I", "protos",
                 "--python_out=src/gen", "--grpc_python_out=src/gen", "--pyi_out=src/gen",
                 "protos/engine.proto"],
                check=True,
            )
            """
        let generator = try #require(RunCommandAnalyzer.scriptCallsProtoc(script, language: .python).first)
        #expect(generator.protoPaths == ["protos"])
        #expect(generator.pythonOut == ["src/gen"])
        #expect(generator.pyiOut == ["src/gen"])
        #expect(generator.inputs == ["protos/engine.proto"])
        #expect(!generator.hasDynamicArguments)
    }

    @Test func pythonScriptWithNamedArgumentList() throws {
        let script = """
            from grpc_tools import protoc
            args = ["grpc_tools.protoc", "--proto_path=proto", "--python_out=app/generated", "proto/service.proto"]
            if protoc.main(args) != 0:
                raise SystemExit("protoc failed")
            """
        let found = RunCommandAnalyzer.scriptCallsProtoc(script)
        #expect(found.count == 1)
        #expect(found.first?.pythonOut == ["app/generated"])
        #expect(found.first?.protoPaths == ["proto"])
    }

    @Test func pythonScriptWithShellString() throws {
        let script = """
            import os
            os.system(f"python -m grpc_tools.protoc -I{PROTO_DIR} --python_out={OUT} --grpc_python_out={OUT} {PROTO_DIR}/*.proto")
            os.system("python -m grpc_tools.protoc -Iapi --python_out=api api/health.proto")
            """
        let found = RunCommandAnalyzer.scriptCallsProtoc(script)
        #expect(found.count == 2)
        #expect(found.first?.hasDynamicArguments == true)
        #expect(found.last?.pythonOut == ["api"])
        #expect(found.last?.hasDynamicArguments == false)
    }

    @Test func shellScript() throws {
        let script = """
            #!/usr/bin/env bash
            set -euo pipefail
            PROTO_DIR=../proto
            OUT_DIR=./app/generated
            mkdir -p "$OUT_DIR"
            python -m grpc_tools.protoc -I"$PROTO_DIR" --python_out="$OUT_DIR" --grpc_python_out="$OUT_DIR" "$PROTO_DIR"/*.proto
            cd services/billing && protoc --python_out=gen billing.proto
            """
        let found = RunCommandAnalyzer.scriptCallsProtoc(script)
        #expect(found.count == 2)
        #expect(found.first?.protoPaths == ["../proto"])
        #expect(found.first?.pythonOut == ["./app/generated"])
        #expect(found.first?.inputs == ["../proto/*.proto"])
        #expect(found.last?.pythonOut == ["services/billing/gen"])
    }

    @Test func makefileRecipes() throws {
        let makefile = """
            PROTO_DIR := proto

            .PHONY: proto
            proto:
            \t@mkdir -p gen
            \tpython -m grpc_tools.protoc -I$(PROTO_DIR) --python_out=gen \\
            \t\t--grpc_python_out=gen $(PROTO_DIR)/*.proto
            """
        #expect(RunCommandAnalyzer.guessLanguage(makefile) == .makefile)
        let generator = try #require(RunCommandAnalyzer.scriptCallsProtoc(makefile).first)
        #expect(generator.pythonOut == ["gen"])
        #expect(generator.grpcPythonOut == ["gen"])
        #expect(generator.hasDynamicArguments)
    }

    @Test func scriptsWithoutProtoc() {
        #expect(RunCommandAnalyzer.scriptCallsProtoc("import os\nprint(os.getcwd())\n").isEmpty)
        #expect(RunCommandAnalyzer.scriptCallsProtoc("#!/bin/sh\necho protoc is not called here\n").isEmpty)
    }
}
