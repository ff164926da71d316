/// Scores the tone of a document and the stance toward each entity.
///
/// The scorer reads the polar words of every sentence that is not boilerplate (folded lookups in
/// `Lexicons/{fr,en}/polarity`), weighs each one by the words around it (negation, intensifiers and diminishers,
/// contrast and concession, headings), then sums them twice: over the whole document for the tone, and over the
/// sentences that mention an entity for the stance toward it. What an entity says (in its quotes, or after a
/// speech verb it is the subject of) is its own voice, not a judgement on it, and weighs little in its stance.
///
/// Where the language has a learned target-stance model (`StanceModel`, English: `Lexicons/en/stance-model`), the
/// stance toward an entity is the model's reading of each sentence that names or refers to it, averaged.
struct ToneScorer: Sendable {
    let language: Language
    let lexicon: ToneLexicon
    var model: StanceModel? = nil

    static func load(_ language: Language, from lexicons: Lexicons) -> ToneScorer {
        ToneScorer(language: language, lexicon: ToneLexicon.load(language, from: lexicons), model: StanceModel.load(language, from: lexicons))
    }

    func process(_ document: inout Document) {
        let reading = read(document)
        document.tone = tone(of: reading)
        for k in document.entities.indices {
            document.entities[k].stance = stance(toward: k, in: document, reading)
        }
    }
}

/// How much each rule weighs. The values are calibrated so that wire copy comes out mostly neutral toward the
/// people it names while clearly negative framing comes out negative.
enum ToneWeights {
    /// A negated positive word turns negative, a negated negative word mildly positive ("pas mauvais").
    static let negatedPositive = -0.6
    static let negatedNegative = -0.4
    /// Tokens after a negation word that it reaches (punctuation ends it sooner).
    static let negationWindow = 3
    /// Tokens after an intensifier within which the next polar word takes its factor.
    static let intensifierWindow = 3
    /// Words before "mais"/"but" in the same sentence, words after it (and after a concessive clause): the clause
    /// after the contrast carries the point.
    static let beforeContrast = 0.3
    static let afterContrast = 1.5
    /// A list in the scope of a judgement: at most `listItem` tokens an item, at most `listTail` tokens after its
    /// coordinating word ("et", "and").
    static let listItem = 6
    /// Tokens after the comma that ends a fronted judgement ("Sous le feu des critiques, …") within which the
    /// subject of the main clause is looked for.
    static let frontedReach = 8
    static let listTail = 4
    /// Words in a concessive clause ("même si", "although") up to the next comma.
    static let concession = 0.3
    /// Words of a heading (a title or intertitle frames the article).
    static let heading = 1.5
    /// Words inside quotes, for the tone: reported speech is less the author's wording.
    static let quotedForTone = 0.75
    /// Words an entity says itself (its quotes, or after a speech verb it is the subject of), for its stance: a
    /// speaker's harsh words judge what they speak of, hardly the speaker. Set on news-dev (`scorecard.py labels`):
    /// stance macro-F1 0.47 at 0.15, 0.49 at 0.08 down to 0; 0.05 keeps a trace of it. Checked on the eight unseen
    /// French articles of `Eval/unseen-fr` (0.34 at 0.15, 0.36 at 0.05) and on NewsMTSC (unchanged: the English
    /// stance is the learned model's).
    static let ownVoice = 0.05
    /// Distance decay of a polar word's weight for an entity: 1 / (1 + words / decay).
    static let distanceDecay = 6.0
    /// A polar word in another clause than the entity's mention.
    static let otherClause = 0.6
    /// A judgement aimed at the entity: the object of a verb of attack or support ("dénonce X", "soutien à X"),
    /// the subject of a passive one ("X est mis en examen"), a polar word right after its name ("X, imprévisible").
    /// Weighs more than a word merely near the name (at most 1): the syntax says whom it is about.
    static let target = 1.25
    /// Tone, from the positive mass P and the negative mass N of the words read. The article is negative when N
    /// passes `negativeOver` × P: score −(N − negativeOver·P) / (N + negativeOver·P + toneDamping); positive when
    /// `positiveOver` × P passes N: score (positiveOver·P − N) / (positiveOver·P + N + toneDamping); between the
    /// two it is balanced, and its score (P − N) / (P + N + toneDamping) is brought inside the neutral band (× 0.099).
    /// News praise is formulaic ("a salué", "succès") where blame is pointed: P must be much larger than N for a
    /// positive tone, and N only somewhat larger than P for a negative one.
    /// Calibrated on news-dev (24 French political articles, `scorecard.py labels`: 18 negative, 6 neutral): the
    /// neutral articles there have N/P between 0.35 and 1.3, the negative ones mostly above 1.6; negativeOver 1.4
    /// sits in that gap and positiveOver 0.4 keeps every neutral article of it out of the positive label.
    static let toneDamping = 1.0
    static let negativeOver = 1.4
    static let positiveOver = 0.4
    /// Stance: the entity's polar mass per sentence that mentions it, damped and scaled.
    /// stanceScale: set on news-dev (`scorecard.py labels`, 101 labelled stances, mostly neutral): 1.25 gave the best
    /// stance macro-F1 of 1.0 to 5 (0.47 against 0.43 at 1.0), larger scales call neutral entities negative.
    static let stanceDamping = 2.0
    static let stanceScale = 1.25
}

