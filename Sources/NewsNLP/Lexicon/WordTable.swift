/// A read-mostly hash table keyed by 64-bit word hashes (`FoldHash`), for the per-token lookups of the lexicons.
///
/// The keys are already well-mixed hashes, so the table indexes by their low bits directly (open addressing,
/// linear probing, load ≤ 0.5) instead of hashing them again through `Hasher` as `Dictionary` does.
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var used: [Bool]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15 >> 32) & mask
    }

    /// The value for `key`, or nil.
    /// - Complexity: O(1) expected.
    subscript(key: UInt64) -> Value? {
        get {
            var i = slot(key)
            while used[i] {
                if keys[i] == key { return values[i] }
                i = (i + 1) & mask
            }
            return nil
        }
        set {
            guard let newValue else { return }  // removal is not needed by the lexicons
            if (count + 1) * 2 > keys.count { grow() }
            var i = slot(key)
            while used[i] {
                if keys[i] == key { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            used[i] = true
            keys[i] = key
            values[i] = newValue
            count += 1
        }
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values, oldUsed = used
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        used = [Bool](repeating: false, count: size)
        mask = size - 1
        count = 0
        for i in 0..<oldKeys.count where oldUsed[i] { self[oldKeys[i]] = oldValues[i] }
    }
}

/// A set of 64-bit word hashes with the lookup speed of `WordTable`.
struct WordSet: Sendable {
    private var table: WordTable<Bool>

    init(capacity: Int = 16) { table = WordTable(capacity: capacity) }

    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
        table = WordTable(capacity: hashes.underestimatedCount)
        for h in hashes { table[h] = true }
    }

    func contains(_ key: UInt64) -> Bool { table[key] != nil }

    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        if table[key] != nil { return false }
        table[key] = true
        return true
    }

    var count: Int { table.count }
}
