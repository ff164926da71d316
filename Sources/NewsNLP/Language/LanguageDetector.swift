/// Tells French from English, per document, from function words (`Lexicons/{fr,en}/stopwords`) and letters
/// that only French writes (é, è, à, ç, ê…). Reads at most the first 20 KB.
struct LanguageDetector: Sendable {
    let french: Set<String>
    let english: Set<String>
    /// The two sets in one table (+1 French, -1 English), so that a word costs one lookup.
    let votes: [String: Int8]

    init(french: Set<String>, english: Set<String>) {
        self.french = french
        self.english = english
        var votes: [String: Int8] = [:]
        for w in english { votes[w] = -1 }
        for w in french { votes[w] = 1 }
        self.votes = votes
    }

    static func load(from lexicons: Lexicons) -> LanguageDetector {
        lexicons.cached("language") {
            let fr = lexicons.stopwords(.french), en = lexicons.stopwords(.english)
            // Only the words that tell the languages apart.
            return LanguageDetector(french: fr.subtracting(en), english: en.subtracting(fr))
        }
    }

    /// The language of the text; French (newsnlp's home ground) when nothing tells.
    func detect(_ text: UnsafeBufferPointer<UInt8>) -> Language {
        let limit = min(text.count, 20_000)
        var fr = 0.0, en = 0.0
        var k = 0
        var wordStart = -1
        var ascii = true
        func finish(_ end: Int) {
            guard wordStart >= 0, end > wordStart, end - wordStart <= 12 else { return }
            let raw = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(text)[wordStart..<end])
            let w = ascii ? String(unsafeUninitializedCapacity: raw.count) { out in
                for (i, b) in raw.enumerated() { out[i] = b | 0x20 }  // ASCII letters only: lower case
                return raw.count
            } : Folding.fold(raw)
            if let v = votes[w] { if v > 0 { fr += 1 } else { en += 1 } }
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
        return en > fr ? .english : .french
    }
}
