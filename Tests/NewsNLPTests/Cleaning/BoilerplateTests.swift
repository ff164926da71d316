import Testing
import Foundation
@testable import NewsNLP

@Suite("Boilerplate and language")
struct BoilerplateTests {
    func corpus(_ name: String) throws -> String {
        try String(contentsOfFile: packageRoot + "/Corpora/" + name, encoding: .utf8)
    }

    @Test func seedArticleKeepsExactlyItsTitleBodyAndSubheading() throws {
        let d = segmented(try corpus("fr-desantis-twitter-space.txt"))
        let kept = d.sentences.filter { !$0.boilerplate }.map { d.string($0.span) }
        let golden = try corpus("golden/fr-desantis-twitter-space.sentences.txt").split(separator: "\n").map(String.init)
        #expect(kept == golden)
        #expect(kept.count == 16)
        let dropped = d.sentences.filter(\.boilerplate).map { d.string($0.span) }
        #expect(dropped.contains("Publicité"))
        #expect(dropped.contains("PUBLICITÉ"))
        #expect(dropped.contains("AFP"))
        #expect(dropped.contains { $0.hasPrefix("38") && $0.hasSuffix("852,86") })  // a no-break space between the groups
        #expect(dropped.contains("Article original publié sur BFMTV.com"))
        #expect(d.language == .french)
    }

    @Test func englishArticleFurniture() throws {
        let d = segmented(try corpus("en-senate-vote.txt"))
        #expect(d.language == .english)
        let dropped = d.sentences.filter(\.boilerplate).map { d.string($0.span) }
        #expect(dropped == ["ADVERTISEMENT", "By Jane Holloway", "Read more: How the budget fight unfolded", "Share this article"])
        let kept = d.sentences.filter { !$0.boilerplate }.map { d.string($0.span) }
        #expect(kept.count == 9)
        #expect(kept.contains("Sen. Maria Lopez, a Democrat from New Mexico, called the vote \"a victory for working families.\""))
    }

    @Test func frenchArticleFurniture() throws {
        let d = segmented(try corpus("fr-conseil-municipal.txt"))
        let dropped = d.sentences.filter(\.boilerplate).map { d.string($0.span) }
        #expect(dropped == ["Lire aussi : Municipales, la gauche se divise à Lyon", "Par Claire Dumas", "À voir aussi", "Partager sur Facebook"])
        #expect(d.sentences.filter { !$0.boilerplate }.count == 9)
    }

    @Test func aShortProseLineIsNotAByline() {
        let d = segmented("Par ailleurs, le maire a démissionné\n\nLe conseil se réunira lundi.", language: .french)
        #expect(d.sentences.allSatisfy { !$0.boilerplate })
    }

    @Test(arguments: [
        ("Le président a annoncé mercredi sa candidature à l'élection.", Language.french),
        ("The president announced on Wednesday that he would run again.", Language.english),
        ("Élysée", Language.french),
        ("", Language.french),
        ("Donald Trump said the election was stolen, selon l'AFP.", Language.english),
    ])
    func language(_ text: String, _ expected: Language) {
        #expect(segmented(text).language == expected)
    }

    @Test func languageCanBeForced() {
        #expect(segmented("The president spoke.", language: .french).language == .french)
    }
}
