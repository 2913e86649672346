import CICU
import Foundation

/// Splits text into words with ICU's dictionary word break iterator (locale
/// zh), then joins the pieces ICU cuts domain terms into (信|访人, 越|级) back
/// together with the ``Lexicon``. Punctuation and spaces are skipped by ICU's
/// rule status. Folding comes first, because ICU segments Traditional text worse.
///
/// Holds an ICU iterator, which is not thread-safe: use one segmenter per thread.
public final class WordSegmenter {
    private let breaker: OpaquePointer
    private let lexicon: Lexicon
    private var starts: [Int32] = Array(repeating: 0, count: 256)
    private var ends: [Int32] = Array(repeating: 0, count: 256)

    public enum SegmenterError: Error {
        case icuUnavailable(code: Int32)
    }

    public init(lexicon: Lexicon = .standard) throws {
        var error: Int32 = 0
        guard let breaker = cicu_word_breaker_open(&error) else { throw SegmenterError.icuUnavailable(code: error) }
        self.breaker = breaker
        self.lexicon = lexicon
    }

    deinit { cicu_word_breaker_close(breaker) }

    public func words(_ text: String) -> [Word] {
        words(FoldedText(text))
    }

    public func words(_ folded: FoldedText) -> [Word] {
        // ICU works on UTF-16; keep a map back to code point offsets.
        var utf16: [UInt16] = []
        utf16.reserveCapacity(folded.count)
        var codePointAtUnit: [Int32] = []
        codePointAtUnit.reserveCapacity(folded.count + 1)
        for (index, codePoint) in folded.codePoints.enumerated() {
            let scalar = Unicode.Scalar(codePoint) ?? "\u{FFFD}"
            for unit in UTF16.encode(scalar)! {
                utf16.append(unit)
                codePointAtUnit.append(Int32(index))
            }
        }
        codePointAtUnit.append(Int32(folded.count))
        var count = segment(utf16)
        if count > starts.count {
            starts = Array(repeating: 0, count: count)
            ends = Array(repeating: 0, count: count)
            count = segment(utf16)
        }
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(count)
        for index in 0..<max(count, 0) {
            pieces.append(Int(codePointAtUnit[Int(starts[index])])..<Int(codePointAtUnit[Int(ends[index])]))
        }
        return lexicon.join(pieces, in: folded)
    }

    private func segment(_ utf16: [UInt16]) -> Int {
        let capacity = Int32(starts.count)
        return Int(utf16.withUnsafeBufferPointer { text in
            starts.withUnsafeMutableBufferPointer { starts in
                ends.withUnsafeMutableBufferPointer { ends in
                    cicu_word_breaker_words(breaker, text.baseAddress, Int32(text.count),
                                            starts.baseAddress, ends.baseAddress, capacity)
                }
            }
        })
    }
}

