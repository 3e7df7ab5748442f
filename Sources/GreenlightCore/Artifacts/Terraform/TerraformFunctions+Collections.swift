extension TerraformFunctionCall {
    /// Collection functions; nil when `name` is not one of them.
    func collectionFunction() -> StructuredValue? {
        switch name {
        case "merge":
            var members: [StructuredMember] = []
            for argument in arguments {
                switch argument.value {
                case .null: continue
                case .object(let items): members.append(contentsOf: items)
                default: return notKnown(argument)
                }
            }
            return .object(TerraformValues.uniqueMembers(members))
        case "concat":
            var items: [LocatedValue] = []
            for argument in arguments {
                guard case .array(let list) = argument.value else { return notKnown(argument) }
                items.append(contentsOf: list)
            }
            return .array(items)
        case "flatten":
            guard arguments.count == 1 else { return arity() }
            return flatten(arguments[0])
        case "lookup":
            guard arguments.count == 2 || arguments.count == 3 else { return arity() }
            guard case .object = arguments[0].value else { return notKnown(arguments[0]) }
            guard let key = TerraformValues.string(arguments[1].value) else { return notKnown(arguments[1]) }
            if let found = arguments[0][key] { return found.value }
            return arguments.count == 3 ? arguments[2].value : .unknown("map has no key \(key)")
        case "element":
            guard arguments.count == 2 else { return arity() }
            guard case .array(let items) = arguments[0].value else { return notKnown(arguments[0]) }
            guard let index = TerraformValues.double(arguments[1].value), index >= 0, index == index.rounded(), index < 1e15 else {
                return notKnown(arguments[1])
            }
            guard !items.isEmpty else { return .unknown("cannot use element on an empty list") }
            return items[Int(index) % items.count].value
        case "length":
            guard arguments.count == 1 else { return arity() }
            switch arguments[0].value {
            case .array(let items): return .number(String(items.count))
            case .object(let members): return .number(String(TerraformValues.uniqueMembers(members).count))
            case .string(let text): return .number(String(text.count))
            default: return notKnown(arguments[0])
            }
        case "keys", "values":
            guard arguments.count == 1 else { return arity() }
            guard case .object(let members) = arguments[0].value else { return notKnown(arguments[0]) }
            let sorted = TerraformValues.uniqueMembers(members).sorted { $0.key < $1.key }
            return .array(sorted.map { name == "keys" ? LocatedValue(.string($0.key), at: $0.keyLocation) : $0.value })
        case "contains":
            guard arguments.count == 2 else { return arity() }
            guard case .array(let items) = arguments[0].value else { return notKnown(arguments[0]) }
            var undecided = false
            for item in items {
                switch TerraformValues.equal(item.value, arguments[1].value) {
                case true?: return .bool(true)
                case nil: undecided = true
                default: continue
                }
            }
            return undecided ? .unknown("contains: list has values that are not known") : .bool(false)
        case "compact":
            guard arguments.count == 1 else { return arity() }
            guard case .array(let items) = arguments[0].value else { return notKnown(arguments[0]) }
            if let unknown = items.first(where: { !$0.value.isKnown }) { return notKnown(unknown) }
            return .array(items.filter { item in
                if case .null = item.value { return false }
                if case .string("") = item.value { return false }
                return true
            })
        case "distinct", "toset":
            guard arguments.count == 1 else { return arity() }
            guard case .array(let items) = arguments[0].value else { return notKnown(arguments[0]) }
            if let unknown = items.first(where: { TerraformValues.firstUnknown($0.value) != nil }) { return notKnown(unknown) }
            var unique: [LocatedValue] = []
            for item in items where !unique.contains(where: { TerraformValues.equal($0.value, item.value) == true }) {
                unique.append(item)
            }
            if name == "toset", unique.allSatisfy({ if case .string = $0.value { true } else { false } }) {
                unique.sort { (TerraformValues.string($0.value) ?? "") < (TerraformValues.string($1.value) ?? "") }
            }
            return .array(unique)
        case "tolist":
            guard arguments.count == 1 else { return arity() }
            guard case .array = arguments[0].value else { return notKnown(arguments[0]) }
            return arguments[0].value
        case "tomap":
            guard arguments.count == 1 else { return arity() }
            guard case .object = arguments[0].value else { return notKnown(arguments[0]) }
            return arguments[0].value
        case "zipmap":
            guard arguments.count == 2 else { return arity() }
            guard case .array(let keys) = arguments[0].value else { return notKnown(arguments[0]) }
            guard case .array(let values) = arguments[1].value else { return notKnown(arguments[1]) }
            guard keys.count == values.count else { return .unknown("invalid zipmap: lists differ in length") }
            var members: [StructuredMember] = []
            for (key, value) in zip(keys, values) {
                guard let text = TerraformValues.string(key.value) else { return notKnown(key) }
                members.append(StructuredMember(key: text, keyLocation: key.location, value: value))
            }
            return .object(TerraformValues.uniqueMembers(members))
        case "coalesce":
            for argument in arguments {
                switch argument.value {
                case .null, .string(""): continue
                case .unknown, .reference: return notKnown(argument)
                default: return argument.value
                }
            }
            return .unknown("invalid coalesce: no non-null argument")
        default:
            return nil
        }
    }

    private func flatten(_ value: LocatedValue) -> StructuredValue {
        guard case .array(let items) = value.value else { return notKnown(value) }
        var result: [LocatedValue] = []
        var pending = items[...]
        var stack: [ArraySlice<LocatedValue>] = []
        while true {
            guard let item = pending.popFirst() else {
                guard let outer = stack.popLast() else { break }
                pending = outer
                continue
            }
            switch item.value {
            case .array(let inner):
                stack.append(pending)
                pending = inner[...]
            case .unknown, .reference:
                return notKnown(item)
            default:
                result.append(item)
            }
        }
        return .array(result)
    }
}
