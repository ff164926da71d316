import CNewsLexicons

/// The raw text of a lexicon file: built into the binary, or read from a user's `--lexicons` folder.
public struct LexiconFile: Sendable {
    /// The path relative to the lexicon root ("fr/abbreviations").
    public let name: String
    /// Where the file came from, for error messages ("built-in" or a path).
    public let origin: String
    public let bytes: [UInt8]

    public init(name: String, origin: String, bytes: [UInt8]) {
        self.name = name
        self.origin = origin
        self.bytes = bytes
    }

    /// The names of all built-in lexicon files.
    public static var builtInNames: [String] {
        (0..<nlex_count()).map { String(cString: nlex_name($0)) }
    }

    /// The built-in file with this name, or nil.
    public static func builtIn(_ name: String) -> LexiconFile? {
        for i in 0..<nlex_count() where String(cString: nlex_name(i)) == name {
            var length: Int64 = 0
            let data = nlex_data(i, &length)!
            let bytes = Array(UnsafeBufferPointer(start: data, count: Int(length)))
            return LexiconFile(name: name, origin: "built-in Lexicons/\(name)", bytes: bytes)
        }
        return nil
    }

    /// The built-in files under a folder ("entities/").
    public static func builtIn(under prefix: String) -> [LexiconFile] {
        builtInNames.filter { $0.hasPrefix(prefix) }.compactMap { builtIn($0) }
    }

    /// The data lines of the file with their 1-based line numbers, comments and blank lines skipped,
    /// each split into tab-separated fields.
    ///
    /// Lines and fields are cut on the bytes (LF, an optional CR before it, TAB), not on `Character`s: one
    /// `String` for the whole file and no grapheme breaking per line.
    /// - Complexity: O(n).
    public func rows() -> [(line: Int, fields: [Substring])] {
        var out: [(Int, [Substring])] = []
        let text = String(decoding: bytes, as: UTF8.self)
        let utf8 = text.utf8
        var number = 0
        var lineStart = utf8.startIndex
        let end = utf8.endIndex
        while lineStart < end {
            number += 1
            var lineEnd = lineStart
            while lineEnd < end && utf8[lineEnd] != 0x0A { lineEnd = utf8.index(after: lineEnd) }
            var e = lineEnd
            if e > lineStart, utf8[utf8.index(before: e)] == 0x0D { e = utf8.index(before: e) }
            let next = lineEnd < end ? utf8.index(after: lineEnd) : end
            defer { lineStart = next }
            if e == lineStart || utf8[lineStart] == 0x23 { continue }
            if utf8[lineStart..<e].allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            var fields: [Substring] = []
            var f = lineStart
            var k = lineStart
            while k < e {
                if utf8[k] == 0x09 {
                    fields.append(text[f..<k])
                    f = utf8.index(after: k)
                }
                k = utf8.index(after: k)
            }
            fields.append(text[f..<e])
            out.append((number, fields))
        }
        return out
    }

    /// Calls `body` with the bytes of the file and the byte ranges of the tab-separated fields of each data line
    /// (comments and blank lines skipped), without building strings.
    /// - Complexity: O(n).
    public func forEachRow(_ body: (UnsafeBufferPointer<UInt8>, [Range<Int>]) -> Void) {
        bytes.withUnsafeBufferPointer { b in
            var fields: [Range<Int>] = []
            fields.reserveCapacity(8)
            var lineStart = 0
            let n = b.count
            while lineStart < n {
                var lineEnd = lineStart
                while lineEnd < n && b[lineEnd] != 0x0A { lineEnd += 1 }
                var e = lineEnd
                if e > lineStart && b[e - 1] == 0x0D { e -= 1 }
                if e > lineStart && b[lineStart] != 0x23 {
                    fields.removeAll(keepingCapacity: true)
                    var f = lineStart
                    for k in lineStart..<e where b[k] == 0x09 {
                        fields.append(f..<k)
                        f = k + 1
                    }
                    fields.append(f..<e)
                    if !(fields.count == 1 && fields[0].allSatisfy({ b[$0] == 0x20 })) { body(b, fields) }
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// Splits a ` | `-separated list field.
    public static func list(_ field: Substring) -> [String] {
        if field.isEmpty { return [] }
        return field.split(separator: "|").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    }
}

extension Substring {
    /// The substring without leading and trailing spaces and tabs (cut on the bytes).
    func trimmingSpaces() -> Substring {
        let u = utf8
        var a = u.startIndex, b = u.endIndex
        while a < b, u[a] == 0x20 || u[a] == 0x09 { a = u.index(after: a) }
        while b > a, u[u.index(before: b)] == 0x20 || u[u.index(before: b)] == 0x09 { b = u.index(before: b) }
        return self[a..<b]
    }
}
