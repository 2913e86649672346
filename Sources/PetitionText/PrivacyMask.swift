/// Masks resident ID numbers and phone numbers, the petitioners' protected
/// data, wherever they appear: 3701**********123X and 138****0000.
public enum PrivacyMask {
    /// A whole identifier as written: ID numbers keep 4 + 4 characters, other
    /// numbers their first 3 and last 4 digits; separators are kept.
    public static func identifier(_ text: String) -> String {
        let characters = Array(text)
        let significant = characters.indices.filter { characters[$0].isLetter || characters[$0].isNumber }
        guard significant.count >= 7 else { return String(repeating: "*", count: characters.count) }
        let isID = significant.count >= 15
        let keepStart = isID ? 4 : 3, keepEnd = 4
        var masked = characters
        for (position, index) in significant.enumerated()
            where position >= keepStart && position < significant.count - keepEnd {
            masked[index] = "*"
        }
        return String(masked)
    }

    /// Free text with every phone and ID number in it masked in place.
    public static func text(_ text: String) -> String {
        let folded = FoldedText(text)
        var ranges: [Range<Int>] = []
        IndexTokenizer().forEachToken(in: folded) { token, bytes in
            let length = bytes.count
            let isPhoneOrID = token.kind == .canonicalNumber
                || (token.kind == .word && (length == 11 || length == 18 || length == 13) && bytes.first.map { $0 >= 0x30 && $0 <= 0x39 } == true)
            if isPhoneOrID { ranges.append(token.range) }
            return true
        }
        guard !ranges.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        for range in ranges {
            let original = String(String.UnicodeScalarView(scalars[range]))
            let replacement = Array(identifier(original).unicodeScalars)
            if replacement.count == range.count { scalars.replaceSubrange(range, with: replacement) }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
