import Testing
import Foundation
@testable import NewsNLP

/// Names that no lexicon has, typed by evidence: suffixes, heads, cues, acronyms, recurrence; canonical names in the
/// document's language; role nouns that are verbs in context. Every sentence here is written for the tests.
@Suite("Entities from evidence")
struct EntityEvidenceTests {
    func find(_ found: [(String, EntityType, [String])], _ name: String) -> (String, EntityType, [String])? {
        found.first { $0.0 == name }
    }

    @Test func companySuffixMakesTheWholeNameAnOrganisation() {
        let en = entities("Analysts at Norvane Capital Inc. expect a rise. The deal with Kestrel Shipping closed on Monday.", language: .english)
        #expect(en.contains { $0.0.hasPrefix("Norvane Capital Inc") && $0.1 == .organisation })
        #expect(find(en, "Kestrel Shipping")?.1 == .organisation)
        #expect(!en.contains { $0.0 == "Capital" })
        let fr = entities("Le contrat a été signé avec Orlane Développement SA et Vireo Holdings mardi.", language: .french)
        #expect(find(fr, "Orlane Développement SA")?.1 == .organisation)
        #expect(find(fr, "Vireo Holdings")?.1 == .organisation)
    }

    @Test func aSuffixWinsOverAFirstName() {
        // "Martin" and "Thomas" are first names; the company ending types the name.
        let en = entities("Shares in Martin Developments fell, while Thomas Logistics gained.", language: .english)
        #expect(find(en, "Martin Developments")?.1 == .organisation)
        #expect(find(en, "Thomas Logistics")?.1 == .organisation)
        #expect(!en.contains { $0.1 == .person })
        // A capitalised role noun after a first name is a surname; "président de la République" types nothing.
        #expect(find(entities("Le conseiller Gaspard Maire a voté contre.", language: .french), "Gaspard Maire")?.1 == .person)
        #expect(entities("Le président de la République a parlé.", language: .french).isEmpty)
        // A first name before a one-word place is a person ("Victor Nice"), not the city.
        let fr = entities("Le témoin, Victor Nice, a tout vu.", language: .french)
        #expect(find(fr, "Victor Nice")?.1 == .person)
    }

    @Test func organisationHeadsTakeTheWholeName() {
        let en = entities("The Office for Budget Responsibility said growth would slow.", language: .english)
        #expect(find(en, "Office for Budget Responsibility")?.1 == .organisation)
        let fr = entities("Le ministère de la Transition agricole a répondu.", language: .french)
        #expect(find(fr, "ministère de la Transition agricole")?.1 == .organisation || find(fr, "ministère de la Transition")?.1 == .organisation)
    }

    @Test func acronymsDefinedInTheText() {
        let fr = entities("La Fédération autonome des meuniers (FAM) a protesté. Pour la FAM, la décision est injuste.", language: .french)
        let fam = find(fr, "Fédération autonome des meuniers")
        #expect(fam?.1 == .organisation)
        #expect(fam?.2 == ["Fédération autonome des meuniers", "FAM", "FAM"])
        let en = entities("The Harbour Workers Alliance (HWA) called a strike. The HWA said talks had failed.", language: .english)
        #expect(en.first { $0.2.contains("HWA") }?.2.filter { $0 == "HWA" }.count == 2)
    }

    @Test func contextCuesTypeUnknownNamesAndTheirOtherMentions() {
        let fr = entities("Les salariés de l'usine Corvalis ont manifesté devant la mairie. Le maire de Vernouillet-sur-Arc les a reçus. Corvalis veut fermer le site.", language: .french)
        #expect(find(fr, "Corvalis")?.1 == .organisation)
        #expect(find(fr, "Corvalis")?.2.count == 2)
        #expect(find(fr, "Vernouillet-sur-Arc")?.1 == .location)
        let en = entities("Shares of Tandrel rose 4% on Tuesday. Later, Tandrel's chief executive declined to comment.", language: .english)
        #expect(find(en, "Tandrel")?.1 == .organisation)
        #expect(find(en, "Tandrel")?.2.count == 2)
        let after = entities("Investors said Quorvex's chief executive would resign.", language: .english)
        #expect(find(after, "Quorvex")?.1 == .organisation)
        let role = entities("Le dossier a été confié au juge Arnoval, qui a entendu les témoins.", language: .french)
        #expect(find(role, "Arnoval")?.1 == .person)
    }

    @Test func placeHeadsArePartOfTheName() {
        let fr = entities("Les manifestants se sont réunis place Vaubrelle puis devant la prison de la Tourmaline, près de la gare Saint-Orlan.", language: .french)
        #expect(find(fr, "place Vaubrelle")?.1 == .location)
        #expect(find(fr, "prison de la Tourmaline")?.1 == .location)
        #expect(find(fr, "gare Saint-Orlan")?.1 == .location)
        let en = entities("Protesters gathered on Quillan Street before marching to Marrow Bridge.", language: .english)
        #expect(find(en, "Quillan Street")?.1 == .location)
        #expect(find(en, "Marrow Bridge")?.1 == .location)
        // A head with no capitalised name after it names nothing.
        #expect(entities("Il a pris place dans la salle de réunion.", language: .french).isEmpty)
    }

