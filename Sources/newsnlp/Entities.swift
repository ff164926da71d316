import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the people, organisations and places named, each once with all its mentions (a table, or JSON).",
            discussion: """
            Names come from the built-in lexicons (Lexicons/entities/*.tsv), matched without regard to case or accents
            where that is safe, and from name patterns ("source": "pattern"). Add your own names with --lexicons DIR,
            a folder holding entities/*.tsv files in the same format (Lexicons/FORMAT.md).
            """)

        @OptionGroup var common: CommonOptions

        @Option(help: "Output: text, json or jsonl.")
        var format: OutputFormat = .text

        @Argument(help: "The article (a UTF-8 text file); standard input when missing or \"-\".")
        var file: String?

        func validate() throws {
            guard [.text, .json, .jsonl].contains(format) else { throw ValidationError("entities writes text, json or jsonl") }
        }

        func run() throws {
            try reportingErrors {
                try DocumentJob(common: common, input: file, format: format, layers: [.entities], content: [.sentences, .entities],
                                renderText: { d, _ in Views.entities(d, unit: common.offsets) }).run()
            }
        }
    }
}
