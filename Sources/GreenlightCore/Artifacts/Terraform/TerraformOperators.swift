/// Unary and binary operators on evaluated values. An unknown operand makes the
/// result unknown (except where the known operand alone decides `&&` / `||`).
enum TerraformOperators {
    static func unary(_ op: HCLUnaryOperator, _ operand: LocatedValue, at here: SourceLocation) -> LocatedValue {
        if !operand.value.isKnown { return LocatedValue(.unknown(TerraformValues.reason(operand.value)), at: here) }
        switch op {
        case .not:
            guard let flag = TerraformValues.bool(operand.value) else { return LocatedValue(.unknown("! needs a bool"), at: here) }
            return LocatedValue(.bool(!flag), at: here)
        case .negate:
            guard let number = TerraformValues.double(operand.value) else { return LocatedValue(.unknown("- needs a number"), at: here) }
            return LocatedValue(TerraformValues.number(-number), at: here)
        }
    }

    static func binary(_ op: HCLBinaryOperator, _ left: LocatedValue, _ right: LocatedValue, at here: SourceLocation) -> LocatedValue {
        switch op {
        case .and, .or:
            let first = TerraformValues.bool(left.value)
            let second = TerraformValues.bool(right.value)
            if op == .and, first == false || second == false { return LocatedValue(.bool(false), at: here) }
            if op == .or, first == true || second == true { return LocatedValue(.bool(true), at: here) }
            guard let first, let second else {
                return LocatedValue(.unknown("operand of \(op.rawValue) is not a known bool"), at: here)
            }
            return LocatedValue(.bool(op == .and ? first && second : first || second), at: here)
        case .equal, .notEqual:
            guard let same = TerraformValues.equal(left.value, right.value) else {
                return LocatedValue(.unknown("comparison with a value that is not known"), at: here)
            }
            return LocatedValue(.bool(op == .equal ? same : !same), at: here)
        default:
            break
        }
        for operand in [left, right] where !operand.value.isKnown {
            return LocatedValue(.unknown(TerraformValues.reason(operand.value)), at: here)
        }
        guard let a = TerraformValues.double(left.value), let b = TerraformValues.double(right.value) else {
            return LocatedValue(.unknown("\(op.rawValue) needs numbers"), at: here)
        }
        switch op {
        case .less: return LocatedValue(.bool(a < b), at: here)
        case .lessOrEqual: return LocatedValue(.bool(a <= b), at: here)
        case .greater: return LocatedValue(.bool(a > b), at: here)
        case .greaterOrEqual: return LocatedValue(.bool(a >= b), at: here)
        case .add: return LocatedValue(TerraformValues.number(a + b), at: here)
        case .subtract: return LocatedValue(TerraformValues.number(a - b), at: here)
        case .multiply: return LocatedValue(TerraformValues.number(a * b), at: here)
        case .divide:
            guard b != 0 else { return LocatedValue(.unknown("division by zero"), at: here) }
            return LocatedValue(TerraformValues.number(a / b), at: here)
        case .modulo:
            guard b != 0 else { return LocatedValue(.unknown("modulo by zero"), at: here) }
            return LocatedValue(TerraformValues.number(a.truncatingRemainder(dividingBy: b)), at: here)
        default:
            return LocatedValue(.unknown("unsupported operator"), at: here)
        }
    }
}
