/// Decides whether a JSON document is an ECS task definition, so the scanner can
/// find them wherever they lie in a repository without reading every `package.json`
/// or `tsconfig.json` as one.
public enum ECSTaskDefinitionDetector {
    /// True for an object with `containerDefinitions` (directly or under
    /// `taskDefinition`) holding an array, or for a non-empty array whose items are all
    /// objects with a `name` and an `image` (a bare `containerDefinitions` file).
    public static func looksLikeTaskDefinition(_ value: LocatedValue) -> Bool {
        switch value.value {
        case .object:
            if let wrapped = value["taskDefinition"], hasContainerArray(wrapped) { return true }
            return hasContainerArray(value)
        case .array(let items):
            return !items.isEmpty && items.allSatisfy(isContainerObject)
        default:
            return false
        }
    }

    private static func hasContainerArray(_ value: LocatedValue) -> Bool {
        guard let containers = value["containerDefinitions"], case .array(let items) = containers.value else { return false }
        return items.allSatisfy { if case .object = $0.value { true } else { false } }
    }

    private static func isContainerObject(_ value: LocatedValue) -> Bool {
        guard case .object = value.value else { return false }
        return value["name"] != nil && value["image"] != nil
    }
}
