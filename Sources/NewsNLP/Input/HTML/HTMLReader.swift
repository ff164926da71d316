/// An article read from an HTML page.
public struct HTMLArticle: Sendable {
    public var title: String?
    public var author: String?
    /// The publication date as the page gives it (usually ISO 8601).
    public var date: String?
    /// The article's body: one paragraph per line, a blank line between paragraphs.
    public var body: String
    /// What newsnlp analyses, and what every offset of a report on the page counts into: the title, a blank line
    /// and the body (the body alone when the page has no title).
    public var text: String
    /// The character set the page was read as ("UTF-8", "windows-1252", …).
    public var encoding: String
}

/// Reads news pages: libxml2's HTML parser, then the article's body (`ArticleExtractor`) and its metadata.
public enum HTMLReader {
    /// The article of the page in `bytes`.
    /// - Parameter name: the file name used in error messages.
    /// - Throws: `NewsNLPError` (`.invalidData`) for binary data, a page with an empty body, or a page whose text
    ///   is all navigation and links. Empty input (or only white space) gives an empty article.
    /// - Complexity: O(n) in the page's size (the parse, a few passes over its nodes).
    public static func read(_ bytes: [UInt8], name: String, lexicons: Lexicons = .builtIn) throws -> HTMLArticle {
        if case .refused(let why) = InputSniffer.kind(of: bytes, name: nil) {
            throw NewsNLPError(.invalidData, file: name, "is \(why)")
        }
        let prepared = HTMLEncoding.prepare(bytes)
        if prepared.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return HTMLArticle(body: "", text: "", encoding: prepared.label)
        }
        var tree = HTMLTree(bytes: prepared.bytes, encoding: prepared.encoding)
        if tree == nil && prepared.encoding != "UTF-8" {
            // A charset libxml2 cannot convert: read the bytes as the web would without one.
            tree = HTMLTree(bytes: HTMLEncoding.windows1252ToUTF8(prepared.bytes), encoding: "UTF-8")
        }
        guard let tree, !tree.isEmpty else {
            throw NewsNLPError(.invalidData, file: name, "not an HTML page: the parser found no elements")
        }
        let lexicon = HTMLLexicon.load(from: lexicons)
        let extractor = ArticleExtractor(tree: tree, lexicon: lexicon, boilerplate: BoilerplateDetector.load(from: lexicons))
        var x = extractor.extract(pruneClasses: true)
        if x.keptBytes < 250 && x.pageText > 2 * max(x.keptBytes, 250) {
            // Almost nothing left: perhaps the article's own container has a furniture-like class name.
            let second = extractor.extract(pruneClasses: false)
            if second.keptBytes > x.keptBytes { x = second }
        }
        if x.pageText == 0 {
            throw NewsNLPError(.invalidData, file: name, "the page has no text: its body is empty")
        }
        let meta = HTMLMetadata(tree: tree, lexicon: lexicon)
        var paragraphs = x.paragraphs.map { x.string($0) }
        // The headline is the title, not a paragraph of the body.
        if let title = meta.title {
            let folded = HTMLMetadata.fold(title)
            if let k = paragraphs.prefix(5).firstIndex(where: { HTMLMetadata.fold($0) == folded }) {
                paragraphs.remove(at: k)
            }
        }
        var body = paragraphs.joined(separator: "\n\n")
        if let ld = meta.articleBody, ld.utf8.count > 500, body.utf8.count * 2 < ld.utf8.count, !ld.contains("<") {
            // The page's JSON-LD holds much more of the article than its markup shows (a page built by script).
            body = ld.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
                .map { $0.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ") }
                .filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        if body.isEmpty {
            throw NewsNLPError(.invalidData, file: name, "no article text: the page's text is all navigation, links or page furniture (\(x.pageText) bytes of text, none of it an article)")
        }
        let text = meta.title.map { $0 + "\n\n" + body } ?? body
        return HTMLArticle(title: meta.title, author: meta.author, date: meta.date, body: body, text: text, encoding: prepared.label)
    }
}

extension HTMLArticle {
    /// The article as JSON: `{"source", "title", "author", "date", "encoding", "text"}`, where `text` is the body
    /// (the title is its own field); absent metadata is `null`.
    public func json(source: String?, pretty: Bool) -> [UInt8] {
        var w = JSONWriter(capacity: body.utf8.count + 256)
        func optional(_ s: String?) { if let s { w.string(s) } else { w.null() } }
        w.beginObject()
        w.key("source"); optional(source)
        w.key("title"); optional(title)
        w.key("author"); optional(author)
        w.key("date"); optional(date)
        w.key("encoding"); w.string(encoding)
        w.key("text"); w.string(body)
        w.endObject()
        return pretty ? JSONPretty.indent(w.bytes) : w.bytes
    }
}