/// A polar word as the scorer read it.
struct PolarHit: Sendable {
    var token: Int32
    var sentence: Int32
    var span: Span
    /// The lexicon score after negation, intensity, contrast and heading weights.
    var score: Double
    /// The index of the quote holding the word, or -1.
    var quote: Int32
    /// The index of the entity whose own voice the word is (its quote, or after its speech verb), or -1.
    var voice: Int32
    /// The clause holding the word (numbered through the document).
    var clause: Int32
    /// The word is aimed at the entities of `ToneReading.targets` (or at nobody named): for a stance it counts
    /// only for them, never for its speaker.
    var targeted = false
}

/// What the scorer read from a document, shared by the tone and every entity's stance.
struct ToneReading: Sendable {
    var hits: [PolarHit] = []
    /// For each sentence, the range of its hits in `hits`.
    var hitsBySentence: [Range<Int>] = []
    /// Content words (not function words) of the sentences read.
    var words = 0
    /// Sentences read (not boilerplate).
    var sentences = 0
    /// For each token: its clause, its position among word tokens.
    var clause: [Int32] = []
    var wordPosition: [Int32] = []
    /// For each sentence, the word positions of the entity mentions in it.
    var mentionsBySentence: [[Int32]] = []
    /// Judgements aimed at an entity (by a stance cue or a polar word next to its name), with their sentence.
    var targets: [(entity: Int32, sentence: Int32, score: Double)] = []
    /// Entities that a sentence makes victims (`sentence << 32 | entity`): its harm words are not held against them.
    var victims: Set<Int64> = []
}

