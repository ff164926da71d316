import Testing
@testable import NewsNLP

/// The quotes of `text` with their speakers' names and the words their speaker hangs on.
private func speakers(_ text: String, _ language: Language) -> [(text: String, speaker: String?, mention: String?, echoes: Int?)] {
    let d = Analyzer(options: AnalysisOptions(language: language, layers: [.quotes])).analyze(text)
    return d.quotes.map { q in (d.string(q.span), q.speaker?.name, q.speaker?.span.map { d.string($0) }, q.echoes) }
}

private func speaker(of quote: String, in list: [(text: String, speaker: String?, mention: String?, echoes: Int?)]) -> String?? {
    list.first { $0.text == quote }.map { $0.speaker }
}

@Suite("Speaker sieves")
struct SpeakerSieveTests {
    @Test func inciseWithADescriptionResolvesToThePerson() {
        let q = speakers("""
        La ministre de la Santé Hélène Rivière a présenté le plan mardi. « Nous tiendrons les délais », a assuré la ministre.
        """, .french)
        #expect(speaker(of: "Nous tiendrons les délais", in: q) == "Hélène Rivière")
        #expect(q.first { $0.text == "Nous tiendrons les délais" }?.mention == "la ministre")
    }

    @Test func pronounInciseWithTwoCandidatesOfDifferentGenders() {
        let q = speakers("""
        Marc Olivier a croisé Léa Garnier devant le Sénat. « Le texte est prêt », a-t-elle affirmé.
        """, .french)
        #expect(speaker(of: "Le texte est prêt", in: q) == "Léa Garnier")
        let e = speakers("""
        Daniel Price spoke with Karen Whitaker before the vote. "We have the numbers," she said.
        """, .english)
        #expect(speaker(of: "We have the numbers", in: e) == "Karen Whitaker")
    }

    @Test func partialQuoteFramedByTheSubject() {
        let q = speakers("""
        Arnaud Lefort trouve la mesure « injuste et tardive » et demande son retrait.
        """, .french)
        #expect(speaker(of: "injuste et tardive", in: q) == "Arnaud Lefort")
        let e = speakers("""
        Councilwoman Dana Reyes called the vote "a victory for the neighborhood" on Tuesday.
        """, .english)
        #expect(speaker(of: "a victory for the neighborhood", in: e) == "Dana Reyes")
    }

    @Test func selonAndAccordingTo() {
        let q = speakers("""
        Bruno Caradec a visité l'usine. Selon lui, la direction « n'a rien promis ».
        """, .french)
        #expect(speaker(of: "n'a rien promis", in: q) == "Bruno Caradec")
        let e = speakers("""
        The plan was drafted by Laura Benson. According to her, the city "cannot wait another year".
        """, .english)
        #expect(speaker(of: "cannot wait another year", in: e) == "Laura Benson")
    }

    @Test func continuationInTheParagraphAndReopenedInTheNext() {
        let q = speakers("""
        « Nous ne céderons pas », a prévenu Nadia Benali. « Les salariés attendent une réponse claire. »

        Un autre sujet a occupé la séance.
        """, .french)
        #expect(speaker(of: "Les salariés attendent une réponse claire.", in: q) == "Nadia Benali")
        let e = speakers("""
        "We are not done," said Victor Hale, the union leader. "This strike will go on.

        "Our members voted for it, and they will decide when it ends."
        """, .english)
        #expect(speaker(of: "Our members voted for it, and they will decide when it ends.", in: e) == "Victor Hale")
    }

    @Test func colonAtTheEndOfAParagraph() {
        let e = speakers("""
        Ellen Marsh, who chairs the committee, continued:

        "The report is clear about the costs and we will publish it next week."
        """, .english)
        #expect(speaker(of: "The report is clear about the costs and we will publish it next week.", in: e) == "Ellen Marsh")
    }

    @Test func englishForms() {
        let e = speakers("""
        "The budget is balanced," said Tom Reid, the county treasurer. "It is also fragile," he added.

        "Nobody asked the residents." — Maria Lopez
        """, .english)
        #expect(speaker(of: "The budget is balanced", in: e) == "Tom Reid")
        #expect(speaker(of: "It is also fragile", in: e) == "Tom Reid")
        #expect(speaker(of: "Nobody asked the residents.", in: e) == "Maria Lopez")
    }

    @Test func aHeadingEchoesTheQuoteItRepeats() {
        let q = speakers("""
        Retraites : « le compte n'y est pas »

        La réunion a duré quatre heures. « Le compte n'y est pas », a déclaré Sylvie Morand à la sortie.
        """, .french)
        #expect(q.count == 2)
        guard q.count == 2 else { return }
        #expect(q[0].speaker == "Sylvie Morand" && q[1].speaker == "Sylvie Morand")
        #expect(q[0].echoes == 1 && q[1].echoes == nil)
    }

