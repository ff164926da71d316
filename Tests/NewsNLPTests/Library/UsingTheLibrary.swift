// The README's "Using the library" snippet, compiled and run by LibrarySnippetTests: keep the lines between the
// markers identical to the README's (a test checks it).
// README snippet begins
import NewsNLP

func readArticle() -> [String] {
    let analyzer = Analyzer()  // every layer; one analyzer per thread
    let document = analyzer.analyze("« Nous tiendrons le cap », a déclaré Emmanuel Macron jeudi à Paris.")
    var lines = ["language: \(document.language.code)"]
    for entity in document.entities {
        lines.append("\(entity.name) (\(entity.type.rawValue)), \(entity.mentions.count) mention(s)")
    }
    for quote in document.quotes {
        let cue = quote.cue.map(document.string) ?? "-"
        lines.append("\(quote.speaker?.name ?? "?") — \(document.string(quote.span)) — \(cue)")
    }
    let json = ReportWriter(pretty: true).json(document)  // the JSON report, UTF-8
    lines.append("report: \(json.count) bytes")
    return lines
}
// README snippet ends
