extension SeededRandom {
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
