import Foundation
import PetitionDashboard
import PetitionModel
import PetitionStore
import Testing

@Suite("Dashboard figures")
struct DashboardBuilderTests {
    typealias P = DashboardFixture

    @Test("a matter in handling is open; one whose recheck was answered is not")
    func openMattersFollowTheProcedure() throws {
        let fixture = try DashboardFixture(petitions: [
            P.petition("A-1", "2024-01-10", person: "13800000001", about: "小区供暖不热",
                       handling: #"{"organ": "历城区住建局", "level": "县级", "accepted_at": "2024-01-12"}"#),
            P.petition("B-1", "2023-01-10", person: "13800000002", about: "村里土地补偿款未发放",
                       handling: #"{"organ": "历城区农业农村局", "level": "县级", "accepted_at": "2023-01-12", "replied_at": "2023-02-01", "review": {"organ": "济南市农业农村局", "level": "市级", "requested_at": "2023-02-10", "replied_at": "2023-03-01"}, "recheck": {"organ": "山东省人民政府", "level": "省级", "requested_at": "2023-03-10", "replied_at": "2023-04-01"}}"#),
        ])
        try fixture.run()
        let figures = try fixture.figures()
        #expect(figures.asOf == "2024-01-12")
        #expect(figures.root.counts.openMatters == 1)
    }

    @Test("a matter with no handling recorded is open for the handling limit after its last petition")
    func unhandledMattersStayOpenForTheLimit() throws {
        let fixture = try DashboardFixture(petitions: [
            P.petition("A-1", "2024-05-01", person: "13800000001", about: "小区供暖不热"),
            P.petition("B-1", "2024-01-02", person: "13800000002", about: "村里土地补偿款未发放"),
        ])
        try fixture.run()
        // 2024-05-01 is the latest day; B-1 came 120 days before it, past the 60 days of handling.
        #expect(try fixture.figures().root.counts.openMatters == 1)
    }

    @Test("repeats count this week and this month in the region of each petition, and up the tree")
    func repeatsCountInTheirRegions() throws {
        let fixture = try DashboardFixture(petitions: [
            P.petition("A-1", "2024-04-02", person: "13800000001", about: "小区供暖不热"),
            // 2024-05-15 is a Wednesday: A-2 falls in its month, A-3 in its week too.
            P.petition("A-2", "2024-05-06", person: "13800000001", about: "小区供暖不热"),
            P.petition("A-3", "2024-05-14", person: "13800000001", about: "小区供暖不热"),
            P.petition("B-1", "2024-05-15", person: "13800000002", about: "工厂拖欠工资", county: "市南区", city: "青岛市"),
        ])
        try fixture.run()
        let root = try fixture.figures().root
        let province = try #require(root.child("山东省"))
        let jinan = try #require(province.child("济南市")), qingdao = try #require(province.child("青岛市"))
        #expect(jinan.counts.repeatsThisMonth == 2)
        #expect(jinan.counts.repeatsThisWeek == 1)
        #expect(qingdao.counts.repeatsThisMonth == 0)
        #expect(province.counts.petitionsThisMonth == 3)
        #expect(root.counts.repeatsThisMonth == jinan.counts.repeatsThisMonth + qingdao.counts.repeatsThisMonth)
        #expect(jinan.child("历城区")?.counts.repeatsThisWeek == 1)
    }

    @Test("a petition to a higher level than its matter reached is an escalation; five people make it collective")
    func escalationsAndCollectivePetitions() throws {
        let fixture = try DashboardFixture(petitions: [
            P.petition("A-1", "2024-05-02", person: "13800000001", about: "小区供暖不热"),
            P.petition("A-2", "2024-05-10", person: "13800000001", about: "小区供暖不热", level: "省级", headcount: 6),
        ])
        try fixture.run()
        let counts = try fixture.figures().root.counts
        #expect(counts.escalationsThisMonth == 1)
        #expect(counts.collectiveThisMonth == 1)
    }

    @Test("the trend has 26 weeks from Monday to Sunday, ending with the week of the latest day")
    func trendWeeks() throws {
        let fixture = try DashboardFixture(petitions: [
            P.petition("A-1", "2024-05-13", person: "13800000001", about: "小区供暖不热"),
            P.petition("A-2", "2024-05-15", person: "13800000001", about: "小区供暖不热"),
            P.petition("B-1", "2024-05-12", person: "13800000002", about: "工厂拖欠工资"),
        ])
        try fixture.run()
        let weekly = try fixture.figures().root.weekly
        #expect(weekly.count == 26)
        #expect(weekly.last?.weekStart == "2024-05-13")
        #expect(weekly.last?.newPetitions == 1)
        #expect(weekly.last?.repeats == 1)
        #expect(weekly[24].weekStart == "2024-05-06")
        #expect(weekly[24].newPetitions == 1)
    }

    @Test("a backlog case marked resolved that draws new repeats is flagged for review; one in progress is not")
    func resolvedCasesDrawingRepeatsAreFlagged() throws {
        let person = "13800000001"
        let fixture = try DashboardFixture(
            petitions: [P.petition("A-1", "2023-01-10", person: person, about: "小区供暖不热"),
                        P.petition("A-2", "2023-03-10", person: person, about: "小区供暖不热"),
                        P.petition("B-1", "2023-01-10", person: "13800000002", about: "工厂拖欠工资"),
                        P.petition("B-2", "2023-02-10", person: "13800000002", about: "工厂拖欠工资")],
            backlog: [Self.backlogCase("JA-1", status: "已化解", summary: "王001反映小区供暖不热，多次信访。", phone: person),
                      Self.backlogCase("JA-2", status: "化解中", summary: "王002反映工厂拖欠工资，多次信访。", phone: "13800000002")])
        try fixture.run()
        try fixture.add([P.petition("A-3", "2024-05-10", person: person, about: "小区供暖不热"),
                         P.petition("B-3", "2024-05-10", person: "13800000002", about: "工厂拖欠工资")])
        try fixture.run()
        let backlog = try fixture.figures().backlog
        let resolved = try #require(backlog.first { $0.caseID == "JA-1" })
        let inProgress = try #require(backlog.first { $0.caseID == "JA-2" })
        #expect(resolved.matters == 1)
        #expect(resolved.newRepeats == 1)
        #expect(resolved.needsReview)
        #expect(inProgress.newRepeats == 1)
        #expect(!inProgress.needsReview)
        #expect(backlog.first?.caseID == "JA-1")
    }

    static func backlogCase(_ id: String, status: String, summary: String, phone: String) -> String {
        let object: [String: Any] = [
            "case_id": id, "title": summary, "summary": summary + "联系电话\(phone)。", "province": "山东省",
            "city": "济南市", "county": "历城区", "category": "城乡建设", "opened_at": "2023-04-01",
            "leader": "历城区副区长 李某", "responsible_units": ["历城区住建局"], "status": status,
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
