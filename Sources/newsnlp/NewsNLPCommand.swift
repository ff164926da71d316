import ArgumentParser
import NewsNLP

@main
struct NewsNLPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsnlp",
        abstract: "Read French and English news: sentences, tokens, entities, quotes, tone and a summary, with exact offsets.",
        discussion: """
        Every command reads FILE, or standard input when FILE is missing or "-". Offsets are Unicode code points \
        by default (as Python and spaCy count), or UTF-8 bytes or UTF-16 units with --offsets.

        Exit codes: 0 success, 1 some batch files failed, 64 usage, 65 bad data (invalid UTF-8), 66 missing \
        input, 74 input/output error.
        """,
        version: "newsnlp 0.1.0 (report schema 1)",
        subcommands: [Summarize.self, Analyze.self, Sentences.self, Tokens.self, Entities.self, Quotes.self, Tone.self, Batch.self,
                      Extract.self, Stats.self, Speed.self]
    )
}

/// Options every document command shares.
struct CommonOptions: ParsableArguments {
    @Option(name: .long, help: "The document language (auto: detected).")
    var lang: LanguageChoice = .auto

    @Option(name: .long, help: "Offset unit in reports: scalar is code points.")
    var offsets: OffsetUnit = .scalar

    @Option(name: .long, help: ArgumentHelp("Extra lexicon files merged over the built-in ones (same layout as Lexicons/).", valueName: "dir"))
    var lexicons: String?

    @Flag(name: .long, help: "Replace invalid UTF-8 with U+FFFD instead of failing (a warning says so).")
    var lossy = false

    func analysisOptions(layers: Set<AnalysisOptions.Layer>, summary: SummaryLength = .sentences(3)) -> AnalysisOptions {
        AnalysisOptions(language: lang.language, summaryLength: summary, layers: layers)
    }

    func loadLexicons() throws -> Lexicons {
        guard let lexicons else { return .builtIn }
        let set = Lexicons(extra: try LexiconDirectory.read(lexicons))
        try set.validate()
        return set
    }
}

enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, fr, en
    var language: Language? { self == .auto ? nil : Language(rawValue: rawValue) }
}

extension OffsetUnit: ExpressibleByArgument {}

/// Output formats; each command accepts the ones that make sense for it.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, markdown, conllu, html
}

enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl, html
}
