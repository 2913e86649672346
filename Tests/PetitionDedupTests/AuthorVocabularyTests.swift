import Foundation
@testable import PetitionDedup
import PetitionModel
import PetitionText
import Testing

/// An author's habits are not agreement between two of his petitions; a
/// repeat of one matter is still a repeat.
@Suite("Author vocabulary")
struct AuthorVocabularyTests {
    @Test("fewer than five other petitions say nothing about an author")
    func tooFew() {
        let vocabulary = AuthorVocabulary.of(similarities: [0.4, 0.4, 0.4, 0.4], primaryConcepts: [1, 1, 1, 1],
                                             matters: ["M-1", "M-2", "M-3", "M-4"])
        #expect(vocabulary == .none)
    }

    @Test("an author whose petitions are one matter raised again has no habits to discount")
    func oneMatterRaisedAgain() {
        let vocabulary = AuthorVocabulary.of(similarities: [0.6, 0.7, 0.5, 0.6, 0.8, 0.7], primaryConcepts: [1, 1, 1, 1, 1, 1],
                                             matters: ["M-1", "M-1", "M-1", "M-1", "M-2", "M-2"])
        #expect(vocabulary == .none)
    }

    @Test("a concept in most of an author's matters is habitual, and his median similarity is typical")
    func habits() {
        let vocabulary = AuthorVocabulary.of(similarities: [0.1, 0.3, 0.4, 0.5, 0.2, 0.35],
                                             primaryConcepts: [0b01, 0b01, 0b11, 0b01, 0b10, 0b01],
                                             matters: ["M-1", "M-2", "M-3", "M-4", "M-5", "M-6"])
        #expect(vocabulary.habitualConcepts == 0b01)
        #expect(vocabulary.typicalSimilarity == 0.35)
        #expect(vocabulary.beyondTypical(0.35) == 0)
        #expect(abs(vocabulary.beyondTypical(0.675) - 0.5) < 1e-6)
    }

    @Test("one account on another problem of his usual kind, written his usual way, is not joined; without his habits it was")
    func habitsDiscounted() throws {
        let builder = try ProfileBuilder()
        func petition(_ id: String, _ date: String, _ title: String, _ content: String) -> PetitionProfile {
            builder.profile(of: Petition(id: id, receivedAt: CalendarDate(parsing: date)!,
                                         petitioners: [Petitioner(name: "王某", phone: "13812345678")],
                                         title: title, content: content))
        }
        let subway = petition("A", "2024-01-01", "请加快地铁建设", "请市里加快地铁线路建设力度，方便市民交通出行。")
        let station = petition("B", "2024-05-01", "请加快高铁西站建设", "请市里加快高铁西站建设力度，方便市民交通出行。")
        let scorer = MatchScorer()
        let plain = scorer.score(subway, station, textSimilarity: 0.45)
        try #require(plain.relation == .sameMatter)
        let habits = AuthorVocabulary(habitualConcepts: MatchFeatures(subway).primaryConcepts, typicalSimilarity: 0.4)
        #expect(scorer.score(subway, station, textSimilarity: 0.45, author: habits).relation != .sameMatter)
        // His follow-up on the same request reads far beyond his usual similarity, and still joins.
        #expect(scorer.score(subway, station, textSimilarity: 0.95, author: habits).relation == .sameMatter)
    }
}
