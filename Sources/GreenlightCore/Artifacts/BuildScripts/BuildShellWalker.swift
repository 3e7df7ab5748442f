/// Follows the commands of a tokenized script in order, keeping track of the
/// working directory and variables: `cd`/`pushd`/`popd`, assignments and
/// `export`, subshells (whose changes are undone), and conditionals, loops,
/// `case` branches and function bodies (whose changes make values unknown
/// afterwards, since they may not run). Every other simple command is
/// reported with the state it runs in.
struct BuildShellWalker {
    private enum BlockKind { case subshell, conditional, loop, caseBlock, group, function }

    private struct Block {
        var kind: BlockKind
        var saved: BuildShellState
        var dirtyCwd = false
        var dirtyVariables: Set<String> = []

        /// Notes what `current` changed compared with the state before the block.
        mutating func absorb(_ current: BuildShellState) {
            if current.cwd != saved.cwd { dirtyCwd = true }
            let names = Set(current.variables.keys).union(saved.variables.keys)
            for name in names where current.variables[name] != saved.variables[name] { dirtyVariables.insert(name) }
        }
    }

    private(set) var state: BuildShellState
    private var blocks: [Block] = []
    private var directoryStack: [String?] = []
    private var words: [BuildShellWord] = []
    private var pendingFunction = false
    private var functionHeader = false
    private var skippedParens = 0
    private(set) var commands: [(words: [BuildShellWord], state: BuildShellState)] = []
    /// The state in effect when each simple command started, by fragment offset.
    private(set) var checkpoints: [(offset: Int, state: BuildShellState)] = []

    init(state: BuildShellState) {
        self.state = state
    }

    mutating func walk(_ tokens: [BuildShellToken]) {
        for token in tokens {
            if skippedParens > 0 {
                if case .op(.openParen, _) = token { skippedParens += 1 }
                if case .op(.closeParen, _) = token { skippedParens -= 1 }
                continue
            }
            switch token {
            case .word(let word):
                words.append(word)
            case .newline, .op(.semicolon, _), .op(.and, _), .op(.or, _), .op(.pipe, _), .op(.background, _):
                finishCommand()
            case .op(.doubleSemicolon, _):
                finishCommand()
                if blocks.last?.kind == .caseBlock { resetBranch() }
            case .op(.openParen, _):
                openParen()
            case .op(.closeParen, _):
                closeParen()
            }
        }
        finishCommand()
    }

    private mutating func openParen() {
        if words.count == 1 && !words[0].isQuoted {
            // `name() { ... }`
            functionHeader = true
            words = []
        } else if words.isEmpty {
            blocks.append(Block(kind: .subshell, saved: state))
        } else {
            // Array assignment `ARGS=(...)` or process substitution: skip its contents.
            skippedParens = 1
        }
    }

    private mutating func closeParen() {
        if functionHeader {
            functionHeader = false
            pendingFunction = true
            return
        }
        finishCommand()
        guard let top = blocks.last else { return }
        if top.kind == .subshell {
            blocks.removeLast()
            state = top.saved
        } else if top.kind == .caseBlock {
            // The end of a case pattern: `pattern)`.
            words = []
        }
    }

    private mutating func finishCommand() {
        var command = words
        words = []
        while let first = command.first, !first.isQuoted {
            switch first.text {
            case "if":
                blocks.append(Block(kind: .conditional, saved: state))
            case "while", "until":
                blocks.append(Block(kind: .loop, saved: state))
            case "then", "do", "!", "time":
                break
            case "else", "elif":
                if blocks.last?.kind == .conditional { resetBranch() }
            case "fi", "done", "esac", "}":
                closeBlock()
            case "{":
                blocks.append(Block(kind: pendingFunction ? .function : .group, saved: state))
                pendingFunction = false
            case "for", "select":
                blocks.append(Block(kind: .loop, saved: state))
                return
            case "case":
                blocks.append(Block(kind: .caseBlock, saved: state))
                return
            case "function":
                if command.contains(where: { $0.text == "{" && !$0.isQuoted }) {
                    blocks.append(Block(kind: .function, saved: state))
                } else {
                    pendingFunction = true
                }
                return
            default:
                if !command.isEmpty { handle(command) }
                return
            }
            command.removeFirst()
        }
        if !command.isEmpty { handle(command) }
    }

    /// Records what a finished branch changed and starts the next branch from
    /// the state before the block.
    private mutating func resetBranch() {
        guard var block = blocks.popLast() else { return }
        block.absorb(state)
        state = block.saved
        blocks.append(block)
    }

    private mutating func closeBlock() {
        guard var block = blocks.popLast() else { return }
        if block.kind == .function || block.kind == .subshell {
            state = block.saved
            return
        }
        block.absorb(state)
        state = block.saved
        if block.dirtyCwd { state.cwd = nil }
        for name in block.dirtyVariables { state.variables[name] = nil }
    }

    /// The state a command starting at `offset` ran with (the initial state
    /// before the first command).
    func state(at offset: Int, initial: BuildShellState) -> BuildShellState {
        checkpoints.last { $0.offset <= offset }?.state ?? initial
    }

    private mutating func handle(_ command: [BuildShellWord]) {
        checkpoints.append((command[0].start, state))
        let assignments = command.prefix { BuildShellWalker.assignment($0) != nil }
        if assignments.count == command.count {
            for word in command { assign(word) }
            return
        }
        let name = command[assignments.count]
        let arguments = Array(command[(assignments.count + 1)...])
        switch name.text {
        case "export", "readonly", "declare", "typeset", "local":
            guard assignments.isEmpty else { break }
            for word in arguments where !word.text.hasPrefix("-") {
                if BuildShellWalker.assignment(word) != nil { assign(word) }
            }
            return
        case "unset":
            guard assignments.isEmpty else { break }
            for word in arguments { state.variables[word.text] = nil }
            return
        case "cd":
            guard assignments.isEmpty else { break }
            changeDirectory(arguments)
            return
        case "pushd":
            guard assignments.isEmpty else { break }
            directoryStack.append(state.cwd)
            changeDirectory(arguments)
            return
        case "popd":
            guard assignments.isEmpty else { break }
            state.cwd = directoryStack.popLast() ?? nil
            return
        default:
            break
        }
        commands.append((command, state))
    }

    private mutating func changeDirectory(_ arguments: [BuildShellWord]) {
        let operands = arguments.filter { !["-L", "-P", "-e", "-@", "--"].contains($0.text) }
        guard let target = operands.first, target.text != "-" else {
            state.cwd = nil
            return
        }
        state.cwd = BuildShellPathResolver.resolvePath(target.text, state: state)
    }

    private mutating func assign(_ word: BuildShellWord) {
        guard let (name, value) = BuildShellWalker.assignment(word) else { return }
        let expanded = BuildShellPathResolver.expand(value, state: state)
        state.variables[name] = expanded
    }

    /// `NAME=value` split into its parts.
    static func assignment(_ word: BuildShellWord) -> (String, String)? {
        let text = word.text
        let utf8 = text.utf8
        guard let first = utf8.first, BuildShellLexer.isNameStart(first), let equals = utf8.firstIndex(of: UInt8(ascii: "=")),
              utf8[..<equals].allSatisfy(BuildShellLexer.isNameByte) else { return nil }
        return (String(text[..<equals]), String(text[utf8.index(after: equals)...]))
    }
}
