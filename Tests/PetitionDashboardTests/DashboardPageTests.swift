import Foundation
import PetitionDashboard
import Testing

@Suite("Dashboard page")
struct DashboardPageTests {
    static func figures() -> DashboardFigures {
        var figures = DashboardFigures()
        figures.asOf = "2024-05-15"
        figures.runID = 3
        var province = RegionFigures(name: "山东<省>", level: .province)
        province.counts.openMatters = 7
        province.counts.repeatsThisWeek = 2
        figures.root.counts = province.counts
        figures.root.children = [province]
        figures.root.weekly = [WeeklyCount(weekStart: "2024-05-13")]
        var item = BacklogProgress(caseID: "JA-1", title: "供暖 & 物业", leader: "李某", responsibleUnits: ["住建局"], status: "已化解")
        item.province = "山东<省>"
        item.newRepeats = 2
        item.needsReview = true
        figures.backlog = [item]
        return figures
    }

    @Test("every figure of the view is in the page under its key")
    func figuresCarryTheirKeys() throws {
        let view = try #require(DashboardView(figures: Self.figures(), scope: DashboardScope()))
        let html = DashboardPage(view: view, mode: .served(operatorName: "王", role: "管理员")).html()
        #expect(html.contains("data-figure=\"open_matters\">7<"))
        #expect(html.contains("data-figure=\"repeats_this_week\">2<"))
        #expect(html.contains("data-figure=\"needing_review\">1<"))
        #expect(html.contains("需滚动式审核"))
    }

    @Test("names from records are escaped, in text and in links")
    func namesAreEscaped() throws {
        let view = try #require(DashboardView(figures: Self.figures(), scope: DashboardScope()))
        let html = DashboardPage(view: view, mode: .served(operatorName: "王", role: "管理员")).html()
        #expect(!html.contains("山东<省>"))
        #expect(html.contains("山东&lt;省&gt;"))
        #expect(html.contains("供暖 &amp; 物业"))
        #expect(html.contains("href=\"/?province=%E5%B1%B1%E4%B8%9C%3C%E7%9C%81%3E\""))
    }

    @Test("the page needs nothing from the network and prints on A4 landscape")
    func selfContained() throws {
        let view = try #require(DashboardView(figures: Self.figures(), scope: DashboardScope()))
        let html = DashboardPage(view: view, mode: .file(regions: Self.figures().root)).html()
        #expect(!html.contains("<script"))
        // The SVG namespace is a name, not a fetch.
        let fetched = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!fetched.contains("http://") && !fetched.contains("https://"))
        #expect(html.contains("@page { size: A4 landscape"))
        #expect(html.contains("<svg"))
    }

    @Test("a scope names the region it shows; one with no figures gives no view")
    func scopes() {
        #expect(DashboardView(figures: Self.figures(), scope: DashboardScope(province: "山东<省>"))?.region.counts.openMatters == 7)
        #expect(DashboardView(figures: Self.figures(), scope: DashboardScope(province: "火星")) == nil)
    }
}
