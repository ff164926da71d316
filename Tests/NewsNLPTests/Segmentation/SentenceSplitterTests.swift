import Testing
@testable import NewsNLP

@Suite("Sentences")
struct SentenceSplitterTests {
    @Test func titlesAndAbbreviationsEndNoSentence() {
        #expect(sentenceStrings("M. Dupont est arrivé. Mme Martin aussi.") == ["M. Dupont est arrivé.", "Mme Martin aussi."])
        #expect(sentenceStrings("Le Dr. Smith et le Pr. Raoult sont venus. Ils ont parlé.") == ["Le Dr. Smith et le Pr. Raoult sont venus.", "Ils ont parlé."])
        #expect(sentenceStrings("Selon l'art. 49.3 de la Constitution, le texte passe. Puis il part.") ==
                ["Selon l'art. 49.3 de la Constitution, le texte passe.", "Puis il part."])
        #expect(sentenceStrings("Né en 52 av. J.-C. César régna.") == ["Né en 52 av. J.-C. César régna."])
        #expect(sentenceStrings("Gov. Ron DeSantis spoke. Sen. Smith left.", language: .english) == ["Gov. Ron DeSantis spoke.", "Sen. Smith left."])
    }

    @Test func aShortWordBeforeAPeriodStillEndsTheSentence() {
        #expect(sentenceStrings("Il regarde la mer. Puis il part.") == ["Il regarde la mer.", "Puis il part."])
        #expect(sentenceStrings("Prenez de la vitamine C. Elle aide.") == ["Prenez de la vitamine C.", "Elle aide."])
    }

    @Test func closingQuoteStaysWithItsSentence() {
        #expect(sentenceStrings("« Non ! » Puis il est parti.") == ["« Non ! »", "Puis il est parti."])
        #expect(sentenceStrings("« Non\u{202F}! » Puis il est parti.") == ["« Non\u{202F}! »", "Puis il est parti."])
        #expect(sentenceStrings("« Pourquoi pas ? » s'interroge le maire.") == ["« Pourquoi pas ? » s'interroge le maire."])
        #expect(sentenceStrings("« Pourquoi ? » et il repart.") == ["« Pourquoi ? » et il repart."])
    }

    @Test func questionBeforeAnIncise() {
        #expect(sentenceStrings("Pourquoi ? demande-t-il. C'est fini ! s'exclame-t-elle.") == ["Pourquoi ? demande-t-il.", "C'est fini ! s'exclame-t-elle."])
    }

    @Test func ellipsisBeforeACapitalEndsASentence() {
        #expect(sentenceStrings("Des bugs de connexion… La conversation a repris.") == ["Des bugs de connexion…", "La conversation a repris."])
        #expect(sentenceStrings("Des bugs de connexion... la conversation a repris.") == ["Des bugs de connexion... la conversation a repris."])
    }

    @Test func gluedSentencesAreSplit() {
        #expect(sentenceStrings("Il s'est exprimé.Il a annoncé sa candidature.") == ["Il s'est exprimé.", "Il a annoncé sa candidature."])
        // After a word of capitals too, but not after a one-letter or mixed-case word ("U.S.A", "Us.Net").
        #expect(sentenceStrings("Elle parlait sur RTL.La ministre a répondu.") == ["Elle parlait sur RTL.", "La ministre a répondu."])
        #expect(sentenceStrings("Visit Animals Us.Net today.").count == 1)
    }

    @Test func linesAndHeadingsAreSentencesOfTheirOwn() {
        let d = segmented("Un titre sans point\n\nLe corps du texte. Une autre phrase.\n• un point de liste\n", language: .french)
        #expect(d.sentences.map { d.string($0.span) } == ["Un titre sans point", "Le corps du texte.", "Une autre phrase.", "• un point de liste"])
        #expect(d.sentences.map(\.isHeading) == [true, false, false, true])
        #expect(d.sentences.map(\.paragraph) == [0, 1, 1, 1])
    }

    @Test func hardWrappedParagraphsAreJoined() {
        let text = "Le gouvernement a présenté mercredi un projet de loi qui\nprévoit une hausse des salaires. Il sera débattu.\n"
        #expect(sentenceStrings(text).count == 2)
    }

    @Test func inlineListItems() {
        #expect(sentenceStrings("1. Premier point 2. Deuxième point") == ["1. Premier point", "2. Deuxième point"])
    }

    @Test func crlfAndLoneCR() {
        #expect(sentenceStrings("Titre\r\nPremière phrase. Deuxième.\rTroisième") == ["Titre", "Première phrase.", "Deuxième.", "Troisième"])
    }

    @Test func sentencesCoverTheTextInOrderAndTokensLieInside() {
        let text = "Premier. Deuxième ! « Troisième ? » Quatrième…\n\nCinquième"
        let d = segmented(text)
        var last: Int32 = 0
        for s in d.sentences {
            #expect(s.span.start >= last)
            last = s.span.end
            for k in s.tokens { #expect(s.span.contains(d.tokens[Int(k)].span)) }
        }
        #expect(d.sentences.reduce(0) { $0 + $1.tokens.count } == d.tokens.count)
    }

    @Test func emptyAndBlankInput() {
        #expect(segmented("").sentences.isEmpty)
        #expect(segmented(" \n\t\u{A0}\n").sentences.isEmpty)
        #expect(segmented(" \n\t\u{A0}\n").tokens.isEmpty)
    }
}

