/// An article's title, author and date from a page's metadata: JSON-LD (`NewsArticle` and kin), `<meta>` tags
/// (Open Graph, Dublin Core… as named in `Lexicons/html-classes.tsv`), `<time>`, `rel="author"`, `<h1>`, `<title>`.
struct HTMLMetadata {
    var title: String?
    var author: String?
    var date: String?
    /// JSON-LD `articleBody`, when the page gives one.
    var articleBody: String?

    init(tree: HTMLTree, lexicon: HTMLLexicon) {
        var metas: [String: String] = [:]
        var pageTitle: String?
        var h1: String?
        var time: String?
        var relAuthor: String?
        var ldTitle: String?, ldAuthor: String?, ldDate: String?, ldBody: String?
        for i in 0..<tree.count {
            switch tree.tag[i] {
            case .title where pageTitle == nil:
                pageTitle = tree.textContent(i)
            case .meta:
                guard let content = tree.attributeString(i, "content") else { break }
                for key in ["property", "name", "itemprop"] {
                    if let k = tree.attributeString(i, key)?.lowercased(), metas[k] == nil { metas[k] = content }
                }
            case .script:
                guard let type = tree.attributeString(i, "type"), type.lowercased().contains("ld+json") else { break }
                var json: [UInt8] = []
                for k in (i + 1)..<Int(tree.end[i]) where tree.tag[k] == .text { json.append(contentsOf: tree.text(k)) }
                JSONLD.parse(json)?.objects { o in
                    guard o.types.contains(where: { $0.hasSuffix("Article") || $0.hasSuffix("Posting") }) else { return }
                    if ldTitle == nil { ldTitle = o["headline"]?.string ?? o["name"]?.string }
                    if ldAuthor == nil { ldAuthor = o["author"]?.names ?? o["creator"]?.names }
                    if ldDate == nil { ldDate = o["datePublished"]?.string ?? o["dateCreated"]?.string }
                    if ldBody == nil { ldBody = o["articleBody"]?.string }
                }
            case .h1 where h1 == nil:
                let t = tree.textContent(i)
                if !t.isEmpty { h1 = t }
            case .time where time == nil:
                time = tree.attributeString(i, "datetime") ?? nonEmpty(tree.textContent(i))
            case .a where relAuthor == nil:
                if let rel = tree.attributeString(i, "rel"), rel.lowercased().split(separator: " ").contains("author") {
                    relAuthor = nonEmpty(tree.textContent(i))
                }
            default:
                break
            }
            if relAuthor == nil, tree.tag[i] != .text, tree.tag[i] != .meta,
               let prop = tree.attribute(i, "itemprop"), prop.elementsEqual("author".utf8) {
                relAuthor = nonEmpty(tree.textContent(i))
            }
        }
        func meta(_ names: [String]) -> String? {
            for n in names { if let v = metas[n].flatMap(nonEmpty) { return v } }
            return nil
        }
        let metaTitle = meta(lexicon.metaTitle.filter { $0 != "title" })
        // The <h1> is the headline when the page's title or its metadata agrees with it.
        if let h1, [pageTitle, metaTitle, ldTitle].contains(where: { $0.map { Self.fold($0).contains(Self.fold(h1)) } ?? false }) {
            title = h1
        } else {
            title = metaTitle ?? ldTitle.flatMap(nonEmpty) ?? pageTitle.flatMap(nonEmpty).map(Self.withoutSiteName) ?? h1
        }
        let metaAuthor = lexicon.metaAuthor.lazy.compactMap { metas[$0].flatMap(nonEmpty) }.first { !$0.hasPrefix("http") && !$0.hasPrefix("@") }
        author = ldAuthor.flatMap(nonEmpty) ?? metaAuthor ?? relAuthor
        date = ldDate.flatMap(nonEmpty) ?? meta(lexicon.metaDate) ?? time
        articleBody = ldBody.flatMap(nonEmpty)
    }

    /// "Headline | Site" → "Headline": the longest part of a title cut at a separator.
    static func withoutSiteName(_ t: String) -> String {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] where t.contains(sep) {
            let parts = t.split(separator: sep)
            return parts.max { $0.count < $1.count }.map(String.init) ?? t
        }
        return t
    }

    /// Lower case with white space collapsed, to compare a heading with a title.
    static func fold(_ s: String) -> String {
        s.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

private func nonEmpty(_ s: String) -> String? {
    let t = s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    return t.isEmpty ? nil : t
}
