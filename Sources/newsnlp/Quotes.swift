import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Quotes: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the quotes: speaker — « quote » — cue, one per line, or JSON.",
            usage: "newsnlp quotes [<options>] [<file>]")

        @OptionGroup var common: CommonOptions

        @OptionGroup var layer: LayerArguments

        func run() throws {
            try layer.run(common, layers: [.quotes], content: [.sentences, .entities, .quotes], text: { Views.quotes($0) })
        }
    }
}
