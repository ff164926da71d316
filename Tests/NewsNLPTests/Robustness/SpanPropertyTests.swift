import Testing
import PropertyBased
import NewsNLP

/// Pieces that generated texts are made of: French (and some English) news fragments, every kind of quote
/// mark, punctuation, numbers with no-break and narrow no-break spaces, emoji, combining marks, right-to-left
/// text, line breaks of every kind, NUL and other invisible characters. Written for these tests.
enum Fragments {
    static let words = [
        "M. Durand", "Mme Martin", "Dr. Lefèvre", "le maire", "la ministre", "Emmanuel Macron", "Ron DeSantis",
        "Jean-Luc Mélenchon", "l'Assemblée nationale", "aujourd'hui", "peut-être", "a-t-il", "dit-elle",
        "c'est-à-dire", "les États-Unis", "le gouverneur de Floride", "à Paris", "selon l'AFP", "a déclaré",
        "a estimé", "a répondu", "s'interroge", "le budget", "a été adopté", "n'a pas", "très", "mauvais",
        "excellent", "une catastrophe", "un succès", "jeudi soir", "Lire aussi :", "PUBLICITÉ", "Par Claire Dumas",
        "qu'il", "jusqu'à", "The president", "said", "Gov.", "didn't", "Senator Smith", "on Tuesday",
        "https://exemple.fr/a/b?c=d", "contact@exemple.fr", "@compte", "#politique", "art. 49.3", "av. J.-C.",
    ]
    static let quotes = ["«", "»", "« ", " »", "«\u{00A0}", "\u{00A0}»", "“", "”", "\"", "'", "’", "‘", "„", "‹", "›", "« « ", " » »"]
    static let punctuation = [". ", ".", "? ", "! ", "?", "…", "... ", ", ", " : ", "; ", " - ", " — ", "(", ")", "[", "]", "/", "%", "€", "&"]
    static let numbers = ["38 852,86", "7\u{202F}352,18", "12\u{00A0}%", "2024", "1,5", "0,8 %", "52-48", "3.", "1er", "XXe"]
    static let emoji = ["😀", "👍🏽", "🇫🇷", "👨‍👩‍👧", "❤️", "🏳️‍🌈", "🙂🙃"]
    static let marks = ["e\u{301}", "\u{301}", "n\u{303}", "a\u{308}\u{304}", "E\u{301}lyse\u{301}e", "\u{327}"]
    static let rightToLeft = ["مرحبا بالعالم", "שלום", "\u{200F}", "\u{202E}abc\u{202C}", "العربية.", "עברית, "]
    static let spaces = [" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\r\r", "\t", "\u{00A0}", "\u{202F}", "\0", "\u{2028}", "\u{FEFF}", "\u{200B}", "\u{0B}"]

    /// One fragment, news words most often.
    static let fragment: Generator<String, Shrink.None<String?>> = Gen<String?>
        .element(of: words + words + quotes + punctuation + spaces + spaces + numbers + emoji + marks + rightToLeft)
        .map { $0 ?? " " }

    /// A text of `count` fragments.
    static func text(_ count: ClosedRange<Int> = 0...50) -> Generator<String, Generator<String, Shrink.None<String?>>.ArrayShrink> {
        fragment.array(of: count).map { $0.joined() }
    }
}

@Suite("Span properties on generated text")
struct SpanPropertyTests {
    /// Every span of every layer, in all three offset units, through the JSON report.
    static func check(_ text: String, language: Language?) -> [String] {
        let document = Analyzer(options: AnalysisOptions(language: language)).analyze(text)
        var problems = SpanChecks.problems(document: document)
        for unit in OffsetUnit.allCases {
            let json = ReportWriter(unit: unit, content: .all).json(document)
            problems += SpanChecks.problems(report: json, text: text, unit: unit).map { "\(unit): \($0)" }
        }
        return problems
    }

    @Test func spansFitTheTextInEveryUnit() async {
        await propertyCheck(count: 300, input: Fragments.text()) { text in
            let problems = Self.check(text, language: nil)
            #expect(problems.isEmpty, "\(problems.prefix(5)) in \(text.debugDescription)")
        }
    }

    @Test(arguments: [Language.french, .english])
    func spansFitTheTextWhateverTheLanguage(_ language: Language) async {
        await propertyCheck(count: 100, input: Fragments.text()) { text in
            let problems = Self.check(text, language: language)
            #expect(problems.isEmpty, "\(problems.prefix(5)) in \(text.debugDescription)")
        }
    }

    @Test func longerTexts() async {
        await propertyCheck(count: 20, input: Fragments.text(200...600)) { text in
            let problems = Self.check(text, language: nil)
            #expect(problems.isEmpty, "\(problems.prefix(5)) in \(text.debugDescription)")
        }
    }

    /// The checks themselves catch what they are meant to catch.
    @Test func theChecksSeeBrokenReports() {
        let text = "e\u{301}té. Fin."
        let good = Array(#"{"offsetUnit":"scalar","sentences":[{"start":0,"end":5},{"start":6,"end":10}],"tokens":[{"start":0,"end":3}],"entities":[],"quotes":[{"start":6,"end":9,"text":"Fin"}],"tone":null}"#.utf8)
        #expect(SpanChecks.problems(report: good, text: text, unit: .scalar).isEmpty)
        let cut = Array(#"{"offsetUnit":"scalar","sentences":[{"start":1,"end":5}],"entities":[],"quotes":[],"tone":null}"#.utf8)
        #expect(SpanChecks.problems(report: cut, text: text, unit: .scalar).contains { $0.contains("cuts a character") })
        let gap = Array(#"{"offsetUnit":"scalar","sentences":[{"start":0,"end":5}],"entities":[],"quotes":[],"tone":null}"#.utf8)
        #expect(SpanChecks.problems(report: gap, text: text, unit: .scalar).contains { $0.contains("no sentence covers") })
        let wrongText = Array(#"{"offsetUnit":"scalar","sentences":[{"start":0,"end":5},{"start":6,"end":10}],"entities":[],"quotes":[{"start":6,"end":9,"text":"Fim"}],"tone":null}"#.utf8)
        #expect(SpanChecks.problems(report: wrongText, text: text, unit: .scalar).contains { $0.contains("is not \"Fim\"") })
        let outside = Array(#"{"offsetUnit":"scalar","sentences":[{"start":0,"end":5},{"start":6,"end":10}],"tokens":[{"start":4,"end":7}],"entities":[],"quotes":[],"tone":null}"#.utf8)
        #expect(SpanChecks.problems(report: outside, text: text, unit: .scalar).contains { $0.contains("not inside a sentence") })
    }
}