extension ToneScorer {
    /// Reads every polar word of the document with its weights.
    /// - Complexity: O(n) in the number of tokens: each word token is looked up by its fold hash (`TokenFeatures`).
    func read(_ d: Document) -> ToneReading {
        var r = ToneReading()
        let tokens = d.tokens
        r.clause = [Int32](repeating: -1, count: tokens.count)
        r.wordPosition = [Int32](repeating: 0, count: tokens.count)
        r.hitsBySentence = [Range<Int>](repeating: 0..<0, count: d.sentences.count)
        r.mentionsBySentence = [[Int32]](repeating: [], count: d.sentences.count)

        // Which entity each token names (names are not judgements), and which quote holds it.
        // Names first, then the role phrases and descriptions, which take the names inside them: in "au député du
        // Doubs" the judgement is aimed at the deputy, not at the place that describes him.
        var entityAt = [Int32](repeating: -1, count: tokens.count)
        for (k, e) in d.entities.enumerated() {
            for m in e.mentions {
                var t = Self.firstToken(endingAfter: m.span.start, in: tokens)
                while t < tokens.count && tokens[t].span.start < m.span.end { entityAt[t] = Int32(k); t += 1 }
            }
        }
        for (k, e) in d.entities.enumerated() {
            for span in e.roles.map(\.span) + e.references.map(\.span) {
                var t = Self.firstToken(endingAfter: span.start, in: tokens)
                while t < tokens.count && tokens[t].span.start < span.end { entityAt[t] = Int32(k); t += 1 }
            }
        }
        handles(d, &entityAt)
        let isPerson = d.entities.map { $0.type == .person }
        let speakers = quoteSpeakers(d)
        let quotes = d.quotes.enumerated().sorted { $0.element.span.start < $1.element.span.start }
        var quotePointer = 0

        var clause: Int32 = 0
        var wordPosition: Int32 = 0
        // The key of each token of a sentence: its fold hash for a word, 0 for any other token.
        let hashes = d.foldHashes
        var keys: [UInt64] = []
        var scratch = [UInt8](repeating: 0, count: 64)
        d.utf8.withUnsafeBytes { text in
            let bytes = text.assumingMemoryBound(to: UInt8.self)
            for (si, s) in d.sentences.enumerated() {
                let first = r.hits.count
                defer { r.hitsBySentence[si] = first..<r.hits.count }
                if s.boilerplate { continue }
                r.sentences += 1
                clause += 1
                let range = Int(s.tokens.lowerBound)..<Int(s.tokens.upperBound)
                keys.removeAll(keepingCapacity: true)
                for t in range { keys.append(tokens[t].kind == .word ? hashes[t] : 0) }
                var negatedUntil = -1
                var factor = 1.0, factorLeft = 0
                var contrastSeen = false, conceding = false
                var voice: Int32 = -1, lastEntity: Int32 = -1
                // Inside quote marks of this sentence (a fallback when the quote layer did not cover the words).
                var insideMarks = false
                var markedHits: [Int] = []
                var marks = 0
                var skip = 0
                var describedBy: [(hit: Int, entity: Int32)] = []
                for j in 0..<keys.count {
                    let t = range.lowerBound + j
                    let tok = tokens[t]
                    if tok.kind == .word { wordPosition += 1 }
                    r.wordPosition[t] = wordPosition
                    if tok.kind == .punctuation {
                        let mark = quoteMark(text, tok.span)
                        if mark != 0 { marks += 1 }
                        switch mark {
                        case 1: insideMarks = true
                        case -1: insideMarks = false
                        case 2: insideMarks.toggle()
                        default: break
                        }
                        let strong = isStrong(text, tok.span)
                        if strong || isClauseBreak(text, tok.span) {
                            clause += 1
                            negatedUntil = -1
                            factorLeft = 0
                            if conceding { contrastSeen = true }
                            conceding = false
                            if strong { voice = -1 }
                        }
                    }
                    r.clause[t] = clause
                    if entityAt[t] >= 0 {
                        if t == range.lowerBound || entityAt[t - 1] != entityAt[t] { r.mentionsBySentence[si].append(wordPosition) }
                        lastEntity = entityAt[t]
                    }
                    if skip > 0 { skip -= 1; continue }
                    let key = keys[j]
                    if key == 0 { continue }
                    if factorLeft > 0 { factorLeft -= 1 } else { factor = 1 }
                    // One lookup tells which tables know the word; a word none knows, and that starts with no
                    // prefix cue ("critiqu*"), is a plain content word.
                    let flags = lexicon.wordFlags[key] ?? []
                    let word = UnsafeBufferPointer(rebasing: bytes[Int(tok.span.start)..<Int(tok.span.end)])
                    var prefixCue: ToneLexicon.Cue? = nil
                    if flags.isEmpty {
                        prefixCue = lexicon.prefixCue(word, &scratch)
                        if prefixCue == nil { r.words += 1; continue }
                    }

                    // Markers: contrast, concession, two-part negation.
                    if flags.contains(.marker), let (length, marker) = lexicon.markers.match(keys, at: j) {
                        if marker.contains(.but) {
                            for h in first..<r.hits.count where r.hits[h].sentence == Int32(si) {
                                r.hits[h].score *= ToneWeights.beforeContrast
                            }
                            contrastSeen = true
                            voice = -1
                            negatedUntil = -1
                            clause += 1
                            r.clause[t] = clause
                            skip = length - 1
                            continue
                        }
                        if marker.contains(.clause) {
                            clause += 1
                            r.clause[t] = clause
                            voice = -1
                            negatedUntil = -1
                            skip = length - 1
                            continue
                        }
                        if marker.contains(.forWhom) {
                            // "un fiasco pour X": the polar noun just before is aimed at the entities that follow.
                            if r.hits.count > first, !r.hits[r.hits.count - 1].targeted {
                                let h = r.hits.count - 1
                                if t - Int(r.hits[h].token) <= 2 && r.hits[h].clause == clause {
                                    let found = entities(in: forwardScope(text, tokens, from: t + 1, to: range.upperBound, quoted: insideMarks), entityAt, except: r.hits[h].voice)
                                    if !found.isEmpty {
                                        r.hits[h].targeted = true
                                        for e in found { r.targets.append((e, Int32(si), r.hits[h].score)) }
                                    }
                                }
                            }
                            continue
                        }
                        if marker.contains(.although) {
                            conceding = true
                            clause += 1
                            r.clause[t] = clause
                            skip = length - 1
                            continue
                        }
                        if marker.contains(.ne) {
                            if let end = secondParticle(keys, after: j) { negatedUntil = max(negatedUntil, end + ToneWeights.negationWindow) }
                            continue
                        }
                    }
                    if flags.contains(.negation), let (length, _) = lexicon.negations.match(keys, at: j) {
                        negatedUntil = max(negatedUntil, j + length - 1 + ToneWeights.negationWindow)
                        skip = length - 1
                        continue
                    }
                    if flags.contains(.intensifier), let (length, f) = lexicon.intensifiers.match(keys, at: j) {
                        factor = (factorLeft > 0 ? factor : 1) * f
                        factorLeft = ToneWeights.intensifierWindow
                        skip = length - 1
                        continue
                    }
                    // The longest phrase cue, else a prefix cue.
                    var cue = flags.contains(.cue) ? lexicon.cues.match(keys, at: j) : nil
                    if cue == nil, let c = flags.isEmpty ? prefixCue : lexicon.prefixCue(word, &scratch) { cue = (1, c) }
                    if let (length, c) = cue {
                        if c.kind == .voice {
                            if lastEntity >= 0 { voice = lastEntity }
                            // A feeling caused by someone ("déçue par l'Europe", "outraged by X's remarks"): the cause
                            // named after the agent marker is judged with the feeling's polarity.
                            if j + length < keys.count, lexicon.markers.word(keys[j + length])?.contains(.agent) == true,
                               var score = lexicon.polarity[keys[j + length - 1]], score != 0 {
                                if j <= negatedUntil { score *= score > 0 ? ToneWeights.negatedPositive : ToneWeights.negatedNegative }
                                let causes = entities(in: forwardScope(text, tokens, from: t + length + 1, to: range.upperBound, quoted: insideMarks),
                                                      entityAt, except: voice)
                                for e in causes { r.targets.append((e, Int32(si), score)) }
                            }
                            skip = length - 1
                            continue
                        }
                        if c.kind == .victim {
                            if let e = nearestEntity(entityAt, t, in: range, clause: r.clause, person: isPerson) { r.victims.insert(Int64(si) << 32 | Int64(e)) }
                            skip = length - 1
                            continue
                        }
                    }
                    if flags.contains(.speechVerb) && !isPassive(keys, at: j) {
                        if followsQuote(text, tokens, t, from: range.lowerBound) {
                            // « … », critique X: the subject comes after the verb.
                            voice = -1
                            var u = t + 1
                            while u < range.upperBound && u <= t + 4 {
                                if entityAt[u] >= 0 { voice = entityAt[u]; break }
                                u += 1
                            }
                            // The quoted words before the incise are the speaker's (all of them when the quote
                            // opened in an earlier sentence: an odd number of marks so far).
                            if marks % 2 == 1 { markedHits = Array(first..<r.hits.count) }
                            for h in markedHits where r.hits[h].voice < 0 && r.hits[h].quote < 0 { r.hits[h].voice = voice }
                        } else {
                            voice = lastEntity
                        }
                    }
                    if let (length, c) = cue {
                        // A judgement aimed at someone: its scope names the target.
                        let agent = j + length < keys.count && lexicon.markers.word(keys[j + length])?.contains(.agent) == true
                        let backward = c.subject || (!c.fixed && (isPassive(keys, at: j) || agent))
                        var scope: Range<Int>
                        if backward {
                            scope = range.lowerBound..<t
                            var u = t - 1
                            while u >= range.lowerBound && r.clause[u] == clause { u -= 1 }
                            if entities(in: (u + 1)..<t, entityAt, except: -1).isEmpty {
                                // The subject before an apposition set off by commas ("L'idée, portée par X alors
                                // président, a été saluée"): the sentence's first clause, not the nearest name.
                                var v = range.lowerBound
                                while v < t && r.clause[v] == r.clause[range.lowerBound] { v += 1 }
                                scope = range.lowerBound..<v
                            } else {
                                scope = (u + 1)..<t
                            }
                        } else if followsQuote(text, tokens, t, from: range.lowerBound) {
                            scope = quotedScope(text, tokens, before: t)
                        } else {
                            scope = forwardScope(text, tokens, from: t + length, to: range.upperBound, quoted: insideMarks,
                                                 keys: keys, base: range.lowerBound, entityAt: entityAt)
                        }
                        var found = entities(in: scope, entityAt, except: voice)
                        if backward, let nearest = found.last { found = [nearest] }
                        if backward, found.isEmpty, r.clause[range.lowerBound] == clause {
                            // A fronted phrase ("Sous le feu des critiques, X a …", "Critiqué par ses pairs, X …"):
                            // what it says is undergone by the subject of the main clause, named after its comma.
                            found = frontedSubject(text, tokens, after: t + length, to: range.upperBound, entityAt, except: voice)
                        }
                        var score = c.score
                        if factorLeft > 0 { score *= factor; factorLeft = 0; factor = 1 }
                        if j <= negatedUntil { score *= score > 0 ? ToneWeights.negatedPositive : ToneWeights.negatedNegative }
                        if conceding { score *= ToneWeights.concession }
                        if contrastSeen { score *= ToneWeights.afterContrast }
                        if s.isHeading { score *= ToneWeights.heading }
                        r.words += 1
                        // The agent of a passive judgement ("critiqué par X", "criticised by X") is its judge: the
                        // judgement is X's voice, not a word said of X.
                        var judge = voice
                        if agent, judge < 0 {
                            judge = entities(in: forwardScope(text, tokens, from: t + length + 1, to: range.upperBound, quoted: insideMarks),
                                             entityAt, except: -1).first ?? -1
                        }
                        var hit = PolarHit(token: Int32(t), sentence: Int32(si), span: Span(tok.span.start, tokens[t + length - 1].span.end),
                                           score: score, quote: -1, voice: judge, clause: clause)
                        while quotePointer < quotes.count && quotes[quotePointer].element.span.end <= tok.span.start { quotePointer += 1 }
                        if quotePointer < quotes.count, quotes[quotePointer].element.span.start <= tok.span.start { hit.quote = Int32(quotes[quotePointer].offset) }
                        // A passive judgement whose subject is not named (a pronoun) falls back to distance.
                        hit.targeted = !(backward && found.isEmpty)
                        for e in found { r.targets.append((e, Int32(si), score)) }
                        if insideMarks { markedHits.append(r.hits.count) }
                        r.hits.append(hit)
                        skip = length - 1
                        continue
                    }
                    guard !flags.contains(.stopword) else { continue }
                    r.words += 1
                    guard entityAt[t] < 0, flags.contains(.polar), var score = lexicon.polarity[key] else { continue }
                    if factorLeft > 0 {
                        score *= factor
                        factorLeft = 0
                        factor = 1
                    }
                    if j <= negatedUntil {
                        score *= score > 0 ? ToneWeights.negatedPositive : ToneWeights.negatedNegative
                    }
                    if conceding { score *= ToneWeights.concession }
                    if contrastSeen { score *= ToneWeights.afterContrast }
                    if s.isHeading { score *= ToneWeights.heading }
                    // The quote holding the word, and whose voice it is.
                    while quotePointer < quotes.count && quotes[quotePointer].element.span.end <= tok.span.start { quotePointer += 1 }
                    var quote: Int32 = -1
                    var speaker = voice
                    if quotePointer < quotes.count, quotes[quotePointer].element.span.start <= tok.span.start {
                        let q = quotes[quotePointer]
                        quote = Int32(q.offset)
                        speaker = speakers[q.offset]
                    }
                    if insideMarks { markedHits.append(r.hits.count) }
                    var hit = PolarHit(token: Int32(t), sentence: Int32(si), span: tok.span, score: score,
                                       quote: quote, voice: speaker, clause: clause)
                    // A polar word right after a name ("un Donald Trump imprévisible et criblé de …") describes it;
                    // so does the next one joined by "et"/"and" or a comma.
                    if !flags.contains(.speechVerb), t > range.lowerBound {
                        var described: Int32 = -1
                        if entityAt[t - 1] >= 0 && entityAt[t - 1] != speaker {
                            described = entityAt[t - 1]
                        } else if t - 2 >= range.lowerBound, lexicon.markers.word(keys[j - 1])?.contains(.and) == true || keys[j - 1] == 0,
                                  let last = r.hits.last, r.hits.count > first, Int(last.token) == t - 2,
                                  let previous = describedBy.last, previous.hit == r.hits.count - 1 {
                            described = previous.entity
                        }
                        if described >= 0 {
                            hit.targeted = true
                            r.targets.append((described, Int32(si), score))
                            describedBy.append((r.hits.count, described))
                        }
                    }
                    r.hits.append(hit)
                }
            }
        }
        return r
    }