    @Test func phrasesThatAreNoPersonAreNoSpeakers() {
        let q = speakers("""
        « Les délais ne seront pas tenus », conclut le rapport publié jeudi.
        """, .french)
        #expect(speaker(of: "Les délais ne seront pas tenus", in: q) == .some(nil))
        let e = speakers("""
        "Costs will rise again next year," the report said.
        """, .english)
        #expect(speaker(of: "Costs will rise again next year", in: e) == .some(nil))
        // An anonymous person keeps the description.
        let a = speakers("« On nous a oubliés », a lancé un manifestant.", .french)
        #expect(speaker(of: "On nous a oubliés", in: a) == "un manifestant")
    }

    @Test func shortQuotesWithTheirSpeakerInTheSentence() {
        let q = speakers("""
        La ministre de la Culture Odile Ferrand « ne comprend pas ». Le député Hugo Marchal a « salué » le vote du budget. \
        Le maire Luc Girard estime que la fermeture des écoles de la commune était pour les familles une « erreur ». \
        Le sénateur Paul Martin a exprimé sa « profonde gratitude » envers ses collègues.
        """, .french)
        #expect(speaker(of: "ne comprend pas", in: q) == "Odile Ferrand")
        #expect(speaker(of: "salué", in: q) == "Hugo Marchal")
        #expect(speaker(of: "erreur", in: q) == "Luc Girard")
        #expect(speaker(of: "profonde gratitude", in: q) == "Paul Martin")
        // A few quoted words with no speaker in the clause stay scare quotes.
        let none = speakers("La ville a fermé ses « jardins partagés » pour l'hiver.", .french)
        #expect(none.isEmpty)
    }

    @Test func objectPronounBeforeTheCueAndGluedSentences() {
        let q = speakers("""
        « Un changement de nom ne suffit pas », lui a répliqué Simon Durand. Il parlait sur RTL.La ministre Anne Caron « ne comprend pas ».
        """, .french)
        #expect(speaker(of: "Un changement de nom ne suffit pas", in: q) == "Simon Durand")
        #expect(speaker(of: "ne comprend pas", in: q) == "Anne Caron")
    }

    @Test func participleAndSelonPhrase() {
        let q = speakers("""
        La présidente de la région Inès Carpentier a défendu son budget, interpellant le gouvernement : « est-il prêt à payer sa part ? » \
        Le procureur Jean Marchand a tenu une conférence de presse. Selon le procureur, Karim B. avait été condamné pour ses liens « avec un réseau criminel ».
        """, .french)
        #expect(speaker(of: "est-il prêt à payer sa part ?", in: q) == "Inès Carpentier")
        #expect(speaker(of: "avec un réseau criminel", in: q) == "Jean Marchand")
    }

    @Test func interviewAnswersAreTheIntervieweesWords() {
        let q = speakers("""
        La navigatrice Solène Arnaud revient sur sa traversée. Solène Arnaud a répondu à nos questions.

        Q : Comment avez-vous vécu la tempête ?

        R : Très mal, mais le bateau a tenu.

        Q : Repartirez-vous ?

        Sans hésiter.
        """, .french)
        #expect(speaker(of: "Très mal, mais le bateau a tenu.", in: q) == "Solène Arnaud")
        #expect(speaker(of: "Sans hésiter.", in: q) == "Solène Arnaud")
        #expect(speaker(of: "Comment avez-vous vécu la tempête ?", in: q) == nil)
        let e = speakers("""
        Coach Dana Whitfield talked to us after the final.

        Q: Did you expect to win?

        A: Not at all.
        """, .english)
        #expect(speaker(of: "Not at all.", in: e) == "Dana Whitfield")
        // Without a question, "A:" is no interview.
        #expect(speakers("The mayor Paul Roy spoke.\n\nA: nothing.", .english).isEmpty)
    }

    @Test func timeAdverbsAndComplementsAroundTheInvertedSubject() {
        let q = speakers("""
        « Nous tiendrons », a affirmé mardi le porte-parole du gouvernement Paul Vidal. \
        « Ces attaques sont graves », a réagi samedi dans un communiqué le ministre de la Culture Marc Aubry.
        """, .french)
        #expect(speaker(of: "Nous tiendrons", in: q) == "Paul Vidal")
        #expect(speaker(of: "Ces attaques sont graves", in: q) == "Marc Aubry")
        let e = speakers(#""We will hold," said Tuesday the spokeswoman Karen Doyle."#, .english)
        #expect(speaker(of: "We will hold", in: e) == "Karen Doyle")
        // A description ends at a preposition other than "de": the rest is where the words were said.
        let d = speakers("« Trop tard », déclarait le patron du syndicat aux Echos au sortir de la réunion.", .french)
        #expect(d.first?.mention == "le patron du syndicat")
    }

    @Test func oneWordOfAHeadingEchoesTheQuoteHoldingIt() {
        let q = speakers("""
        « Courageux », « tardif » : les réactions au départ du maire

        La députée Agnès Morin a salué « un choix courageux et digne ». Le sénateur Paul Girard a jugé la décision « bien tardive ».
        """, .french)
        #expect(speaker(of: "Courageux", in: q) == "Agnès Morin")
        // "tardif" is not a word of "bien tardive": no echo, no guess.
        #expect(speaker(of: "tardif", in: q) == .some(nil))
    }
}
