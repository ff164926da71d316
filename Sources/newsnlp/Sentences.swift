import ArgumentParser
import NewsNLP

extension NewsNLPCommand {
    struct Sentences: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split the article into sentences: one per line (~ marks boilerplate, # headings), or JSON.",
            usage: "newsnlp sentences [<options>] [<file>]")

        @OptionGroup var common: CommonOptions
        @OptionGroup var layer: LayerArguments

        func run() throws {
            try layer.run(common, layers: [], content: [.sentences], text: { [common] in TextRenderer(unit: common.offsets).sentences($0) })
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Split the article into tokens: aligned columns (start, end, kind, text), CoNLL-U or JSON.",
            usage: "newsnlp tokens [<options>] [<file>]")

        @OptionGroup var common: CommonOptions
        @OptionGroup var layer: FormatArguments<TokenFormat>

        func run() throws {
            let renderer = TextRenderer(unit: common.offsets)
            let conllu = layer.format == .conllu
            try layer.run(common, layers: [], content: [.sentences, .tokens], text: { conllu ? renderer.conllu($0) : renderer.tokens($0) })
        }
    }
}
