/// Finds quotes and who said them.
///
/// Quote marks give the spans (`QuoteMarks`); speech verbs from `Lexicons/{fr,en}/speech-verbs` and the words
/// around the marks tell speech from titles and scare quotes, direct from partial quotes, and where the cue and
/// the speaker are (`QuoteReader`); speakers are linked to the document's entities when the entity layer found
/// them, and otherwise named from the text. Speech verbs with que/that and "selon X" give indirect quotes.
struct QuoteFinder: Sendable {
    let language: Language
    let lexicon: QuoteLexicon
    let firstNames: FirstNames
    let lexicons: Lexicons

    static func load(_ language: Language, from lexicons: Lexicons) -> QuoteFinder {
        QuoteFinder(language: language, lexicon: QuoteLexicon.load(language, from: lexicons),
                    firstNames: FirstNames.load(from: lexicons), lexicons: lexicons)
    }

    func process(_ document: inout Document) {
        guard !document.tokens.isEmpty, !document.sentences.isEmpty else { return }
        let doc = document
        let speakers = SpeakerLexicon.load(from: lexicons)
        let quotes = doc.utf8.withUnsafeBufferPointer { text in
            var reader = QuoteReader(text: text, document: doc, lexicon: lexicon, firstNames: firstNames, speakers: speakers,
                                     roles: CorefLexicon.load(language, from: lexicons))
            return reader.read()
        }
        document.quotes = quotes
    }
}