    /// The document's tone from the words read.
    func tone(of r: ToneReading) -> Tone {
        var positive = 0.0, negative = 0.0
        var pos = 0, neg = 0
        var evidence: [PolarWord] = []
        evidence.reserveCapacity(r.hits.count)
        for h in r.hits {
            let s = h.score * (h.quote >= 0 ? ToneWeights.quotedForTone : 1)
            if s > 0 { positive += s; pos += 1 } else if s < 0 { negative -= s; neg += 1 }
            // The word's weight after negation, intensity, contrast and heading can pass 1 (an intensified word
            // in a title): the report gives it within [-1, 1], as the lexicon scores are.
            evidence.append(PolarWord(span: h.span, score: (max(-1, min(1, s)) * 100).rounded() / 100))
        }
        let d = ToneWeights.toneDamping
        let over = negative - ToneWeights.negativeOver * positive, under = ToneWeights.positiveOver * positive - negative
        let score: Double
        if over > 0 {
            score = -over / (negative + ToneWeights.negativeOver * positive + d)
        } else if under > 0 {
            score = under / (ToneWeights.positiveOver * positive + negative + d)
        } else {
            score = 0.099 * (positive - negative) / (positive + negative + d)
        }
        return Tone(score: (score * 1000).rounded() / 1000, positive: pos, negative: neg, words: r.words, evidence: evidence)
    }

