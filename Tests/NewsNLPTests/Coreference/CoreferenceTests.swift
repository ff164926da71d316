import Testing
@testable import NewsNLP

/// The entity layer with coreference on `text`.
private func analyze(_ text: String, _ language: Language) -> Document {
    Analyzer(options: AnalysisOptions(language: language, layers: [.entities])).analyze(text)
}

/// The references of the entity named `name`, as (text, kind).
private func references(_ d: Document, _ name: String) -> [(String, ReferenceKind)] {
    guard let e = d.entities.first(where: { $0.name == name }) else { return [] }
    return e.references.map { (d.string($0.span), $0.kind) }
}

private func entity(_ d: Document, _ name: String) -> Entity? { d.entities.first { $0.name == name } }

@Suite("Coreference")
struct CoreferenceTests {
    @Test func appositionAfterTheNameIsARole() {
        let d = analyze("Pauline Verdier, secrétaire générale du syndicat, a critiqué le projet.", .french)
        #expect(references(d, "Pauline Verdier").contains { $0.0 == "secrétaire générale du syndicat" && $0.1 == .role })
        #expect(entity(d, "Pauline Verdier")?.gender == "f")
        let e = analyze("Margaret Olsen, the council chair, opened the session.", .english)
        #expect(references(e, "Margaret Olsen").contains { $0.0 == "the council chair" && $0.1 == .role })
    }

    @Test func roleBeforeTheNameAndALaterDescription() {
        let d = analyze("""
        Le ministre de l'Intérieur Bertrand Lacombe a présenté son plan lundi. Les syndicats de police ont réagi. \
        Le texte sera examiné en juin. Le ministre a promis des moyens.
        """, .french)
        let refs = references(d, "Bertrand Lacombe")
        #expect(refs.contains { $0.0 == "Le ministre de l'Intérieur" && $0.1 == .role })
        #expect(refs.contains { $0.0 == "Le ministre" && $0.1 == .description })
    }

    @Test func pronounTakesTheRightGenderAndTheSubject() {
        let d = analyze("""
        Claire Fontaine a reçu Paul Mercier à la mairie. Elle a annoncé un accord. Il a quitté la salle sans un mot.
        """, .french)
        #expect(references(d, "Claire Fontaine").contains { $0.0 == "Elle" && $0.1 == .pronoun })
        #expect(references(d, "Paul Mercier").contains { $0.0 == "Il" && $0.1 == .pronoun })
        // The subject of the sentence before wins over the object, of the same gender.
        let e = analyze("Jacques Morel a longuement salué Henri Dubreuil. Il a ensuite quitté la réunion.", .french)
        #expect(references(e, "Jacques Morel").contains { $0.0 == "Il" })
        #expect(!references(e, "Henri Dubreuil").contains { $0.0 == "Il" })
    }

    @Test func englishPronounsAndDescriptions() {
        let d = analyze("""
        Senator Rachel Burns met Governor Tom Ainsley on Monday. She said the bill would pass. \
        The governor was less sure.
        """, .english)
        #expect(references(d, "Rachel Burns").contains { $0.0 == "She" && $0.1 == .pronoun })
        #expect(references(d, "Tom Ainsley").contains { $0.0 == "The governor" && $0.1 == .description })
        #expect(entity(d, "Rachel Burns")?.gender == "f")
    }

    @Test func demonstrativeLatterIsTheLastPersonNamed() {
        let d = analyze("Anne Vasseur a appelé Louis Carpentier. Ce dernier a refusé de répondre. Ce dernier point reste flou.", .french)
        #expect(references(d, "Louis Carpentier").contains { $0.0 == "Ce dernier" })
        #expect(references(d, "Louis Carpentier").count == 1)
        #expect(references(d, "Anne Vasseur").isEmpty)
    }

    @Test func impersonalAndPluralPronouns() {
        let d = analyze("""
        Julien Arnaud a parlé devant la presse. Il faut agir vite. La CFDT a publié un communiqué. Ils demandent une réunion.
        """, .french)
        #expect(!references(d, "Julien Arnaud").contains { $0.0 == "Il" })
        let cfdt = d.entities.first { $0.type == .organisation && d.string($0.mentions[0].span) == "CFDT" }
        #expect(cfdt.map { $0.references.contains { d.string($0.span) == "Ils" } } == true)
    }

