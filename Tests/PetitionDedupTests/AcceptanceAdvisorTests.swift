import PetitionDedup
import PetitionModel
import PetitionStore
import Testing

private typealias F = AcceptanceFixtures

private let handledAtCounty = [F.petition("XF-1", "2021-03-10", handling: F.inHandling)]

@Suite("Acceptance advice")
struct AcceptanceAdvisorTests {
    @Test("the same matter filed above the handling organ within its limit is not accepted (不予受理), naming the organ and due date")
    func declineInProgress() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"), matter: handledAtCounty)
        #expect(advice.advice == .declineInProgress)
        #expect(advice.rule == "decline_in_progress")
        #expect(advice.handlingOrgan == "历城区人民政府")
        #expect(advice.dueAt == F.day("2021-05-11"))
        #expect(!advice.overdue)
        #expect(advice.reason.contains("历城区人民政府"))
        #expect(advice.reason.contains("2021-05-11"))
        #expect(advice.reason.contains("不予受理"))
    }

    @Test("within the extension the due date named is the extended one")
    func declineInExtension() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-05-25", level: "省级"), matter: handledAtCounty)
        #expect(advice.advice == .declineInProgress)
        #expect(advice.dueAt == F.day("2021-06-10"))
    }

    @Test("the same matter filed at the handling organ's own level is accepted")
    func sameLevelAccepted() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "县级"), matter: handledAtCounty)
        #expect(advice.advice == .accept)
        #expect(advice.rule == "accept_in_progress_not_above")
        #expect(advice.handlingOrgan == "历城区人民政府")
    }

    @Test("a petition without a level is not taken to be above the handling organ")
    func unknownLevelAccepted() {
        #expect(F.advisor.advise(F.petition("XF-9", "2021-04-20", level: nil), matter: handledAtCounty).advice == .accept)
    }

    @Test("an overdue matter is accepted, and flagged overdue against the handling organ")
    func overdueAccepted() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-07-01", level: "市级"), matter: handledAtCounty)
        #expect(advice.advice == .accept)
        #expect(advice.rule == "accept_overdue")
        #expect(advice.overdue)
        #expect(advice.handlingOrgan == "历城区人民政府")
        #expect(advice.dueAt == F.day("2021-06-10"))
        #expect(advice.reason.contains("超期"))
    }

    @Test("after the recheck has concluded the same matter is no longer accepted (不再受理), naming the recheck organ and date")
    func declineConcluded() {
        let matter = [F.petition("XF-1", "2021-03-10", handling: F.concluded)]
        let advice = F.advisor.advise(F.petition("XF-9", "2021-09-01", level: "县级"), matter: matter)
        #expect(advice.advice == .declineConcluded)
        #expect(advice.rule == "decline_concluded")
        #expect(advice.handlingOrgan == "山东省人民政府")
        #expect(advice.dueAt == nil)
        #expect(advice.reason.contains("山东省人民政府"))
        #expect(advice.reason.contains("2021-07-28"))
        #expect(advice.reason.contains("不再受理"))
    }

    @Test("the advice is the matter's as it stood on the new petition's date, not today")
    func nowIsReceivedAt() {
        let matter = [F.petition("XF-1", "2021-03-10", handling: F.concluded)]
        let advice = F.advisor.advise(F.petition("XF-9", "2021-06-01", level: "省级"), matter: matter)
        #expect(advice.advice == .declineInProgress)
        #expect(advice.stage?.stage == .underReview)
        #expect(advice.handlingOrgan == "济南市人民政府")
    }

    @Test("a new matter is accepted")
    func newMatterAccepted() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"), matter: [])
        #expect(advice.advice == .accept)
        #expect(advice.rule == "accept_new_matter")
        #expect(advice.handlingOrgan == nil && advice.dueAt == nil && !advice.overdue && advice.stage == nil)
    }

    @Test("a repeat of a matter without any recorded history is accepted, asking to check how it was handled")
    func repeatWithoutHistory() {
        let advice = F.advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"),
                                      matter: [F.petition("XF-1", "2021-03-10")])
        #expect(advice.advice == .accept)
        #expect(advice.rule == "accept_repeat_without_history")
    }

    @Test("the petition itself among the matter's petitions is left out")
    func selfLeftOut() {
        let itself = F.petition("XF-1", "2021-04-20", level: "市级", handling: F.inHandling)
        #expect(F.advisor.advise(itself, matter: [itself]).rule == "accept_new_matter")
    }

    @Test("a collective visit of more than five people is told to choose at most five representatives")
    func fiveRepresentativesNote() throws {
        let visit = F.petition("XF-9", "2021-04-20", level: "市级", channel: "来访", headcount: 12)
        let advice = F.advisor.advise(visit, matter: handledAtCounty)
        let note = try #require(advice.note)
        #expect(note.contains("12人"))
        #expect(note.contains("不超过5人"))
        #expect(advice.advice == .declineInProgress)
        #expect(F.advisor.advise(F.petition("XF-9", "2021-04-20", channel: "来访", headcount: 5), matter: []).note == nil)
        #expect(F.advisor.advise(F.petition("XF-9", "2021-04-20", channel: "来信", headcount: 12), matter: []).note == nil)
    }

    @Test("a bureau's shorter limits make the same petition overdue")
    func bureauLimitsApply() throws {
        var text = F.rules.text
        text = text.replacingOccurrences(of: "handling_days = 60", with: "handling_days = 20")
        text = text.replacingOccurrences(of: "extension_days = 30", with: "extension_days = 10")
        let advisor = AcceptanceAdvisor(rules: try AcceptanceRules(text: text, source: "局规则.txt"))
        let advice = advisor.advise(F.petition("XF-9", "2021-04-20", level: "市级"), matter: handledAtCounty)
        #expect(advice.advice == .accept)
        #expect(advice.overdue)
        #expect(advice.dueAt == F.day("2021-04-11"))
    }
}
