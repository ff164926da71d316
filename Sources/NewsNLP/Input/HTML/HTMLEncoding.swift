/// Finds a page's character set and hands libxml2 bytes it can read.
///
/// The order is the one browsers follow: a byte-order mark, then the charset a `<meta>` (or an XML declaration)
/// declares in the first 4 KB, then the bytes themselves. "iso-8859-1" and "us-ascii" mean Windows-1252, as they do
/// on the web. UTF-8 and Windows-1252 pages are turned into valid UTF-8 here (a stray bad byte in a UTF-8 page
/// becomes U+FFFD instead of turning the rest of the page into Latin-1); any other declared charset is passed on.
enum HTMLEncoding {
    struct Prepared {
        var bytes: [UInt8]
        /// The name given to libxml2.
        var encoding: String
        /// The charset the page was read as, for messages ("UTF-8", "windows-1252", "declared shift_jis").
        var label: String
    }

    static func prepare(_ input: [UInt8]) -> Prepared {
        if input.starts(with: [0xEF, 0xBB, 0xBF]) {
            return utf8(Array(input[3...]), label: "UTF-8 (byte-order mark)")
        }
        if input.starts(with: [0xFF, 0xFE]) { return Prepared(bytes: Array(input[2...]), encoding: "UTF-16LE", label: "UTF-16LE") }
        if input.starts(with: [0xFE, 0xFF]) { return Prepared(bytes: Array(input[2...]), encoding: "UTF-16BE", label: "UTF-16BE") }
        let declared = declaredCharset(input[..<min(input.count, 4096)])
        switch declared.map(normalize) {
        case "windows-1252"?:
            // A page that says Latin-1 but is valid UTF-8 with non-ASCII letters was converted without its meta.
            if TextDecoder.firstInvalidUTF8(input[...]) == nil && input.contains(where: { $0 >= 0x80 }) {
                return Prepared(bytes: input, encoding: "UTF-8", label: "UTF-8 (declared \(declared!), read as UTF-8)")
            }
            return Prepared(bytes: windows1252ToUTF8(input), encoding: "UTF-8", label: "windows-1252")
        case "UTF-8"?, nil:
            if TextDecoder.firstInvalidUTF8(input[...]) == nil { return Prepared(bytes: input, encoding: "UTF-8", label: "UTF-8") }
            if mostlyUTF8(input) { return utf8(input, label: "UTF-8 (bad bytes replaced)") }
            return Prepared(bytes: windows1252ToUTF8(input), encoding: "UTF-8", label: "windows-1252 (not valid UTF-8)")
        case let other?:
            return Prepared(bytes: input, encoding: other, label: other)
        }
    }

    private static func utf8(_ bytes: [UInt8], label: String) -> Prepared {
        if TextDecoder.firstInvalidUTF8(bytes[...]) == nil { return Prepared(bytes: bytes, encoding: "UTF-8", label: label) }
        return Prepared(bytes: Array(String(decoding: bytes, as: UTF8.self).utf8), encoding: "UTF-8", label: label)
    }

    /// The web's names for the same encodings.
    static func normalize(_ label: String) -> String {
        switch label.lowercased() {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "utf-16", "utf-16le", "utf-16be", "unicode":
            // A <meta> can only be read if the page is ASCII-compatible: a "UTF-16" meta means UTF-8.
            return "UTF-8"
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252",
             "x-cp1252", "iso_8859-1", "iso-ir-100", "cp819", "ibm819", "csisolatin1", "ansi_x3.4-1968":
            return "windows-1252"
        default:
            return label
        }
    }

    /// More well-formed multi-byte sequences than bad bytes: a UTF-8 page with a few broken bytes.
    static func mostlyUTF8(_ b: [UInt8]) -> Bool {
        var good = 0, bad = 0
        var i = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1; continue }
            if let bad0 = TextDecoder.firstInvalidUTF8(b[i..<min(b.count, i + 4)]), bad0 == i {
                bad += 1
                i += 1
            } else {
                good += 1
                i += b[i] >= 0xF0 ? 4 : b[i] >= 0xE0 ? 3 : 2
            }
        }
        return good > bad
    }

    /// The charset named by `<meta charset=…>`, `<meta http-equiv content="…; charset=…">` or `<?xml encoding=…?>`.
    static func declaredCharset(_ head: ArraySlice<UInt8>) -> String? {
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        let key = Array("charset".utf8)
        var i = 0
        while i + key.count < lower.count {
            if lower[i] == 0x63, lower[i..<(i + key.count)].elementsEqual(key), insideMeta(lower, at: i) {
                var j = i + key.count
                while j < lower.count && (lower[j] == 0x20 || lower[j] == 0x09) { j += 1 }
                if j < lower.count && lower[j] == 0x3D {
                    j += 1
                    while j < lower.count && (lower[j] == 0x20 || lower[j] == 0x22 || lower[j] == 0x27) { j += 1 }
                    var k = j
                    while k < lower.count, isLabelByte(lower[k]) { k += 1 }
                    if k > j { return String(decoding: lower[j..<k], as: UTF8.self) }
                }
            }
            i += 1
        }
        if lower.starts(with: Array("<?xml".utf8)), let close = lower.firstIndex(of: 0x3E) {
            let decl = String(decoding: lower[..<close], as: UTF8.self)
            if let r = decl.firstRange(of: "encoding=") {
                let value = decl[r.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "?" }
                if !value.isEmpty { return String(value) }
            }
        }
        return nil
    }

    private static func isLabelByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D || c == 0x5F || c == 0x3A || c == 0x2E
    }

    /// True when the "charset" at `i` sits inside a `<meta …>` tag.
    private static func insideMeta(_ b: [UInt8], at i: Int) -> Bool {
        var j = i
        while j > 0 {
            j -= 1
            if b[j] == 0x3E { return false }
            if b[j] == 0x3C { return b[(j + 1)...].starts(with: Array("meta".utf8)) }
        }
        return false
    }

    /// Windows-1252 to UTF-8 (the five undefined bytes become U+FFFD).
    static func windows1252ToUTF8(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        for c in b {
            if c < 0x80 { out.append(c); continue }
            let scalar: UInt32 = c >= 0xA0 ? UInt32(c) : cp1252High[Int(c - 0x80)]
            var s = String(Unicode.Scalar(scalar)!)
            s.withUTF8 { out.append(contentsOf: $0) }
        }
        return out
    }

    /// Code points of bytes 0x80–0x9F in Windows-1252 (the character set's definition, not language data).
    private static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
