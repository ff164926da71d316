extension Lexicons {
    /// Subject pronouns of a language (rows of `{fr,en}/quote-cues` tagged `pronoun-…`), folded.
    func subjectPronouns(_ language: Language) -> Set<String> {
        cached("summary-pronouns:" + language.code) {
            var set = Set<String>()
            for file in files(language.code + "/quote-cues") {
                for row in file.rows() where row.fields.count > 1 && row.fields[1].hasPrefix("pronoun-") {
                    set.insert(Folding.fold(String(row.fields[0].trimmingSpaces())))
                }
            }
            return set
        }
    }

    /// Stop words and subject pronouns of a language as hashes of their folded forms (`FoldHash`), for the
    /// summary's per-token lookups without building strings.
    func summaryWordHashes(_ language: Language) -> (stopwords: WordSet, pronouns: WordSet) {
        cached("summary-hashes:" + language.code) {
            (WordSet(stopwords(language).map { FoldHash.hash(folded: $0) }), WordSet(subjectPronouns(language).map { FoldHash.hash(folded: $0) }))
        }
    }
}
