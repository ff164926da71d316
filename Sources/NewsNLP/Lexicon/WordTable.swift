/// A read-mostly hash table keyed by 64-bit word hashes (`FoldHash`), for the per-token lookups of the lexicons.
///
/// The keys are already well-mixed hashes, so the table indexes by their bits directly (open addressing, linear
/// probing, load ≤ 0.5) instead of hashing them again through `Hasher` as `Dictionary` does. Key 0 marks an empty
/// slot; a real key of 0 is stored as 1 (a hash collision the lexicons can live with).
struct WordTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The home slot of a key in a table of `mask + 1` slots (shared with `WordSet`).
    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Self.slot(key, mask) }

    /// The value for `key`, or nil.
    /// - Complexity: O(1) expected.
    subscript(key: UInt64) -> Value? {
        get {
            let k = Self.stored(key)
            var i = slot(k)
            return keys.withUnsafeBufferPointer { ks in
                while true {
                    let here = ks[i]
                    if here == k { return values[i] }
                    if here == 0 { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { return }  // removal is not needed by the lexicons
            if (count + 1) * 2 > keys.count { grow() }
            let k = Self.stored(key)
            var i = slot(k)
            while keys[i] != 0 {
                if keys[i] == k { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            keys[i] = k
            values[i] = newValue
            count += 1
        }
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        let size = keys.count * 2
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        count = 0
        for i in 0..<oldKeys.count where oldKeys[i] != 0 { self[oldKeys[i]] = oldValues[i] }
    }
}

/// A set of 64-bit word hashes: the keys of a `WordTable` without values.
struct WordSet: Sendable {
    private var keys: [UInt64]
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    init<S: Sequence>(_ hashes: S) where S.Element == UInt64 {
        self.init(capacity: hashes.underestimatedCount)
        for h in hashes { insert(h) }
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { WordTable<Bool>.slot(key, mask) }

    /// - Complexity: O(1) expected.
    func contains(_ key: UInt64) -> Bool {
        let k = WordTable<Bool>.stored(key)
        var i = slot(k)
        return keys.withUnsafeBufferPointer { ks in
            while true {
                let here = ks[i]
                if here == k { return true }
                if here == 0 { return false }
                i = (i + 1) & mask
            }
        }
    }

    @discardableResult
    mutating func insert(_ key: UInt64) -> Bool {
        if (count + 1) * 2 > keys.count { grow() }
        let k = WordTable<Bool>.stored(key)
        var i = slot(k)
        while keys[i] != 0 {
            if keys[i] == k { return false }
            i = (i + 1) & mask
        }
        keys[i] = k
        count += 1
        return true
    }

    private mutating func grow() {
        let old = keys
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        mask = keys.count - 1
        count = 0
        for k in old where k != 0 { insert(k) }
    }
}

extension WordTable {
    /// The same table with its keys inserted in increasing order: its slots no longer depend on the order the
    /// entries were added in (which may follow a `Set`'s), so that the archive of a table is reproducible.
    func canonical() -> WordTable {
        var t = WordTable(capacity: count)
        for i in keys.indices.filter({ keys[$0] != 0 }).sorted(by: { keys[$0] < keys[$1] }) { t[keys[i]] = values[i] }
        return t
    }

    /// Writes the table with its slots (so that reading it back needs no rehashing), each value by `body`.
    func write(to a: inout ArchiveWriter, _ body: (inout ArchiveWriter, Value) -> Void) {
        let t = canonical()
        a.array(t.keys)
        a.int(t.count)
        for i in 0..<t.keys.count where t.keys[i] != 0 { body(&a, t.values[i]!) }
    }

    init(from a: inout ArchiveReader, _ body: (inout ArchiveReader) throws -> Value) throws {
        let keys: [UInt64] = try a.array()
        let count = try a.int()
        guard keys.count >= 16, keys.count & (keys.count - 1) == 0 else { throw ArchiveReader.Malformed() }
        var values = [Value?](repeating: nil, count: keys.count)
        for i in 0..<keys.count where keys[i] != 0 { values[i] = try body(&a) }
        self.keys = keys
        self.values = values
        self.count = count
        self.mask = keys.count - 1
    }
}

extension WordTable where Value: BitwiseCopyable {
    /// Writes the table as two raw arrays: the keys, and the values of the filled slots (zeros elsewhere).
    func write(to a: inout ArchiveWriter) {
        let t = canonical()
        a.array(t.keys)
        let size = MemoryLayout<Value>.size
        var raw = [UInt8](repeating: 0, count: t.keys.count * size)
        for i in 0..<t.keys.count where t.keys[i] != 0 {
            withUnsafeBytes(of: t.values[i]!) { v in for k in 0..<size { raw[i * size + k] = v[k] } }
        }
        a.array(raw)
        a.int(t.count)
    }

    init(from a: inout ArchiveReader) throws {
        let keys: [UInt64] = try a.array()
        let raw: [UInt8] = try a.array()
        let size = MemoryLayout<Value>.size
        guard keys.count >= 16, keys.count & (keys.count - 1) == 0, raw.count == keys.count * size else { throw ArchiveReader.Malformed() }
        var values = [Value?](repeating: nil, count: keys.count)
        raw.withUnsafeBytes { r in
            for i in 0..<keys.count where keys[i] != 0 { values[i] = r.loadUnaligned(fromByteOffset: i * size, as: Value.self) }
        }
        self.keys = keys
        self.values = values
        self.count = try a.int()
        self.mask = keys.count - 1
    }
}

extension WordSet: LexiconArchivable {
    func write(to a: inout ArchiveWriter) {
        var t = WordSet(capacity: count)
        for k in keys.filter({ $0 != 0 }).sorted() { t.insert(k) }
        a.array(t.keys)
        a.int(t.count)
    }

    init(from a: inout ArchiveReader) throws {
        let keys: [UInt64] = try a.array()
        guard keys.count >= 16, keys.count & (keys.count - 1) == 0 else { throw ArchiveReader.Malformed() }
        self.keys = keys
        self.count = try a.int()
        self.mask = keys.count - 1
    }
}
