/// A small, fast JSON writer into a byte buffer. Keys are written as given (they are ASCII literals).
struct JSONWriter {
    var bytes: [UInt8] = []
    /// Items written so far in each open container.
    private var counts: [Int] = [0]
    private var afterKey = false

    init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() { separator(); bytes.append(0x7B); counts.append(0) }
    mutating func endObject() { bytes.append(0x7D); counts.removeLast() }
    mutating func beginArray() { separator(); bytes.append(0x5B); counts.append(0) }
    mutating func endArray() { bytes.append(0x5D); counts.removeLast() }

    mutating func key(_ k: StaticString) {
        separator()
        bytes.append(0x22)
        k.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        afterKey = true
    }

    /// A key known only at run time (escaped like a string).
    mutating func key(string k: String) {
        string(k)
        bytes.append(0x3A)
        afterKey = true
    }

    /// A key that is an ASCII name known to need no escaping (a `SummaryFeature`'s raw value).
    mutating func key(name k: String) {
        separator()
        bytes.append(0x22)
        bytes.append(contentsOf: k.utf8)
        bytes.append(0x22)
        bytes.append(0x3A)
        afterKey = true
    }

    private mutating func separator() {
        if afterKey { afterKey = false; return }
        if counts[counts.count - 1] > 0 { bytes.append(0x2C) }
        counts[counts.count - 1] += 1
    }

    mutating func null() { separator(); append("null") }
    mutating func bool(_ v: Bool) { separator(); append(v ? "true" : "false") }
    /// An integer, written digit by digit (no string).
    mutating func int(_ v: Int) {
        separator()
        if v < 0 { bytes.append(0x2D) }
        var m = v.magnitude
        if m < 10 { bytes.append(0x30 + UInt8(m)); return }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            while m > 0 { d[n] = 0x30 + UInt8(m % 10); m /= 10; n += 1 }
            for k in stride(from: n - 1, through: 0, by: -1) { bytes.append(d[k]) }
        }
    }

    /// A number rounded to 4 decimals, never in exponent form.
    mutating func number(_ v: Double) {
        separator()
        guard v.isFinite else { append("0"); return }
        let r = (v * 10_000).rounded() / 10_000
        if r == r.rounded() && abs(r) < 1e15 { append(String(Int(r))); return }
        var s = String(r)
        if s.contains("e") { s = String(Int(r)) }
        append(s)
    }

    mutating func raw(_ s: String) { separator(); append(s) }

    mutating func string(_ s: String) {
        separator()
        var s = s
        s.withUTF8 { escape($0) }
    }

    mutating func string(_ utf8: UnsafeBufferPointer<UInt8>, _ span: Span) {
        separator()
        escape(UnsafeBufferPointer(rebasing: utf8[Int(span.start)..<Int(span.end)]))
    }

    mutating func value(_ v: JSONValue?) {
        switch v {
        case .none, .some(.null): null()
        case .some(.string(let s)): string(s)
        case .some(.number(let n)): raw(n)
        case .some(.bool(let b)): bool(b)
        }
    }

    private mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func escape(_ b: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        var runStart = 0
        for i in 0..<b.count {
            let c = b[i]
            if c >= 0x20 && c != 0x22 && c != 0x5C { continue }
            if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i])) }
            runStart = i + 1
            switch c {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            default:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(c >> 4)], Self.hex[Int(c & 0xF)]])
            }
        }
        if b.count > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<b.count])) }
        bytes.append(0x22)
    }
}
