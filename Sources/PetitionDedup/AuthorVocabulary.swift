/// What one petitioner writes in all his petitions, so that it is not taken
/// for agreement between two of them. On the real messages the commonest
/// wrong join is one account raising another problem: a resident who writes
/// forty suggestions about the city's traffic shares 交通 and a way of
/// writing (请A市加快…建设力度) with every one of them, and the same account
/// plus that made them one matter. Read from his other petitions among a
/// petition's candidates (those whose identity agrees), it discounts:
/// - a problem kind that most of them are about, which then says nothing
///   when two of them share it (a different kind still disagrees);
/// - the text similarity he reaches with his petitions as a rule (their
///   median): only similarity beyond it counts, rescaled to 0…1.
/// A follow-up (再次反映, 至今未解决) still reads far more like its first
/// petition than like the author's other matters, so it still joins.
public struct AuthorVocabulary: Sendable, Equatable {
    /// Concepts (bits of ``MatchFeatures``'s sets) habitual to the author.
    public var habitualConcepts: UInt64 = 0
    /// The median similarity of the petition to the author's others.
    public var typicalSimilarity: Float = 0

    public static let none = AuthorVocabulary()

    /// Fewer other petitions than this say nothing about an author's habits.
    static let minimumPetitions = 5
    /// Nor do petitions that are mostly one matter raised again: its own
    /// concept and wording would look habitual, and its next repeat would be
    /// discounted away. Habits are read only from an author whose earlier
    /// petitions already form this many matters.
    static let minimumMatters = 3
    /// A concept in at least this share of the author's other petitions is habitual.
    static let habitualShare = 0.6

    /// The vocabulary seen from one petition, given its similarity to each of
    /// the author's other petitions and those petitions' primary concepts.
    static func of(similarities: [Float], primaryConcepts: [UInt64], matters: [String?]) -> AuthorVocabulary {
        guard similarities.count >= minimumPetitions,
              Set(matters.compactMap { $0 }).count >= minimumMatters else { return .none }
        var vocabulary = AuthorVocabulary()
        let sorted = similarities.sorted()
        vocabulary.typicalSimilarity = sorted[sorted.count / 2]
        for bit in 0..<64 {
            let mask: UInt64 = 1 << UInt64(bit)
            let share = Double(primaryConcepts.filter { $0 & mask != 0 }.count) / Double(primaryConcepts.count)
            if share >= habitualShare { vocabulary.habitualConcepts |= mask }
        }
        return vocabulary
    }

    /// A similarity as evidence of one matter between two of the author's petitions.
    func beyondTypical(_ similarity: Float) -> Float {
        guard typicalSimilarity > 0, typicalSimilarity < 1 else { return similarity }
        return max(0, (similarity - typicalSimilarity) / (1 - typicalSimilarity))
    }
}
