/// ICU's word breaking alone, with nothing of newsnlp around it: the yardstick the speed figures are given
/// against (README, "Speed"; `newsnlp speed`; `Benchmarks/`).
///
/// It binds the same kind of iterator the tokenizer uses (ICU word breaks, UText over the UTF-8 bytes, locale
/// "fr") to each text and walks every boundary, counting them. Not thread-safe: one per thread.
public final class RawWordBreaks {
    private let iterator = BreakIterator(.word)

    public init() {}

    /// The number of word boundaries ICU finds in `text` (after offset 0).
    /// - Complexity: O(n).
    public func count(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { count($0) }
    }

    /// The number of word boundaries ICU finds in UTF-8 bytes (after offset 0).
    public func count(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var n = 0
        iterator.forEachBoundary(in: bytes) { _, _ in n += 1 }
        return n
    }
}
