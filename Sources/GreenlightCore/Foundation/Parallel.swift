import Dispatch

/// Maps over a collection on all cores. Each result goes to its own slot, so no
/// lock is needed; the order of the results is the order of the input.
public enum Parallel {
    public static func map<Input: Sendable, Output: Sendable>(
        _ items: [Input], minimumBatch: Int = 8, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard items.count >= minimumBatch * 2 else { return items.map(transform) }
        let results = ResultSlots<Output>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            results.set(index, transform(items[index]))
        }
        return results.values()
    }
}

/// Write-once slots filled from several threads: each index is written by exactly
/// one iteration of `concurrentPerform`, and read only after it returns.
private final class ResultSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        storage.withUnsafeMutableBufferPointer { buffer in buffer[index] = value }
    }

    func values() -> [Value] {
        storage.compactMap { $0 }
    }
}
