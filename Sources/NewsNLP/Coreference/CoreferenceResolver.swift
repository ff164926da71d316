/// Finds every mention of the document's people and bodies and ties each to an entity, in one pass over the
/// text in reading order, keeping a salience score per entity (how much the passage is about it):
///
/// 1. Names come from the entity layer. A name is more salient as a subject (not after a preposition) and next
///    to a speech verb; salience halves at each sentence and falls further at a new paragraph.
/// 2. Role nouns tied to a name: an apposition after it ("Laurent Berger, secrétaire général de la CFDT,") or a
///    role phrase right before it ("le ministre de l'Intérieur Gérald Darmanin"). The role's head word is then
///    known to belong to that entity.
/// 3. Descriptions with a human head noun (`Lexicons/{fr,en}/roles`): a definite or demonstrative one refers back
///    to the most salient compatible person — the one the text tied to the same head word first, then by gender
///    and salience; "ce dernier"/"the latter" to the person mentioned last; an indefinite or possessive one, or
///    one whose complement names another person ("le porte-parole de X"), introduces someone new.
/// 4. Personal pronouns ("il", "-t-elle", "he", "selon lui") refer to the most salient person of their gender.
///
/// Gender comes from titles, tied roles, the entity lexicon and first names, and from the gendered references
/// that resolve to the entity; unknown stays nil.
struct CoreferenceResolver: Sendable {
    let language: Language
    let lex: CorefLexicon
    let words: QuoteLexicon
    let speakers: SpeakerLexicon

    static func load(_ language: Language, from lexicons: Lexicons) -> CoreferenceResolver {
        CoreferenceResolver(language: language, lex: CorefLexicon.load(language, from: lexicons),
                            words: QuoteLexicon.load(language, from: lexicons), speakers: SpeakerLexicon.load(from: lexicons))
    }

    func process(_ document: inout Document) {
        guard !document.tokens.isEmpty, !document.sentences.isEmpty else { return }
        let doc = document
        let result = doc.utf8.withUnsafeBufferPointer { text in
            var pass = CorefPass(text: text, document: doc, resolver: self)
            return pass.run()
        }
        document.coreference = result.index
        for (k, refs) in result.references.enumerated() where !refs.isEmpty {
            document.entities[k].references = refs
        }
        for (k, roles) in result.roles.enumerated() where !roles.isEmpty {
            var all = document.entities[k].roles
            for r in roles where !all.contains(where: { $0.span.overlaps(r.span) }) { all.append(r) }
            all.sort { $0.span < $1.span }
            document.entities[k].roles = all
        }
        for k in document.entities.indices where document.entities[k].type == .person {
            document.entities[k].gender = result.genders[k]
        }
    }
}

/// One document's coreference pass.
private struct CorefPass {
    let text: UnsafeBufferPointer<UInt8>
    let document: Document
    let tokens: [Token]
    let lex: CorefLexicon
    let words: QuoteLexicon
    let speakers: SpeakerLexicon
    let entities: [Entity]
    /// The `WordKey` of every token.
    let keys: [UInt64]
    /// For each token, the entity whose name covers it (-1 if none), and at the first token of a name, its end.
    var tokenEntity: [Int32]
    var nameEnd: [Int32]
    /// Tokens between quote marks: the speaker's words, whose pronouns are not the author's.
    let quoted: [Bool]

    // Discourse state.
    var salience: [Double]
    /// The entities whose salience counts now (mentioned lately, or topics): every choice looks at these only,
    /// so that a long document costs no scan of all its entities per sentence or per pronoun.
    var active: [Int] = []
    var isActive: [Bool]
    /// The people each head word was tied to ("ministre" → …), for a description whose person is not salient.
    var holders: [UInt64: [Int]] = [:]
    /// The offices the text gave each person as a title before the name ("Councilman Peter Hale"): "the mayor" is
    /// someone else. (Roles in appositions are not counted: the press varies them, "le chef du gouvernement" for
    /// the Prime Minister.)
    var offices: [Set<UInt64>]
    /// People named in the title or the lead: what the article is about keeps some salience throughout.
    var topic: [Bool]
    var lastMention: [Int]
    var heads: [Set<UInt64>]
    /// The organisations' name words of five letters or more, by their first five (`stemKey`), in entity order:
    /// built at the first group description that needs it.
    var stems: [UInt64: [(entity: Int, word: [Unicode.Scalar])]]?
    /// Organisations that their lexicon row describes with a noun for a kind of organisation ("quotidien",
    /// "agence"): a newspaper or an agency reports, it is not the group a description of people means.
    var medium: [Bool]
    var genderVotes: [(m: Double, f: Double)]

    // Results.
    var mentions: [Coreference.Mention] = []
    var references: [[Reference]]
    var roles: [[Mention]]
    var topPerson: [Int32] = []

    typealias W = QuoteLexicon.WordClass

