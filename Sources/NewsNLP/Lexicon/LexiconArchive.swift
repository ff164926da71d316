/// A flat binary form of compiled lexicon tables (`CompiledLexicons`): arrays of plain values are written as their
/// raw bytes and read back with one copy, so that loading a table costs a `memcpy`, not a parse.
///
/// The layout is the machine's (little-endian, 64-bit `Int`, Swift's layout of the plain structs); the header
/// written by `CompiledLexicons` records what it was made with, and a mismatch makes the reader parse instead.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func align() {
        while bytes.count % 8 != 0 { bytes.append(0) }
    }

    mutating func raw(_ b: [UInt8]) {
        bytes.append(contentsOf: b)
    }

    mutating func int(_ v: Int) {
        withUnsafeBytes(of: Int64(v).littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func pod<T: BitwiseCopyable>(_ v: T) {
        withUnsafeBytes(of: v) { bytes.append(contentsOf: $0) }
    }

    /// An array of plain values: its count, then its raw bytes (8-byte aligned), the padding after each element
    /// zeroed so that the archive is reproducible. `T` must have no padding between its fields.
    mutating func array<T: BitwiseCopyable>(_ a: [T]) {
        int(a.count)
        align()
        let size = MemoryLayout<T>.size, stride = MemoryLayout<T>.stride
        if size == stride {
            a.withUnsafeBytes { bytes.append(contentsOf: $0) }
        } else {
            for x in a {
                withUnsafeBytes(of: x) { bytes.append(contentsOf: $0.prefix(size)) }
                bytes.append(contentsOf: repeatElement(0, count: stride - size))
            }
        }
        align()
    }

    mutating func string(_ s: String) {
        int(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func character(_ c: Character?) {
        string(c.map(String.init) ?? "")
    }

    /// A list of values, each written by `body`.
    mutating func list<T>(_ a: [T], _ body: (inout ArchiveWriter, T) -> Void) {
        int(a.count)
        for x in a { body(&self, x) }
    }

    /// A dictionary in the order of its sorted keys (the archive must not depend on the process's hash seed).
    mutating func dictionary<V>(_ d: [String: V], _ body: (inout ArchiveWriter, V) -> Void) {
        int(d.count)
        for k in d.keys.sorted() {
            string(k)
            body(&self, d[k]!)
        }
    }

    mutating func stringSet(_ s: Set<String>) {
        list(s.sorted()) { $0.string($1) }
    }
}

/// Reads what `ArchiveWriter` wrote, checking every length against the end of the data.
struct ArchiveReader {
    struct Malformed: Error {}

    let base: UnsafeRawBufferPointer
    var offset = 0
    /// The data outlives every reader and table (the embedded archive): large arrays are used in place.
    let immortal: Bool

    init(_ base: UnsafeRawBufferPointer, immortal: Bool = false) {
        self.base = base
        self.immortal = immortal
    }

    /// The slots of a hash table (a power of two, at least 16), in place when the data is immortal.
    mutating func slots() throws -> Slots {
        let count = try int()
        guard count >= 16, count & (count - 1) == 0 else { throw Malformed() }
        try align()
        let size = count * 8
        guard offset + size <= base.count else { throw Malformed() }
        let slots: Slots
        if immortal {
            slots = Slots(borrowing: UnsafeBufferPointer(start: (base.baseAddress! + offset).assumingMemoryBound(to: UInt64.self), count: count))
        } else {
            slots = Slots([UInt64](unsafeUninitializedCapacity: count) { b, n in
                UnsafeMutableRawBufferPointer(b).copyMemory(from: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + size)]))
                n = count
            })
        }
        offset += size
        try align()
        return slots
    }

    /// The next array of bytes (written by `ArchiveWriter.array`), in place, when the data is immortal and the
    /// array has `count` bytes; nil (nothing read) otherwise.
    mutating func borrowedBytes(count: Int) throws -> UnsafeRawPointer? {
        guard immortal else { return nil }
        let start = offset
        guard try int() == count else { offset = start; return nil }
        try align()
        guard offset + count <= base.count else { throw Malformed() }
        let p = base.baseAddress! + offset
        offset += count
        try align()
        return p
    }

    mutating func align() throws {
        offset = (offset + 7) & ~7
        guard offset <= base.count else { throw Malformed() }
    }

    mutating func int() throws -> Int {
        guard offset + 8 <= base.count else { throw Malformed() }
        let v = Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self))
        offset += 8
        guard v >= 0, v <= Int64(base.count) * 8 else { throw Malformed() }
        return Int(v)
    }

    mutating func pod<T: BitwiseCopyable>(_: T.Type = T.self) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset + size <= base.count else { throw Malformed() }
        let v = base.loadUnaligned(fromByteOffset: offset, as: T.self)
        offset += size
        return v
    }

    mutating func array<T: BitwiseCopyable>(_: T.Type = T.self) throws -> [T] {
        let count = try int()
        try align()
        let size = count * MemoryLayout<T>.stride
        guard offset + size <= base.count else { throw Malformed() }
        let source = UnsafeRawBufferPointer(rebasing: base[offset..<(offset + size)])
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
            initialized = count
        }
        offset += size
        try align()
        return out
    }

    mutating func string() throws -> String {
        let n = try int()
        guard offset + n <= base.count else { throw Malformed() }
        let s = String(decoding: UnsafeRawBufferPointer(rebasing: base[offset..<(offset + n)]), as: UTF8.self)
        offset += n
        return s
    }

    mutating func character() throws -> Character? {
        let s = try string()
        return s.isEmpty ? nil : s.first
    }

    mutating func list<T>(_ body: (inout ArchiveReader) throws -> T) throws -> [T] {
        let n = try int()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try body(&self)) }
        return out
    }

    mutating func dictionary<V>(_ body: (inout ArchiveReader) throws -> V) throws -> [String: V] {
        let n = try int()
        var out: [String: V] = [:]
        out.reserveCapacity(n)
        for _ in 0..<n {
            let k = try string()
            out[k] = try body(&self)
        }
        return out
    }

    mutating func stringSet() throws -> Set<String> {
        Set(try list { try $0.string() })
    }
}

/// A lexicon table that can be written into the compiled lexicons and read back as it was.
protocol LexiconArchivable: Sendable {
    func write(to archive: inout ArchiveWriter)
    init(from archive: inout ArchiveReader) throws
}
