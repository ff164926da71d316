/// The slots of a table: an array it owns, or words inside the embedded compiled lexicons (`CompiledLexicons`),
/// which live as long as the process and are never written, so that a compiled table is used in place: only the
/// pages a lookup touches are read.
struct Slots: @unchecked Sendable {
    var owned: [UInt64]
    var borrowed: UnsafeBufferPointer<UInt64>?

    init(_ owned: [UInt64]) { self.owned = owned }
    init(borrowing b: UnsafeBufferPointer<UInt64>) { self.owned = []; self.borrowed = b }

    var count: Int { borrowed?.count ?? owned.count }

    @inline(__always) func withBuffer<R>(_ body: (UnsafeBufferPointer<UInt64>) -> R) -> R {
        if let borrowed { return body(borrowed) }
        return owned.withUnsafeBufferPointer(body)
    }

    /// An owned copy, to be written.
    mutating func own() {
        if let b = borrowed { owned = Array(b); borrowed = nil }
    }
}

/// A read-mostly hash table keyed by 64-bit word hashes (`FoldHash`), for the per-token lookups of the lexicons.
///
/// The keys are already well-mixed hashes, so the table indexes by their bits directly (open addressing, linear
/// probing, load ≤ 0.5) instead of hashing them again through `Hasher` as `Dictionary` does. Key 0 marks an empty
/// slot; a real key of 0 is stored as 1 (a hash collision the lexicons can live with).
struct WordTable<Value: Sendable>: Sendable {
    private var keys: Slots
    private var values: [Value?]
    /// The values in place in the compiled lexicons (plain values only, one per slot at `Value`'s stride), when
    /// the table was read from there; `values` is then empty.
    private var borrowedValues: BorrowedBytes?
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Slots([UInt64](repeating: 0, count: size))
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The home slot of a key in a table of `mask + 1` slots (shared with `WordSet`).
    @inline(__always) static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: ((key ^ (key >> 29)) &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }

    @inline(__always) private func slot(_ key: UInt64) -> Int { Self.slot(key, mask) }

    /// The value in filled slot `i`.
    @inline(__always) private func value(at i: Int) -> Value? {
        if let b = borrowedValues { return b.base.load(fromByteOffset: i * MemoryLayout<Value>.stride, as: Value.self) }
        return values[i]
    }