    /// The stance toward entity `k`: the polar words of the sentences that mention it, weighed by their distance
    /// to its mentions, with its own voice kept apart.
    func stance(toward k: Int, in d: Document, _ r: ToneReading) -> Stance {
        let e = d.entities[k]
        // Mentioning tokens, by sentence.
        var bySentence: [Int32: [Int]] = [:]
        for m in e.chain {
            let t = Self.firstToken(endingAfter: m.span.start, in: d.tokens)
            guard t < d.tokens.count else { continue }
            let s = d.tokens[t].sentence
            guard Int(s) < d.sentences.count, !d.sentences[Int(s)].boilerplate else { continue }
            bySentence[s, default: []].append(t)
        }
        guard !bySentence.isEmpty else { return Stance(score: 0, evidence: []) }
        if let model {
            var judged: [Int32: Double] = [:]
            for target in r.targets where target.entity == Int32(k) { judged[target.sentence, default: 0] += target.score * ToneWeights.target }
            return modelStance(model, e, bySentence.keys.sorted(), judged, d)
        }
        var bySentenceValue: [Int32: Double] = [:]
        var total = 0.0
        // In sentence order: a dictionary's order changes from one process to the next.
        for s in bySentence.keys.sorted() {
            let mentionTokens = bySentence[s]!
            var c = 0.0
            let victim = r.victims.contains(Int64(s) << 32 | Int64(k))
            for h in r.hits[r.hitsBySentence[Int(s)]] {
                var w: Double
                // Aimed at its targets (counted below): criticising or praising someone says nothing of the speaker.
                if h.targeted { continue }
                if victim && h.score < 0 && h.voice != Int32(k) { continue }
                if h.voice == Int32(k) {
                    w = ToneWeights.ownVoice
                } else {
                    // A word of a direct quote judges what the quote speaks of: an entity named only outside the
                    // quote, in the attribution around it ("…", a dit X, derrière Y), is not what it judges. (A
                    // partial quote is part of the author's sentence: "le « trou noir » du quinquennat de Y".)
                    if h.quote >= 0, d.quotes[Int(h.quote)].kind == .direct {
                        let q = d.quotes[Int(h.quote)].span
                        if !mentionTokens.contains(where: { q.start <= d.tokens[$0].span.start && d.tokens[$0].span.start < q.end }) { continue }
                    }
                    let p = r.wordPosition[Int(h.token)]
                    var nearest = Int32.max, nearestToken = mentionTokens[0]
                    for t in mentionTokens {
                        let dist = abs(r.wordPosition[t] - p)
                        if dist < nearest { nearest = dist; nearestToken = t }
                    }
                    w = 1 / (1 + Double(nearest) / ToneWeights.distanceDecay)
                    if r.clause[nearestToken] != h.clause { w *= ToneWeights.otherClause }
                    // Another entity named closer to the word takes most of it.
                    let closest = closestMention(to: h, in: r)
                    if closest < nearest { w *= (1 + Double(closest) / ToneWeights.distanceDecay) / (1 + Double(nearest) / ToneWeights.distanceDecay) }
                }
                c += h.score * w
            }
            total += c
            if c != 0 { bySentenceValue[s, default: 0] += c }
        }
        for target in r.targets where target.entity == Int32(k) {
            let v = target.score * ToneWeights.target
            total += v
            bySentenceValue[target.sentence, default: 0] += v
        }
        let contributions = bySentenceValue.map { (sentence: $0.key, value: $0.value) }.sorted { $0.sentence < $1.sentence }
        let n = Double(bySentence.count)
        let raw = total / (n + ToneWeights.stanceDamping)
        let score = max(-1, min(1, raw * ToneWeights.stanceScale))
        let label = Polarity(score: score)
        let direction: Double = label == .negative ? -1 : (label == .positive ? 1 : 0)
        let ranked = contributions
            .filter { direction == 0 || $0.value * direction > 0 }
            .sorted {
                let a = direction == 0 ? abs($0.value) : $0.value * direction
                let b = direction == 0 ? abs($1.value) : $1.value * direction
                return a != b ? a > b : $0.sentence < $1.sentence
            }
        return Stance(score: (score * 1000).rounded() / 1000, evidence: ranked.prefix(5).map(\.sentence))
    }
}

