/// The language data segmentation reads: abbreviations, elisions, compounds and clitics, from `Lexicons/`.
struct SegmentationRules: Sendable {
    enum AbbreviationClass: Sendable { case never, maybe, unit, caps }

    /// Abbreviations with their period ("M.", "av.", "U.S."), case-sensitive.
    var abbreviations: [String: AbbreviationClass] = [:]
    /// The longest abbreviation, in bytes.
    var longestAbbreviation = 0
    /// French words that elide and are split off with their apostrophe (folded, without the apostrophe).
    var elisions: Set<String> = []
    /// Folded words with an apostrophe or hyphen that stay one token.
    var whole: Set<String> = []
    /// Folded clitic pronouns split off the end of a hyphenated form.
    var clitics: Set<String> = []
    /// English contraction suffixes split off a word ("'s", "n't").
    var suffixes: [String] = []
    /// Function words (folded) of the language: a capitalised one after an abbreviation starts a sentence.
    var stopwords: Set<String> = []
    /// Folded words that continue a sentence after "?" or "!" (subject pronouns of an inverted speech clause).
    /// (The `incise` rows of the language's tokenization file.)
    var inciseWords: Set<String> = []

    /// The language of the rules.
    var language: Language = .french

    /// The class of an abbreviation as written, or — for a word in capitals ("INC.", "SEC.") — as
    /// capitalised ("Inc.") or lower case.
    func abbreviation(_ form: String) -> AbbreviationClass? {
        if let c = abbreviations[form] { return c }
        guard form.utf8.count >= 3, form.utf8.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2E }) else { return nil }
        let lower = form.lowercased()
        if let c = abbreviations[lower] { return c }
        return abbreviations[lower.prefix(1).uppercased() + lower.dropFirst()]
    }

    static func load(_ language: Language, from lexicons: Lexicons) -> SegmentationRules {
        lexicons.cached("segmentation:" + language.code) {
            var rules = SegmentationRules()
            rules.language = language
            // Both languages' abbreviations apply (French text quotes "Gov." and English text "M."), the
            // document's own language last so that its classes win.
            let order: [Language] = language == .french ? [.english, .french] : [.french, .english]
            for lang in order {
                for file in lexicons.files(lang.code + "/abbreviations") {
                    for row in file.rows() where !row.fields.isEmpty {
                        let key = String(row.fields[0].trimmingSpaces())
                        let cls: AbbreviationClass
                        switch row.fields.count > 1 ? row.fields[1] : "never" {
                        case "maybe": cls = .maybe
                        case "unit": cls = .unit
                        case "caps": cls = .caps
                        default: cls = .never
                        }
                        rules.abbreviations[key] = cls
                        rules.longestAbbreviation = max(rules.longestAbbreviation, key.utf8.count)
                    }
                }
            }
            for file in lexicons.files(language.code + "/tokenization") {
                for row in file.rows() where row.fields.count >= 2 {
                    let form = String(row.fields[1].trimmingSpaces())
                    switch row.fields[0] {
                    case "elision": rules.elisions.insert(form)
                    case "whole": rules.whole.insert(form)
                    case "clitic": rules.clitics.insert(form)
                    case "incise": rules.inciseWords.insert(form)
                    case "suffix": rules.suffixes.append(form)
                    default: break
                    }
                }
            }
            rules.suffixes.sort { $0.utf8.count > $1.utf8.count }
            rules.stopwords = lexicons.stopwords(.french).union(lexicons.stopwords(.english))
            return rules
        }
    }
}