    /// The value for `key`, or nil.
    /// - Complexity: O(1) expected.
    subscript(key: UInt64) -> Value? {
        get {
            let k = Self.stored(key)
            var i = slot(k)
            return keys.withBuffer { ks in
                while true {
                    let here = ks[i]
                    if here == k { return value(at: i) }
                    if here == 0 { return nil }
                    i = (i + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { return }  // removal is not needed by the lexicons
            ownSlots()
            if (count + 1) * 2 > keys.count { grow() }
            let k = Self.stored(key)
            var i = slot(k)
            while keys.owned[i] != 0 {
                if keys.owned[i] == k { values[i] = newValue; return }
                i = (i + 1) & mask
            }
            keys.owned[i] = k
            values[i] = newValue
            count += 1
        }
    }

    func contains(_ key: UInt64) -> Bool { self[key] != nil }

    /// Copies borrowed slots and values into arrays of the table's own, before a write.
    private mutating func ownSlots() {
        guard keys.borrowed != nil else { return }
        let n = keys.count
        values = (0..<n).map { i in keys.withBuffer { $0[i] } != 0 ? value(at: i) : nil }
        borrowedValues = nil
        keys.own()
    }

    private mutating func grow() {
        let oldKeys = keys.owned, oldValues = values
        let size = keys.count * 2
        keys = Slots([UInt64](repeating: 0, count: size))
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
        count = 0
        for i in 0..<oldKeys.count where oldKeys[i] != 0 { self[oldKeys[i]] = oldValues[i] }
    }
}

/// Bytes inside the embedded compiled lexicons (immortal, read-only).
struct BorrowedBytes: @unchecked Sendable {
    let base: UnsafeRawPointer
}

/// A set of 64-bit word hashes: the keys of a `WordTable` without values.
struct WordSet: Sendable {
    private var keys: Slots
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Slots([UInt64](repeating: 0, count: size))
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
        return keys.withBuffer { ks in
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
        keys.own()
        if (count + 1) * 2 > keys.count { grow() }
        let k = WordTable<Bool>.stored(key)
        var i = slot(k)
        while keys.owned[i] != 0 {
            if keys.owned[i] == k { return false }
            i = (i + 1) & mask
        }
        keys.owned[i] = k
        count += 1
        return true
    }

    private mutating func grow() {
        let old = keys.owned
        keys = Slots([UInt64](repeating: 0, count: keys.count * 2))
        mask = keys.count - 1
        count = 0
        for k in old where k != 0 { insert(k) }
    }
}

extension WordTable {
    /// The filled slots, as (stored key, value) pairs in slot order.
    var filled: [(UInt64, Value)] {
        keys.withBuffer { ks in ks.indices.filter { ks[$0] != 0 }.map { (ks[$0], value(at: $0)!) } }
    }

    /// The same table with its keys inserted in increasing order: its slots no longer depend on the order the
    /// entries were added in (which may follow a `Set`'s), so that the archive of a table is reproducible.
    func canonical() -> WordTable {
        var t = WordTable(capacity: count)
        for (k, v) in filled.sorted(by: { $0.0 < $1.0 }) { t[k] = v }
        return t
    }

    /// Writes the table with its slots (so that reading it back needs no rehashing), each value by `body`.
    func write(to a: inout ArchiveWriter, _ body: (inout ArchiveWriter, Value) -> Void) {
        let t = canonical()
        a.array(t.keys.owned)
        a.int(t.count)
        for (_, v) in t.filled { body(&a, v) }
    }

    init(from a: inout ArchiveReader, _ body: (inout ArchiveReader) throws -> Value) throws {
        let keys = try a.slots()
        let count = try a.int()
        var values = [Value?](repeating: nil, count: keys.count)
        for i in 0..<keys.count where keys.withBuffer({ $0[i] }) != 0 { values[i] = try body(&a) }
        self.keys = keys
        self.values = values
        self.count = count
        self.mask = keys.count - 1
    }
}

extension WordTable where Value: BitwiseCopyable {
    /// Writes the table as two raw arrays: the keys, and the values of the filled slots at `Value`'s stride
    /// (zeros elsewhere).
    func write(to a: inout ArchiveWriter) {
        let t = canonical()
        a.array(t.keys.owned)
        let size = MemoryLayout<Value>.size, stride = MemoryLayout<Value>.stride
        var raw = [UInt8](repeating: 0, count: t.keys.count * stride)
        for i in 0..<t.keys.count where t.keys.owned[i] != 0 {
            withUnsafeBytes(of: t.values[i]!) { v in for k in 0..<size { raw[i * stride + k] = v[k] } }
        }
        a.array(raw)
        a.int(t.count)
    }

    init(from a: inout ArchiveReader) throws {
        let keys = try a.slots()
        let stride = MemoryLayout<Value>.stride
        let n = keys.count
        self.keys = keys
        self.mask = n - 1
        if let raw = try a.borrowedBytes(count: n * stride) {
            values = []
            borrowedValues = BorrowedBytes(base: raw)
        } else {
            let raw: [UInt8] = try a.array()
            guard raw.count == n * stride else { throw ArchiveReader.Malformed() }
            var values = [Value?](repeating: nil, count: n)
            raw.withUnsafeBytes { r in
                keys.withBuffer { ks in
                    for i in 0..<n where ks[i] != 0 { values[i] = r.loadUnaligned(fromByteOffset: i * stride, as: Value.self) }
                }
            }
            self.values = values
        }
        self.count = try a.int()
    }
}

extension WordSet: LexiconArchivable {
    func write(to a: inout ArchiveWriter) {
        var t = WordSet(capacity: count)
        keys.withBuffer { ks in for k in ks.filter({ $0 != 0 }).sorted() { t.insert(k) } }
        a.array(t.keys.owned)
        a.int(t.count)
    }

    init(from a: inout ArchiveReader) throws {
        keys = try a.slots()
        count = try a.int()
        mask = keys.count - 1
    }
}