extension Entity {
    /// Every span that names or refers to the entity: its mentions, its role nouns, and the coreference layer's
    /// references (descriptions, pronouns), in that order.
    var chain: [Mention] {
        mentions + roles + references.map { Mention(span: $0.span, sentence: $0.sentence) }
    }
}

extension ToneScorer {
    /// The stance toward `e` read by the learned model: in each sentence of `sentences`, the target is the first
    /// span of its chain there; a judgement the stance cues aim at it there (`judged`, by sentence: "took aim at X",
    /// "paid tribute to X", phrases the model's one-word features do not see) is added to the model's score; the
    /// stance is the mean of the sentence scores, the evidence the sentences that agree with it, strongest first.
    func modelStance(_ model: StanceModel, _ e: Entity, _ sentences: [Int32], _ judged: [Int32: Double], _ d: Document) -> Stance {
        var first: [Int32: Span] = [:]
        for m in e.chain where Int(m.sentence) < d.sentences.count {
            if let f = first[m.sentence], f.start <= m.span.start { continue }
            first[m.sentence] = m.span
        }
        var scores: [(sentence: Int32, value: Double)] = []
        d.utf8.withUnsafeBytes { text in
            for s in sentences {
                guard let span = first[s] else { continue }
                let sentence = d.sentences[Int(s)].span
                let bytes = UnsafeRawBufferPointer(rebasing: text[Int(sentence.start)..<Int(sentence.end)])
                let target = Int(span.start - sentence.start)..<Int(span.end - sentence.start)
                scores.append((s, max(-1, min(1, model.score(bytes, target: target) + (judged[s] ?? 0)))))
            }
        }
        guard !scores.isEmpty else { return Stance(score: 0, evidence: []) }
        let score = max(-1, min(1, scores.reduce(0) { $0 + $1.value } / Double(scores.count)))
        let label = Polarity(score: score)
        let direction: Double = label == .negative ? -1 : (label == .positive ? 1 : 0)
        let ranked = scores.filter { direction == 0 || $0.value * direction > 0 }
            .sorted {
                let a = direction == 0 ? abs($0.value) : $0.value * direction
                let b = direction == 0 ? abs($1.value) : $1.value * direction
                return a != b ? a > b : $0.sentence < $1.sentence
            }
        return Stance(score: (score * 1000).rounded() / 1000, evidence: ranked.prefix(5).map(\.sentence))
    }
}

private extension ToneScorer {
    /// The tokens after a cue up to the end of its clause: the next , : ; ( ) or dash outside quote marks opened
    /// after the cue, or the end of the sentence. A list runs on over its commas when a coordinating word
    /// (`and` markers: "et", "and") ends it within the next items ("contre les syndicats, la presse et Disney"):
    /// the scope then ends with the first entity named after that word, or `listTail` tokens after it.
    func forwardScope(_ text: UnsafeRawBufferPointer, _ tokens: [Token], from start: Int, to end: Int, quoted: Bool = false,
                      keys: [UInt64] = [], base: Int = 0, entityAt: [Int32] = []) -> Range<Int> {
        var u = start
        var open = false
        var tail = -1
        while u < end {
            let tok = tokens[u]
            if tail >= 0 {
                if (!entityAt.isEmpty && entityAt[u] >= 0 && (u + 1 >= end || entityAt[u + 1] != entityAt[u])) || u - tail >= ToneWeights.listTail {
                    u += 1
                    break
                }
            }
            // A contrast, a concession or a clause with its own subject ("même si elle …", "alors que …") ends
            // the judgement's object.
            if !open, tok.kind == .word, u - base >= 0, u - base < keys.count,
               let (_, m) = lexicon.markers.match(keys, at: u - base), !m.isDisjoint(with: [.but, .although, .clause]) {
                break
            }
            if tok.kind == .punctuation {
                let mark = quoteMark(text, tok.span)
                // A cue inside a quote reaches no further than the quote.
                if !open && quoted && (mark == -1 || mark == 2) { break }
                if mark == 1 || (mark == 2 && !open) { open = true } else if mark == -1 || mark == 2 { open = false }
                let b = text[Int(tok.span.start)]
                if isStrong(text, tok.span) { break }
                if !open && isClauseBreak(text, tok.span) {
                    guard tail < 0, b == 0x2C, let and = listEnd(text, tokens, after: u, to: end, keys: keys, base: base) else { break }
                    tail = and
                    u = and + 1
                    continue
                }
            }
            u += 1
        }
        return min(start, u)..<u
    }

