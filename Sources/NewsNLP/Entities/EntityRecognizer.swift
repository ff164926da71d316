/// Finds the people, organisations and places of a document (lexicons, name patterns, coreference).
struct EntityRecognizer: Sendable {
    let language: Language

    static func load(_ language: Language, from lexicons: Lexicons) -> EntityRecognizer {
        EntityRecognizer(language: language)
    }

    func process(_ document: inout Document) {}
}
