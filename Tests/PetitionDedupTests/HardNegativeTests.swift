import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// Pairs written by hand, one phenomenon each, scored as the nightly job and
/// the intake check score them.
private struct Pair {
    let builder: ProfileBuilder
    let scorer = MatchScorer()

    init() throws {
        builder = try ProfileBuilder()
    }

    func score(_ a: Petition, _ b: Petition) -> PairScore {
        let profileA = builder.profile(of: a), profileB = builder.profile(of: b)
        var statistics = WordStatistics(documentCount: 1000)
        for word in profileA.words + profileB.words { statistics.documentFrequency[word, default: 0] += 3 }
        return scorer.score(profileA, profileB,
                            textSimilarity: statistics.vector(profileA).cosine(statistics.vector(profileB)))
    }
}

private func petition(_ id: String, _ date: String, name: String?, idNumber: String? = nil, phone: String? = nil,
                      county: String = "历城区", level: String = "县级", headcount: Int? = nil,
                      title: String, content: String) -> Petition {
    Petition(id: id, receivedAt: CalendarDate(parsing: date)!, level: level, province: "山东省", city: "济南市",
             county: county, petitioners: [Petitioner(name: name, idNumber: idNumber, phone: phone)],
             headcount: headcount, title: title, content: content)
}

private let zhangID = "370112198001011236"  // valid check digit
private let certificate = petition(
    "A-1", "2020-03-10", name: "张伟", idNumber: zhangID, phone: "13812345678",
    title: "反映阳光花园小区房产证办理问题",
    content: "信访人张伟反映，其于2015年3月购买阳光花园5号楼2单元301室，房款58万元，开发商至今未办理房产证，要求尽快办理。")

@Suite("Repeats and hard negatives")
struct HardNegativeTests {
    @Test("the same matter written by another clerk, in Traditional characters and full-width digits, is a repeat")
    func rewrittenRepeat() throws {
        let again = petition("A-2", "2021-05-02", name: "張某", idNumber: zhangID, phone: "138-1234-5678", level: "市级",
                             title: "陽光花園業主要求辦理不動產權證",
                             content: "張某來信稱：２０１５年３月購買陽光花園小區５號樓２單元３０１室，至今拿不到不動產權證，開發商一直推諉，請求督促辦理。")
        let score = try Pair().score(certificate, again)
        #expect(score.relation == .sameMatter)
        #expect(score.reasons.contains("同一身份证号"))
    }

    @Test("an ID number with one mistyped digit still identifies the petitioner")
    func mistypedID() throws {
        let typo = "370112198001011286"
        let again = petition("A-3", "2021-06-01", name: "张伟", idNumber: typo,
                             title: "房产证办不下来", content: "张伟反映阳光花园5号楼2单元301室的房产证至今没有办理，要求开发商办证。")
        let score = try Pair().score(certificate, again)
        #expect(score.relation == .sameMatter)
        #expect(score.reasons.contains("身份证号一位不符"))
    }

    @Test("hard negative: the same petitioner raising a different matter")
    func samePetitionerDifferentMatter() throws {
        let wages = petition("B-1", "2021-01-05", name: "张伟", idNumber: zhangID, phone: "13812345678",
                             title: "反映宏达建筑公司拖欠工资",
                             content: "张伟反映，2019年在宏达建筑工程有限公司工地务工，被拖欠工资3.2万元，要求支付。")
        #expect(try Pair().score(certificate, wages).relation != .sameMatter)
    }

    @Test("hard negative: the same estate with a different problem")
    func sameEstateDifferentProblem() throws {
        let noise = petition("B-2", "2021-02-01", name: "李娜", phone: "13900001111",
                             title: "阳光花园小区旁工地夜间施工噪音扰民",
                             content: "李娜反映，阳光花园小区旁工地夜间施工，噪音扰民严重，要求查处。")
        #expect(try Pair().score(certificate, noise).relation == .unrelated)
    }

    @Test("hard negative: the same problem at a different estate")
    func sameProblemDifferentEstate() throws {
        let other = petition("B-3", "2021-03-01", name: "王芳", idNumber: "370112199002021234",
                             title: "反映锦绣家园小区房产证办理问题",
                             content: "信访人王芳反映，其于2016年购买锦绣家园8号楼1单元502室，开发商至今未办理房产证，要求尽快办理。")
        #expect(try Pair().score(certificate, other).relation == .unrelated)
    }

    @Test("hard negative: the same problem at a different employer in another county")
    func sameProblemDifferentEmployer() throws {
        let first = petition("C-1", "2021-01-05", name: "赵强", title: "宏达公司拖欠工资",
                             content: "赵强反映宏达建筑工程有限公司拖欠其工资2万元，要求支付。")
        let second = petition("C-2", "2021-02-05", name: "赵强", county: "槐荫区", title: "恒通公司拖欠工资",
                              content: "赵强反映恒通物流有限公司拖欠其工资5万元，要求支付。")
        #expect(try Pair().score(first, second).relation != .sameMatter)
    }

    @Test("hard negative: two households of one class case are the same class, not a repeat")
    func classMembers() throws {
        let neighbour = petition("D-1", "2020-04-01", name: "刘洋", idNumber: "370112197505051238", phone: "13700002222",
                                 title: "反映阳光花园小区房产证办理问题",
                                 content: "信访人刘洋反映，其于2015年购买阳光花园7号楼1单元602室，房款49万元，开发商至今未办理房产证，要求尽快办理。")
        let score = try Pair().score(certificate, neighbour)
        #expect(score.relation == .sameClass)
    }

    @Test("a collective petition keeps its matter when another representative files")
    func collectiveRepresentative() throws {
        let first = petition("E-1", "2020-05-01", name: "孙丽", phone: "13600003333", headcount: 23,
                             title: "阳光花园业主集体反映房产证问题",
                             content: "孙丽等23户业主集体来访，反映阳光花园小区开发商未办理房产证，要求解决。")
        let second = petition("E-2", "2020-09-01", name: "周斌", phone: "13500004444", level: "市级", headcount: 20,
                              title: "阳光花园小区业主房产证办理问题",
                              content: "周斌等20户业主联名反映，阳光花园小区入住多年，开发商一直不给办理不动产权证，请求督办。")
        #expect(try Pair().score(first, second).relation == .sameMatter)
    }
}