    /// After a comma at `u`: the coordinating word that closes the list it continues, when one comes before the
    /// next strong punctuation and every item before it is short (at most `listItem` tokens between commas).
    func listEnd(_ text: UnsafeRawBufferPointer, _ tokens: [Token], after u: Int, to end: Int, keys: [UInt64], base: Int) -> Int? {
        guard !keys.isEmpty else { return nil }
        var v = u + 1
        var item = 0
        while v < end, v - base < keys.count {
            let key = keys[v - base]
            if key == 0 {
                if tokens[v].kind == .punctuation {
                    if text[Int(tokens[v].span.start)] == 0x2C && item > 0 { item = 0; v += 1; continue }
                    return nil
                }
            } else if let m = lexicon.markers.word(key), m.contains(.and) {
                return item > 0 ? v : nil
            }
            item += 1
            if item > ToneWeights.listItem { return nil }
            v += 1
        }
        return nil
    }

    /// The words of the quote that closes just before an incise verb at `t` (« … », dénonce X), reaching back
    /// into earlier sentences when the quote opened there (at most 300 tokens).
    func quotedScope(_ text: UnsafeRawBufferPointer, _ tokens: [Token], before t: Int) -> Range<Int> {
        var u = t - 1
        while u >= 0 && u >= t - 5 {
            if tokens[u].kind == .punctuation, quoteMark(text, tokens[u].span) != 0 { break }
            u -= 1
        }
        guard u >= 0, u >= t - 5 else { return t..<t }
        let close = u
        u -= 1
        while u >= 0 && u >= close - 300 {
            if tokens[u].kind == .punctuation {
                let mark = quoteMark(text, tokens[u].span)
                if mark == 1 || mark == 2 { return (u + 1)..<close }
            }
            u -= 1
        }
        return close..<close
    }

    /// A social-media handle that spells the name of a person of the document ("@janedoe", "@Jane_Doe" for Jane
    /// Doe) names that person for the stance ("Tout mon soutien à @janedoe"); the entity layer keeps handles out
    /// of its mentions. Letters and digits compared after folding; only for documents that hold handles.
    func handles(_ d: Document, _ entityAt: inout [Int32]) {
        guard d.tokens.contains(where: { $0.kind == .mention }) else { return }
        // The hash of the letters and digits of a folded name, in order.
        func letters(_ folded: String) -> UInt64 {
            var h = FoldHash.seed
            for c in folded.unicodeScalars where c.properties.isAlphabetic || ("0"..."9").contains(c) {
                for b in String(c).utf8 { h = (h ^ UInt64(b)) &* FoldHash.prime }
            }
            return h
        }
        var byLetters = WordTable<Int32>()
        for (k, e) in d.entities.enumerated() where e.type == .person && e.name.contains(" ") {
            let key = letters(Folding.fold(e.name))
            // Two people whose names spell the same letters: the handle is nobody's.
            byLetters[key] = byLetters[key] == nil ? Int32(k) : -1
        }
        guard byLetters.count > 0 else { return }
        d.utf8.withUnsafeBytes { text in
            for (t, tok) in d.tokens.enumerated() where tok.kind == .mention && entityAt[t] < 0 {
                let handle = letters(Folding.fold(UnsafeRawBufferPointer(rebasing: text[Int(tok.span.start)..<Int(tok.span.end)])))
                if let k = byLetters[handle], k >= 0 { entityAt[t] = k }
            }
        }
    }

    /// For each quote of the document, the index of the entity that speaks it, or -1.
    func quoteSpeakers(_ d: Document) -> [Int32] {
        guard d.quotes.contains(where: { $0.speaker?.entity != nil }) else { return [Int32](repeating: -1, count: d.quotes.count) }
        // Entities by the hash of their id; the id is compared on a hit.
        var byID = WordTable<Int32>(capacity: d.entities.count)
        for (k, e) in d.entities.enumerated() { byID[FoldHash.hash(folded: e.id)] = Int32(k) }
        return d.quotes.map { q in
            guard let id = q.speaker?.entity, let k = byID[FoldHash.hash(folded: id)], d.entities[Int(k)].id == id else { return -1 }
            return k
        }
    }

    /// The distinct entities named in `scope`, in order, but `except`.
    /// The entity that opens the main clause after a fronted phrase: the first one named after the comma that ends
    /// the phrase, within `frontedReach` tokens of it (a date or place in between: "…, le 18 juillet, X a …").
    func frontedSubject(_ text: UnsafeRawBufferPointer, _ tokens: [Token], after start: Int, to end: Int, _ entityAt: [Int32], except: Int32) -> [Int32] {
        var u = start
        while u < end, !(tokens[u].kind == .punctuation && text[Int(tokens[u].span.start)] == 0x2C) {
            if tokens[u].kind == .punctuation, isStrong(text, tokens[u].span) || text[Int(tokens[u].span.start)] == 0x3A { return [] }
            u += 1
        }
        var v = u + 1
        while v < end && v <= u + ToneWeights.frontedReach {
            if tokens[v].kind == .punctuation, isStrong(text, tokens[v].span) || text[Int(tokens[v].span.start)] == 0x3A { return [] }
            if entityAt[v] >= 0 && entityAt[v] != except { return [entityAt[v]] }
            v += 1
        }
        return []
    }

    /// A mark that ends a clause for good: ; . ! ?
    func isStrong(_ text: UnsafeRawBufferPointer, _ span: Span) -> Bool {
        let b = text[Int(span.start)]
        return b == 0x3B || b == 0x2E || b == 0x21 || b == 0x3F
    }

