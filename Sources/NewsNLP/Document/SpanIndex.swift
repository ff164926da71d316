/// Spans of a document's layers sorted once, so that "which entity has a mention over this span?" and "which
/// token or sentence holds this offset?" are binary searches instead of scans of every entity or token.
///
/// Built once per document after the entity layer (`SpanIndex(document)`); it does not follow later edits.
/// Each query answers exactly what the linear scan it replaces answers (the first entity in document order whose
/// mention overlaps the span), so a layer can switch to it without changing its output.
public struct SpanIndex: Sendable {
    /// Every mention (or role) span with its entity, sorted by start.
    private struct Item: Sendable {
        var span: Span
        var entity: Int32
    }

    private let mentions: [Item]
    private let roles: [Item]
    /// The longest mention and role, in bytes: a span can only overlap items starting after `start - longest`.
    private let longestMention: Int32
    private let longestRole: Int32
    private let tokenStarts: [Int32]
    private let sentenceStarts: [Int32]
    private let entityTypes: [EntityType]
    private let ids: [String: Int]

    /// - Complexity: O(m log m) for m mentions and roles, O(t + s) for the tokens and sentences.
    public init(_ document: Document) {
        var mentions: [Item] = [], roles: [Item] = []
        var longestMention: Int32 = 0, longestRole: Int32 = 0
        var ids: [String: Int] = [:]
        for (k, e) in document.entities.enumerated() {
            for m in e.mentions {
                mentions.append(Item(span: m.span, entity: Int32(k)))
                longestMention = max(longestMention, m.span.end - m.span.start)
            }
            for r in e.roles {
                roles.append(Item(span: r.span, entity: Int32(k)))
                longestRole = max(longestRole, r.span.end - r.span.start)
            }
            if ids[e.id] == nil { ids[e.id] = k }
        }
        self.mentions = mentions.sorted { $0.span.start < $1.span.start }
        self.roles = roles.sorted { $0.span.start < $1.span.start }
        self.longestMention = longestMention
        self.longestRole = longestRole
        self.ids = ids
        entityTypes = document.entities.map(\.type)
        tokenStarts = document.tokens.map(\.span.start)
        sentenceStarts = document.sentences.map(\.span.start)
    }

    /// The first entity (lowest index in `Document.entities`) of one of `types` with a mention overlapping `span`.
    /// - Complexity: O(log m + k) for k mentions near the span.
    public func entity(mentionOverlapping span: Span, types: Set<EntityType>? = nil) -> Int? {
        Self.first(in: mentions, longest: longestMention, overlapping: span) { types?.contains(entityTypes[$0]) ?? true }
    }

    /// The first entity of one of `types` with a role noun overlapping `span`.
    public func entity(roleOverlapping span: Span, types: Set<EntityType>? = nil) -> Int? {
        Self.first(in: roles, longest: longestRole, overlapping: span) { types?.contains(entityTypes[$0]) ?? true }
    }

    /// The first entity with this id.
    /// - Complexity: O(1).
    public func entity(id: String) -> Int? { ids[id] }

    /// The index of the first token that starts at or after `offset` (`tokens.count` when none does).
    /// - Complexity: O(log t).
    public func token(startingAtOrAfter offset: Int32) -> Int { Self.lowerBound(tokenStarts, offset) }

    /// The index of the sentence holding `offset`: the last one that starts at or before it (0 when none does).
    /// - Complexity: O(log s).
    public func sentence(containing offset: Int32) -> Int { max(0, Self.lowerBound(sentenceStarts, offset + 1) - 1) }

    /// The first index whose value is ≥ `value` in an ascending array.
    static func lowerBound(_ a: [Int32], _ value: Int32) -> Int {
        var lo = 0, hi = a.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if a[mid] < value { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    private static func first(in items: [Item], longest: Int32, overlapping span: Span, _ accept: (Int) -> Bool) -> Int? {
        // Items starting in (span.start - longest, span.end) are the only ones that can overlap the span.
        var lo = 0, hi = items.count
        let from = span.start - longest
        while lo < hi {
            let mid = (lo + hi) >> 1
            if items[mid].span.start <= from { lo = mid + 1 } else { hi = mid }
        }
        var best: Int?
        var k = lo
        while k < items.count && items[k].span.start < span.end {
            let e = Int(items[k].entity)
            if items[k].span.overlaps(span), best.map({ e < $0 }) ?? true, accept(e) { best = e }
            k += 1
        }
        return best
    }
}
