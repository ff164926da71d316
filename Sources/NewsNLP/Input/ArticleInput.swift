/// Turns a file's bytes into the text newsnlp analyses, by content: an HTML page (by its name, its first bytes or
/// the caller's say-so) through `HTMLReader`, text through `TextDecoder`; formats it does not read are refused.
public enum ArticleInput {
    public struct Read: Sendable {
        public var text: String
        /// The page's article, when the input was HTML (its `text` is `text`).
        public var html: HTMLArticle?
        /// Invalid UTF-8 was replaced (text input with `lossy`).
        public var replaced: Bool
    }

    /// - Parameters:
    ///   - name: the file name used in messages ("<stdin>" for standard input).
    ///   - path: the path, whose extension can make the input HTML (nil for standard input).
    ///   - html: read the input as HTML whatever it looks like (`--input-format html`).
    /// - Throws: `NewsNLPError` (`.invalidData`) for a format newsnlp does not read, a bad page, or invalid UTF-8.
    public static func read(_ bytes: [UInt8], name: String, path: String?, html: Bool = false, lossy: Bool = false,
                            lexicons: Lexicons = .builtIn) throws -> Read {
        switch InputSniffer.kind(of: bytes, name: path) {
        case .refused(let why):
            throw NewsNLPError(.invalidData, file: name, "is \(why)")
        case .html:
            let article = try HTMLReader.read(bytes, name: name, lexicons: lexicons)
            return Read(text: article.text, html: article, replaced: false)
        case .text where html:
            let article = try HTMLReader.read(bytes, name: name, lexicons: lexicons)
            return Read(text: article.text, html: article, replaced: false)
        case .text:
            let (text, replaced) = try TextDecoder.decode(bytes, name: name, lossy: lossy)
            return Read(text: text, html: nil, replaced: replaced)
        }
    }
}
