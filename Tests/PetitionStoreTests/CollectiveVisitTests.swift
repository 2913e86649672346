import PetitionModel
import PetitionStore
import PetitionText
import Testing

/// 集体访 is read from the recorded headcount alone, so the check, the report
/// and the dashboard count the same petitions.
@Suite("Collective visits")
struct CollectiveVisitTests {
    static func petition(headcount: Int?, content: String = "信访人反映小区物业问题。") -> Petition {
        Petition(id: "XF-1", receivedAt: CalendarDate(year: 2023, month: 3, day: 1)!, headcount: headcount,
                 title: "反映小区物业问题", content: content)
    }

    @Test("five or more recorded petitioners make a collective visit")
    func fiveOrMore() {
        #expect(Self.petition(headcount: 5).isCollective)
        #expect(Self.petition(headcount: 48).isCollective)
        #expect(!Self.petition(headcount: 4).isCollective)
    }

    @Test("a text naming a group does not make one petitioner's letter collective")
    func textAlone() {
        #expect(!Self.petition(headcount: 1, content: "我代表本村48户村民反映征地补偿问题。").isCollective)
        #expect(!Self.petition(headcount: nil, content: "全体业主共300户联名反映。").isCollective)
    }
}
