import Foundation
import Testing
@testable import NewsNLP
@testable import newsnlp

/// Quotes of `text`, as (kind, text, speaker, cue).
private func quotes(_ text: String, language: Language? = nil) -> [(kind: QuoteKind, text: String, speaker: String?, cue: String?)] {
    let d = Analyzer(options: AnalysisOptions(language: language, layers: [.quotes])).analyze(text)
    return d.quotes.map { ($0.kind, d.string($0.span), $0.speaker?.name, $0.cue.map { d.string($0) }) }
}

private func corpus(_ name: String) throws -> String {
    try String(contentsOfFile: packageRoot + "/Corpora/" + name, encoding: .utf8)
}

@Suite("Quotes")
struct QuoteFinderTests {
    @Test func seedArticle() throws {
        let q = try quotes(corpus("fr-desantis-twitter-space.txt"))
        #expect(q.count == 4)
        guard q.count == 4 else { return }
        #expect(q[0].text == "Il y a tellement de gens que ça crash" && q[0].speaker == "David Sacks" && q[0].kind == .direct)
        #expect(q[1].text == "Il y a tellement de gens que ça crash" && q[1].speaker == "David Sacks")
        #expect(q[1].cue == "essayait de justifier")
        #expect(q[2].kind == .indirect && q[2].speaker == "Elon Musk" && q[2].cue == "se plaignait")
        #expect(q[2].text.hasPrefix("personne n'ait anticipé"))
        #expect(q[3].text == "Ce lien-ci fonctionne" && q[3].speaker == "Joe Biden" && q[3].cue == "a tweeté")
        #expect(!q.contains { $0.text == "Space" })
    }

    @Test func seedReportConfidenceAndSpans() throws {
        let d = Analyzer(options: AnalysisOptions(layers: [.quotes])).analyze(try corpus("fr-desantis-twitter-space.txt"))
        for q in d.quotes {
            #expect(q.confidence >= 0 && q.confidence <= 1)
            #expect(!q.span.isEmpty)
        }
        #expect(Views.quotes(d).contains("David Sacks — « Il y a tellement de gens que ça crash » — essayait de justifier"))
    }

    @Test func englishArticle() throws {
        let q = try quotes(corpus("quotes-en-harbor-vote.txt"))
        #expect(q.contains { $0.text == "This contract keeps the island connected for another ten years" && $0.speaker == "Margaret Olsen" && $0.cue == "said" })
        #expect(q.contains { $0.text.hasPrefix("We cannot afford") && $0.speaker == "Margaret Olsen" })
        #expect(q.contains { $0.text == "It is a bad bargain for taxpayers" && $0.speaker == "Peter Hale" })
        #expect(q.contains { $0.kind == .indirect && $0.text.hasPrefix("the company raised") && $0.speaker == "Peter Hale" })
        #expect(q.contains { $0.kind == .indirect && $0.text.hasPrefix("the vote would be reviewed") && $0.speaker == "The mayor" })
        #expect(q.contains { $0.text.hasPrefix("Nobody asked") && $0.speaker == "a commuter" })
        #expect(!q.contains { $0.text == "blank cheque" })
    }

    @Test func frenchArticle() throws {
        let q = try quotes(corpus("quotes-fr-conseil-regional.txt"))
        // A quote split by an incise: two parts, one speaker.
        #expect(q.contains { $0.text == "Ce plan" && $0.speaker == "Sophie Marchand" && $0.cue == "a déclaré" })
        #expect(q.contains { $0.text == "changera la vie des usagers." && $0.speaker == "Sophie Marchand" })
        #expect(q.contains { $0.text == "mirage" && $0.kind == .partial && $0.speaker == "Thomas Girard" })
        #expect(q.contains { $0.text.hasPrefix("Nous avons demandé") && $0.speaker == "Thomas Girard" && $0.cue == "a-t-il regretté" })
        #expect(q.contains { $0.kind == .indirect && $0.text.hasPrefix("la dette de la région") && $0.speaker == "Thomas Girard" })
        #expect(q.contains { $0.text.hasPrefix("Les trains arrivent") && $0.speaker == "un usager" })
        #expect(q.contains { $0.text == "Les chiffres sont publics depuis des mois." && $0.speaker == "Sophie Marchand" && $0.kind == .direct })
        #expect(q.contains { $0.kind == .indirect && $0.speaker == "la préfecture" })
        #expect(!q.contains { $0.text == "Cap 2030" })
        #expect(!q.contains { $0.text == "manifeste" })
    }

    @Test func paddingSpacesAreTrimmed() {
        let q = quotes("Il a lancé :\u{00A0}«\u{202F}Nous gagnerons\u{202F}» devant la foule.", language: .french)
        #expect(q.first?.text == "Nous gagnerons")
    }

    @Test func unbalancedMarkStaysInItsParagraph() {
        let text = "Le maire a déclaré \"nous verrons bien.\n\nLe budget sera voté en mars. \"Rien n'est décidé\", a dit M. Petit."
        let q = quotes(text, language: .french)
        #expect(!q.contains { $0.text.contains("budget") })
        #expect(q.contains { $0.text == "Rien n'est décidé" && $0.speaker == "Petit" })
    }

    @Test func pronounTakesTheNearestPersonOfItsGender() {
        let text = "Marie Dupont a rencontré Paul Martin. « Nous sommes d'accord », a-t-elle affirmé. « Pas moi », a-t-il répondu."
        let q = quotes(text, language: .french)
        #expect(q.first { $0.text == "Nous sommes d'accord" }?.speaker == "Marie Dupont")
        #expect(q.first { $0.text == "Pas moi" }?.speaker == "Paul Martin")
    }

    @Test func headingTakesTheSpeakerOfTheLaterQuote() {
        let text = "« Nous ne céderons pas »\n\nLa grève continue. « Nous ne céderons pas », a martelé Julie Robert, déléguée syndicale."
        let q = quotes(text, language: .french)
        #expect(q.count == 2)
        #expect(q.allSatisfy { $0.speaker == "Julie Robert" })
    }

    @Test func titlesAndScareQuotesAreNotQuotes() {
        let text = "Il anime l'émission « Les Grandes Gueules » et parle d'une « crise » sans fin. Le parti « En Marche » progresse."
        #expect(quotes(text, language: .french).isEmpty)
    }

    @Test func emptyDocument() {
        #expect(quotes("", language: .french).isEmpty)
    }
}
