/// Indents compact JSON (two spaces), leaving strings untouched. Short arrays of scalars stay on one line.
enum JSONPretty {
    static func indent(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count * 2)
        var depth = 0
        var inString = false
        var i = 0
        func newline() {
            out.append(0x0A)
            for _ in 0..<depth { out.append(0x20); out.append(0x20) }
        }
        while i < b.count {
            let c = b[i]
            if inString {
                out.append(c)
                if c == 0x5C { out.append(b[i + 1]); i += 2; continue }
                if c == 0x22 { inString = false }
                i += 1
                continue
            }
            switch c {
            case 0x22: inString = true; out.append(c)
            case 0x7B, 0x5B:
                // Empty containers and flat arrays of numbers stay on one line.
                let close: UInt8 = c == 0x7B ? 0x7D : 0x5D
                var j = i + 1
                var flat = true
                while j < b.count && b[j] != close {
                    if b[j] == 0x7B || b[j] == 0x5B || b[j] == 0x22 { flat = false; break }
                    j += 1
                }
                if flat && j < b.count {
                    out.append(contentsOf: b[i...j])
                    i = j + 1
                    continue
                }
                out.append(c); depth += 1; newline()
            case 0x7D, 0x5D: depth -= 1; newline(); out.append(c)
            case 0x2C: out.append(c); newline()
            case 0x3A: out.append(c); out.append(0x20)
            default: out.append(c)
            }
            i += 1
        }
        return out
    }
}
