import Testing
@testable import NewsNLP

/// The per-token features segmentation keeps on the document.
struct TokenFeaturesTests {
    @Test func oneFeatureRowPerToken() {
        let d = segmented("Le CNRS et Élisabeth Borne l’ont dit le 3 mai : « Non ».", language: .french)
        #expect(d.features.foldHash.count == d.tokens.count)
        #expect(d.features.shape.count == d.tokens.count)
    }

    /// The fold hash is the key the lexicons use: the same as hashing the folded text, whatever case, accents
    /// or apostrophe the text writes.
    @Test func foldHashIsTheLexiconKey() {
        let d = segmented("ÉLYSÉE élysée Elysee l’Élysée", language: .french)
        let words = Dictionary(uniqueKeysWithValues: d.tokens.indices.map { (d.string(d.tokens[$0].span), d.features.foldHash[$0]) })
        #expect(words["ÉLYSÉE"] == FoldHash.hash(folded: "elysee"))
        #expect(words["élysée"] == FoldHash.hash(folded: "elysee"))
        #expect(words["Elysee"] == FoldHash.hash(folded: "elysee"))
        #expect(words["l’"] == FoldHash.hash(folded: "l'"))
        #expect(FoldHash.hash(folded: Folding.fold("Ça")) == FoldHash.hash(folded: "ca"))
    }

    @Test func shapes() {
        let d = segmented("Le CNRS a 3 chercheurs , dit-il .", language: .french)
        func shape(_ s: String) -> TokenShape? {
            d.tokens.indices.first { d.string(d.tokens[$0].span) == s }.map { d.features.shape[$0] }
        }
        #expect(shape("Le") == [.capitalised, .upper, .word])
        #expect(shape("CNRS") == [.capitalised, .upper, .allCaps, .word])
        #expect(shape("a") == [.word])
        #expect(shape("3") == [.capitalised, .word])
        #expect(shape(",") == [])
    }
}
