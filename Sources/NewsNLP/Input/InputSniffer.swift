/// Tells what a file holds from its first bytes, whatever its name says: text, an HTML page, or a format newsnlp
/// does not read (a ZIP container such as .docx or .odt, a PDF, an image, compressed or binary data).
public enum InputSniffer {
    public enum Kind: Equatable, Sendable {
        case text
        case html
        /// Not readable: why, in words for the user.
        case refused(String)
    }

    /// The kind of `bytes`; `name` (a path) makes `.html`/`.htm`/`.xhtml` files HTML whatever their first bytes.
    public static func kind(of bytes: [UInt8], name: String?) -> Kind {
        if let why = refusal(bytes) { return .refused(why) }
        if let name, hasHTMLExtension(name) { return .html }
        return looksLikeHTML(bytes) ? .html : .text
    }

    public static func hasHTMLExtension(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".html") || lower.hasSuffix(".htm") || lower.hasSuffix(".xhtml")
    }

    /// The page starts (after a byte-order mark, white space and comments) with a doctype or an HTML element.
    public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = bytes[i..<min(bytes.count, i + 2048)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        i = 0
        while true {
            while i < head.count, head[i] == 0x20 || head[i] == 0x0A || head[i] == 0x0D || head[i] == 0x09 { i += 1 }
            let rest = head[i...]
            if rest.starts(with: Array("<!--".utf8)) {
                guard let close = findEnd(head, from: i + 4) else { return false }
                i = close
                continue
            }
            if rest.starts(with: Array("<?xml".utf8)) {
                guard let close = rest.firstIndex(of: 0x3E) else { return false }
                i = close + 1
                continue
            }
            for start in ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<article", "<div", "<p>"]
                where rest.starts(with: Array(start.utf8)) {
                return true
            }
            return false
        }
    }

    private static func findEnd(_ b: [UInt8], from: Int) -> Int? {
        var k = from
        while k + 2 < b.count {
            if b[k] == 0x2D && b[k + 1] == 0x2D && b[k + 2] == 0x3E { return k + 3 }
            k += 1
        }
        return nil
    }

    /// Why `bytes` cannot be read as text or HTML, or nil.
    static func refusal(_ b: [UInt8]) -> String? {
        func starts(_ magic: [UInt8]) -> Bool { b.starts(with: magic) }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            return "\(zipFormat(b)), not text or HTML: save it as plain text (.txt) or HTML and read that"
        }
        if starts(Array("%PDF-".utf8)) { return "a PDF document, not text or HTML: extract its text first (pdftotext)" }
        if starts([0x1F, 0x8B]) { return "gzip-compressed data, not text or HTML: decompress it first (gunzip)" }
        if starts([0xD0, 0xCF, 0x11, 0xE0]) { return "an old Microsoft Office document (.doc, .xls), not text or HTML: save it as plain text" }
        if starts(Array("{\\rtf".utf8)) { return "an RTF document, not text or HTML: save it as plain text" }
        if starts([0x89, 0x50, 0x4E, 0x47]) || starts([0xFF, 0xD8, 0xFF]) || starts(Array("GIF8".utf8)) {
            return "an image, not text or HTML"
        }
        if starts([0x7F, 0x45, 0x4C, 0x46]) { return "binary data (an ELF executable), not text or HTML" }
        if starts([0xFF, 0xFE]) || starts([0xFE, 0xFF]) { return nil }   // UTF-16 with its mark: NUL bytes are expected
        // NUL bytes in text that is otherwise valid UTF-8 are odd text, not binary data.
        let head = b.prefix(8192)
        if let nul = head.firstIndex(of: 0), let bad = TextDecoder.firstInvalidUTF8(head), bad < head.count - 3 {
            return "binary data, not text or HTML (a NUL byte at offset \(nul), invalid UTF-8 at \(bad))"
        }
        return nil
    }

    /// The format of a ZIP container, from the names of its first entries.
    private static func zipFormat(_ b: [UInt8]) -> String {
        let head = String(decoding: b.prefix(4096).map { $0 < 0x20 || $0 >= 0x7F ? 0x20 : $0 }, as: UTF8.self)
        if head.contains("application/vnd.oasis.opendocument.text") { return "an OpenDocument text (.odt, a ZIP container)" }
        if head.contains("application/vnd.oasis.opendocument") { return "an OpenDocument file (a ZIP container)" }
        if head.contains("application/epub+zip") { return "an EPUB book (a ZIP container)" }
        if head.contains("word/") { return "a Word document (.docx, a ZIP container)" }
        if head.contains("xl/") { return "an Excel workbook (.xlsx, a ZIP container)" }
        if head.contains("ppt/") { return "a PowerPoint file (.pptx, a ZIP container)" }
        if head.contains("[Content_Types].xml") { return "an Office Open XML document (.docx/.xlsx/.pptx, a ZIP container)" }
        return "a ZIP archive"
    }
}
