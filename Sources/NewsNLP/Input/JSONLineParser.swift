/// Reads one JSON Lines record, `{"id": …, "text": "…"}`, without Foundation.
///
/// Only what the record needs is kept: the `id` (any JSON scalar, echoed back as written) and the `text`
/// string; other fields are skipped. Errors say what is wrong in words a user can act on.
public enum JSONLineParser {
    public struct Record: Sendable {
        public var id: JSONValue?
        public var text: String
    }

    public struct ParseError: Error, Sendable {
        public let message: String
        /// The record's id, when it could be read before the error.
        public let id: JSONValue?
    }

    public static func parse(_ line: UnsafeBufferPointer<UInt8>) throws(ParseError) -> Record {
        var p = Parser(b: line)
        p.skipSpace()
        guard p.peek() == 0x7B else { throw ParseError(message: "the line is not a JSON object", id: nil) }
        p.i += 1
        var id: JSONValue?
        var text: String?
        var textError: String?
        p.skipSpace()
        if p.peek() == 0x7D { p.i += 1 } else {
            while true {
                p.skipSpace()
                guard p.peek() == 0x22, let key = p.string() else { throw ParseError(message: "malformed JSON: expected a key at byte \(p.i)", id: id) }
                p.skipSpace()
                guard p.peek() == 0x3A else { throw ParseError(message: "malformed JSON: expected ':' at byte \(p.i)", id: id) }
                p.i += 1
                p.skipSpace()
                let valueStart = p.i
                guard let value = p.value() else { throw ParseError(message: "malformed JSON at byte \(p.i)", id: id) }
                if key == "id" {
                    switch value {
                    case .scalar(let v): id = v
                    case .string(let s): id = .string(s)
                    case .composite: id = .null
                    }
                } else if key == "text" {
                    if case .string(let s) = value { text = s; textError = nil }
                    else { textError = "\"text\" is not a string (found \(p.describe(valueStart)))"; text = nil }
                }
                p.skipSpace()
                if p.peek() == 0x2C { p.i += 1; continue }
                if p.peek() == 0x7D { p.i += 1; break }
                throw ParseError(message: "malformed JSON: expected ',' or '}' at byte \(p.i)", id: id)
            }
        }
        p.skipSpace()
        guard p.i == line.count else { throw ParseError(message: "malformed JSON: extra characters after the object at byte \(p.i)", id: id) }
        if let textError { throw ParseError(message: textError, id: id) }
        guard let text else { throw ParseError(message: "the record has no \"text\" field", id: id) }
        return Record(id: id, text: text)
    }

    private enum Value {
        case string(String)
        case scalar(JSONValue)
        case composite
    }

    private struct Parser {
        let b: UnsafeBufferPointer<UInt8>
        var i = 0

        func peek() -> UInt8? { i < b.count ? b[i] : nil }

        mutating func skipSpace() {
            while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0D || b[i] == 0x0A { i += 1 }
        }

        func describe(_ start: Int) -> String {
            switch b[start] {
            case 0x7B: return "an object"
            case 0x5B: return "an array"
            case 0x6E: return "null"
            case 0x74, 0x66: return "a boolean"
            default: return "a number"
            }
        }

        mutating func value() -> Value? {
            guard let c = peek() else { return nil }
            switch c {
            case 0x22: return string().map { .string($0) }
            case 0x7B, 0x5B: return skipComposite() ? .composite : nil
            case 0x74: return literal("true") ? .scalar(.bool(true)) : nil
            case 0x66: return literal("false") ? .scalar(.bool(false)) : nil
            case 0x6E: return literal("null") ? .scalar(.null) : nil
            default:
                let s = i
                guard number() else { i = s; return nil }
                return .scalar(.number(String(decoding: UnsafeBufferPointer(rebasing: b[s..<i]), as: UTF8.self)))
            }
        }

        /// A number as JSON writes it, `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`: an id is echoed back as
        /// written, so anything looser ("13e", "1-2", "+1", ".5") would make the output line invalid JSON.
        mutating func number() -> Bool {
            func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
            func digits() -> Bool {
                guard isDigit(i) else { return false }
                while isDigit(i) { i += 1 }
                return true
            }
            if peek() == 0x2D { i += 1 }
            if peek() == 0x30 { i += 1 } else if !digits() { return false }
            if peek() == 0x2E { i += 1; guard digits() else { return false } }
            if peek() == 0x65 || peek() == 0x45 {
                i += 1
                if peek() == 0x2B || peek() == 0x2D { i += 1 }
                guard digits() else { return false }
            }
            return true
        }

        mutating func literal(_ word: StaticString) -> Bool {
            let n = word.utf8CodeUnitCount
            guard i + n <= b.count else { return false }
            let ok = word.withUTF8Buffer { w in (0..<n).allSatisfy { b[i + $0] == w[$0] } }
            if ok { i += n }
            return ok
        }

        mutating func skipComposite() -> Bool {
            var depth = 0
            while i < b.count {
                let c = b[i]
                if c == 0x22 { guard string() != nil else { return false }; continue }
                if c == 0x7B || c == 0x5B { depth += 1 }
                if c == 0x7D || c == 0x5D { depth -= 1; if depth == 0 { i += 1; return true } }
                i += 1
            }
            return false
        }

        /// A JSON string at `i` (which holds the opening quote); nil if malformed.
        mutating func string() -> String? {
            i += 1
            var out: [UInt8] = []
            var runStart = i
            while i < b.count {
                let c = b[i]
                if c == 0x22 {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
                    i += 1
                    return String(decoding: out, as: UTF8.self)
                }
                if c < 0x20 { return nil }
                if c == 0x5C {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
                    guard i + 1 < b.count else { return nil }
                    let e = b[i + 1]
                    i += 2
                    switch e {
                    case 0x22: out.append(0x22)
                    case 0x5C: out.append(0x5C)
                    case 0x2F: out.append(0x2F)
                    case 0x62: out.append(0x08)
                    case 0x66: out.append(0x0C)
                    case 0x6E: out.append(0x0A)
                    case 0x72: out.append(0x0D)
                    case 0x74: out.append(0x09)
                    case 0x75:
                        guard var u = hex4() else { return nil }
                        if u >= 0xD800 && u < 0xDC00 {
                            // a surrogate pair
                            if i + 1 < b.count, b[i] == 0x5C, b[i + 1] == 0x75 {
                                i += 2
                                guard let lo = hex4(), lo >= 0xDC00 && lo < 0xE000 else { return nil }
                                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
                            } else { u = 0xFFFD }
                        } else if u >= 0xDC00 && u < 0xE000 { u = 0xFFFD }
                        let scalar = Unicode.Scalar(u) ?? "\u{FFFD}"
                        out.append(contentsOf: Array(String(Character(scalar)).utf8))
                    default: return nil
                    }
                    runStart = i
                    continue
                }
                i += 1
            }
            return nil
        }

        mutating func hex4() -> UInt32? {
            guard i + 4 <= b.count else { return nil }
            var v: UInt32 = 0
            for k in 0..<4 {
                let c = b[i + k]
                var d: UInt32
                switch c {
                case 0x30...0x39: d = UInt32(c - 0x30)
                case 0x41...0x46: d = UInt32(c - 0x41 + 10)
                case 0x61...0x66: d = UInt32(c - 0x61 + 10)
                default: return nil
                }
                v = v * 16 + d
            }
            i += 4
            return v
        }
    }
}
