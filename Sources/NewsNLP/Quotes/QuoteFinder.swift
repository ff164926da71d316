/// Finds quotes and who said them.
struct QuoteFinder: Sendable {
    let language: Language

    static func load(_ language: Language, from lexicons: Lexicons) -> QuoteFinder {
        QuoteFinder(language: language)
    }

    func process(_ document: inout Document) {}
}
