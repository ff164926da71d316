import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the people, organisations and places named, each once with all its mentions (a table, or JSON).",
            usage: "newsnlp entities [<options>] [<file>]",
            discussion: """
            Names come from the built-in lexicons (Lexicons/entities/*.tsv), matched without regard to case or \
            accents where that is safe, and from name patterns ("source": "pattern"). Add your own names with \
            --lexicons DIR, a folder holding entities/*.tsv files in the same format (Lexicons/FORMAT.md).
            """)

        @OptionGroup var common: CommonOptions

        @OptionGroup var layer: LayerArguments

        func run() throws {
            try layer.run(common, layers: [.entities], content: [.sentences, .entities], text: { [common] in Views.entities($0, unit: common.offsets) })
        }
    }
}
