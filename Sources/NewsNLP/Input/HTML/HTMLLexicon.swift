/// The words of `Lexicons/html-classes.tsv`: class and id words that mark page furniture or the article, and the
/// `<meta>` names of the title, author and date.
struct HTMLLexicon: Sendable {
    enum Weight: Sendable { case remove, negative, positive, keep }

    private var exact: [String: Weight] = [:]
    /// Prefix words by length, so that a class word is looked up once per length, not against every prefix.
    private var prefixes: [Int: [String: Weight]] = [:]
    private(set) var metaTitle: [String] = []
    private(set) var metaAuthor: [String] = []
    private(set) var metaDate: [String] = []

    static func load(from lexicons: Lexicons) -> HTMLLexicon {
        lexicons.cached("html-classes") {
            var l = HTMLLexicon()
            for file in lexicons.files("html-classes.tsv") {
                for row in file.rows() where row.fields.count >= 2 {
                    var word = String(row.fields[1].trimmingSpaces()).lowercased()
                    let weight: Weight
                    switch row.fields[0] {
                    case "remove": weight = .remove
                    case "negative": weight = .negative
                    case "positive": weight = .positive
                    case "keep": weight = .keep
                    case "meta-title": l.metaTitle.append(word); continue
                    case "meta-author": l.metaAuthor.append(word); continue
                    case "meta-date": l.metaDate.append(word); continue
                    default: continue
                    }
                    if word.hasSuffix("*") {
                        word.removeLast()
                        if !word.isEmpty { l.prefixes[word.utf8.count, default: [:]][word] = weight }
                    } else {
                        l.exact[word] = weight
                    }
                }
            }
            return l
        }
    }

    /// What the words of a class or id attribute say: positive and negative words add up (readability's ±25 per
    /// attribute); a `remove` word drops the element unless a `keep` word saves it.
    struct Verdict {
        var remove = false
        var keep = false
        var weight = 0
    }

    func judge(_ value: UnsafeBufferPointer<UInt8>, into verdict: inout Verdict) {
        var negative = false, positive = false
        forEachWord(value) { word in
            guard let w = self.weight(of: word) else { return }
            switch w {
            case .remove: verdict.remove = true; negative = true
            case .negative: negative = true
            case .positive: positive = true
            case .keep: positive = true; verdict.keep = true
            }
        }
        if negative { verdict.weight -= 25 }
        if positive { verdict.weight += 25 }
    }

    private func weight(of word: String) -> Weight? {
        if let w = exact[word] { return w }
        let n = word.utf8.count
        for (length, table) in prefixes where length <= n {
            if let w = table[String(decoding: word.utf8.prefix(length), as: UTF8.self)] { return w }
        }
        return nil
    }

    /// Splits an attribute value into lower-case words at non-letters and lower-to-upper case changes.
    private func forEachWord(_ value: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var word: [UInt8] = []
        var previousLower = false
        func flush() {
            if !word.isEmpty { body(String(decoding: word, as: UTF8.self)); word.removeAll(keepingCapacity: true) }
        }
        for c in value {
            let upper = c >= 0x41 && c <= 0x5A
            let lower = c >= 0x61 && c <= 0x7A
            let digit = c >= 0x30 && c <= 0x39
            if upper {
                if previousLower { flush() }
                word.append(c | 0x20)
            } else if lower || digit || c >= 0x80 {
                word.append(c)
            } else {
                flush()
            }
            previousLower = lower || digit
        }
        flush()
    }
}
