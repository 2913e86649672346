import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// Identity and specifics as real messages write them: an account id for a
/// name, place names with a typo or two characters swapped.
@Suite("Identity and specifics on real text")
struct RealTextIdentityTests {
    let builder: ProfileBuilder

    init() throws {
        builder = try ProfileBuilder()
    }

    func message(_ id: String, account: String, title: String, content: String) -> Petition {
        Petition(id: id, receivedAt: CalendarDate(parsing: "2019-07-02")!, channel: "网上信访", level: "省级",
                 petitioners: [Petitioner(name: account)], title: title, content: content)
    }

    func score(_ a: Petition, _ b: Petition) -> PairScore {
        let profileA = builder.profile(of: a), profileB = builder.profile(of: b)
        var statistics = WordStatistics(documentCount: 1000)
        for word in profileA.words + profileB.words { statistics.documentFrequency[word, default: 0] += 3 }
        return MatchScorer().score(profileA, profileB,
                                   textSimilarity: statistics.vector(profileA).cosine(statistics.vector(profileB)))
    }

    static let window = "A市南站候车厅人很多，从东边走到西边要十几分钟，改签只能去一楼，建议在候车厅内增设改签窗口，方便旅客。"

    @Test("the same account raising the same problem again is a repeat")
    func sameAccount() {
        let first = message("LY-1", account: "A00083527", title: "建议A市南站候车厅增设改签窗口", content: Self.window)
        let again = message("LY-2", account: "a00083527", title: "A市南站候车厅内增设改签窗口的建议",
                            content: "再次建议：南站候车厅增设改签窗口，旅客从东边走到西边改签太远。")
        let score = score(first, again)
        #expect(score.relation == .sameMatter)
        #expect(score.reasons.contains("同一账号"))
    }

    @Test("a different account is no evidence against: one person uses two, a group posts from many")
    func differentAccount() {
        let first = message("LY-1", account: "A00083527", title: "建议A市南站候车厅增设改签窗口", content: Self.window)
        let other = message("LY-3", account: "A00011111", title: "建议A市南站候车厅增设改签窗口", content: Self.window)
        let score = score(first, other)
        #expect(!score.identityConflict)
        #expect(!score.evidence.contains { $0.comparison == .account })
    }

    @Test("the same account with another problem is a new matter")
    func sameAccountOtherProblem() {
        let first = message("LY-1", account: "A00083527", title: "建议A市南站候车厅增设改签窗口", content: Self.window)
        let other = message("LY-4", account: "A00083527", title: "投诉A7县黄花镇隆兴砖厂乱倒垃圾",
                            content: "黄花镇隆兴砖厂长期在河边乱倒建筑垃圾，污染水源，请求查处。")
        #expect(score(first, other).relation != .sameMatter)
    }

    @Test("names written by sound agree with less weight: 兴隆砖厂 and 隆兴砖厂")
    func transposedName() {
        let first = message("LY-5", account: "A1", title: "投诉A7县黄花镇兴隆砖厂乱倒垃圾",
                            content: "黄花镇兴隆砖厂长期在河边乱倒建筑垃圾，污染水源，请求查处。")
        let second = message("LY-6", account: "A2", title: "投诉A7县黄花镇隆兴砖厂乱倒垃圾",
                             content: "黄花镇隆兴砖厂长期在河边乱倒建筑垃圾，污染水源，请求查处。")
        let evidence = score(first, second).evidence
        #expect(evidence.contains { $0.comparison == .organization && $0.reason == "单位名称音近" && $0.weight > 0 })
        #expect(!evidence.contains { $0.reason == "单位不一致" })
    }

    @Test("every piece of evidence carries its weight, and they add up to the score")
    func waterfall() {
        let first = message("LY-1", account: "A00083527", title: "建议A市南站候车厅增设改签窗口", content: Self.window)
        let score = score(first, first)
        let sum = score.evidence.reduce(MatchWeights.handSet.prior) { $0 + $1.weight }
        #expect(abs(sum - score.logOdds) < 1e-9)
    }
}
