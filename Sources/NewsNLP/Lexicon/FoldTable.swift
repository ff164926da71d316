import CNewsICU

/// Folded forms of the Latin letters U+00C0–U+024F (accented capitals and small letters, ligatures), each
/// computed once by ICU, so that folding French, English and most European names needs no call into ICU.
enum FoldTable {
    static let first: UInt32 = 0xC0
    static let last: UInt32 = 0x24F

    /// For each scalar in range, its folded UTF-8 bytes (at most 4), or nil when ICU must see the whole word.
    static let table: [[UInt8]?] = {
        var out: [[UInt8]?] = []
        out.reserveCapacity(Int(last - first + 1))
        var buffer = [UInt8](repeating: 0, count: 32)
        for v in first...last {
            guard let s = Unicode.Scalar(v) else { out.append(nil); continue }
            let bytes = Array(String(Character(s)).utf8)
            let n = bytes.withUnsafeBufferPointer { src in
                buffer.withUnsafeMutableBufferPointer { nicu_fold(src.baseAddress!, Int32(src.count), $0.baseAddress!, 32) }
            }
            out.append(n > 0 && n <= 4 ? Array(buffer[0..<Int(n)]) : nil)
        }
        return out
    }()

    /// Calls `body` with each byte of the folded form of `bytes`; returns false (having called nothing
    /// reliable) when a scalar outside the table needs ICU.
    @inline(__always)
    static func forEachFoldedByte(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt8) -> Void) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                body((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
                i += 1
                continue
            }
            let (c, l) = bytes.scalar(at: i)
            if c.value >= first && c.value <= last, let f = table[Int(c.value - first)] {
                for x in f { body(x) }
            } else if c.value == 0x2019 || c.value == 0x2018 || c.value == 0x02BC {
                body(0x27)
            } else if c.value == 0x2010 || c.value == 0x2011 {
                body(0x2D)
            } else if c.value == 0x00A0 || c.value == 0x202F {
                body(0x20)
            } else {
                return false
            }
            i += l
        }
        return true
    }
}
