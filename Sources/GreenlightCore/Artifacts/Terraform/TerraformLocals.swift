extension TerraformModuleLoader {
    /// Evaluates `locals` in dependency order; a local that depends on itself
    /// (directly or through others) is unknown rather than an endless loop.
    static func evaluateLocals(_ base: TerraformModuleContext) -> [String: LocatedValue] {
        var context = base
        context.locals = [:]
        var state: [String: Bool] = [:]  // false while being evaluated, true when done
        var cyclic: Set<String> = []

        func visit(_ name: String) {
            guard state[name] == nil, let expression = context.localExpressions[name] else { return }
            state[name] = false
            for dependency in localReferences(in: expression, resources: base.resources) {
                if state[dependency] == false {
                    cyclic.insert(dependency)
                    cyclic.insert(name)
                } else {
                    visit(dependency)
                }
            }
            if cyclic.contains(name) {
                context.locals[name] = LocatedValue(.unknown("local.\(name) depends on itself"), at: expression.location)
            } else {
                context.locals[name] = TerraformEvaluator(context: context).evaluate(expression)
            }
            state[name] = true
        }

        for name in base.localExpressions.keys.sorted() { visit(name) }
        return context.locals
    }

    /// The names `local.<name>` used anywhere in an expression, including through
    /// the attributes of resources it reads (which are evaluated from their blocks).
    static func localReferences(in expression: HCLExpression, resources: [String: TerraformResourceDefinition]) -> [String] {
        var names: [String] = []
        var pending = [expression]
        var visitedResources: Set<String> = []
        while let next = pending.popLast() {
            switch next.kind {
            case .attribute(let base, let name):
                if case .variable("local") = base.kind {
                    names.append(name)
                    continue
                }
                if let key = resourceKey(base, name), let resource = resources[key], visitedResources.insert(key).inserted {
                    pending += resource.attributes.values.map { $0.expression }
                }
                pending.append(base)
            case .index(let base, let key): pending += [base, key]
            case .splat(let base, let steps):
                pending.append(base)
                for case .index(let key) in steps { pending.append(key) }
            case .template(let parts), .heredoc(_, _, let parts):
                pending += templateExpressions(parts)
            case .tuple(let items): pending += items
            case .object(let items):
                for item in items {
                    pending.append(item.value)
                    if case .expression(let key) = item.key { pending.append(key) }
                }
            case .call(_, let arguments, _): pending += arguments
            case .unary(_, let operand): pending.append(operand)
            case .binary(_, let left, let right): pending += [left, right]
            case .conditional(let condition, let whenTrue, let whenFalse): pending += [condition, whenTrue, whenFalse]
            case .forTuple(let clause):
                pending += [clause.collection, clause.value] + (clause.condition.map { [$0] } ?? [])
            case .forObject(let clause, let key, _):
                pending += [clause.collection, clause.value, key] + (clause.condition.map { [$0] } ?? [])
            case .parenthesized(let inner): pending.append(inner)
            case .null, .bool, .number, .variable, .invalid: break
            }
        }
        return names
    }

    static let reservedRoots: Set<String> = ["var", "local", "count", "each", "path", "module", "data", "self", "terraform"]

    /// `type.name` / `data.type.name` when `base.name` names a resource or data block.
    private static func resourceKey(_ base: HCLExpression, _ name: String) -> String? {
        switch base.kind {
        case .variable(let type) where !reservedRoots.contains(type):
            return type + "." + name
        case .attribute(let inner, let type):
            if case .variable("data") = inner.kind { return "data." + type + "." + name }
            return nil
        default:
            return nil
        }
    }

    private static func templateExpressions(_ parts: [HCLTemplatePart]) -> [HCLExpression] {
        var result: [HCLExpression] = []
        for part in parts {
            switch part {
            case .literal: break
            case .interpolation(let expression): result.append(expression)
            case .conditional(let condition, let whenTrue, let whenFalse):
                result.append(condition)
                result += templateExpressions(whenTrue) + templateExpressions(whenFalse)
            case .loop(_, _, let collection, let body):
                result.append(collection)
                result += templateExpressions(body)
            }
        }
        return result
    }
}