    init(text: UnsafeBufferPointer<UInt8>, document: Document, resolver: CoreferenceResolver) {
        self.text = text
        self.document = document
        self.tokens = document.tokens
        self.lex = resolver.lex
        self.words = resolver.words
        self.speakers = resolver.speakers
        self.entities = document.entities
        var keys = [UInt64](repeating: 0, count: tokens.count)
        for (i, t) in tokens.enumerated() { keys[i] = WordKey.of(text, Int(t.span.start), Int(t.span.end)) }
        self.keys = keys
        tokenEntity = [Int32](repeating: -1, count: tokens.count)
        nameEnd = [Int32](repeating: -1, count: tokens.count)
        quoted = Self.quotedTokens(text, document)
        let n = entities.count
        salience = [Double](repeating: 0, count: n)
        isActive = [Bool](repeating: false, count: n)
        offices = [Set<UInt64>](repeating: [], count: n)
        topic = [Bool](repeating: false, count: n)
        lastMention = [Int](repeating: -1, count: n)
        heads = [Set<UInt64>](repeating: [], count: n)
        medium = [Bool](repeating: false, count: n)
        genderVotes = [(m: Double, f: Double)](repeating: (0, 0), count: n)
        references = [[Reference]](repeating: [], count: n)
        roles = [[Mention]](repeating: [], count: n)
        for (k, e) in entities.enumerated() {
            for m in e.mentions {
                var t = firstToken(atOrAfter: Int(m.span.start))
                let first = t
                while t < tokens.count && tokens[t].span.start < m.span.end {
                    tokenEntity[t] = Int32(k)
                    t += 1
                }
                if t > first { nameEnd[first] = Int32(t) }
            }
            if let g = e.gender { vote(k, g, 2) }
            // The lexicon's roles for this person ("secrétaire général de la CFDT") name their head words.
            if let i = speakers.byKey[WordKey.of(e.name)], speakers.entries[i].type == e.type {
                for h in speakers.entries[i].roleHeads {
                    addHead(h, to: k)
                    // A newspaper, an agency, a channel: its row names it with a noun of kind `organisation`.
                    if e.type == .organisation, lex.roles[h]?.contains(where: { $0.kind == .organisation && $0.words.count == 1 }) == true {
                        medium[k] = true
                    }
                }
            }
        }
    }

