/// Finds the article in a page and returns its paragraphs, in order.
///
/// The method is readability's, with trafilatura's habit of pruning page furniture first:
/// 1. Elements that never hold article text are dropped: scripts, styles, forms' controls, media, navigation,
///    hidden elements, and elements whose class or id names furniture (`Lexicons/html-classes.tsv`: comments,
///    share bars, related lists, cookie banners…) unless it also names content and holds a few paragraphs
///    ("content-with-sidebar").
/// 2. The remaining text is cut into paragraphs at block elements (`p`, `div`, `li`, headings, `br`, table rows…),
///    each with its length, its commas and how much of it sits inside links.
/// 3. Every paragraph of 25 bytes or more scores its ancestors (1 + commas + one point per 100 bytes, at most 3;
///    the parent gets all of it, the grandparent half, further ancestors a third per level); an element starts
///    from its tag's prior and its class and id weight, and its score is scaled by its share of text outside
///    links. The best element, moved up when its parent or several near-best elements say the article is larger,
///    is the article, with those of its siblings that score nearly as well or read as prose.
/// 4. Inside it, link-heavy blocks (related lists, tag clouds), link-only paragraphs, furniture lines
///    (`Lexicons/boilerplate.tsv`) and trailing headings are dropped.
struct ArticleExtractor {
    let tree: HTMLTree
    let lexicon: HTMLLexicon
    let boilerplate: BoilerplateDetector

    enum Kind: UInt8 { case text, heading, item, quote }

    struct Paragraph {
        var range: Range<Int>   // bytes in `Extraction.buffer`
        var owner: Int          // the innermost block element, or -1
        var links: Int          // bytes inside <a>
        var commas: Int
        var kind: Kind
        var length: Int { range.count }
    }

    struct Extraction {
        var buffer: [UInt8] = []
        var paragraphs: [Paragraph] = []
        /// Text bytes of the whole page outside scripts and styles (before any pruning).
        var pageText = 0
        func string(_ p: Paragraph) -> String { String(decoding: buffer[p.range], as: UTF8.self) }
        /// Bytes of the paragraphs kept.
        var keptBytes: Int { paragraphs.reduce(0) { $0 + $1.length } }
    }

