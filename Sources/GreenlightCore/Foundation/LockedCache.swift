import Foundation

/// A dictionary shared by the threads that link services in parallel: each value
/// is computed at most once per key (concurrent callers for one key may both
/// compute; the first stored result wins and is what everyone gets).
final class LockedCache<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private var storage: [Key: Value] = [:]
    private let lock = NSLock()

    func value(for key: Key, compute: () -> Value) -> Value {
        lock.lock()
        if let existing = storage[key] {
            lock.unlock()
            return existing
        }
        lock.unlock()
        let computed = compute()
        lock.lock()
        defer { lock.unlock() }
        if let existing = storage[key] { return existing }
        storage[key] = computed
        return computed
    }

    var snapshot: [Key: Value] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
