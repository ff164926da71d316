/// Small helpers for reading Unicode scalars and their properties straight from UTF-8 bytes.
extension UnsafeBufferPointer<UInt8> {
    /// The scalar that starts at byte `i` and its length in bytes. Assumes valid UTF-8.
    @inline(__always)
    func scalar(at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = self[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        if b0 < 0xE0 {
            let v = (UInt32(b0 & 0x1F) << 6) | UInt32(self[i + 1] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 2)
        }
        if b0 < 0xF0 {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(self[i + 1] & 0x3F) << 6) | UInt32(self[i + 2] & 0x3F)
            return (Unicode.Scalar(v) ?? "\u{FFFD}", 3)
        }
        let v = (UInt32(b0 & 0x07) << 18) | (UInt32(self[i + 1] & 0x3F) << 12) | (UInt32(self[i + 2] & 0x3F) << 6) | UInt32(self[i + 3] & 0x3F)
        return (Unicode.Scalar(v) ?? "\u{FFFD}", 4)
    }

    /// The scalar that ends just before byte `i`, and its start offset.
    @inline(__always)
    func scalar(before i: Int) -> (Unicode.Scalar, Int) {
        var j = i - 1
        while j > 0 && (self[j] & 0xC0) == 0x80 { j -= 1 }
        return (scalar(at: j).0, j)
    }

    /// Whether the white space `c` at byte `i` (of length `l`) makes one character with a combining mark after
    /// it, before `end`: a space (not a control such as a line break, which stands alone) followed by a mark.
    /// Trimming must keep such a space, or the span would start in the middle of a character.
    @inline(__always)
    func spaceCarriesMark(_ c: Unicode.Scalar, at i: Int, length l: Int, end: Int) -> Bool {
        i + l < end && c.properties.generalCategory == .spaceSeparator && scalar(at: i + l).0.extendsCharacter
    }
}

extension Unicode.Scalar {
    /// A scalar that continues the character (extended grapheme cluster) before it: a combining mark, a
    /// spacing mark, a zero-width joiner, an emoji modifier. A span must not start on one.
    @inline(__always) var extendsCharacter: Bool {
        if value < 0x300 { return false }
        let p = properties
        return p.isGraphemeExtend || p.generalCategory == .spacingMark || value == 0x200D || p.isEmojiModifier
    }

    /// White space, including no-break and narrow no-break spaces.
    @inline(__always) var isSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    /// Horizontal white space (a space that is not a line break).
    @inline(__always) var isHorizontalSpace: Bool {
        switch value {
        case 0x20, 0x09, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    @inline(__always) var isLineBreak: Bool {
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    @inline(__always) var isUpper: Bool {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A }
        if value < LatinTable.end { return LatinTable.flags[Int(value)] & 2 != 0 }
        return properties.isUppercase
    }

    @inline(__always) var isLower: Bool {
        if value < 0x80 { return value >= 0x61 && value <= 0x7A }
        if value < LatinTable.end { return LatinTable.flags[Int(value)] & 4 != 0 }
        return properties.isLowercase
    }

    @inline(__always) var isLetter: Bool {
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value < LatinTable.end { return LatinTable.flags[Int(value)] & 1 != 0 }
        return properties.isAlphabetic
    }

    @inline(__always) var isDigit: Bool {
        if value < 0x80 { return value >= 0x30 && value <= 0x39 }
        return properties.numericType == .decimal
    }

    /// An apostrophe as French and English text write it.
    @inline(__always) var isApostrophe: Bool {
        value == 0x27 || value == 0x2019 || value == 0x02BC || value == 0x2018
    }

    @inline(__always) var isHyphen: Bool {
        value == 0x2D || value == 0x2010 || value == 0x2011
    }

    /// A closing quotation mark (a straight double quote counts too; context decides).
    var isClosingQuote: Bool {
        switch value {
        case 0xBB, 0x201D, 0x22, 0x203A, 0x2019: return true
        default: return false
        }
    }

    var isOpeningQuote: Bool {
        switch value {
        case 0xAB, 0x201C, 0x22, 0x2039, 0x201E: return true
        default: return false
        }
    }

    /// Sentence-final punctuation.
    var isTerminal: Bool {
        switch value {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0xFF0E, 0x3002, 0xFF01, 0xFF1F: return true
        default: return false
        }
    }
}

/// Letter, upper- and lower-case flags of U+0000–U+024F (Latin-1 and Latin Extended-A/B), read once from the
/// Unicode properties: French and English text asks about these letters millions of times, and the standard
/// library's property lookup is a search through a table every time.
enum LatinTable {
    static let end: UInt32 = 0x250
    /// Per scalar: 1 alphabetic, 2 upper case, 4 lower case.
    static let flags: [UInt8] = (0..<end).map { v in
        guard let c = Unicode.Scalar(v) else { return 0 }
        let p = c.properties
        return (p.isAlphabetic ? 1 : 0) | (p.isUppercase ? 2 : 0) | (p.isLowercase ? 4 : 0)
    }
}
