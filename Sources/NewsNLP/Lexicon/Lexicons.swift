import Synchronization

/// All the language data newsnlp uses: the built-in files of `Lexicons/`, with a user's extra files merged over
/// them. Each kind of data is parsed the first time it is needed and then shared, read-only, by every thread.
public final class Lexicons: Sendable {
    /// The built-in lexicons, parsed on demand and shared by the whole process.
    public static let builtIn = Lexicons(extra: [])

    let extra: [LexiconFile]
    private let cache = Mutex<[String: any Sendable]>([:])
    /// When set, `compiled(_:_:)` parses every table and records its archive here (`CompiledLexicons.build()`).
    let recorder: ArchiveRecorder?

    /// Built-in lexicons merged with extra files (from `--lexicons DIR`), which are added after the built-in
    /// file of the same name (their entries win where they conflict).
    public init(extra: [LexiconFile]) {
        self.extra = extra
        self.recorder = nil
    }

    init(extra: [LexiconFile], recorder: ArchiveRecorder) {
        self.extra = extra
        self.recorder = recorder
    }

    /// The files named `name`: the built-in one first, then the user's.
    public func files(_ name: String) -> [LexiconFile] {
        var out: [LexiconFile] = []
        if let b = LexiconFile.builtIn(name) { out.append(b) }
        out.append(contentsOf: extra.filter { $0.name == name })
        return out
    }

    /// The files under a folder ("entities/"), built-in first.
    public func files(under prefix: String) -> [LexiconFile] {
        LexiconFile.builtIn(under: prefix) + extra.filter { $0.name.hasPrefix(prefix) }
    }

    /// The parsed value for `key`, built once by `make` and then shared.
    func cached<T: Sendable>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let hit = cache.withLock({ $0[key] }) as? T { return hit }
        let value = try make()
        cache.withLock { $0[key] = value }
        return value
    }

    /// Words of a one-word-per-line file (first field of each row), folded.
    func wordSet(_ name: String) -> Set<String> {
        cached("set:" + name) {
            var set = Set<String>()
            for file in files(name) {
                for row in file.rows() {
                    set.insert(Folding.fold(String(row.fields[0].trimmingSpaces())))
                }
            }
            return set
        }
    }

    public func stopwords(_ language: Language) -> Set<String> {
        wordSet(language.code + "/stopwords")
    }
}

extension Lexicons {
    /// Checks every user file that newsnlp knows how to read, so that a malformed line is reported up front.
    public func validate() throws {
        for file in extra {
            if file.name.hasPrefix("entities/") {
                _ = try EntityLexiconParser.parse(file)
            }
            if file.name.hasSuffix("/summary-model") {
                _ = try SummaryModel.parse(file)
            }
        }
    }
}
