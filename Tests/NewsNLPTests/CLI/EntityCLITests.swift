import Testing
import Foundation

/// The user findings of issue 12, end to end through the built binary.
@Suite("CLI entities from evidence", .serialized)
struct EntityCLITests {
    func entities(_ args: [String]) throws -> [[String: Any]] {
        let r = try CLI.run(["entities", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        return try r.json()["entities"] as! [[String: Any]]
    }

    func named(_ ents: [[String: Any]], _ name: String) -> [String: Any]? {
        ents.first { $0["name"] as? String == name }
    }

    func texts(_ e: [String: Any]?) -> [String] {
        ((e?["mentions"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
    }

    @Test func theCompanyAnArticleIsAboutIsFound() throws {
        let ents = try entities(["Corpora/summary-fr-usine.txt"])
        let valmont = named(ents, "Valmont")
        #expect(valmont?["type"] as? String == "ORG")
        #expect(texts(valmont).count == 5)
        #expect(named(ents, "Saint-Aubin")?["type"] as? String == "LOC")
        #expect(texts(named(ents, "Saint-Aubin")).count == 2)
    }

    @Test func organisationNamesWhole() throws {
        let text = "The Office for Budget Responsibility cut its forecast. Analysts at Norvane Capital Inc. agreed, "
            + "and shares in Kestrel Shipping and Thomas Developments fell."
        let ents = try entities(["--lang", "en", CLI.temporaryFile(Array(text.utf8))])
        #expect(named(ents, "Office for Budget Responsibility")?["type"] as? String == "ORG")
        #expect(ents.contains { ($0["name"] as? String)?.hasPrefix("Norvane Capital Inc") == true && $0["type"] as? String == "ORG" })
        #expect(named(ents, "Kestrel Shipping")?["type"] as? String == "ORG")
        #expect(named(ents, "Thomas Developments")?["type"] as? String == "ORG")
        #expect(!ents.contains { $0["type"] as? String == "PER" })
        #expect(named(ents, "Office") == nil && named(ents, "Capital") == nil)
    }

    @Test func englishArticlesGetEnglishNames() throws {
        let ents = try entities(["Corpora/en-senate-vote.txt"])
        let names = Set(ents.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["US Senate", "United States", "New Mexico", "Georgia", "Washington"]))
        #expect(names.isDisjoint(with: ["Sénat américain", "États-Unis", "Nouveau-Mexique", "Géorgie"]))
        #expect(named(ents, "Brookline Capital Inc.")?["type"] as? String == "ORG")
        let london = try entities(["--lang", "en", CLI.temporaryFile(Array("LONDON — The Treasury said on Monday that talks would resume.".utf8))])
        #expect(named(london, "London") != nil)
        #expect(named(london, "Londres") == nil)
        // A French article keeps the French names.
        let fr = try entities(["--lang", "fr", CLI.temporaryFile(Array("Les États-Unis et Londres ont répondu à la Maison-Blanche.".utf8))])
        #expect(Set(fr.compactMap { $0["name"] as? String }).isSuperset(of: ["États-Unis", "Londres", "Maison-Blanche"]))
    }

    @Test func aVerbIsNoRole() throws {
        let text = "La grève continue. Sophie Binet a prévenu que le mouvement durerait tout l'hiver."
        let ents = try entities([CLI.temporaryFile(Array(text.utf8))])
        let binet = named(ents, "Sophie Binet")
        #expect(binet != nil)
        let roles = ((binet?["roles"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        #expect(!roles.contains("prévenu"))
        let refs = ((binet?["references"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
        #expect(!refs.contains("prévenu"))
    }
}