    @Test func namesAfterAContractedArticleAndInsideRoles() {
        // "du Havre" is "de Le Havre": the contraction swallowed the article of the name.
        let fr = entities("Le port du Havre attend la décision. Il l'a dit au Mans.", language: .french)
        #expect(find(fr, "Le Havre")?.2 == ["Havre"])
        #expect(find(fr, "Le Mans")?.1 == .location)
        // Without the contraction, the bare word is no name.
        #expect(find(entities("Le havre de paix des Mans est loin.", language: .french), "Le Havre") == nil)
        // A place inside a role phrase is still a place.
        let role = entities("Le gouverneur de Floride a parlé.", language: .french)
        #expect(find(role, "Floride")?.1 == .location)
    }

    @Test func capitalsAloneAreNoEvidence() {
        // Sentence starts, acronyms with no cue and Roman numerals are not entities.
        #expect(entities("Pourtant rien ne change. Hier encore, la TVA et le PIB ont baissé sous la Ve République.", language: .french).allSatisfy { $0.0 != "TVA" && $0.0 != "PIB" && $0.0 != "Pourtant" && $0.0 != "Hier" })
        #expect(entities("The GDP grew while the CEO spoke in Chapter IV.", language: .english).isEmpty)
        // An acronym in capitals is an organisation when the text ties it to one: a cue, or its definition.
        #expect(find(entities("Les salariés de la société KVR ont voté la grève.", language: .french), "KVR")?.1 == .organisation)
    }

    @Test func namesInTheDocumentsLanguage() {
        let en = entities("LONDON — The White House and the United States Senate met officials from Georgia and New Mexico.", language: .english)
        let names = Set(en.map(\.0))
        #expect(names.contains("London"))
        #expect(names.contains("White House"))
        #expect(names.contains("New Mexico"))
        #expect(!names.contains("Londres") && !names.contains("Maison-Blanche") && !names.contains("Nouveau-Mexique"))
        let fr = entities("Les États-Unis et la Maison-Blanche ont répondu à Londres.", language: .french)
        #expect(Set(fr.map(\.0)).isSuperset(of: ["États-Unis", "Maison-Blanche", "Londres"]))
        // Mentions keep their text: "Washington" names the city, whatever the language.
        #expect(find(en, "London")?.2 == ["LONDON"])
    }

    @Test func aVerbFormIsNoRole() {
        let d = Analyzer(options: AnalysisOptions(language: .french, layers: [.entities])).analyze(
            "Sophie Binet a prévenu que la grève durerait. Le prévenu Jean Arlot a été relâché. Jean Arlot a prévenu qu'il ferait appel.")
        let binet = d.entities.first { $0.name == "Sophie Binet" }
        #expect(binet != nil)
        #expect(binet?.roles.isEmpty == true)
        let arlot = d.entities.first { $0.name == "Jean Arlot" }
        #expect(arlot?.roles.map { d.string($0.span) } == ["prévenu"])
    }

    @Test func englishNameColumnIsParsedAndChecked() throws {
        let file = LexiconFile.builtIn("entities/places.tsv")!
        let rows = try EntityLexiconParser.parse(file)
        #expect(rows.first { $0.id == "etats-unis" }?.english == "United States")
        #expect(rows.first { $0.id == "paris" }?.english == "")
        let orgs = try EntityLexiconParser.parse(LexiconFile.builtIn("entities/organisations.tsv")!)
        #expect(orgs.first { $0.id == "maison-blanche" }?.english == "White House")
    }

    @Test func anAcronymDefinedEarlierKeepsItsEntityWhenALaterLongFormReplacesNames() throws {
        // Two names found earlier sit inside the second long form and are replaced by it: the entity the first
        // acronym was defined for must still be the one its later use names (the pass once shifted its indices).
        let text = "La Direction générale de la prévention (DGP) a publié une note. Le parquet a été saisi par la "
            + "Haute Autorité des routes (HAR) mardi. La DGP a répondu."
        let d = segmented(text, language: .french)
        let recognizer = EntityRecognizer.load(.french, from: .builtIn)
        let info = zip(d.features.foldHash, d.features.shape).map { TokenInfo(hash: $0, shape: $1) }
        let index = { (word: String, occurrence: Int) -> Int in
            let hits = d.tokens.indices.filter { d.string(d.tokens[$0].span) == word }
            return hits[occurrence]
        }
        var taken = [Bool](repeating: false, count: d.tokens.count)
        var found: [EntityRecognizer.Found] = []
        for word in ["Haute", "Autorité"] {
            let t = index(word, 0)
            found.append(.init(first: t, count: 1, key: "pattern:" + word.lowercased(), type: .organisation, name: word,
                               gender: nil, source: .pattern))
            taken[t] = true
        }
        recognizer.acronymPass(info, d, &taken, &found)
        let later = index("DGP", 1)
        let use = try #require(found.first { $0.first == later })
        #expect(use.name == "Direction générale de la prévention")
        #expect(!found.contains { $0.name == "Haute" || $0.name == "Autorité" })
        #expect(found.contains { $0.name == "Haute Autorité des routes" })
    }
}