    @Test func newAndRelatedPeopleAreNotResolved() {
        let d = analyze("""
        Sandrine Collet a défendu la réforme. Un manifestant a protesté. Le porte-parole de Sandrine Collet a répondu.
        """, .french)
        let refs = references(d, "Sandrine Collet")
        #expect(!refs.contains { $0.0.hasPrefix("Un manifestant") })
        #expect(!refs.contains { $0.0.hasPrefix("Le porte-parole") })
        let m = d.coreference.mentions.first { d.string($0.span) == "Un manifestant" }
        #expect(m?.human == true && m?.isNew == true && m?.entity == -1)
    }

    @Test func genderStaysUnknownWithoutEvidence() {
        let d = analyze("Kerrigan a pris la parole.", .french)
        #expect(d.entities.allSatisfy { $0.gender == nil })
    }

    @Test func indexLooksMentionsUp() {
        let d = analyze("Le ministre de l'Intérieur Bertrand Lacombe a parlé. Il a promis des moyens.", .french)
        let index = d.coreference
        for m in index.mentions {
            #expect(index.mention(overlapping: m.span)?.span == m.span)
            #expect(index.mention(atToken: Int(m.tokens.lowerBound))?.span == m.span)
        }
        #expect(zip(index.mentions, index.mentions.dropFirst()).allSatisfy { $0.span.end <= $1.span.start })
        #expect(index.topPerson.count == d.sentences.count)
    }

    @Test func groupsOfMembersGoToTheirOrganisation() {
        let d = analyze("""
        Les élus du Parti socialiste ont déposé une motion. La France insoumise a présenté un contre-projet. \
        Les Insoumis réclament un débat. Les socialistes refusent.
        """, .french)
        let ps = references(d, "Parti socialiste").map(\.0)
        let lfi = references(d, "La France insoumise").map(\.0)
        #expect(ps.contains("Les élus du Parti socialiste"))
        #expect(ps.contains("Les socialistes"))
        #expect(lfi.contains("Les Insoumis"))
        #expect(!lfi.contains("Les élus du Parti socialiste"))
    }

    @Test func aNounOfAKindOfOrganisationGoesToTheOrganisationDescribedSo() {
        // The lexicon row of Le Figaro says "quotidien de droite": "le quotidien" is that daily.
        let d = analyze("Le Figaro a publié mardi une enquête. Le quotidien précise que le projet a été abandonné.", .french)
        #expect(references(d, "Le Figaro").contains { $0.0 == "Le quotidien" && $0.1 == .description })
        // No organisation of the document is a newspaper: "le journal" is nobody's, not the salient party's.
        let e = analyze("Le Parti socialiste a réagi mardi. Le journal n'a pas répondu aux questions.", .french)
        #expect(!references(e, "Parti socialiste").contains { $0.0 == "Le journal" })
        // A description of people never means a newspaper, however salient.
        let f = analyze("Le Figaro a publié mardi une longue enquête sur la réforme. La majorité a dénoncé une manipulation.", .french)
        #expect(!references(f, "Le Figaro").contains { $0.0 == "La majorité" })
    }

    @Test func aDescriptionNeverMeansAPersonNamedBeforeItInItsClause() {
        // Both men are "député": the one who greets is not the one greeted.
        let d = analyze("Le député Paul Verdasque a été agressé samedi. L'ancien député Luc Mervent a salué le député pour son courage.", .french)
        #expect(references(d, "Paul Verdasque").contains { $0.0 == "le député" })
        #expect(!references(d, "Luc Mervent").contains { $0.0 == "le député" })
    }

    @Test func aContractedDeterminerOpensADescription() {
        // "au" is "à le": "au député du Doubs" refers back like "le député".
        let d = analyze("Le député Paul Verdasque a été agressé samedi. Plusieurs élus ont apporté leur soutien au député du Doubs.", .french)
        #expect(references(d, "Paul Verdasque").contains { $0.0 == "au député du Doubs" && $0.1 == .description })
    }

    @Test func theReportedSubjectDoesNotTakeTheSpeakersPronoun() {
        let d = analyze("""
        Le matin, le préfet de la région, Henri Vasseur, avait expliqué que Yanis M. avait agi seul. Il a précisé sa pensée.
        """, .french)
        #expect(references(d, "Henri Vasseur").contains { $0.0 == "Il" && $0.1 == .pronoun })
    }
}