    /// Which tokens stand between paired quote marks (the pairing the quote layer uses, paragraph by paragraph).
    static func quotedTokens(_ text: UnsafeBufferPointer<UInt8>, _ document: Document) -> [Bool] {
        var out = [Bool](repeating: false, count: document.tokens.count)
        let sentences = document.sentences
        let paragraphs = QuoteReader.paragraphs(of: sentences)
        let marked = QuoteMarks.scan(text, paragraphs: paragraphs, sentenceStart: { offset in
            Int(sentences[QuoteReader.sentenceIndex(sentences, offset)].span.start)
        })
        let tokens = document.tokens
        for m in marked {
            var lo = 0, hi = tokens.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if tokens[mid].span.start >= m.content.start { hi = mid } else { lo = mid + 1 }
            }
            var t = lo
            while t < tokens.count && tokens[t].span.end <= m.content.end { out[t] = true; t += 1 }
        }
        return out
    }

    /// The first token that starts at or after `offset`.
    func firstToken(atOrAfter offset: Int) -> Int {
        var lo = 0, hi = tokens.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if Int(tokens[mid].span.start) >= offset { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// The first sentence after the title: the lead.
    var firstBodySentence: Int {
        document.sentences.firstIndex { !$0.isHeading && !$0.boilerplate } ?? 0
    }

    mutating func run() -> (index: Coreference, references: [[Reference]], roles: [[Mention]], genders: [Character?]) {
        var previousParagraph: Int32 = -1
        for (s, sentence) in document.sentences.enumerated() {
            // Salience fades from one sentence to the next, faster across paragraphs.
            let decay = sentence.paragraph != previousParagraph ? 0.4 : 0.5
            previousParagraph = sentence.paragraph
            var kept = 0
            for k in active {
                salience[k] = max(salience[k] * decay, topic[k] ? Weight.topicFloor : 0)
                if salience[k] >= 0.05 || topic[k] { active[kept] = k; kept += 1 } else { salience[k] = 0; isActive[k] = false }
            }
            active.removeLast(active.count - kept)
            topPerson.append(mostSalientPerson())
            if sentence.boilerplate && !sentence.isByline { continue }
            read(sentence: s, heading: sentence.isHeading)
        }
        var index = Coreference()
        index.mentions = mentions
        index.topPerson = topPerson
        index.tokenKeys = keys
        var genders: [Character?] = []
        for k in entities.indices {
            let v = genderVotes[k]
            genders.append(v.m > v.f ? "m" : (v.f > v.m ? "f" : nil))
        }
        return (index, references, roles, genders)
    }

    func mostSalientPerson() -> Int32 {
        var best: Int32 = -1, score = 1.0
        for k in active where entities[k].type == .person && salience[k] > score {
            best = Int32(k); score = salience[k]
        }
        return best
    }

    // MARK: - Reading a sentence

    mutating func read(sentence s: Int, heading: Bool) {
        let range = Int(document.sentences[s].tokens.lowerBound)..<Int(document.sentences[s].tokens.upperBound)
        var t = range.lowerBound
        let end = range.upperBound
        while t < end {
            if nameEnd[t] >= 0 {
                let e = Int(tokenEntity[t])
                let stop = min(Int(nameEnd[t]), end)
                name(e, t, stop, sentence: s, first: range.lowerBound, end: end, heading: heading)
                t = stop
                // An apposition after a person's name: "Laurent Berger, secrétaire général de la CFDT,".
                if entities[e].type == .person, t + 1 < end, isPunct(t, 0x2C) || isPunct(t, 0x28),
                   let d = description(at: t + 1, end: end, apposition: true), !d.relational {
                    tie(d, to: e, sentence: s)
                    t = d.end
                    // "X, the council chair, said": the speech verb after the apposition.
                    if t < end, isPunct(t, 0x2C) || isPunct(t, 0x29), nearSpeechVerb(t, t + 1, first: range.lowerBound, end: end) {
                        raise(e, Weight.recency + Weight.subject + Weight.speaker)
                    }
                }
                continue
            }
            if var d = description(at: t, end: end, apposition: false) {
                // A role phrase right before a person's name: "le ministre de l'Intérieur Gérald Darmanin", also
                // with adjectives and complements the phrase did not take ("le ministre grec de la Protection
                // civile Michalis Chrysohoidis").
                if d.kind != .group, !d.relational, let n = nameAhead(from: d.end, end: end) {
                    d.end = n
                    tie(d, to: Int(tokenEntity[n]), sentence: s)
                } else if d.kind != .group, !d.relational, d.end + 1 < end, isPunct(d.end, 0x2C), nameEnd[d.end + 1] >= 0,
                          !(d.start > range.lowerBound && has(d.start - 1, [.preposition, .attribution, .opinion])),
                          entities[Int(tokenEntity[d.end + 1])].type == .person {
                    // "Son opposant, Thomas Girard, a dénoncé …": the name in apposition is who the phrase means.
                    tie(d, to: Int(tokenEntity[d.end + 1]), sentence: s)
                } else {
                    describe(d, sentence: s, first: range.lowerBound, end: end)
                }
                // The names inside the phrase's complements are mentions too ("les élus de La France insoumise").
                for k in d.start..<d.end where nameEnd[k] >= 0 {
                    let e = Int(tokenEntity[k])
                    if entities[e].type == .organisation {
                        name(e, k, min(Int(nameEnd[k]), d.end), sentence: s, first: range.lowerBound, end: end, heading: heading)
                        // A group of its members in the subject's place: the organisation acts ("les élus de X ont …").
                        if d.kind == .group || d.kind == .affiliation { raise(e, role(d.start, d.end, first: range.lowerBound, end: end)) }
                    }
                }
                t = d.end
                continue
            }
            if tokens[t].kind == .word, !quoted[t], let p = lex.word(keys[t], .subject), !impersonal(after: t, end: end) {
                pronoun(t, gender: p.gender, sentence: s, first: range.lowerBound, end: end)
            } else if tokens[t].kind == .word, !quoted[t], lex.word(keys[t], .plural) != nil, !impersonal(after: t, end: end) {
                group(t, sentence: s, first: range.lowerBound, end: end)
            } else if tokens[t].kind == .word, !quoted[t], let p = lex.word(keys[t], .strong), t > range.lowerBound,
                      has(t - 1, [.attribution, .opinion]) || (t - 2 >= range.lowerBound && has(t - 2, .attribution)) {
                // "selon lui", "according to her".
                pronoun(t, gender: p.gender, sentence: s, first: range.lowerBound, end: end)
            }
            t += 1
        }
    }

    /// A name of entity `e` at tokens [a, b).
    mutating func name(_ e: Int, _ a: Int, _ b: Int, sentence s: Int, first: Int, end: Int, heading: Bool) {
        let entity = entities[e]
        let human = entity.type == .person || entity.type == .organisation
        // A courtesy title before the name, or as its first word, shows the gender.
        if entity.type == .person {
            if a - 1 >= first, let g = lex.titles[keys[a - 1]], let g { vote(e, g, 3) }
            else if let g = lex.titles[keys[a]], let g { vote(e, g, 3) }
            // A title that is also a role ("Governor Tom Ainsley", "Sénateur X"): "the governor" is them later.
            for t in [a - 1, a] where t >= first && lex.roles[keys[t]] != nil && isCapitalised(t) {
                addHead(keys[t], to: e)
                offices[e].insert(keys[t])
            }
        }
        add(Coreference.Mention(span: span(a, b), sentence: Int32(s), tokens: Int32(a)..<Int32(b), kind: .name, entity: Int32(e),
                                human: human, gender: nil, isNew: false))
        guard human else { return }
        var weight = heading ? Weight.heading : Weight.recency + role(a, b, first: first, end: end)
        if quoted[a] { weight = Weight.quoted }
        else if nearSpeechVerb(a, b, first: first, end: end) { weight += Weight.speaker }
        raise(e, weight)
        lastMention[e] = a
        if heading || s <= firstBodySentence { topic[e] = true }
    }

    /// A role phrase tied to entity `e` by its place next to the name.
    mutating func tie(_ d: Description, to e: Int, sentence s: Int) {
        // An apposition chain: "le modérateur d'un soir, l'homme d'affaires David Sacks" — the description just
        // before, separated by a comma, names the same person.
        if let k = mentions.indices.last, mentions[k].kind == .description, !mentions[k].isNew,
           Int(mentions[k].tokens.upperBound) + 1 == d.start, isPunct(d.start - 1, 0x2C), Int(mentions[k].entity) != e {
            let old = Int(mentions[k].entity)
            if old >= 0 { references[old].removeAll { $0.span == mentions[k].span } }
            mentions[k].entity = Int32(e)
            references[e].append(Reference(span: mentions[k].span, sentence: mentions[k].sentence, kind: .description))
        }
        addHead(d.head, to: e)
        if let g = d.gender { vote(e, g, 2) }
        let sp = span(d.start, d.end)
        roles[e].append(Mention(span: sp, sentence: Int32(s)))
        references[e].append(Reference(span: sp, sentence: Int32(s), kind: .role))
        add(Coreference.Mention(span: sp, sentence: Int32(s), tokens: Int32(d.start)..<Int32(d.end), kind: .role, entity: Int32(e),
                                human: true, gender: d.gender, isNew: false))
    }

    /// A description that stands alone: resolved to the person it refers back to, or kept as someone new.
    mutating func describe(_ d: Description, sentence s: Int, first: Int, end: Int) {
        var target = -1
        if !d.isNew && !quoted[d.start] {
            if d.latter {
                target = lastPerson(gender: d.gender, before: d.start)
            } else if d.kind == .group || (d.kind == .affiliation && d.plural) {
                // "les élus de X": the organisation its complement names; "les Insoumis", "les socialistes": the
                // party named with the same word; "le parti", "les députés": the organisation the passage is about,
                // if one was just named.
                target = entitiesNamed(in: d.start, d.end).filter { entities[$0].type == .organisation }.min() ?? -1
                if target < 0 { target = organisation(sharingStemWith: d.headToken) }
                if target < 0 { target = salientOrganisation(threshold: Weight.recency, people: true) }
            } else if d.kind == .organisation {
                // "le quotidien", "l'agence": the organisation named in its complement, else the one described so.
                target = entitiesNamed(in: d.start, d.end).filter { entities[$0].type == .organisation }.min() ?? -1
                if target < 0 { target = organisation(describedBy: d.head) }
            } else {
                // "l'ancienne ministre de Nicolas Sarkozy": someone other than the person in the complement; "X a
                // apporté son soutien au député": someone other than a person named before it in its clause.
                var excluding = d.relational ? entitiesNamed(in: d.start, d.end) : []
                excluding.formUnion(peopleNamed(inClauseBefore: d.start, first: first))
                target = salientPerson(gender: d.gender, head: d.head, affiliation: d.kind == .affiliation ? d.head : nil,
                                       office: d.kind == .role, excluding: excluding)
            }
        }
        let sp = span(d.start, d.end)
        add(Coreference.Mention(span: sp, sentence: Int32(s), tokens: Int32(d.start)..<Int32(d.end), kind: .description,
                                entity: Int32(target), human: true, gender: d.gender, isNew: d.isNew || d.relational))
        guard target >= 0 else { return }
        references[target].append(Reference(span: sp, sentence: Int32(s), kind: .description))
        // The head word now names this person too: a later "le député" finds them however long the gap.
        if !d.latter { addHead(d.head, to: target) }
        if let g = d.gender { vote(target, g, 0.5) }
        var weight = Weight.recency + role(d.start, d.end, first: first, end: end)
        if nearSpeechVerb(d.start, d.end, first: first, end: end) { weight += Weight.speaker }
        raise(target, weight)
        lastMention[target] = d.start
    }

    mutating func pronoun(_ t: Int, gender: Character?, sentence s: Int, first: Int, end: Int) {
        let target = cataphor(t, gender: gender, end: end) ?? salientPerson(gender: gender, head: nil, affiliation: nil, threshold: 2)
        let sp = tokens[t].span
        add(Coreference.Mention(span: sp, sentence: Int32(s), tokens: Int32(t)..<Int32(t + 1), kind: .pronoun,
                                entity: Int32(target), human: true, gender: gender, isNew: false))
        guard target >= 0 else { return }
        references[target].append(Reference(span: sp, sentence: Int32(s), kind: .pronoun))
        if let g = gender { vote(target, g, 0.5) }
        var weight = Weight.recency + Weight.subject
        if nearSpeechVerb(t, t + 1, first: first, end: end) { weight += Weight.speaker }
        raise(target, weight)
        lastMention[target] = t
    }

    /// The first token of a person's name that the words from `t` lead to without a verb, a clause or a
    /// punctuation mark between (at most six words), if any.
    func nameAhead(from t: Int, end: Int) -> Int? {
        var k = t
        while k < end && k < t + 7 {
            if nameEnd[k] >= 0 { return entities[Int(tokenEntity[k])].type == .person ? k : nil }
            // A quotation opening on the name: « Son patron "Geoffroy Roux de Bézieux n'a pas cessé …" ».
            if isQuoteMark(k), k + 1 < end, nameEnd[k + 1] >= 0 { k += 1; continue }
            if tokens[k].kind != .word || speechVerb(k) { return nil }
            if has(k, [.auxiliary, .be, .negation, .reflexive, .clitic, .pronoun, .complementizer, .stop, .conjunction]) { return nil }
            if lex.word(keys[k], .subject) != nil { return nil }
            // Only a complement with "de" leads on to the name: "face à Donald Trump" is another person.
            if has(k, .preposition) && !has(k, .determiner) && !isComplementPreposition(k) { return nil }
            k += 1
        }
        return nil
    }

    /// A pronoun in a clause put before the main one ("En déplacement à Lesbos où il s'est dit ému, le président
    /// du Conseil européen Charles Michel a appelé …"): the person who is the subject after the comma.
    func cataphor(_ t: Int, gender: Character?, end: Int) -> Int? {
        var c = t + 1
        while c < end && !isPunct(c, 0x2C) {
            if tokens[c].kind == .punctuation && !isQuoteMark(c) { return nil }
            c += 1
        }
        guard c < end else { return nil }
        var k = c + 1
        if let d = description(at: k, end: end, apposition: false) { k = d.end }
        guard let n = nameAhead(from: k, end: end) else { return nil }
        let e = Int(tokenEntity[n])
        if let gender, let g = currentGender(e), g != gender { return nil }
        if let gender, currentGender(e) == nil, let first = firstNameGender(n), first != gender { return nil }
        return role(n, Int(nameEnd[n]), first: c + 1, end: end) == Weight.subject ? e : nil
    }

    /// The gender the entity layer gave the person whose name starts at `n`, before any vote.
    func firstNameGender(_ n: Int) -> Character? { entities[Int(tokenEntity[n])].gender }

    func isQuoteMark(_ t: Int) -> Bool {
        guard tokens[t].kind == .punctuation else { return false }
        switch text.scalar(at: Int(tokens[t].span.start)).0 {
        case "\"", "\u{AB}", "\u{BB}", "\u{201C}", "\u{201D}": return true
        default: return false
        }
    }

    /// The most salient organisation above `threshold`, or -1.
    /// `people`: for a description of people ("la majorité", "les élus"), which never means a newspaper, an
    /// agency or a channel (`medium`).
    func salientOrganisation(threshold: Double, people: Bool = false) -> Int {
        var target = -1, best = threshold
        for k in active where entities[k].type == .organisation && salience[k] > best && !(people && medium[k]) {
            target = k; best = salience[k]
        }
        return target
    }

    /// The organisation of the document that its lexicon row or the text already describes with head word `h`
    /// ("l'hebdomadaire" → the weekly whose row reads "hebdomadaire de droite", "le quotidien" → the daily), the
    /// most salient if several; -1 if none.
    func organisation(describedBy h: UInt64) -> Int {
        guard let list = holders[h] else { return -1 }
        var target = -1, best = -1.0
        for k in list where entities[k].type == .organisation && salience[k] > best { target = k; best = salience[k] }
        return target
    }

    /// The organisation of the document whose name has a word of the same stem as token `h` ("insoumis" and
    /// "La France insoumise", "socialistes" and "Parti socialiste"), or -1: a common prefix of at least five letters
    /// that leaves at most two letters of the shorter word.
    /// - Complexity: one lookup in `stems`, the organisations' name words of five letters or more by their first
    ///   five (built once per document), instead of a scan of every organisation per description.
    mutating func organisation(sharingStemWith h: Int) -> Int {
        guard h >= 0 && h < tokens.count else { return -1 }
        let word = Array(Folding.fold(document.utf8, tokens[h].span).unicodeScalars)
        guard word.count >= 5 else { return -1 }
        if stems == nil {
            var index: [UInt64: [(entity: Int, word: [Unicode.Scalar])]] = [:]
            for (k, e) in entities.enumerated() where e.type == .organisation {
                for part in Folding.fold(e.name).split(separator: " ") {
                    let w = Array(part.unicodeScalars)
                    if w.count >= 5 { index[Self.stemKey(w), default: []].append((k, w)) }
                }
            }
            stems = index
        }
        // Every word that shares five letters with `word` is under the same key, in the order of the entities.
        for (k, w) in stems?[Self.stemKey(word)] ?? [] {
            var common = 0
            while common < min(w.count, word.count) && w[common] == word[common] { common += 1 }
            if common >= 5 && common >= min(w.count, word.count) - 2 { return k }
        }
        return -1
    }

    /// The first five scalars of a folded word, packed (a key of `stems`).
    static func stemKey(_ w: [Unicode.Scalar]) -> UInt64 {
        w.prefix(5).reduce(FoldHash.seed) { FoldHash.combine($0, UInt64($1.value)) }
    }

    /// A plural pronoun ("ils", "-elles", "they"): the most salient organisation, if one stands out.
    mutating func group(_ t: Int, sentence s: Int, first: Int, end: Int) {
        let target = salientOrganisation(threshold: 20)
        let sp = tokens[t].span
        add(Coreference.Mention(span: sp, sentence: Int32(s), tokens: Int32(t)..<Int32(t + 1), kind: .pronoun,
                                entity: Int32(target), human: true, gender: nil, isNew: false))
        guard target >= 0 else { return }
        references[target].append(Reference(span: sp, sentence: Int32(s), kind: .pronoun))
        var weight = Weight.recency + Weight.subject
        if nearSpeechVerb(t, t + 1, first: first, end: end) { weight += Weight.speaker }
        raise(target, weight)
        lastMention[target] = t
    }

    // MARK: - Choosing the referent

    /// The most salient person compatible with a gender; one the text tied to the same head word is preferred
    /// and may be less salient.
    func salientPerson(gender: Character?, head: UInt64?, affiliation: UInt64?, office: Bool = false, threshold: Double = 8,
                       excluding: Set<Int> = []) -> Int {
        var best = -1, bestScore = 0.0
        var candidates = active
        if let head, let h = holders[head] { candidates += h.filter { !isActive[$0] } }
        for k in candidates where entities[k].type == .person && salience[k] > 0.5 && !excluding.contains(k) {
            let g = currentGender(k)
            if let gender, let g, gender != g { continue }
            var score = salience[k]
            if gender != nil && g == nil { score *= 0.7 }
            if let head, heads[k].contains(head) { score = score * 4 + 40 }
            else if office && !offices[k].isEmpty { continue }  // another office than the one the text gave them
            else if score < threshold { continue }
            if let affiliation, !affiliated(k, affiliation) && heads[k].isEmpty == false && !heads[k].contains(affiliation) { score *= 0.8 }
            if score > bestScore || (score == bestScore && lastMention[k] > (best >= 0 ? lastMention[best] : -1)) {
                best = k; bestScore = score
            }
        }
        // "le Premier ministre a répondu …" before the name comes: the one person of the document the lexicon
        // or the text gives that role.
        if best < 0, let head {
            let people = (holders[head] ?? []).filter { entities[$0].type == .person && !excluding.contains($0) }
            if people.count == 1, gender == nil || currentGender(people[0]) == nil || currentGender(people[0]) == gender { return people[0] }
        }
        return best
    }

    /// The people named in the clause before token `t` of a sentence that starts at `first`: back to a comma,
    /// colon, semicolon, bracket or quote mark (a description never means the subject or another person of its
    /// own clause).
    func peopleNamed(inClauseBefore t: Int, first: Int) -> Set<Int> {
        var out = Set<Int>()
        var u = t - 1
        while u >= first {
            if tokens[u].kind == .punctuation {
                if isPunct(u, 0x2C) || isPunct(u, 0x3A) || isPunct(u, 0x3B) || isPunct(u, 0x28) || isPunct(u, 0x29) || quoted[u] != quoted[t] { break }
                let b = text[Int(tokens[u].span.start)]
                if b == 0x22 || b == 0xC2 || b == 0xE2 { break }  // " « » “ ” — –
            } else if tokenEntity[u] >= 0, entities[Int(tokenEntity[u])].type == .person {
                out.insert(Int(tokenEntity[u]))
            }
            u -= 1
        }
        return out
    }

    /// The entities named inside tokens [a, b).
    func entitiesNamed(in a: Int, _ b: Int) -> Set<Int> {
        var out = Set<Int>()
        for t in a..<b where tokenEntity[t] >= 0 { out.insert(Int(tokenEntity[t])) }
        return out
    }

    /// The person mentioned last before token `t`, of a compatible gender.
    func lastPerson(gender: Character?, before t: Int) -> Int {
        var best = -1, at = -1
        for k in active where entities[k].type == .person && lastMention[k] > at && lastMention[k] < t {
            if let gender, let g = currentGender(k), g != gender { continue }
            best = k; at = lastMention[k]
        }
        return best
    }

    func currentGender(_ k: Int) -> Character? {
        let v = genderVotes[k]
        return v.m > v.f ? "m" : (v.f > v.m ? "f" : nil)
    }

    /// The entity lexicon gives this person the party or movement the epithet names ("écologiste").
    func affiliated(_ k: Int, _ head: UInt64) -> Bool {
        guard let i = speakers.byKey[WordKey.of(entities[k].name)] else { return false }
        return speakers.entries[i].affiliation.contains { WordKey.of($0) == head }
    }

    /// A new mention of entity `k` with this weight: the stronger of the old (faded) salience and the new one
    /// counts, the weaker adds a little, so that the last sentence's subject outweighs a name repeated earlier.
    mutating func raise(_ k: Int, _ weight: Double) {
        let old = salience[k]
        salience[k] = max(old, weight) + 0.3 * min(old, weight)
        if !isActive[k] { isActive[k] = true; active.append(k) }
    }

    /// Head word `h` now names entity `k`.
    mutating func addHead(_ h: UInt64, to k: Int) {
        if heads[k].insert(h).inserted { holders[h, default: []].append(k) }
    }

    mutating func vote(_ k: Int, _ g: Character, _ w: Double) {
        if g == "m" { genderVotes[k].m += w } else if g == "f" { genderVotes[k].f += w }
    }

    mutating func add(_ m: Coreference.Mention) {
        // Mentions come in text order and do not overlap; an inner name of a description is not indexed twice.
        if let last = mentions.last, last.span.end > m.span.start { return }
        mentions.append(m)
    }

    // MARK: - Descriptions

    struct Description {
        var start: Int
        var end: Int
        var head: UInt64
        var kind: CorefLexicon.RoleKind
        var gender: Character?
        /// Indefinite or possessive: someone new, or someone related to another.
        var isNew: Bool
        /// "ce dernier", "the latter".
        var latter: Bool
        /// Its complement names another person ("le porte-parole de X").
        var relational: Bool
        /// Its determiner shows a plural ("les socialistes").
        var plural = false
        /// The token of its head noun.
        var headToken = -1
    }

    /// A noun phrase with a human head at token `t`: a determiner (optional in an apposition), pre-modifiers,
    /// a role phrase from the lexicon, and its modifiers (adjectives and party names from the lexicon, capitalised
    /// names, a complement with "de"/"of").
    func description(at t: Int, end: Int, apposition: Bool) -> Description? {
        guard t < end, tokens[t].kind == .word else { return nil }
        var h = t
        var determiner: CorefLexicon.Word?
        if let w = lex.words[keys[t]]?.first(where: { [.definite, .demonstrative, .indefinite, .possessive].contains($0.cls) }) {
            determiner = w
            h += 1
        } else if !apposition {
            return nil
        }
        // "ce dernier", "the latter".
        if h < end, let d = determiner, d.cls == .demonstrative || (d.cls == .definite && document.language == .english),
           let l = lex.word(keys[h], .latter), standsAlone(after: h, end: end) {
            return Description(start: t, end: h + 1, head: keys[h], kind: .person, gender: l.gender ?? d.gender,
                               isNew: false, latter: true, relational: false)
        }
        var premodifierGender: Character?
        // "l'ancien a déclaré": a word that is a pre-modifier and a noun for a person stands alone here.
        if h < end, lex.word(keys[h], .premodifier) != nil, let (r, after) = rolePhrase(at: h, end: end), after == h + 1,
           r.kind == .person, standsAlone(after: h, end: end) {
            let isNew = determiner.map { $0.cls == .indefinite || $0.cls == .possessive } ?? false
            return Description(start: t, end: after, head: r.words[0], kind: .person, gender: r.gender ?? determiner?.gender,
                               isNew: isNew, latter: false, relational: false)
        }
        while h < end && tokens[h].kind == .word, let p = lex.word(keys[h], .premodifier) {
            premodifierGender = premodifierGender ?? p.gender
            h += 1
        }
        guard h < end, let (role, afterRole) = rolePhrase(at: h, end: end) else { return nil }
        var e = afterRole
        var relational = false
        var steps = 0
        // Modifiers: party names and epithets, capitalised names, "de"/"of" complements.
        while e < end && steps < 10 {
            steps += 1
            if nameEnd[e] >= 0 {
                let k = Int(tokenEntity[e])
                // "le ministre Gérald Darmanin": the name is the person the phrase introduces, not a modifier.
                if entities[k].type == .person { break }
                e = Int(nameEnd[e]); continue
            }
            if let (_, after) = rolePhrase(at: e, end: end), after > e, rolePhraseIsModifier(e) { e = after; continue }
            // Coordinated heads of a group: "les députés et sénateurs du parti".
            if role.kind == .group, e > afterRole - 1, has(e, .conjunction), e + 1 < end, let (r2, after) = rolePhrase(at: e + 1, end: end), r2.kind == .group {
                e = after; continue
            }
            if isCapitalised(e) && !has(e, [.pronoun, .conjunction, .determiner]) && !isSentenceStartWord(e) { e += 1; continue }
            // "Europe Ecologie - Les Verts": a dash inside a party name.
            if e > afterRole, e + 1 < end, isCapitalised(e - 1), tokens[e].kind == .punctuation, text[Int(tokens[e].span.start)] == 0x2D, isCapitalised(e + 1) { e += 1; continue }
            if has(e, .preposition) && isComplementPreposition(e) && e + 1 < end {
                // A complement: up to a punctuation mark, a verb-like word or a relative pronoun.
                var c = e + 1
                var took = 0
                while c < end && took < 6 {
                    if tokens[c].kind == .punctuation || has(c, [.stop, .complementizer, .pronoun, .auxiliary, .be, .negation, .reflexive]) { break }
                    // Another preposition than "de" ends the complement: "le patron du Medef | aux Echos".
                    if c > e + 1, has(c, .preposition), !isComplementPreposition(c) { break }
                    if speechVerb(c) { break }
                    if nameEnd[c] >= 0 {
                        let k = Int(tokenEntity[c])
                        if entities[k].type == .person {
                            // "le porte-parole de Marine Le Pen": someone else; "la maire de la capitale Anne
                            // Hidalgo": the name the phrase introduces.
                            if !has(c - 1, [.preposition, .determiner]) { break }
                            relational = true
                        }
                        c = Int(nameEnd[c]); took += 1; continue
                    }
                    if isLowerWord(c) && took > 0 && !has(c, [.determiner, .preposition]) && has(c - 1, [.determiner, .preposition]) == false && !isCapitalised(c - 1) {
                        // A second bare word in a row ends a short complement, unless a person's name follows it:
                        // "le professeur de science politique Jeronimo Cortina".
                        let nameNext = c + 1 < end && nameEnd[c + 1] >= 0 && entities[Int(tokenEntity[c + 1])].type == .person
                        if !nameNext { break }
                    }
                    c += 1; took += 1
                }
                // The complement must hold a word, not just its determiner.
                var last = c - 1
                while last > e && has(last, [.determiner, .preposition]) { last -= 1 }
                if last <= e { break }
                e = last + 1
                continue
            }
            break
        }
        var gender = role.gender
        if gender == nil { gender = premodifierGender }
        if gender == nil, let d = determiner, d.cls != .possessive { gender = d.gender }
        let isNew = determiner.map { $0.cls == .indefinite || $0.cls == .possessive } ?? false
        return Description(start: t, end: e, head: role.words[0], kind: role.kind, gender: gender, isNew: isNew,
                           latter: false, relational: relational,
                           plural: lex.word(keys[t], .collective) != nil, headToken: h)
    }

    /// The longest role phrase at token `h` ("secrétaire général", "ex-ministre"): the phrase and the token after it.
    func rolePhrase(at h: Int, end: Int) -> (CorefLexicon.RolePhrase, Int)? {
        guard tokens[h].kind == .word else { return nil }
        if let list = lex.roles[keys[h]] {
            for r in list where h + r.words.count <= end {
                var ok = true
                for (k, w) in r.words.enumerated() where keys[h + k] != w { ok = false; break }
                if ok { return (r, h + r.words.count) }
            }
        }
        // "ex-ministre", "ex-chargé de mission": the role after the prefix.
        let s = Int(tokens[h].span.start), n = tokens[h].span.length
        if n > 3, text[s] | 0x20 == 0x65, text[s + 1] | 0x20 == 0x78, text[s + 2] == 0x2D {
            let key = WordKey.of(text, s + 3, Int(tokens[h].span.end))
            if let list = lex.roles[key] {
                for r in list where h + r.words.count <= end {
                    var ok = true
                    for (k, w) in r.words.enumerated().dropFirst() where keys[h + k] != w { ok = false; break }
                    if ok { return (r, h + r.words.count) }
                }
            }
        }
        return nil
    }

    /// "il faut", "il y a", "il semble": the pronoun stands for no one (a negation or reflexive may come between).
    func impersonal(after t: Int, end: Int) -> Bool {
        var n = t + 1
        while n < end && has(n, [.negation, .reflexive]) && lex.word(keys[n], .impersonal) == nil { n += 1 }
        return n < end && lex.word(keys[n], .impersonal) != nil
    }

    /// Nothing after the word makes it an adjective of a noun: "ce dernier a déclaré", "ce dernier," — not
    /// "ce dernier point".
    func standsAlone(after h: Int, end: Int) -> Bool {
        let n = h + 1
        guard n < end, tokens[n].kind == .word else { return true }
        return has(n, [.auxiliary, .be, .negation, .reflexive, .clitic, .pronoun, .complementizer, .stop, .preposition, .conjunction])
            || speechVerb(n) || !isLowerWord(n)
    }

    /// A role word used as a modifier after a role noun: an epithet or a second role ("député européen", "maire
    /// socialiste") written in lower case.
    func rolePhraseIsModifier(_ e: Int) -> Bool { isLowerWord(e) }

    // MARK: - Token tests

    @inline(__always) func has(_ t: Int, _ c: W) -> Bool { words.has(keys[t], c) }

    @inline(__always) func isPunct(_ t: Int, _ c: UInt8) -> Bool {
        tokens[t].kind == .punctuation && tokens[t].span.length == 1 && text[Int(tokens[t].span.start)] == c
    }

    func isCapitalised(_ t: Int) -> Bool {
        guard tokens[t].kind == .word else { return false }
        return text.scalar(at: Int(tokens[t].span.start)).0.properties.isUppercase
    }

    func isLowerWord(_ t: Int) -> Bool {
        guard tokens[t].kind == .word else { return false }
        return text.scalar(at: Int(tokens[t].span.start)).0.properties.isLowercase
    }

    /// A capitalised word that only starts a sentence: a function word ("Le", "Il").
    func isSentenceStartWord(_ t: Int) -> Bool {
        has(t, [.determiner, .preposition, .conjunction, .pronoun, .stop, .complementizer, .auxiliary, .be, .negation])
    }

    /// A preposition that opens a noun's complement ("de", "du", "of": the `complement` class of quote-cues).
    @inline(__always) func isComplementPreposition(_ t: Int) -> Bool { has(t, .complement) }

    func speechVerb(_ t: Int) -> Bool {
        tokens[t].kind == .word && (words.verbs[keys[t]] != nil || words.phrases[keys[t]] != nil)
    }

    /// Salience weights, after Lappin and Leass (1994): every mention of the current sentence counts for its
    /// recency, and more as a subject than as an object or a complement; a speaker counts more again. Salience
    /// halves from one sentence to the next.
    enum Weight {
        static let recency = 100.0
        static let subject = 80.0
        static let object = 50.0
        static let oblique = 40.0
        static let speaker = 60.0
        static let heading = 60.0
        /// A name in someone's quoted words.
        static let quoted = 40.0
        /// The least salience of a person named in the title or the lead.
        static let topicFloor = 6.0
    }

    /// The grammatical weight of a mention at tokens [a, b): a subject (a verb form or a relative pronoun right
    /// after it, or nothing but adverbials before it), a complement of a preposition, or an object.
    func role(_ a: Int, _ b: Int, first: Int, end: Int) -> Double {
        var p = a - 1
        if p >= first, lex.titles[keys[p]] != nil { p -= 1 }
        if p >= first {
            if has(p, .preposition) && !has(p, .conjunction) { return Weight.oblique }
            if has(p, .determiner), p - 1 >= first, has(p - 1, .preposition) { return Weight.oblique }
        }
        // A verb group or "qui" after the mention (an apposition may stand between).
        var n = b
        // The name closes an apposition and its verb follows: "le ministre, Gérard Collomb, avait expliqué".
        if n + 1 < end, isPunct(n, 0x2C), has(n + 1, [.auxiliary, .be, .negation, .reflexive]) || speechVerb(n + 1) {
            n += 1
        } else if n < end, isPunct(n, 0x2C) || isPunct(n, 0x28) {
            // Skip an apposition or a parenthesis: "X, 45 ans, a …", "X (PS) a …".
            var k = n + 1, steps = 0
            while k < end && steps < 12 && !(isPunct(k, 0x2C) || isPunct(k, 0x29)) { k += 1; steps += 1 }
            if k < end && steps < 12 { n = k + 1 }
        }
        if n < end, has(n, [.auxiliary, .be, .negation, .reflexive, .stop]) || speechVerb(n) {
            // The subject of a clause someone reports ("X a expliqué que Y avait agi seul") is not the passage's
            // subject: the one who speaks is (Lappin and Leass give embedded phrases no head emphasis).
            return reported(a, first: first) ? Weight.object : Weight.subject
        }
        // The first mention of the sentence, after nothing but a conjunction or a short adverbial.
        var k = first, words = 0
        while k < a { if tokens[k].kind == .word { words += 1 }; k += 1 }
        if words <= 1 { return Weight.subject }
        return Weight.object
    }

    /// True when token `a` stands in the complement clause of a speech verb ("a expliqué que …", "said that …"),
    /// with no clause boundary between.
    func reported(_ a: Int, first: Int) -> Bool {
        var t = a - 1, steps = 0
        while t > first && steps < 25 {
            if tokens[t].kind == .punctuation && (isPunct(t, 0x2E) || isPunct(t, 0x3B) || isPunct(t, 0x3A) || isQuoteMark(t)) { return false }
            if has(t, .complementizer) { return speechVerb(t - 1) || (t - 2 >= first && speechVerb(t - 2) && tokens[t - 1].kind == .word) }
            t -= 1; steps += 1
        }
        return false
    }

    /// A speech verb within four words after the mention ("X a déclaré", "X said") or right before it
    /// ("a déclaré X", "said X").
    func nearSpeechVerb(_ a: Int, _ b: Int, first: Int, end: Int) -> Bool {
        var t = b, n = 0
        // "le ministre, Gérard Collomb, avait expliqué": the comma closes an apposition.
        if t + 1 < end, isPunct(t, 0x2C), has(t + 1, [.auxiliary, .negation]) || speechVerb(t + 1) { t += 1 }
        while t < end && n < 4 {
            // Another clause, or another subject, before the verb: "…, il estime".
            if tokens[t].kind == .punctuation || lex.word(keys[t], .subject) != nil || lex.word(keys[t], .plural) != nil { break }
            if speechVerb(t) { return true }
            t += 1; n += 1
        }
        // Before it, an inverted subject: the verb group right before the mention and its determiner
        // ("a déclaré le ministre", "said Smith"), not a verb whose object clause the mention opens.
        t = a - 1
        if t >= first, lex.titles[keys[t]] != nil { t -= 1 }
        if t >= first, lex.words[keys[t]] != nil, !speechVerb(t) { t -= 1 }
        if t >= first, has(t, .clitic) { t -= 1 }
        return t >= first && speechVerb(t)
    }

    func span(_ a: Int, _ b: Int) -> Span { Span(tokens[a].span.start, tokens[b - 1].span.end) }
}
