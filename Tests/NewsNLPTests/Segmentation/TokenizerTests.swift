import Testing
@testable import NewsNLP

@Suite("Tokens")
struct TokenizerTests {
    @Test func frenchElisionsSplitAsUniversalDependencies() {
        #expect(tokenStrings("l'équipe qu'il s'est jusqu'à") == ["l'", "équipe", "qu'", "il", "s'", "est", "jusqu'", "à"])
        #expect(tokenStrings("l’équipe d’un") == ["l’", "équipe", "d’", "un"])
    }

    @Test func wordsWithAnApostropheThatStayWhole() {
        #expect(tokenStrings("aujourd'hui les prud'hommes et quelqu'un") == ["aujourd'hui", "les", "prud'hommes", "et", "quelqu'un"])
        #expect(tokenStrings("d'aujourd'hui") == ["d'", "aujourd'hui"])
    }

    @Test func hyphenatedCompoundsStayWhole() {
        #expect(tokenStrings("peut-être aux États-Unis, celle-ci avec Jean-Claude, c'est-à-dire") ==
                ["peut-être", "aux", "États-Unis", ",", "celle-ci", "avec", "Jean-Claude", ",", "c'est-à-dire"])
        #expect(tokenStrings("le rendez-vous du Covid-19") == ["le", "rendez-vous", "du", "Covid-19"])
    }

    @Test func invertedCliticsSplitOff() {
        #expect(tokenStrings("a-t-il dit-elle est-ce peut-on") == ["a", "-t-il", "dit", "-elle", "est", "-ce", "peut", "-on"])
        #expect(tokenStrings("donne-le-moi") == ["donne", "-le", "-moi"])
    }

    @Test func numbersWithDigitGroupsAreOneToken() {
        #expect(tokenStrings("38 852,86 euros") == ["38 852,86", "euros"])
        #expect(tokenStrings("38\u{A0}852,86 et 1\u{202F}195,75") == ["38\u{A0}852,86", "et", "1\u{202F}195,75"])
        #expect(tokenStrings("12 000 personnes") == ["12 000", "personnes"])
        // A year followed by a count is not a digit group.
        #expect(tokenStrings("en 2019 300 personnes") == ["en", "2019", "300", "personnes"])
    }

    @Test func webTokensAreWhole() {
        let d = segmented("Voir https://www.bfmtv.com/politique/article.html, écrire à contact@bfmtv.fr, suivre @elonmusk et #DeSantis2024.", language: .french)
        let pairs = d.tokens.map { (d.string($0.span), $0.kind) }
        #expect(pairs.contains { $0 == ("https://www.bfmtv.com/politique/article.html", .url) })
        #expect(pairs.contains { $0 == ("contact@bfmtv.fr", .email) })
        #expect(pairs.contains { $0 == ("@elonmusk", .mention) })
        #expect(pairs.contains { $0 == ("#DeSantis2024", .hashtag) })
        #expect(pairs.last! == (".", .punctuation))
    }

    @Test func tokenKinds() {
        let d = segmented("Il a gagné 300.000 € (+5 %) !", language: .french)
        let kinds = d.tokens.map(\.kind)
        #expect(kinds == [.word, .word, .word, .number, .symbol, .punctuation, .symbol, .number, .punctuation, .punctuation, .punctuation])
    }

    @Test func abbreviationsKeepTheirPeriod() {
        #expect(tokenStrings("M. Dupont et Mme Martin") == ["M.", "Dupont", "et", "Mme", "Martin"])
        #expect(tokenStrings("the U.S. Army", language: .english) == ["the", "U.S.", "Army"])
    }

    @Test func englishContractions() {
        #expect(tokenStrings("I don't think it's John's", language: .english) == ["I", "do", "n't", "think", "it", "'s", "John", "'s"])
    }

    @Test func gluedSentencesSplit() {
        #expect(tokenStrings("s'est exprimé.Il a") == ["s'", "est", "exprimé", ".", "Il", "a"])
        #expect(tokenStrings("sur BFMTV.com") == ["sur", "BFMTV.com"])
    }

    @Test func noTokenHoldsWhiteSpace() {
        let d = segmented("  Un  texte\n\n avec\u{A0}des   espaces \r\n", language: .french)
        for t in d.tokens {
            #expect(!d.string(t.span).contains { $0.isWhitespace })
        }
        #expect(d.tokens.count == 5)
    }
}
