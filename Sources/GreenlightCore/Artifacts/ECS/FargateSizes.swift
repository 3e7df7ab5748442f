/// The CPU/memory pairs Fargate accepts (AWS ECS developer guide, "Task CPU and
/// memory"). A task definition with another pair is rejected at registration or
/// leaves the service unable to place tasks.
public enum FargateSizes {
    /// Valid memory values (MiB) for each task CPU value (CPU units).
    public static let table: [Int: [Int]] = [
        256: [512, 1024, 2048],
        512: Array(stride(from: 1024, through: 4096, by: 1024)),
        1024: Array(stride(from: 2048, through: 8192, by: 1024)),
        2048: Array(stride(from: 4096, through: 16384, by: 1024)),
        4096: Array(stride(from: 8192, through: 30720, by: 1024)),
        8192: Array(stride(from: 16384, through: 61440, by: 4096)),
        16384: Array(stride(from: 32768, through: 122880, by: 8192)),
    ]

    /// The CPU values Fargate accepts, ascending.
    public static let cpuValues: [Int] = table.keys.sorted()

    public static func isValid(cpu: Int, memory: Int) -> Bool {
        validMemories(forCPU: cpu).contains(memory)
    }

    /// The memory values (MiB) allowed with this CPU; empty when the CPU value itself is invalid.
    public static func validMemories(forCPU cpu: Int) -> [Int] {
        table[cpu] ?? []
    }

    /// CPU units from the forms a task definition accepts: `1024`, `"1024"`, `"1 vCPU"`, `"0.25 vcpu"`.
    public static func cpuUnits(from text: String) -> Int? {
        parse(text, units: ["vcpu": 1024])
    }

    /// Memory in MiB from `2048`, `"2048"`, `"2 GB"`, `"0.5GB"`, `"512 MiB"`.
    public static func memoryMiB(from text: String) -> Int? {
        parse(text, units: ["gb": 1024, "gib": 1024, "mb": 1, "mib": 1])
    }

    /// A number with an optional unit suffix, scaled by that unit; nil unless whole.
    private static func parse(_ text: String, units: [String: Int]) -> Int? {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        let numberStart = index
        while index < bytes.count, (bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")) || bytes[index] == UInt8(ascii: ".") {
            index += 1
        }
        guard index > numberStart, let number = Double(String(decoding: bytes[numberStart..<index], as: UTF8.self)) else { return nil }
        while index < bytes.count, bytes[index] == 0x20 { index += 1 }
        var unitEnd = bytes.count
        while unitEnd > index, bytes[unitEnd - 1] == 0x20 { unitEnd -= 1 }
        let unit = String(decoding: bytes[index..<unitEnd], as: UTF8.self).lowercased()
        let scale: Int
        if unit.isEmpty {
            scale = 1
        } else if let known = units[unit] {
            scale = known
        } else {
            return nil
        }
        let scaled = number * Double(scale)
        guard scaled == scaled.rounded(), scaled >= 0, scaled < 1e12 else { return nil }
        return Int(scaled)
    }
}