    /// The article's paragraphs. `pruneClasses: false` keeps elements whose class names furniture (the second
    /// pass, when the first one finds almost nothing).
    func extract(pruneClasses: Bool) -> Extraction {
        let n = tree.count
        var weight = [Int16](repeating: 0, count: n)
        var removed = [Bool](repeating: false, count: n)
        // Text below each node: a prefix sum over text nodes (scripts and styles left out).
        var textBefore = [Int](repeating: 0, count: n + 1)
        for i in 0..<n {
            var add = 0
            if tree.tag[i] == .text {
                let p = Int(tree.parent[i])
                if p < 0 || !tree.tag[p].isSkipped { add = nonSpaceCount(tree.text(i)) }
            }
            textBefore[i + 1] = textBefore[i] + add
        }
        let pageText = textBefore[n]
        for i in 0..<n where tree.tag[i] != .text {
            let t = tree.tag[i]
            if t.isSkipped || isHidden(i) { removed[i] = true; continue }
            var v = HTMLLexicon.Verdict()
            if let c = tree.attribute(i, "class") { lexicon.judge(c, into: &v) }
            if let c = tree.attribute(i, "id") { lexicon.judge(c, into: &v) }
            weight[i] = Int16(v.weight)
            // A name that also says "content" or "article" ("content-with-sidebar") is readability's "maybe
            // candidate": only weighed, not dropped, when it holds a few paragraphs' worth of text ("article-meta",
            // a line of byline and date, goes).
            if pruneClasses && v.remove && t != .html && t != .body && t != .main
                && !(v.keep && textBefore[Int(tree.end[i])] - textBefore[i] >= 500) {
                removed[i] = true
            }
        }

        var x = Extraction()
        x.pageText = pageText
        cutParagraphs(removed: removed, into: &x)
        guard !x.paragraphs.isEmpty else { return x }

        // Per element: text, link text and commas of the paragraphs below it.
        var length = [Int32](repeating: 0, count: n)
        var links = [Int32](repeating: 0, count: n)
        var commas = [Int32](repeating: 0, count: n)
        for p in x.paragraphs {
            var a = p.owner
            while a >= 0 {
                length[a] += Int32(p.length); links[a] += Int32(p.links); commas[a] += Int32(p.commas)
                a = Int(tree.parent[a])
            }
        }
        func linkDensity(_ i: Int) -> Double { length[i] > 0 ? Double(links[i]) / Double(length[i]) : 0 }

        // Scores.
        var score = [Double](repeating: 0, count: n)
        var scored = [Bool](repeating: false, count: n)
        var candidates: [Int] = []
        for p in x.paragraphs where p.length >= 25 && scores(tree.tag[max(p.owner, 0)]) && p.owner >= 0 {
            let points = 1 + Double(p.commas) + min(Double(p.length) / 100, 3)
            var a = Int(tree.parent[p.owner])
            var level = 0
            while a >= 0 && level < 5 {
                if !scored[a] {
                    scored[a] = true
                    score[a] = prior(tree.tag[a]) + Double(weight[a])
                    candidates.append(a)
                }
                score[a] += level == 0 ? points : level == 1 ? points / 2 : points / Double(level * 3)
                a = Int(tree.parent[a])
                level += 1
            }
        }
        for c in candidates { score[c] *= 1 - linkDensity(c) }
        // With no paragraph long enough to score, every paragraph left after pruning is a candidate line.
        var top = candidates.max { score[$0] < score[$1] } ?? -1
        if top >= 0 { top = refine(top, candidates: candidates, score: score, scored: scored) }

        // The article: the top element and its siblings that read as part of it.
        var roots: [Int] = []
        let parent = top >= 0 ? Int(tree.parent[top]) : -1
        if top < 0 {
            roots = []
        } else if parent >= 0 {
            let threshold = max(10, score[top] * 0.2)
            let topClass = tree.attribute(top, "class").map { Array($0) } ?? []
            var j = parent + 1
            while j < Int(tree.end[parent]) {
                defer { j = Int(tree.end[j]) }
                if tree.tag[j] == .text || removed[j] { continue }
                if j == top { roots.append(j); continue }
                var bonus = 0.0
                if !topClass.isEmpty, let c = tree.attribute(j, "class"), c.elementsEqual(topClass) { bonus = score[top] * 0.2 }
                if scored[j] && score[j] + bonus >= threshold { roots.append(j); continue }
                if tree.tag[j] == .p {
                    let ld = linkDensity(j), len = Int(length[j])
                    if ld < 0.25 && len > 80 { roots.append(j) }
                    else if len > 0 && len < 80 && ld == 0 && endsSentence(j, x) { roots.append(j) }
                }
            }
        } else {
            roots = [top]
        }

        // Conditional cleaning inside the article.
        var dropped: [Range<Int>] = []
        for r in roots {
            var j = r + 1
            while j < Int(tree.end[r]) {
                let t = tree.tag[j]
                // An element holding most of the article is the article's own wrapper: it stays.
                if t == .div || t == .section || t == .ul || t == .ol || t == .table || t == .form || t == .dl || t == .header,
                   length[j] * 2 < length[r] {
                    let w = Double(weight[j])
                    let s = scored[j] ? score[j] : 0
                    var drop = w + s < 0 && length[j] > 0
                    if !drop && commas[j] < 10 && length[j] > 0 {
                        let ld = linkDensity(j)
                        drop = (ld > 0.2 && w < 25) || (ld > 0.5)
                    }
                    if drop { dropped.append(j..<Int(tree.end[j])); j = Int(tree.end[j]); continue }
                }
                j += 1
            }
        }

        var kept: [Paragraph] = []
        for p in x.paragraphs where top < 0 || (p.owner >= 0 && roots.contains(where: { tree.isInside(p.owner, $0) })
            && !dropped.contains(where: { $0.contains(p.owner) })) {
            // Mostly links (a menu, a list of other articles), unless a sentence of its own follows the link.
            if p.links * 2 > p.length && p.length - p.links < 80 { continue }
            if !x.buffer[p.range].contains(where: isLetterByte) { continue }
            if p.kind != .text || p.length < 200 {
                let furniture = x.buffer.withUnsafeBufferPointer { b in
                    boilerplate.isFurniture(paragraph: UnsafeBufferPointer(rebasing: b[p.range]))
                }
                if furniture { continue }
            }
            kept.append(p)
        }
        while let last = kept.last, last.kind == .heading { kept.removeLast() }
        x.paragraphs = kept
        return x
    }

    /// Moves the top element up when several near-best elements share an ancestor, or when its parent scores
    /// higher, or when it is its parent's only element.
    private func refine(_ start: Int, candidates: [Int], score: [Double], scored: [Bool]) -> Int {
        var top = start
        let best = score[top]
        if best > 0 {
            let alternatives = candidates.filter { $0 != top && score[$0] / best >= 0.75 }.prefix(16)
            if alternatives.count >= 3 {
                var a = Int(tree.parent[top])
                while a >= 0 && tree.tag[a] != .body && tree.tag[a] != .html {
                    if alternatives.filter({ tree.isInside($0, a) }).count >= 3 { top = a; break }
                    a = Int(tree.parent[a])
                }
            }
        }
        var last = score[top]
        var a = Int(tree.parent[top])
        while a >= 0 && tree.tag[a] != .body && tree.tag[a] != .html {
            if !scored[a] { a = Int(tree.parent[a]); continue }
            if score[a] < last / 3 { break }
            if score[a] > last { top = a; break }
            last = score[a]
            a = Int(tree.parent[a])
        }
        while true {
            let p = Int(tree.parent[top])
            guard p >= 0, tree.tag[p] != .body, tree.tag[p] != .html, elementChildren(p) == 1 else { break }
            top = p
        }
        return top
    }

