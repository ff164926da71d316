import Foundation
import Testing
@testable import NewsNLP

/// The compiled lexicon tables (`Sources/CNewsLexicons/compiled/lexicons.bin`) are what the parsers make of
/// `Lexicons/`, and read back to the same tables.
///
/// Regenerate the file with `NEWSNLP_REGENERATE_GOLDEN=1 swift test --filter CompiledLexiconsTests`, then rebuild.
@Suite("Compiled lexicons")
struct CompiledLexiconsTests {
    static let path = packageRoot + "/Sources/CNewsLexicons/compiled/lexicons.bin"

    @Test func committedTablesAreWhatTheParsersMake() throws {
        let built = CompiledLexicons.build()
        if ProcessInfo.processInfo.environment["NEWSNLP_REGENERATE_GOLDEN"] == "1" {
            try Data(built).write(to: URL(fileURLWithPath: Self.path))
            return
        }
        let committed = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.path)))
        let same = committed == built
        #expect(same, "Sources/CNewsLexicons/compiled/lexicons.bin is stale: NEWSNLP_REGENERATE_GOLDEN=1 swift test --filter CompiledLexiconsTests")
        // The binary under test embeds that same file and uses it.
        #expect(CompiledLexicons.embedded != nil, "the embedded tables were not accepted (rebuild after regenerating)")
        // Tables used in place in the embedded archive answer as the parsed ones.
        let embedded = try #require(CompiledLexicons.value("entity-lexicon", as: EntityLexicon.self))
        let parsed = EntityLexicon.load(from: Lexicons(extra: []))
        for word in ["paris", "france", "europe"] {
            let h = FoldHash.combine(FoldHash.seed, FoldHash.hash(folded: word))
            #expect(embedded.hits(for: h)?.map(\.entry) == parsed.hits(for: h)?.map(\.entry))
            #expect(embedded.firstWords.contains(FoldHash.hash(folded: word)) == parsed.firstWords.contains(FoldHash.hash(folded: word)))
        }
        let tone = try #require(CompiledLexicons.value("quotes:fr", as: QuoteLexicon.self))
        let toneParsed = QuoteLexicon.load(.french, from: Lexicons(extra: []))
        for word in ["a", "déclaré", "dit", "estime", "le"] {
            let k = WordKey.of(word)
            #expect(tone.verbs[k]?.que == toneParsed.verbs[k]?.que)
            #expect(tone.classes[k]?.rawValue == toneParsed.classes[k]?.rawValue)
        }
    }

    @Test func buildingTwiceGivesTheSameBytes() {
        let first = CompiledLexicons.build(), second = CompiledLexicons.build()
        let same = first == second
        #expect(same)
        if !same {
            let tables = [first, second].map { b in b.withUnsafeBytes { raw in (try? CompiledLexicons.read(raw, expecting: CompiledLexicons.sourceHash()).mapValues { Array(raw[$0]) }) ?? [:] } }
            for (key, data) in tables[0] where tables[1][key] != data { Issue.record("\(key) differs between two builds") }
        }
    }

    @Test func tablesReadBackAsWritten() throws {
        let bytes = CompiledLexicons.build()
        let tables = try bytes.withUnsafeBytes { raw in try CompiledLexicons.read(raw, expecting: CompiledLexicons.sourceHash()).mapValues { Array(raw[$0]) } }
        #expect(tables.count == 10)
        for (key, data) in tables {
            // Reading a table and writing it again gives the same bytes.
            let again: [UInt8]? = data.withUnsafeBytes { raw in
                var r = ArchiveReader(raw)
                var w = ArchiveWriter()
                switch key {
                case "entity-lexicon": (try? EntityLexicon(from: &r))?.write(to: &w)
                case "quotes:speakers": (try? SpeakerLexicon(from: &r))?.write(to: &w)
                case "name-patterns": (try? NamePatterns(from: &r))?.write(to: &w)
                case "quotes:first-names": (try? FirstNames(from: &r))?.write(to: &w)
                case _ where key.hasPrefix("tone:"): (try? ToneLexicon(from: &r))?.write(to: &w)
                case _ where key.hasPrefix("quotes:"): (try? QuoteLexicon(from: &r))?.write(to: &w)
                case _ where key.hasPrefix("coreference:"): (try? CorefLexicon(from: &r))?.write(to: &w)
                default: return nil
                }
                return w.bytes
            }
            let same = again == data
            #expect(same, "\(key) does not read back as written")
        }
        // A compiled table answers as the parsed one does.
        let lexicon = try #require(tables["entity-lexicon"]).withUnsafeBytes { raw in
            var r = ArchiveReader(raw)
            return try EntityLexicon(from: &r)
        }
        let parsed = EntityLexicon.load(from: Lexicons(extra: []))
        let paris = FoldHash.combine(FoldHash.seed, FoldHash.hash(folded: "paris"))
        #expect(lexicon.hits(for: paris)?.map(\.entry) == parsed.hits(for: paris)?.map(\.entry))
        #expect(lexicon.hits(for: paris) != nil)
        #expect(lexicon.entries.count == parsed.entries.count)
        // Every word set of the entity layer's tables comes back whole: a field the archive forgets is empty.
        let patterns = try #require(tables["name-patterns"]).withUnsafeBytes { raw in
            var r = ArchiveReader(raw)
            return try NamePatterns(from: &r)
        }
        let parsing = Lexicons(extra: [], recorder: ArchiveRecorder())  // parses, never reads the compiled tables
        for (compiled, fresh) in [(Mirror(reflecting: lexicon), Mirror(reflecting: EntityLexicon.load(from: parsing))),
                                  (Mirror(reflecting: patterns), Mirror(reflecting: NamePatterns.load(from: parsing)))] {
            for (a, b) in zip(compiled.children, fresh.children) {
                guard let x = a.value as? WordSet, let y = b.value as? WordSet else { continue }
                #expect(x.count == y.count, "\(a.label ?? "?") has \(x.count) words compiled, \(y.count) parsed")
            }
        }
    }

    @Test func staleOrForeignTablesAreRefused() {
        let bytes = CompiledLexicons.build()
        bytes.withUnsafeBytes { raw in
            #expect((try? CompiledLexicons.read(raw, expecting: CompiledLexicons.sourceHash() &+ 1)) == nil)
            #expect((try? CompiledLexicons.read(UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count / 2)]), expecting: CompiledLexicons.sourceHash())) == nil)
        }
    }

    @Test func userFilesAreParsedOverTheBuiltInOnes() throws {
        let extra = LexiconFile(name: "entities/mine.tsv", origin: "test", bytes: Array("zz-arlac\tORG\tArlacorp Zyx\n".utf8))
        let lexicon = EntityLexicon.load(from: Lexicons(extra: [extra]))
        #expect(lexicon.entries.count == EntityLexicon.load(from: Lexicons.builtIn).entries.count + 1)
        #expect(lexicon.name(Int32(lexicon.entries.count - 1)) == "Arlacorp Zyx")
    }
}
