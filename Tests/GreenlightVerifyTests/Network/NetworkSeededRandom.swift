/// SplitMix64 for the network fuzz tests (the same generator GreenlightCoreTests uses),
/// so a failing mutation can be replayed from its seed.
struct NetworkSeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (0 when the bound is not positive).
    mutating func below(_ bound: Int) -> Int {
        bound <= 0 ? 0 : Int(next() % UInt64(bound))
    }

    /// `bytes` with one to four random edits: overwrite, insert or delete a byte.
    mutating func mutate(_ bytes: [UInt8]) -> [UInt8] {
        var result = bytes
        for _ in 0...below(4) {
            let position = below(result.count + 1)
            switch below(3) {
            case 0 where position < result.count: result[position] = UInt8(truncatingIfNeeded: next())
            case 1: result.insert(UInt8(truncatingIfNeeded: next()), at: position)
            default: if position < result.count { result.remove(at: position) }
            }
        }
        return result
    }
}
