import CNewsICU

/// Case and accent folding for matching ("Élysée" and "elysee" fold alike), through ICU.
public enum Folding {
    /// The folded form of `s`: lower case, no accents, typographic apostrophes as "'".
    public static func fold(_ s: String) -> String {
        var s = s
        return s.withUTF8 { fold(UnsafeRawBufferPointer($0)) }
    }

    /// The folded form of UTF-8 bytes.
    /// - Complexity: O(n); ASCII text takes a fast path with no call into ICU.
    public static func fold(_ bytes: UnsafeRawBufferPointer) -> String {
        // Latin text: folded through FoldTable into a stack buffer (a short result is a small, inline string).
        let folded: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 2 + 8) { out in
            var n = 0
            let ok = FoldTable.forEachFoldedByte(bytes.assumingMemoryBound(to: UInt8.self)) { b in
                if n < out.count { out[n] = b; n += 1 }
            }
            return ok ? String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self) : nil
        }
        if let folded { return folded }
        var ascii = true
        for b in bytes where b >= 0x80 { ascii = false; break }
        if ascii {
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, b) in bytes.enumerated() {
                    out[i] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                }
                return bytes.count
            }
        }
        let n = bytes.count
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n * 3 + 16) { out in
            let src = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
            let written = nicu_fold(src, Int32(n), out.baseAddress!, Int32(out.count))
            if written < 0 { return String(decoding: bytes, as: UTF8.self).lowercased() }
            return String(decoding: UnsafeBufferPointer(start: out.baseAddress!, count: Int(written)), as: UTF8.self)
        }
    }

    /// The folded form of a slice of a byte array.
    public static func fold(_ bytes: [UInt8], _ span: Span) -> String {
        bytes.withUnsafeBytes { raw in
            fold(UnsafeRawBufferPointer(rebasing: raw[Int(span.start)..<Int(span.end)]))
        }
    }
}
