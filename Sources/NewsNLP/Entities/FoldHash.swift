import CNewsICU

/// 64-bit hashes of folded words (case and accents removed, apostrophes unified), computed without building
/// a `String` per word: ASCII words are lower-cased byte by byte, others folded by ICU into a stack buffer.
enum FoldHash {
    static let seed: UInt64 = 0xcbf29ce484222325
    static let prime: UInt64 = 0x100000001b3

    /// The hash of the folded form of `bytes`.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = seed
        if FoldTable.forEachFoldedByte(bytes, { h = (h ^ UInt64($0)) &* prime }) { return h }
        h = seed
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3 + 16) { out in
            let n = nicu_fold(bytes.baseAddress!, Int32(bytes.count), out.baseAddress!, Int32(out.count))
            guard n >= 0 else { return h }
            for i in 0..<Int(n) { h = (h ^ UInt64(out[i])) &* prime }
            return h
        }
    }

    /// The hash of an already folded string.
    static func hash(folded s: String) -> UInt64 {
        var h = seed
        for b in s.utf8 { h = (h ^ UInt64(b)) &* prime }
        return h
    }

    /// Combines the hashes of a sequence of words, in order.
    @inline(__always) static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        (a &* 0x9E3779B97F4A7C15) ^ b &+ 0x632BE59BD9B4E019
    }
}

/// What the matchers need to know about each token, computed once per document.
struct TokenInfo {
    var hash: UInt64
    var capitalised: Bool
    /// Starts with a capital letter (not a digit).
    var upper: Bool
    var allCaps: Bool
    var isWord: Bool

    /// The information of a token from its `TokenFeatures`.
    init(hash: UInt64, shape: TokenShape) {
        self.init(hash: hash, capitalised: shape.contains(.capitalised), upper: shape.contains(.upper),
                  allCaps: shape.contains(.allCaps), isWord: shape.contains(.word))
    }

    init(hash: UInt64, capitalised: Bool, upper: Bool, allCaps: Bool, isWord: Bool) {
        self.hash = hash
        self.capitalised = capitalised
        self.upper = upper
        self.allCaps = allCaps
        self.isWord = isWord
    }
}
