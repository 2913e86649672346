/// Text decoded from UTF-8 and folded, with each code point's byte range in the
/// original bytes, which is what FTS5 wants token offsets in.
///
/// Malformed UTF-8 decodes to U+FFFD (a separator) one byte at a time, so
/// broken input is indexed as far as it is readable and never stops a tokenizer.
public struct FoldedText: Sendable {
    /// Folded code points.
    public private(set) var codePoints: [UInt32] = []
    /// `byteOffsets[i]` is where code point `i` starts in the original bytes;
    /// one more entry holds the end of the text.
    public private(set) var byteOffsets: [Int32] = []

    public init() {}

    public init(_ text: String, folding: CharacterFolding = .standard) {
        var copy = text
        copy.withUTF8 { self.reset(utf8: $0, folding: folding) }
    }

    public var count: Int { codePoints.count }

    /// Refills this value from new bytes, reusing its storage.
    public mutating func reset(utf8 bytes: UnsafeBufferPointer<UInt8>, folding: CharacterFolding = .standard) {
        codePoints.removeAll(keepingCapacity: true)
        byteOffsets.removeAll(keepingCapacity: true)
        codePoints.reserveCapacity(bytes.count)
        byteOffsets.reserveCapacity(bytes.count + 1)
        var index = 0
        let end = bytes.count
        while index < end {
            let start = index
            let lead = bytes[index]
            var codePoint: UInt32 = 0xFFFD
            var length = 1
            if lead < 0x80 {
                codePoint = UInt32(lead)
            } else if lead >= 0xC2 && lead < 0xE0 {
                if index + 1 < end, bytes[index + 1] & 0xC0 == 0x80 {
                    codePoint = UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                    length = 2
                }
            } else if lead >= 0xE0 && lead < 0xF0 {
                if index + 2 < end, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                    let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                        | UInt32(bytes[index + 2] & 0x3F)
                    if value >= 0x800 && !(0xD800...0xDFFF).contains(value) {
                        codePoint = value
                        length = 3
                    }
                }
            } else if lead >= 0xF0 && lead < 0xF5 {
                if index + 3 < end, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80,
                   bytes[index + 3] & 0xC0 == 0x80 {
                    let value = UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                        | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F)
                    if value >= 0x10000 && value <= 0x10FFFF {
                        codePoint = value
                        length = 4
                    }
                }
            }
            codePoints.append(folding.fold(codePoint))
            byteOffsets.append(Int32(start))
            index += length
        }
        byteOffsets.append(Int32(end))
    }

    /// The folded text of code points `range` as a String.
    public func string(_ range: Range<Int>) -> String {
        var scalars = String.UnicodeScalarView()
        for index in range {
            scalars.append(Unicode.Scalar(codePoints[index]) ?? "\u{FFFD}")
        }
        return String(scalars)
    }
}
