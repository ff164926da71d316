/// A forgiving reader of the JSON inside `<script type="application/ld+json">`: enough to find an article's
/// headline, author, date and body. Pages write this JSON by hand and often break it (raw line breaks in strings,
/// HTML comments around it, a trailing comma), so the reader accepts what it can and stops quietly otherwise.
indirect enum JSONLD {
    case object([(String, JSONLD)])
    case array([JSONLD])
    case string(String)
    case other

    static func parse(_ bytes: [UInt8]) -> JSONLD? {
        guard let first = bytes.firstIndex(where: { $0 == 0x7B || $0 == 0x5B }) else { return nil }
        var p = Reader(b: bytes, i: first)
        return p.value(depth: 0)
    }

    subscript(key: String) -> JSONLD? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.0 == key }?.1
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Every object in this value, depth first (through arrays and `@graph`).
    func objects(_ body: (JSONLD) -> Void) {
        switch self {
        case .object(let fields):
            body(self)
            for (_, v) in fields { v.objects(body) }
        case .array(let items):
            for v in items { v.objects(body) }
        default: break
        }
    }

    /// The `@type`s of an object.
    var types: [String] {
        switch self["@type"] {
        case .string(let s)?: return [s]
        case .array(let a)?: return a.compactMap(\.string)
        default: return []
        }
    }

    /// A name out of a string, an object with `name`, or a list of them ("A, B").
    var names: String? {
        switch self {
        case .string(let s): return s
        case .object: return self["name"]?.string
        case .array(let a):
            let all = a.compactMap(\.names).filter { !$0.isEmpty }
            return all.isEmpty ? nil : all.joined(separator: ", ")
        case .other: return nil
        }
    }

    private struct Reader {
        let b: [UInt8]
        var i: Int

        mutating func space() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x09 || b[i] == 0x0D { i += 1 }
        }

        mutating func value(depth: Int) -> JSONLD? {
            space()
            guard i < b.count, depth < 64 else { return nil }
            switch b[i] {
            case 0x7B:
                i += 1
                var fields: [(String, JSONLD)] = []
                while true {
                    space()
                    guard i < b.count else { return .object(fields) }
                    if b[i] == 0x7D { i += 1; return .object(fields) }
                    if b[i] == 0x2C { i += 1; continue }
                    guard b[i] == 0x22, let key = string() else { return .object(fields) }
                    space()
                    guard i < b.count, b[i] == 0x3A else { return .object(fields) }
                    i += 1
                    guard let v = value(depth: depth + 1) else { return .object(fields) }
                    fields.append((key, v))
                }
            case 0x5B:
                i += 1
                var items: [JSONLD] = []
                while true {
                    space()
                    guard i < b.count else { return .array(items) }
                    if b[i] == 0x5D { i += 1; return .array(items) }
                    if b[i] == 0x2C { i += 1; continue }
                    guard let v = value(depth: depth + 1) else { return .array(items) }
                    items.append(v)
                }
            case 0x22:
                return string().map { .string($0) }
            default:
                // Numbers, true, false, null: skipped.
                let start = i
                while i < b.count, !(b[i] == 0x2C || b[i] == 0x7D || b[i] == 0x5D || b[i] == 0x20 || b[i] == 0x0A) { i += 1 }
                return i > start ? .other : nil
            }
        }

        mutating func string() -> String? {
            i += 1
            var out: [UInt8] = []
            while i < b.count {
                let c = b[i]
                if c == 0x22 { i += 1; return String(decoding: out, as: UTF8.self) }
                if c == 0x5C, i + 1 < b.count {
                    i += 1
                    switch b[i] {
                    case 0x6E: out.append(0x0A)
                    case 0x74: out.append(0x09)
                    case 0x72: out.append(0x0D)
                    case 0x62, 0x66: out.append(0x20)
                    case 0x75:
                        guard var u = hex4(i + 1) else { return nil }
                        i += 4
                        if (0xD800..<0xDC00).contains(u), i + 6 < b.count, b[i + 1] == 0x5C, b[i + 2] == 0x75,
                           let low = hex4(i + 3), (0xDC00..<0xE000).contains(low) {
                            u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00)
                            i += 6
                        }
                        let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(scalar).utf8))
                    default: out.append(b[i])
                    }
                    i += 1
                    continue
                }
                out.append(c)
                i += 1
            }
            return nil
        }

        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= b.count else { return nil }
            return UInt32(String(decoding: b[at..<(at + 4)], as: UTF8.self), radix: 16)
        }
    }
}
