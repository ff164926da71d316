/// Scores the tone of a document and the stance toward each entity.
struct ToneScorer: Sendable {
    let language: Language

    static func load(_ language: Language, from lexicons: Lexicons) -> ToneScorer {
        ToneScorer(language: language)
    }

    func process(_ document: inout Document) {}
}
