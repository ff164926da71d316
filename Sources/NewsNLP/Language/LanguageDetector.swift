/// Tells French from English, per document, from function words (`Lexicons/{fr,en}/stopwords`), words of news
/// that only one of the two writes (`Lexicons/{fr,en}/language-cues`) and letters that only French writes (é, è,
/// à, ç, ê…). When these tie (a headline such as "Biden wins." may hold none of them), capitalised first names
/// that only one language gives (`Lexicons/names/first-names.tsv`) decide; French when nothing tells.
/// Reads at most the first 20 KB.
struct LanguageDetector: Sendable {
    let french: Set<String>
    let english: Set<String>
    /// The two sets in one table (+1 French, -1 English), so that a word costs one lookup.
    let votes: [String: Int8]
    /// The ASCII words of `votes`, looked up straight from the text's bytes (no string, no SipHash).
    let asciiVotes: ASCIIWordTable
    /// The other words of `votes`, by the `FoldHash` of their folded form.
    let hashedVotes: WordTable<Int8>
    /// Where the first names come from, read only when the words tie.
    let lexicons: Lexicons?

    init(french: Set<String>, english: Set<String>, lexicons: Lexicons? = nil) {
        self.lexicons = lexicons
        self.french = french
        self.english = english
        var votes: [String: Int8] = [:]
        for w in english { votes[w] = -1 }
        for w in french { votes[w] = 1 }
        self.votes = votes
        asciiVotes = ASCIIWordTable(votes.filter { $0.key.utf8.allSatisfy { $0 < 0x80 } })
        var hashed = WordTable<Int8>(capacity: votes.count)
        for (w, v) in votes { hashed[FoldHash.hash(folded: w)] = v }
        hashedVotes = hashed
    }

    static func load(from lexicons: Lexicons) -> LanguageDetector {
        lexicons.cached("language") {
            let fr = lexicons.stopwords(.french).union(lexicons.wordSet("fr/language-cues"))
            let en = lexicons.stopwords(.english).union(lexicons.wordSet("en/language-cues"))
            // Only the words that tell the languages apart.
            return LanguageDetector(french: fr.subtracting(en), english: en.subtracting(fr), lexicons: lexicons)
        }
    }

    /// First names that only one language gives (+1 French, -1 English), by the `FoldHash` of their folded form.
    static func firstNames(_ lexicons: Lexicons) -> WordTable<Int8> {
        lexicons.cached("language:first-names") {
            var table = WordTable<Int8>(capacity: 1024)
            for file in lexicons.files("names/first-names.tsv") {
                for row in file.rows() where row.fields.count >= 3 {
                    let languages = row.fields[2].split(separator: " ")
                    let fr = languages.contains("fr"), en = languages.contains("en")
                    guard fr != en else { continue }
                    table[FoldHash.hash(folded: Folding.fold(String(row.fields[0].trimmingSpaces())))] = fr ? 1 : -1
                }
            }
            return table
        }
    }

    /// The language of the text; French (newsnlp's home ground) when nothing tells.
    func detect(_ text: UnsafeBufferPointer<UInt8>) -> Language {
        let limit = min(text.count, 20_000)
        var fr = 0.0, en = 0.0
        var k = 0
        var wordStart = -1
        var ascii = true
        // Capitalised words that no vote counted: the first names among them decide a tie.
        var names: [Range<Int>] = []
        func finish(_ end: Int) {
            guard wordStart >= 0, end > wordStart, end - wordStart <= 12 else { return }
            let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[wordStart..<end])
            let vote = ascii ? asciiVotes.value(lowercasing: raw) : hashedVotes[FoldHash.hash(raw.assumingMemoryBound(to: UInt8.self))]
            if let v = vote {
                if v > 0 { fr += 1 } else { en += 1 }
            } else if names.count < 64, text[wordStart] >= 0x41 && text[wordStart] <= 0x5A || text[wordStart] == 0xC3 {
                names.append(wordStart..<end)
            }
        }
        while k < limit {
            let b = text[k]
            if b < 0x80 {
                let isLetter = (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A
                if isLetter {
                    if wordStart < 0 { wordStart = k; ascii = true }
                } else {
                    finish(k)
                    wordStart = -1
                }
                k += 1
                continue
            }
            let (c, l) = text.scalar(at: k)
            if c.isLetter {
                if wordStart < 0 { wordStart = k; ascii = true }
                ascii = false
                switch c {
                case "é", "è", "ê", "à", "ç", "ù", "û", "ô", "î", "ï", "ë", "â", "œ", "É", "È", "À", "Ç": fr += 0.5
                default: break
                }
            } else {
                finish(k)
                wordStart = -1
            }
            k += l
        }
        finish(limit)
        if en == fr, !names.isEmpty, let lexicons {
            let firstNames = Self.firstNames(lexicons)
            for r in names {
                if let v = firstNames[FoldHash.hash(UnsafeBufferPointer(rebasing: text[r]))] { if v > 0 { fr += 1 } else { en += 1 } }
            }
        }
        return en > fr ? .english : .french
    }
}

/// A small open-addressing table of ASCII words (lower case) with a value, looked up from raw ASCII letters of
/// any case without building a string.
struct ASCIIWordTable: Sendable {
    private var hashes: [UInt64]
    private var slots: [Int32]          // index into `words`, or -1
    private var words: [[UInt8]] = []
    private var values: [Int8] = []
    private let mask: Int

    init(_ entries: [String: Int8]) {
        var size = 16
        while size < entries.count * 4 { size *= 2 }
        mask = size - 1
        hashes = [UInt64](repeating: 0, count: size)
        slots = [Int32](repeating: -1, count: size)
        for (word, value) in entries.sorted(by: { $0.key < $1.key }) {
            let bytes = Array(word.utf8)
            let h = Self.hash(bytes.withUnsafeBytes { $0 })
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            hashes[i] = h
            slots[i] = Int32(words.count)
            words.append(bytes)
            values.append(value)
        }
    }

    /// FNV-1a over the bytes with ASCII letters lower-cased.
    @inline(__always)
    static func hash(_ raw: UnsafeRawBufferPointer) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in raw {
            let c = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
            h = (h ^ UInt64(c)) &* 0x100000001b3
        }
        return h
    }

    /// The value of the word made of `raw` (ASCII, any case), or nil.
    func value(lowercasing raw: UnsafeRawBufferPointer) -> Int8? {
        let h = Self.hash(raw)
        var i = Int(truncatingIfNeeded: h) & mask
        while slots[i] >= 0 {
            if hashes[i] == h {
                let w = words[Int(slots[i])]
                if w.count == raw.count && zip(w, raw).allSatisfy({ $0 == (($1 >= 0x41 && $1 <= 0x5A) ? $1 | 0x20 : $1) }) {
                    return values[Int(slots[i])]
                }
            }
            i = (i + 1) & mask
        }
        return nil
    }
}
