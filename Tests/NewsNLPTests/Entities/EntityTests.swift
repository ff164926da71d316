import Testing
import Foundation
@testable import NewsNLP

/// Entities of `text` as (name, type, mention texts).
func entities(_ text: String, language: Language? = nil, lexicons: Lexicons = .builtIn) -> [(String, EntityType, [String])] {
    let d = Analyzer(options: AnalysisOptions(language: language, layers: [.entities]), lexicons: lexicons).analyze(text)
    return d.entities.map { e in (e.name, e.type, e.mentions.map { d.string($0.span) }) }
}

@Suite("Entities")
struct EntityTests {
    @Test func seedArticleEntities() throws {
        let text = try String(contentsOfFile: packageRoot + "/Corpora/fr-desantis-twitter-space.txt", encoding: .utf8)
        let found = entities(text)
        let byName = Dictionary(found.map { ($0.0, $0) }, uniquingKeysWith: { a, _ in a })
        for name in ["Ron DeSantis", "Elon Musk", "Joe Biden", "David Sacks", "Donald Trump", "Philippe Berry"] {
            #expect(byName[name]?.1 == .person, "\(name)")
        }
        for name in ["Twitter", "Maison-Blanche", "BFMTV", "AFP", "20 Minutes", "Parti républicain", "Disney"] {
            #expect(byName[name]?.1 == .organisation, "\(name)")
        }
        for name in ["Floride", "Washington", "Paris"] {
            #expect(byName[name]?.1 == .location, "\(name)")
        }
        // Each once, every mention: "DeSantis" in the title is Ron DeSantis.
        #expect(found.filter { $0.0 == "Ron DeSantis" }.count == 1)
        #expect(byName["Ron DeSantis"]!.2.contains("DeSantis"))
        #expect(byName["Ron DeSantis"]!.2.count == 5)
        // Nothing from the market ticker.
        #expect(!found.contains { ["Dow Jones", "Nasdaq", "Nikkei", "Bitcoin"].contains($0.0) })
        #expect(found.count == 16)
    }

    @Test func caseAndAccentInsensitiveWhereSafe() {
        let found = entities("Le président s'est rendu à l'Elysee puis à Matignon.")
        #expect(found.contains { $0.1 == .organisation && $0.2 == ["Elysee"] })
        // A common word needs its capital: "orange" the colour is not the company.
        #expect(entities("Il portait une veste orange et un pull noir.").isEmpty)
    }

    @Test func longestMatchFirst() {
        let found = entities("Le Conseil constitutionnel a tranché.")
        #expect(found.map(\.0) == ["Conseil constitutionnel"])
    }

    @Test func titleAndFirstNamePatterns() {
        let found = entities("M. Dupont a rencontré Mme Martin. Le journaliste Philippe Berry était là.")
        #expect(found.map(\.0) == ["Dupont", "Martin", "Philippe Berry"])
        #expect(found.allSatisfy { $0.1 == .person })
    }

    @Test func unknownNamesMidSentence() {
        let found = entities("Selon le rapport, Ildefons Van Brackel a rencontré hier Oswin Trelawny à la mairie.")
        #expect(found.map(\.0) == ["Ildefons Van Brackel", "Oswin Trelawny"])
        #expect(found.allSatisfy { $0.1 == .person })
        // A first name alone, mid-sentence, is a person named by first name; a headline in title case is not.
        #expect(entities("Le chauffeur, Thierry, raconte la scène.").map(\.0) == ["Thierry"])
        #expect(!entities("Senate Passes Budget Bill After All-Night Session\n\nThe vote was close.", language: .english).contains { $0.1 == .person })
    }

