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
    public func rows() -> [(line: Int, fields: [Substring])] {
        var out: [(Int, [Substring])] = []
        let text = String(decoding: bytes, as: UTF8.self)
        var number = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = rawLine
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.first == "#" { continue }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            out.append((number, line.split(separator: "\t", omittingEmptySubsequences: false)))
        }
        return out
    }

    /// Splits a ` | `-separated list field.
    public static func list(_ field: Substring) -> [String] {
        if field.isEmpty { return [] }
        return field.split(separator: "|").map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
    }
}

extension Substring {
    func trimmingSpaces() -> Substring {
        var s = self
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}