    private func elementChildren(_ p: Int) -> Int {
        var count = 0
        var j = p + 1
        while j < Int(tree.end[p]) {
            if tree.tag[j] != .text { count += 1 } else if nonSpaceCount(tree.text(j)) > 0 { count += 1 }
            j = Int(tree.end[j])
        }
        return count
    }

    private func endsSentence(_ i: Int, _ x: Extraction) -> Bool {
        guard let p = x.paragraphs.last(where: { tree.isInside($0.owner, i) }), let last = x.buffer[p.range].last else { return false }
        return last == 0x2E
    }

    /// Tags whose paragraphs score their ancestors (list items and headings do not).
    private func scores(_ t: HTMLTag) -> Bool {
        switch t {
        case .li, .h1, .h2, .h3, .h4, .h5, .h6, .dt, .caption, .address, .summary, .ul, .ol: return false
        default: return true
        }
    }

    private func prior(_ t: HTMLTag) -> Double {
        switch t {
        case .div: return 5
        case .pre, .td, .blockquote: return 3
        case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: return -3
        case .h1, .h2, .h3, .h4, .h5, .h6, .th: return -5
        default: return 0
        }
    }

    private func isHidden(_ i: Int) -> Bool {
        if tree.attribute(i, "hidden") != nil { return true }
        if let a = tree.attribute(i, "aria-hidden"), a.elementsEqual("true".utf8) { return true }
        if let s = tree.attribute(i, "style") {
            var compact: [UInt8] = []
            for c in s where c != 0x20 { compact.append(c >= 0x41 && c <= 0x5A ? c | 0x20 : c) }
            return contains(compact, "display:none") || contains(compact, "visibility:hidden")
        }
        return false
    }

    private func contains(_ h: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard h.count >= n.count else { return false }
        for i in 0...(h.count - n.count) where h[i] == n[0] && h[i..<(i + n.count)].elementsEqual(n) { return true }
        return false
    }

    /// Cuts the text outside removed elements into paragraphs at block elements and line breaks.
    private func cutParagraphs(removed: [Bool], into x: inout Extraction) {
        let n = tree.count
        var blocks: [(end: Int, node: Int)] = []
        var linkEnd = -1
        var current: [UInt8] = []
        var currentLinks = 0
        func flush() {
            HTMLText.trim(&current)
            if !current.isEmpty {
                let owner = blocks.last?.node ?? -1
                var kind = Kind.text
                for b in blocks.reversed() {
                    let t = tree.tag[b.node]
                    if t.isHeading { kind = .heading; break }
                    if t == .li || t == .dd || t == .dt { kind = .item; break }
                    if t == .blockquote { kind = .quote; break }
                }
                let start = x.buffer.count
                x.buffer.append(contentsOf: current)
                let commas = current.reduce(0) { $0 + ($1 == 0x2C ? 1 : 0) }
                x.paragraphs.append(Paragraph(range: start..<x.buffer.count, owner: owner,
                                              links: min(currentLinks, current.count), commas: commas, kind: kind))
            }
            current.removeAll(keepingCapacity: true)
            currentLinks = 0
        }
        var i = 0
        while i < n {
            while let top = blocks.last, top.end <= i { blocks.removeLast(); flush() }
            let t = tree.tag[i]
            if t == .text {
                let before = current.count
                HTMLText.appendCollapsed(tree.text(i), to: &current)
                if i < linkEnd { currentLinks += current.count - before }
                i += 1
                continue
            }
            if removed[i] {
                if t.isBlock || t.isSkipped { flush() }
                i = Int(tree.end[i])
                continue
            }
            if t == .br || t == .hr { flush(); i += 1; continue }
            if t == .td || t == .th {
                // A table row is one line: its cells are separated by a space.
                if let last = current.last, last != 0x20 { current.append(0x20) }
                i += 1
                continue
            }
            if t.isBlock { flush(); blocks.append((Int(tree.end[i]), i)) }
            if t == .a { linkEnd = Int(tree.end[i]) }
            if t == .img, current.last != 0x20, !current.isEmpty { current.append(0x20) }
            i += 1
        }
        flush()
    }
}

/// An ASCII letter or any byte of a non-ASCII character (a paragraph without one is figures and punctuation).
func isLetterByte(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || c >= 0x80 }

/// Bytes that are not ASCII white space.
func nonSpaceCount(_ b: UnsafeBufferPointer<UInt8>) -> Int {
    var k = 0
    for c in b where !(c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C) { k += 1 }
    return k
}