    func entities(in scope: Range<Int>, _ entityAt: [Int32], except: Int32) -> [Int32] {
        var out: [Int32] = []
        for u in scope where entityAt[u] >= 0 && entityAt[u] != except && !out.contains(entityAt[u]) { out.append(entityAt[u]) }
        return out
    }

    /// The victim named next to token `t`: the first person named in the 10 tokens after it, else the entity named
    /// nearest within 6 tokens (before it only in the same clause).
    func nearestEntity(_ entityAt: [Int32], _ t: Int, in range: Range<Int>, clause: [Int32], person: [Bool]) -> Int32? {
        var u = t + 1
        while u < range.upperBound && u <= t + 10 {
            if entityAt[u] >= 0 && person[Int(entityAt[u])] { return entityAt[u] }
            u += 1
        }
        for d in 1...6 {
            if t - d >= range.lowerBound, entityAt[t - d] >= 0, clause[t - d] == clause[t] { return entityAt[t - d] }
            if t + d < range.upperBound, entityAt[t + d] >= 0 { return entityAt[t + d] }
        }
        return nil
    }

    /// The distance in words from a polar word to the closest entity mention of its sentence (any entity).
    func closestMention(to h: PolarHit, in r: ToneReading) -> Int32 {
        let p = r.wordPosition[Int(h.token)]
        var best = Int32.max
        for m in r.mentionsBySentence[Int(h.sentence)] { best = min(best, abs(m - p)) }
        return best
    }

    /// After "ne" at `j`: the index of the particle that closes the negation ("pas", "jamais", "plus" …), or nil
    /// when none follows in the clause or when "que" comes first ("ne … que" restricts). A particle just before
    /// "ne" ("personne n'a", "rien ne") also closes it.
    func secondParticle(_ keys: [UInt64], after j: Int) -> Int? {
        var i = j + 1
        while i < keys.count && i <= j + 6 {
            if keys[i] == 0 { break }
            if let m = lexicon.markers.word(keys[i]) {
                if m.contains(.restrictive) { return nil }
                if m.contains(.particle) { return i }
            }
            i += 1
        }
        for back in 1...2 where j - back >= 0 {
            if let m = lexicon.markers.word(keys[j - back]), m.contains(.particle) { return j }
        }
        return nil
    }

    /// A verb form after a passive auxiliary ("est critiqué", "was criticised") — but not a reflexive one
    /// ("s'est moqué").
    func isPassive(_ keys: [UInt64], at j: Int) -> Bool {
        for back in 1...2 where j - back >= 0 {
            guard let m = lexicon.markers.word(keys[j - back]), m.contains(.passive) else { continue }
            let before = j - back - 1
            if before >= 0, let r = lexicon.markers.word(keys[before]), r.contains(.reflexive) { return false }
            return true
        }
        return false
    }

    /// A verb right after a closing quote mark and a comma or dash (an incise: « … », dit-il). A straight mark
    /// (") that leans to opening a quote of the verb itself (a "condamné" ces actes) makes no incise.
    func followsQuote(_ text: UnsafeRawBufferPointer, _ tokens: [Token], _ t: Int, from first: Int) -> Bool {
        var u = t - 1
        var words = 0
        while u >= first && u >= t - 4 {
            if tokens[u].kind == .punctuation {
                let mark = quoteMark(text, tokens[u].span)
                if mark == 2 {
                    // Straight: no incise when it leans to opening, as the quote layer reads it.
                    let bytes = UnsafeBufferPointer(start: text.baseAddress!.assumingMemoryBound(to: UInt8.self), count: text.count)
                    return !QuoteMarks.lean(bytes, at: Int(tokens[u].span.start), length: 1, within: 0, text.count).open
                }
                if mark != 0 { return mark != 1 }
            } else {
                // An auxiliary between the incise and the participle ("», a déclaré X").
                words += 1
                guard words == 1, tokens[u].kind == .word, tokens[u].span.length <= 5 else { return false }
            }
            u -= 1
        }
        return false
    }

    /// 1 for an opening quote mark (« “), -1 for a closing one (» ”), 2 for a straight one ("), 0 otherwise.
    func quoteMark(_ text: UnsafeRawBufferPointer, _ span: Span) -> Int {
        let b = text[Int(span.start)]
        if b == 0x22 { return 2 }
        if b == 0xC2, span.length >= 2 {
            let c = text[Int(span.start) + 1]
            return c == 0xAB ? 1 : (c == 0xBB ? -1 : 0)
        }
        if b == 0xE2, span.length >= 3, text[Int(span.start) + 1] == 0x80 {
            let c = text[Int(span.start) + 2]
            return c == 0x9C ? 1 : (c == 0x9D ? -1 : 0)
        }
        return 0
    }

    /// A punctuation token that ends a clause: , : ( ) [ ] and dashes.
    func isClauseBreak(_ text: UnsafeRawBufferPointer, _ span: Span) -> Bool {
        let b = text[Int(span.start)]
        if b == 0x2C || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x5B || b == 0x5D { return true }
        // — (E2 80 94), – (E2 80 93)
        if b == 0xE2, span.length >= 3, text[Int(span.start) + 1] == 0x80 {
            let c = text[Int(span.start) + 2]
            return c == 0x93 || c == 0x94
        }
        return false
    }
}

extension ToneScorer {
    /// The index of the first token that ends after `offset` (the token holding it, or the next one).
    /// - Complexity: O(log n).
    static func firstToken(endingAfter offset: Int32, in tokens: [Token]) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].span.end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