@Suite("Sentences, English and markup")
struct EnglishSentenceTests {
    @Test func unitsAndTimesAfterANumber() {
        #expect(sentenceStrings("The plank is 4 ft. 2 in. long and weighs 9 lb. more than the old one.", language: .english).count == 1)
        #expect(sentenceStrings("She landed at 7 p.m. Reporters were waiting.", language: .english) == ["She landed at 7 p.m.", "Reporters were waiting."])
        #expect(sentenceStrings("By 7 p.m. Mrs. Hale had left.", language: .english).count == 1)
        #expect(sentenceStrings("Please come in. Take a seat.", language: .english).count == 2)
    }

    @Test func bracketsCitationsAndQuotations() {
        #expect(sentenceStrings("The tally (see. table 3) is final.", language: .english).count == 1)
        #expect(sentenceStrings("The dam was finished in 1931.[4] Floods stopped.", language: .english) == ["The dam was finished in 1931.[4]", "Floods stopped."])
        #expect(sentenceStrings("\"Are we late? I think so,\" she said.", language: .english).count == 1)
        #expect(sentenceStrings("He wrote \"the end is near\" (Adams 12).", language: .english).count == 1)
    }

    @Test func capitalsInitialsAndCompassPoints() {
        #expect(sentenceStrings("NORTHWIND CORP. shipped the order. It arrived.", language: .english) == ["NORTHWIND CORP. shipped the order.", "It arrived."])
        #expect(sentenceStrings("They hired R.K. Dalton last week.", language: .english).count == 1)
        #expect(sentenceStrings("Walk NE. for a mile. Then stop.", language: .english) == ["Walk NE. for a mile.", "Then stop."])
    }

    @Test func markupAndDecorationAreNoSentences() {
        let d = segmented("<h1>Budget vote</h1>\n<p>The council met. It voted.</p>\n=====\n", language: .english)
        #expect(d.sentences.map { d.string($0.span) } == ["Budget vote", "The council met.", "It voted."])
        for s in d.sentences { for k in s.tokens { #expect(s.span.contains(d.tokens[Int(k)].span)) } }
    }

    @Test func letteredAndRomanLists() {
        #expect(sentenceStrings("a. Apples b. Pears c. Plums", language: .english) == ["a. Apples", "b. Pears", "c. Plums"])
        #expect(sentenceStrings("(i) First step. (ii) Second step.", language: .english) == ["(i) First step.", "(ii) Second step."])
        #expect(sentenceStrings("Items u) one v) two w) three", language: .english).count == 3)
    }

    @Test func frenchExclamationBeforeLowerCaseContinues() {
        #expect(sentenceStrings("Le mouvement Debout! a réuni ses militants. Ils étaient cent.") == ["Le mouvement Debout! a réuni ses militants.", "Ils étaient cent."])
    }

    @Test func narrowNoBreakSpaceIsNotPartOfAWord() {
        #expect(tokenStrings("«\u{202F}Nous partons\u{202F}!\u{202F}»") == ["«", "Nous", "partons", "!", "»"])
    }
}
