import CNewsHTML

/// A parsed page: libxml2's tree flattened in document order (see `newshtml.h`), with each element's tag read once.
///
/// Node `i`'s subtree is the index range `i..<end[i]`, so "is inside" is a comparison and a subtree is skipped by
/// jumping to its end. Texts and attribute values are read from libxml2's memory, which lives as long as the tree.
final class HTMLTree {
    private let doc: OpaquePointer
    let count: Int
    let parent: [Int32]
    let end: [Int32]
    /// The tag of each element; `.text` for text nodes.
    let tag: [HTMLTag]

    /// Parses UTF-8 (or `encoding`) bytes; nil when libxml2 gives no document.
    init?(bytes: [UInt8], encoding: String?) {
        let parsed: OpaquePointer? = bytes.withUnsafeBufferPointer { b in
            if let encoding { return encoding.withCString { nhtml_parse(b.baseAddress, Int64(b.count), $0) } }
            return nhtml_parse(b.baseAddress, Int64(b.count), nil)
        }
        guard let parsed else { return nil }
        doc = parsed
        let n = Int(nhtml_count(parsed))
        count = n
        var parent = [Int32](repeating: -1, count: n)
        var end = [Int32](repeating: 0, count: n)
        var tag = [HTMLTag](repeating: .text, count: n)
        for i in 0..<n {
            let k = Int32(i)
            parent[i] = nhtml_parent(parsed, k)
            end[i] = nhtml_end(parsed, k)
            if nhtml_kind(parsed, k) == Int32(NHTML_ELEMENT) {
                var length: Int32 = 0
                let name = nhtml_name(parsed, k, &length)
                tag[i] = HTMLTag(UnsafeBufferPointer(start: name, count: Int(length)))
            }
        }
        self.parent = parent
        self.end = end
        self.tag = tag
    }

    deinit { nhtml_free(doc) }

    var isEmpty: Bool { count == 0 }

    /// The bytes of text node `i` (empty for an element).
    func text(_ i: Int) -> UnsafeBufferPointer<UInt8> {
        var length: Int32 = 0
        let p = nhtml_text(doc, Int32(i), &length)
        return UnsafeBufferPointer(start: p, count: Int(length))
    }

    /// The value of element `i`'s attribute `name` (lower-case ASCII), or nil when it has none.
    func attribute(_ i: Int, _ name: String) -> UnsafeBufferPointer<UInt8>? {
        var length: Int32 = 0
        guard let p = name.withCString({ nhtml_attribute(doc, Int32(i), $0, &length) }) else { return nil }
        return UnsafeBufferPointer(start: p, count: Int(length))
    }

    func attributeString(_ i: Int, _ name: String) -> String? {
        attribute(i, name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The text under node `i` (outside scripts and other skipped elements below it), white space collapsed, trimmed.
    func textContent(_ i: Int) -> String {
        var out: [UInt8] = []
        var k = tag[i] == .text ? i : i + 1
        let stop = Int(end[i])
        while k < stop {
            if tag[k] == .text { HTMLText.appendCollapsed(text(k), to: &out) }
            else if tag[k].isSkipped { k = Int(end[k]); continue }
            k += 1
        }
        HTMLText.trim(&out)
        return String(decoding: out, as: UTF8.self)
    }

    /// True when node `i` lies inside element `a`'s subtree (or is `a`).
    @inline(__always) func isInside(_ i: Int, _ a: Int) -> Bool { i >= a && i < Int(end[a]) }

    static var libxml2Version: String { String(cString: nhtml_version()) }
}

/// White space handling for text taken from pages.
enum HTMLText {
    /// Appends `text` to `out` with every run of white space (ASCII and the Unicode line and paragraph separators)
    /// turned into one space, never starting `out` with a space or doubling one at the seam.
    static func appendCollapsed(_ text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var space = out.isEmpty || out.last == 0x20
        var k = 0
        let n = text.count
        while k < n {
            let b = text[k]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C {
                if !space { out.append(0x20); space = true }
                k += 1
                continue
            }
            // U+2028, U+2029 (E2 80 A8/A9): line breaks inside a paragraph become spaces too.
            if b == 0xE2, k + 2 < n, text[k + 1] == 0x80, text[k + 2] == 0xA8 || text[k + 2] == 0xA9 {
                if !space { out.append(0x20); space = true }
                k += 3
                continue
            }
            out.append(b)
            space = false
            k += 1
        }
    }

    static func trim(_ out: inout [UInt8]) {
        while out.last == 0x20 { out.removeLast() }
        var s = 0
        while s < out.count && out[s] == 0x20 { s += 1 }
        if s > 0 { out.removeFirst(s) }
    }
}

/// The tags the extractor tells apart; every other element is `.other` (an inline element, as `span`).
enum HTMLTag: UInt8, Sendable {
    case text, other
    // Never text of the article.
    case script, style, noscript, template, iframe, svg, math, canvas, button, select, option, textarea, input,
         nav, aside, footer, object, embed, video, audio, map, dialog, head, title, meta, link, picture, source,
         figure, figcaption
    // Blocks.
    case html, body, div, section, article, main, header, p, h1, h2, h3, h4, h5, h6, li, ul, ol, dl, dt, dd,
         blockquote, pre, table, tr, td, th, tbody, thead, tfoot, caption, address, center,
         hr, br, form, fieldset, details, summary, hgroup
    // Inline elements with a meaning.
    case a, time, img

    init(_ name: UnsafeBufferPointer<UInt8>) {
        // Tag names are short ASCII: read them as a small string (no allocation).
        if name.count > 12 { self = .other; return }
        let s = String(decoding: name, as: UTF8.self)
        self = HTMLTag.byName[s] ?? .other
    }

    private static let byName: [String: HTMLTag] = {
        var d: [String: HTMLTag] = [:]
        let all: [HTMLTag] = [.script, .style, .noscript, .template, .iframe, .svg, .math, .canvas, .button, .select,
                              .option, .textarea, .input, .nav, .aside, .footer, .object, .embed, .video, .audio,
                              .map, .dialog, .head, .title, .meta, .link, .picture, .source, .figure, .figcaption, .html, .body, .div,
                              .section, .article, .main, .header, .p, .h1, .h2, .h3, .h4, .h5, .h6, .li, .ul, .ol,
                              .dl, .dt, .dd, .blockquote, .pre, .table, .tr, .td, .th, .tbody, .thead, .tfoot,
                              .caption, .address, .center, .hr, .br, .form, .fieldset,
                              .details, .summary, .hgroup, .a, .time, .img]
        for t in all { d["\(t)"] = t }
        return d
    }()

    /// Elements whose content is never article text (scripts, forms' controls, media and their captions, page
    /// navigation).
    var isSkipped: Bool { rawValue >= HTMLTag.script.rawValue && rawValue <= HTMLTag.figcaption.rawValue }

    /// Elements that start and end a paragraph.
    var isBlock: Bool { rawValue >= HTMLTag.html.rawValue && rawValue <= HTMLTag.hgroup.rawValue }

    var isHeading: Bool { rawValue >= HTMLTag.h1.rawValue && rawValue <= HTMLTag.h6.rawValue }
}
