import ArgumentParser
import NewsNLP

/// What a document command does, once its options are read: shared by every subcommand that reads one
/// document (or a JSON Lines stream) and prints a layer or the whole report.
struct DocumentJob {
    var common: CommonOptions
    var input: String?
    var format: OutputFormat
    var inputFormat: InputFormat = .text
    var layers: Set<AnalysisOptions.Layer>
    var content: ReportContent
    var summary: SummaryLength = .sentences(3)
    /// Worker threads for JSON Lines input (output order is kept whatever the number).
    var jobs = 1
    /// Renders a document as text for people.
    var renderText: (Document, Analyzer) -> String
    /// Fill the summary's candidates (`summarize --explain`).
    var summaryExplain = false

    func run() throws {
        let lexicons = try common.loadLexicons()
        var options = common.analysisOptions(layers: layers, summary: summary)
        options.summaryExplain = summaryExplain
        let analyzer = Analyzer(options: options, lexicons: lexicons)
        if inputFormat == .jsonl {
            guard format == .jsonl || format == .json else {
                throw ValidationError("--input-format jsonl writes JSON Lines: use --format jsonl")
            }
            if input != nil && input != "-" {
                throw ValidationError("--input-format jsonl reads standard input: pipe the records in")
            }
            let stream = JSONLinesStream(analyzer: analyzer, writer: ReportWriter(unit: common.offsets, content: content),
                                         lossy: common.lossy, jobs: jobs)
            try stream.run()
            return
        }
        let name = input == nil || input == "-" ? "<stdin>" : input!
        let bytes = try FileReader.read(input)
        let (text, replaced) = try TextDecoder.decode(bytes, name: name, lossy: common.lossy)
        if replaced { Console.warn("\(name): invalid UTF-8 replaced with U+FFFD (--lossy)") }
        let document = analyzer.analyze(text, source: input == nil || input == "-" ? nil : input)
        switch format {
        case .json:
            Console.write(ReportWriter(unit: common.offsets, content: content, pretty: true).json(document) + [0x0A])
        case .jsonl:
            Console.write(ReportWriter(unit: common.offsets, content: content).json(document) + [0x0A])
        default:
            Console.write(renderText(document, analyzer))
        }
        Console.flush()
    }
}

/// The output format and input file of a command that prints one layer (sentences, tokens, entities, quotes, tone).
struct LayerArguments: ParsableArguments {
    @Option(help: "Output: text (for people), json (the report with only this layer filled) or jsonl (one line).")
    var format: OutputFormat = .text

    @Argument(help: "The article (a UTF-8 text file); standard input when missing or \"-\".")
    var file: String?

    /// Checks the format against those the command writes.
    func check(_ allowed: [OutputFormat], command: String) throws {
        guard allowed.contains(format) else {
            throw ValidationError("\(command) writes \(allowed.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// Runs the layer command: reads the input, analyses it with `layers` and prints `content` or the text view.
    func run(_ common: CommonOptions, layers: Set<AnalysisOptions.Layer>, content: ReportContent,
             text: @escaping (Document) -> String) throws {
        try reportingErrors {
            try DocumentJob(common: common, input: file, format: format, layers: layers, content: content,
                            renderText: { d, _ in text(d) }).run()
        }
    }
}
