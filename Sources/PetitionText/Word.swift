import CICU
import Foundation

/// A word of folded text, with where it stands.
public struct Word: Sendable, Equatable, Hashable {
    /// The folded word (Simplified, half-width, lower case).
    public var text: String
    /// Code point offsets into the text it came from.
    public var range: Range<Int>

    public init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
    }
}
