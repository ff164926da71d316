import Testing
@testable import NewsNLP

/// The tone of a short text (segmentation, then the tone stage alone: no entities, no quotes).
private func toneOf(_ text: String, _ language: Language = .french) -> Tone {
    var d = segmented(text, language: language)
    ToneScorer.load(language, from: .builtIn).process(&d)
    return d.tone!
}

/// The weighted score of the polar word `word` in `text`.
private func weight(of word: String, in text: String, _ language: Language = .french) -> Double? {
    var d = segmented(text, language: language)
    ToneScorer.load(language, from: .builtIn).process(&d)
    return d.tone!.evidence.first { d.string($0.span) == word }?.score
}

@Suite struct NegationTests {
    @Test(arguments: [
        "Le projet n'est pas un succès.",
        "Ce projet ne sera jamais un succès.",
        "Le projet n'est plus un succès.",
        "Ce projet n'a guère été un succès.",
        "Le projet s'est terminé sans succès.",
        "Ce n'est pas du tout un succès.",
    ])
    func frenchNegationTurnsPositiveNegative(_ text: String) {
        #expect(toneOf("Le projet est un succès.").label == .positive)
        #expect(toneOf(text).label == .negative, "\(text)")
    }

    @Test func negatedNegativeIsMildlyPositive() {
        let plain = weight(of: "échec", in: "Le projet est un échec.")!
        let negated = weight(of: "échec", in: "Le projet n'est pas un échec.")!
        #expect(plain < 0)
        #expect(negated > 0 && negated < abs(plain))
    }

    @Test func neQueRestrictsWithoutNegating() {
        #expect(weight(of: "succès", in: "Ce n'est que le début d'un succès.")! > 0)
    }

    @Test func plusAndPersonneWithoutNeDoNotNegate() {
        #expect(weight(of: "succès", in: "Plus de mille personnes ont salué un succès.")! > 0)
        #expect(weight(of: "succès", in: "Une personne a parlé d'un succès.")! > 0)
    }

    @Test func negationStopsAtTheClauseEnd() {
        #expect(weight(of: "succès", in: "Il ne pleut pas, le festival est un succès.")! > 0)
    }

    @Test(arguments: [
        "The plan was not a success.",
        "The plan was never a success.",
        "The plan brought no success.",
        "The plan didn't bring success.",
        "The plan ended without success.",
    ])
    func englishNegation(_ text: String) {
        #expect(toneOf("The plan was a success.", .english).label == .positive)
        #expect(toneOf(text, .english).label == .negative, "\(text)")
    }
}

@Suite struct IntensifierTests {
    @Test func frenchIntensifiersAndDiminishers() {
        let plain = weight(of: "mauvais", in: "Le bilan est mauvais.")!
        let strong = weight(of: "mauvais", in: "Le bilan est très mauvais.")!
        let weak = weight(of: "mauvais", in: "Le bilan est un peu mauvais.")!
        #expect(strong < plain && plain < weak && weak < 0)
        #expect(abs(weight(of: "mauvais", in: "Le bilan est tellement mauvais.")!) > abs(plain))
    }

    @Test func englishIntensifiersAndDiminishers() {
        let plain = weight(of: "bad", in: "The result is bad.", .english)!
        #expect(weight(of: "bad", in: "The result is very bad.", .english)! < plain)
        #expect(weight(of: "bad", in: "The result is slightly bad.", .english)! > plain)
        #expect(weight(of: "bad", in: "The result is hardly bad.", .english)! > plain)
    }

    @Test func intensifierThenNegation() {
        // "pas très bon": the intensifier is taken, the negation turns it.
        #expect(weight(of: "bon", in: "Le bilan n'est pas très bon.")! < 0)
    }
}

@Suite struct ContrastTests {
    @Test func theClauseAfterMaisWeighsMore() {
        #expect(toneOf("Le discours était excellent, mais le résultat est un échec.").label == .negative)
        #expect(toneOf("Le résultat est un échec, mais le discours était excellent.").label == .positive)
    }

    @Test func theClauseAfterButWeighsMore() {
        #expect(toneOf("The speech was good, but the result was a failure.", .english).label == .negative)
        // A positive tone needs much more praise than blame (ToneWeights.positiveOver): one word of praise after
        // "but" outweighs the failure without making the text positive.
        let praised = toneOf("The result was a failure, but the speech was good.", .english)
        #expect(praised.score > 0 && praised.label != .negative)
    }

    @Test func aClauseAfterAConcessionWeighsMore() {
        #expect(toneOf("Même si le vote est un échec, la réforme est un succès.").label == .positive)
        #expect(toneOf("Même si la réforme est un succès, le vote est un échec.").label == .negative)
    }

    @Test func aConcessionWeighsLess() {
        let conceded = weight(of: "échec", in: "Même si le vote est un échec, la réforme avance.")!
        let plain = weight(of: "échec", in: "Le vote est un échec, la réforme avance.")!
        #expect(abs(conceded) < abs(plain))
        #expect(toneOf("Although the vote was a failure, the reform is a success.", .english).label == .positive)
    }
}

@Suite struct ToneTests {
    @Test func scoreCountsAndWords() {
        let t = toneOf("Le fiasco du projet est un scandale. Le maire parle d'un succès.")
        #expect(t.negative == 2 && t.positive == 1)
        #expect(t.score < -0.1 && t.score >= -1)
        #expect(t.words > 4)
        #expect(t.evidence.count == 3)
    }

    @Test func neutralWireSentenceIsNeutral() {
        let t = toneOf("Le conseil municipal se réunira mardi à la mairie pour examiner le budget de l'année prochaine.")
        #expect(t.label == .neutral)
    }

    @Test func boilerplateIsNotRead() {
        let t = toneOf("Publicité\n\nLe conseil se réunira mardi.")
        #expect(t.evidence.isEmpty)
    }

    @Test func emptyDocument() {
        let t = toneOf("")
        #expect(t.score == 0 && t.label == .neutral && t.words == 0)
    }

    @Test func evidenceOffsetsPointAtTheWord() {
        var d = segmented("Un échec cuisant pour l'équipe.", language: .french)
        ToneScorer.load(.french, from: .builtIn).process(&d)
        #expect(d.tone!.evidence.map { d.string($0.span) }.contains("échec"))
    }
}
