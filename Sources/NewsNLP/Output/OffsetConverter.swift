/// The unit in which a report writes offsets.
public enum OffsetUnit: String, Sendable, CaseIterable {
    /// Unicode scalars (code points): Python's `str`, spaCy and displaCy count these.
    case scalar
    /// UTF-8 bytes: Rust, Go, swift-syntax.
    case utf8
    /// UTF-16 code units: JavaScript, Java, C#, NSString.
    case utf16
}

/// Converts UTF-8 byte offsets of a text into another unit.
///
/// One linear pass over the text records the count at every 64th byte; a conversion then reads at most 63
/// bytes, whatever order the offsets come in. The report writer converts every span through one; views of a
/// document (the CLI's text and HTML pages) use it to show offsets in the unit the user asked for.
public struct OffsetConverter {
    private let text: UnsafeBufferPointer<UInt8>
    private let unit: OffsetUnit
    private var checkpoints: [Int32] = []

    /// - Complexity: O(n) for scalar and UTF-16 units, O(1) for UTF-8.
    public init(_ text: UnsafeBufferPointer<UInt8>, unit: OffsetUnit) {
        self.text = text
        self.unit = unit
        guard unit != .utf8 else { return }
        checkpoints.reserveCapacity(text.count / 64 + 2)
        var count: Int32 = 0
        for i in 0..<text.count {
            if i & 63 == 0 { checkpoints.append(count) }
            count &+= weight(text[i])
        }
        checkpoints.append(count)
    }

    @inline(__always) private func weight(_ b: UInt8) -> Int32 {
        if (b & 0xC0) == 0x80 { return 0 }
        return (b >= 0xF0 && unit == .utf16) ? 2 : 1
    }

    /// The offset in the converter's unit of UTF-8 offset `target` (which lies on a character boundary).
    /// - Complexity: O(1) (at most 63 bytes read).
    public func convert(_ target: Int32) -> Int {
        let t = Int(target)
        if unit == .utf8 { return t }
        let block = t >> 6
        var count = block < checkpoints.count ? checkpoints[block] : checkpoints[checkpoints.count - 1]
        var i = block << 6
        while i < t { count &+= weight(text[i]); i += 1 }
        return Int(count)
    }
}
