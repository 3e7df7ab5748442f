/// One run of a protobuf code generator, so that Greenlight knows which `*_pb2.py` /
/// `*_pb2_grpc.py` modules a build step may create and where.
public struct GeneratorInvocation: Sendable, Hashable {
    public enum Tool: String, Sendable, Hashable {
        /// The `protoc` binary.
        case protoc
        /// `python -m grpc_tools.protoc` or `grpc_tools.protoc.main([...])`.
        case grpcToolsProtoc
        /// `buf generate`: outputs come from buf.gen.yaml.
        case buf
    }

    public var tool: Tool
    /// `--python_out` directories.
    public var pythonOut: [String] = []
    /// `--grpc_python_out` directories.
    public var grpcPythonOut: [String] = []
    /// `--pyi_out` directories.
    public var pyiOut: [String] = []
    /// Other `--*_out` targets (`--go_out`, `--descriptor_set_out`…) and `buf generate -o`.
    public var otherOutputs: [String] = []
    /// `-I` / `--proto_path` directories.
    public var protoPaths: [String] = []
    /// The `.proto` files or globs given.
    public var inputs: [String] = []
    /// The absolute directory paths were resolved against; nil when they are as written
    /// in a script (relative to wherever the script runs).
    public var workingDirectory: String?
    /// Some arguments or outputs could not be read statically (variables, string
    /// concatenation, response files, buf.gen.yaml): generated files may go elsewhere too.
    public var hasDynamicArguments = false

    public init(tool: Tool) {
        self.tool = tool
    }

    /// Every directory the run writes generated code into.
    public var outputDirectories: [String] {
        var seen = Set<String>()
        return (pythonOut + grpcPythonOut + pyiOut + otherOutputs).filter { seen.insert($0).inserted }
    }

    /// True when the run generates Python modules (`--python_out` or `--grpc_python_out`).
    public var generatesPython: Bool { !pythonOut.isEmpty || !grpcPythonOut.isEmpty }

    /// Reads protoc arguments. `nil` entries stand for arguments whose text is not known
    /// statically; `resolve` turns a written path into the recorded one.
    static func protoc(_ arguments: [String?], tool: Tool, resolve: (String) -> String) -> GeneratorInvocation {
        var invocation = GeneratorInvocation(tool: tool)
        var index = 0
        func next() -> String? {
            index += 1
            return index - 1 < arguments.count ? arguments[index - 1] : nil
        }
        while index < arguments.count {
            guard let argument = next() else {
                invocation.hasDynamicArguments = true
                continue
            }
            if argument.hasPrefix("@") || argument.contains("$") || argument.contains("{") {
                invocation.hasDynamicArguments = true
            }
            if argument == "-I" || argument == "--proto_path" {
                if let value = next() { invocation.protoPaths.append(resolve(value)) } else { invocation.hasDynamicArguments = true }
                continue
            }
            if argument.hasPrefix("-I") {
                invocation.protoPaths.append(resolve(String(argument.dropFirst(2).trimmingPrefix("="))))
                continue
            }
            if argument.hasPrefix("--proto_path=") {
                invocation.protoPaths.append(resolve(String(argument.dropFirst("--proto_path=".count))))
                continue
            }
            if argument.hasPrefix("--"), argument.hasSuffix("_out") || argument.contains("_out=") {
                let flag: String
                var value: String?
                if let equals = argument.firstIndex(of: "=") {
                    flag = String(argument[..<equals])
                    value = String(argument[argument.index(after: equals)...])
                } else {
                    flag = argument
                    value = next()
                }
                guard var directory = value else {
                    invocation.hasDynamicArguments = true
                    continue
                }
                // `--python_out=OPTIONS:DIR` carries generator options before the last colon.
                if let colon = directory.lastIndex(of: ":") {
                    directory = String(directory[directory.index(after: colon)...])
                }
                let path = resolve(directory.isEmpty ? "." : directory)
                switch flag {
                case "--python_out": invocation.pythonOut.append(path)
                case "--grpc_python_out": invocation.grpcPythonOut.append(path)
                case "--pyi_out": invocation.pyiOut.append(path)
                default: invocation.otherOutputs.append(path)
                }
                continue
            }
            if argument.hasPrefix("-") { continue }
            if argument.isEmpty || argument.contains("grpc_tools.protoc") || PathUtilities.basename(argument) == "protoc" {
                continue
            }
            invocation.inputs.append(resolve(argument))
        }
        return invocation
    }
}
