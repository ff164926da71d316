import CNewsICU

/// An ICU word or sentence break iterator over UTF-8, reused across documents.
///
/// Opening an iterator costs far more than running it on a short article, so a `Segmenter` opens one of each
/// kind once and rebinds it to every new text. Not thread-safe: each thread uses its own.
final class BreakIterator {
    enum Kind { case word, sentence }

    private let handle: OpaquePointer
    private var bounds = [Int64](repeating: 0, count: 512)
    private var statuses = [Int32](repeating: 0, count: 512)

    init(_ kind: Kind, locale: String = "fr") {
        var error: Int32 = 0
        guard let h = nicu_open(kind == .word ? Int32(NICU_WORD) : Int32(NICU_SENTENCE), locale, &error) else {
            fatalError("ICU break iterator could not be opened (error \(error)): is ICU's data library installed?")
        }
        handle = h
    }

    deinit { nicu_close(handle) }

    /// Calls `body(end, status)` for every boundary after 0 in the UTF-8 text, in order.
    /// The text's storage must stay alive and unchanged during the call.
    func forEachBoundary(in text: UnsafeBufferPointer<UInt8>, _ body: (Int, Int32) -> Void) {
        let rc = nicu_set_text(handle, text.baseAddress, Int64(text.count))
        precondition(rc <= 0, "ICU could not take the text (error \(rc))")
        while true {
            let n = bounds.withUnsafeMutableBufferPointer { b in
                statuses.withUnsafeMutableBufferPointer { s in
                    Int(nicu_next_boundaries(handle, b.baseAddress, s.baseAddress, Int32(b.count)))
                }
            }
            if n == 0 { break }
            for i in 0..<n { body(Int(bounds[i]), statuses[i]) }
        }
    }
}