    @Test func englishSurnamesAlone() {
        func people(_ text: String) -> [String] { entities(text, language: .english).filter { $0.1 == .person }.map(\.0) }
        // After a closing quote mark, after the opening function word of the sentence, before ", who".
        #expect(people("“We will appeal the ruling,” Dravensky said after the hearing.") == ["Dravensky"])
        #expect(people("But Dravensky gave no ground on the budget.") == ["Dravensky"])
        #expect(people("Dravensky, who chairs the committee, left early.") == ["Dravensky"])
        // The surname of people the lexicon knows opens a sentence as a name, even when two people share it.
        #expect(people("Clinton said the plan would cost too much.") == ["Clinton"])
        #expect(people("Clinton's aides declined to comment.") == ["Clinton"])
        #expect(people("Clinton also told reporters the plan would cost too much.") == ["Clinton"])
        #expect(people("Voters blamed the Clinton campaign.") == ["Clinton"])
        // A surname that is also a common word opens a sentence as that word: "Close to", "Young people".
        #expect(people("Close to a thousand people marched.").isEmpty)
        #expect(people("Young people are leaving the town.").isEmpty)
        // An unknown capitalised word opening a sentence is no name without such evidence.
        #expect(people("Officials said the bridge would reopen.").isEmpty)
        // The lexicon's own names keep their entity.
        #expect(people("Obama said the plan would work.") == ["Barack Obama"])
        // A day of the week is a time word, never a surname: "said on Monday", "and Tuesday will".
        #expect(people("“The vote is close,” Dravensky said on Monday.") == ["Dravensky"])
        #expect(people("The count took all of Wednesday, and Thursday will be longer.").isEmpty)
    }

    @Test func surnameJoinsTheFullName() {
        let d = Analyzer(options: AnalysisOptions(layers: [.entities])).analyze("Jean Valtier a parlé. Plus tard, M. Valtier a démissionné. Valtier part.")
        #expect(d.entities.count == 1)
        #expect(d.entities[0].mentions.count == 3)
        #expect(d.entities[0].source == .pattern)
    }

    @Test func organisationPatterns() {
        let found = entities("Le ministère de l'Agriculture et la société Verdane SA ont signé.")
        #expect(found.contains { $0.0 == "ministère de l'Agriculture" && $0.1 == .organisation })
        #expect(found.contains { $0.0 == "Verdane SA" && $0.1 == .organisation })
    }

    @Test func washingtonTheCityAfterAPreposition() {
        #expect(entities("Il est arrivé à Washington mardi.").first?.1 == .location)
    }

    @Test func rolesTiedToAPerson() {
        let d = Analyzer(options: AnalysisOptions(layers: [.entities])).analyze(
            "Le gouverneur de Floride Ron DeSantis a parlé. Le gouverneur de Floride a ensuite quitté la salle.")
        let ron = d.entities.first { $0.name == "Ron DeSantis" }!
        #expect(ron.roles.map { d.string($0.span) } == ["gouverneur de Floride", "gouverneur de Floride"])
    }

    @Test func userLexiconsMergeAndMalformedLinesAreReported() throws {
        let dir = NSTemporaryDirectory() + "newsnlp-lex-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/entities", withIntermediateDirectories: true)
        try "# test\nzorglub-corp\tORG\tZorglub Corporation\tZorglub\t\t\t\n".write(toFile: dir + "/entities/mine.tsv", atomically: true, encoding: .utf8)
        let lex = Lexicons(extra: try LexiconDirectory.read(dir))
        try lex.validate()
        #expect(entities("Zorglub a racheté la société.", lexicons: lex).map(\.0) == ["Zorglub Corporation"])
        try "# test\nbad line without tabs\n".write(toFile: dir + "/entities/bad.tsv", atomically: true, encoding: .utf8)
        let bad = Lexicons(extra: try LexiconDirectory.read(dir))
        #expect { try bad.validate() } throws: { e in
            "\(e)".contains("bad.tsv:2") && "\(e)".contains("malformed entity line")
        }
    }

    @Test func builtInEntityFilesAreWellFormedAndLarge() throws {
        var counts: [EntityType: Int] = [:]
        var ids = Set<String>()
        for file in LexiconFile.builtIn(under: "entities/") {
            for e in try EntityLexiconParser.parse(file) {
                counts[e.type, default: 0] += 1
                #expect(ids.insert(e.id).inserted, "duplicate id \(e.id)")
            }
        }
        #expect(counts[.person, default: 0] >= 1500)
        #expect(counts[.organisation, default: 0] >= 800)
        #expect(counts[.location, default: 0] >= 2000)
    }
}
