/// Turns raw bytes into a document's text: UTF-8 only, a byte-order mark skipped, line endings kept as they are
/// (segmentation treats CRLF and a lone CR as line breaks, so offsets stay those of the original bytes).
public enum TextDecoder {
    /// Decodes `bytes` as UTF-8.
    /// - Parameters:
    ///   - name: the file name used in error messages.
    ///   - lossy: replace invalid sequences with U+FFFD instead of failing.
    /// - Returns: the text, and whether bad bytes were replaced.
    /// - Throws: `NewsNLPError` (`.invalidData`) naming the byte offset of the first invalid sequence.
    /// - Complexity: O(n), one pass.
    public static func decode(_ bytes: some Collection<UInt8>, name: String, lossy: Bool = false) throws -> (text: String, replaced: Bool) {
        let array = Array(bytes)
        var start = 0
        if array.count >= 3, array[0] == 0xEF, array[1] == 0xBB, array[2] == 0xBF { start = 3 }
        let body = array[start...]
        if let bad = firstInvalidUTF8(body) {
            if lossy {
                return (String(decoding: body, as: UTF8.self), true)
            }
            throw NewsNLPError(.invalidData, file: name, "invalid UTF-8 at byte offset \(bad)",
                               remedy: looksLikeLatin1(body) ? .convertFromLatin1 : .replaceInvalidBytes)
        }
        return (String(decoding: body, as: UTF8.self), false)
    }

    /// The offset (in the original buffer) of the first byte that does not begin a valid UTF-8 sequence, or nil.
    public static func firstInvalidUTF8(_ b: ArraySlice<UInt8>) -> Int? {
        var i = b.startIndex
        let end = b.endIndex
        while i < end {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            var need = 0
            var minNext: UInt8 = 0x80, maxNext: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; minNext = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; maxNext = 0x9F
            case 0xF0: need = 3; minNext = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; maxNext = 0x8F
            default: return i
            }
            if i + need >= end { return i }
            let n1 = b[i + 1]
            if n1 < minNext || n1 > maxNext { return i }
            var k = 2
            while k <= need {
                let n = b[i + k]
                if n < 0x80 || n > 0xBF { return i }
                k += 1
            }
            i += need + 1
        }
        return nil
    }

    static func looksLikeLatin1(_ b: ArraySlice<UInt8>) -> Bool {
        // Latin-1 accented letters (0xC0-0xFF) followed by ASCII are the usual sign.
        var hits = 0
        var i = b.startIndex
        while i < b.endIndex - 1 {
            if b[i] >= 0xC0 && b[i + 1] < 0x80 { hits += 1 }
            i += 1
        }
        return hits > 0
    }
}
