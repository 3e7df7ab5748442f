extension TerraformEvaluator {
    /// Evaluates `root.step.step[...]`: symbols, `var`, `local`, `path`, module
    /// outputs, and resource attributes (read from the block when written literally).
    func evaluateTraversal(_ expression: HCLExpression, in scope: TerraformScope) -> LocatedValue {
        var steps: [HCLTraversalStep] = []
        var node = expression
        walk: while true {
            switch node.kind {
            case .attribute(let base, let name): steps.append(.attribute(name)); node = base
            case .index(let base, let key): steps.append(.index(key)); node = base
            default: break walk
            }
        }
        steps.reverse()
        let here = expression.location
        guard case .variable(let root) = node.kind else {
            return relocated(applyAll(steps[...], to: evaluate(node, in: scope), in: scope), to: here)
        }
        if let bound = scope.symbols[root] {
            return relocated(applyAll(steps[...], to: bound, in: scope), to: here)
        }
        let first: String? = steps.first.flatMap { step in
            if case .attribute(let name) = step { return name }
            return nil
        }
        let rest = steps.dropFirst()
        func unknown(_ reason: String) -> LocatedValue { LocatedValue(.unknown(reason), at: here) }
        switch root {
        case "var":
            guard let name = first else { return unknown("var must be followed by a variable name") }
            guard let value = context.variables[name] else { return unknown("var.\(name) is not declared") }
            return relocated(applyAll(rest, to: value, in: scope), to: here)
        case "local":
            guard let name = first else { return unknown("local must be followed by a name") }
            guard let value = context.locals[name] else { return unknown("local.\(name) is not known") }
            return relocated(applyAll(rest, to: value, in: scope), to: here)
        case "count", "each":
            return unknown("\(root).\(first ?? "") is only known for one instance")
        case "self":
            return unknown("self is only known after apply")
        case "path":
            switch first {
            case "module": return LocatedValue(.string(context.pathModule), at: here)
            case "root": return LocatedValue(.string("."), at: here)
            default: return unknown("path.\(first ?? "") depends on where Terraform runs")
            }
        case "terraform":
            return unknown("terraform.\(first ?? "") is only known when Terraform runs")
        case "module":
            guard let name = first, rest.count >= 1, case .attribute(let output)? = rest.first else {
                return LocatedValue(.reference(context.addressPrefix + "module." + (first ?? "")), at: here)
            }
            if let value = context.moduleOutputs[name]?[output] {
                return relocated(applyAll(rest.dropFirst(), to: value, in: scope), to: here)
            }
            let address = context.addressPrefix + "module.\(name).\(output)"
            return relocated(applyAll(rest.dropFirst(), to: LocatedValue(.reference(address), at: here), in: scope), to: here)
        case "data":
            guard let type = first, case .attribute(let name)? = rest.first else {
                return unknown("data must be followed by a type and a name")
            }
            return resourceAttribute(key: "data.\(type).\(name)", steps: rest.dropFirst(), at: here, in: scope)
        default:
            guard let name = first else { return unknown("\(root) is not a known name") }
            return resourceAttribute(key: "\(root).\(name)", steps: rest, at: here, in: scope)
        }
    }

    /// `type.name[instance].attribute...`: the written attribute, else a symbolic reference.
    private func resourceAttribute(key: String, steps: ArraySlice<HCLTraversalStep>, at here: SourceLocation, in scope: TerraformScope) -> LocatedValue {
        var remaining = steps
        var instance = ""
        var instanceScope = TerraformScope()
        instanceScope.depth = scope.depth
        if case .index(let indexExpression)? = remaining.first {
            let index = evaluate(indexExpression, in: scope)
            switch index.value {
            case .number(let text):
                instance = "[\(text)]"
                if let number = Int(text) {
                    instanceScope = TerraformScope.countInstance(number, at: here)
                    instanceScope.depth = scope.depth
                }
            case .string(let text):
                instance = "[\"\(text)\"]"
                instanceScope = eachScope(key: text, resource: key, at: here, depth: scope.depth)
            default: instance = "[*]"
            }
            remaining = remaining.dropFirst()
        }
        let address = context.addressPrefix + key + instance
        guard case .attribute(let attribute)? = remaining.first else {
            return LocatedValue(.reference(address), at: here)
        }
        if !TerraformEvaluator.computedAttributes.contains(attribute),
           let definition = context.resources[key],
           let written = definition.attributes[attribute] {
            let value = evaluate(written.expression, in: instanceScope)
            return relocated(applyAll(remaining.dropFirst(), to: value, in: scope), to: here)
        }
        let reference = LocatedValue(.reference(address + "." + attribute), at: here)
        return applyAll(remaining.dropFirst(), to: reference, in: scope)
    }

    /// `each.key` / `each.value` for instance `key` of a resource whose `for_each` is known.
    private func eachScope(key: String, resource: String, at here: SourceLocation, depth: Int) -> TerraformScope {
        var scope = TerraformScope()
        scope.depth = depth + 1
        var value = LocatedValue(.unknown("for_each of \(resource) is not known"), at: here)
        if let forEach = context.resources[resource]?.attributes["for_each"] {
            let collection = evaluate(forEach.expression, in: scope)
            switch collection.value {
            case .object: value = collection[key] ?? value
            case .array(let items): value = items.first { TerraformValues.string($0.value) == key } ?? value
            default: break
            }
        }
        var result = TerraformScope.eachInstance(key: key, value: value, at: here)
        result.depth = depth
        return result
    }

    func applyAll(_ steps: ArraySlice<HCLTraversalStep>, to value: LocatedValue, in scope: TerraformScope) -> LocatedValue {
        steps.reduce(value) { current, step in apply(step, to: current, in: scope) }
    }

    /// One `.name` or `[key]` step on an evaluated value.
    func apply(_ step: HCLTraversalStep, to value: LocatedValue, in scope: TerraformScope) -> LocatedValue {
        let here = value.location
        switch step {
        case .attribute(let name):
            switch value.value {
            case .object: return value[name] ?? LocatedValue(.unknown("object has no attribute \(name)"), at: here)
            case .reference(let address): return LocatedValue(.reference(address + "." + name), at: here)
            case .unknown: return value
            default: return LocatedValue(.unknown("cannot read attribute \(name) of a non-object value"), at: here)
            }
        case .index(let keyExpression):
            let key = evaluate(keyExpression, in: scope)
            if case .unknown = key.value { return key }
            switch value.value {
            case .array(let items):
                guard let number = TerraformValues.double(key.value), number == number.rounded(), number >= 0,
                      Int(number) < items.count else {
                    return LocatedValue(.unknown("index \(TerraformValues.string(key.value) ?? "?") is not in the list"), at: here)
                }
                return items[Int(number)]
            case .object:
                guard let name = TerraformValues.string(key.value) else {
                    return LocatedValue(.unknown("map key is not known"), at: here)
                }
                return value[name] ?? LocatedValue(.unknown("map has no key \(name)"), at: here)
            case .reference(let address):
                let text = TerraformValues.string(key.value).map { text in
                    if case .string = key.value { return "\"\(text)\"" }
                    return text
                } ?? "*"
                return LocatedValue(.reference(address + "[\(text)]"), at: here)
            case .unknown: return value
            default: return LocatedValue(.unknown("cannot index a non-collection value"), at: here)
            }
        }
    }
}
