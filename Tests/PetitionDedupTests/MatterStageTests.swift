import PetitionDedup
import PetitionModel
import PetitionStore
import Testing

private typealias F = AcceptanceFixtures

private func stage(_ handling: Handling, on date: String) -> MatterStage? {
    MatterStage.derive(from: [F.petition("XF-1", "2021-03-10", handling: handling)], asOf: F.day(date),
                       limits: F.rules.limits)
}

@Suite("Matter stage")
struct MatterStageTests {
    @Test("accepted and not replied: in handling, due 60 days after acceptance")
    func inHandling() throws {
        let derived = try #require(stage(F.inHandling, on: "2021-04-01"))
        #expect(derived.stage == .inHandling)
        #expect(derived.step == .handling)
        #expect(derived.organ == "历城区人民政府" && derived.level == "县级")
        #expect(derived.startedAt == F.day("2021-03-12"))
        #expect(derived.dueAt == F.day("2021-05-11"))
        #expect(derived.isWithinLimit && !derived.overdue)
    }

    @Test("past 60 days the extension of 30 is the limit, and past that the organ is overdue")
    func extensionThenOverdue() throws {
        let extended = try #require(stage(F.inHandling, on: "2021-05-20"))
        #expect(extended.dueAt == F.day("2021-06-10"))
        #expect(!extended.overdue)
        let lastDay = try #require(stage(F.inHandling, on: "2021-06-10"))
        #expect(!lastDay.overdue)
        let overdue = try #require(stage(F.inHandling, on: "2021-06-11"))
        #expect(overdue.overdue && !overdue.isWithinLimit)
        #expect(overdue.dueAt == F.day("2021-06-10"))
    }

    @Test("replied: answered, with 30 days to ask for review")
    func answered() throws {
        let derived = try #require(stage(F.concluded, on: "2021-05-10"))
        #expect(derived.stage == .answered)
        #expect(derived.repliedAt == F.day("2021-05-06"))
        #expect(derived.nextStep == .review)
        #expect(derived.windowEndsAt == F.day("2021-06-05"))
        #expect(derived.isWindowOpen)
        let handlingOnly = Handling(organ: "历城区人民政府", level: "县级", acceptedAt: F.day("2021-03-12"),
                                    repliedAt: F.day("2021-05-06"))
        #expect(stage(handlingOnly, on: "2021-06-06")?.isWindowOpen == false)
    }

    @Test("review asked: under review by the organ above, due 30 days after the request")
    func underReview() throws {
        let derived = try #require(stage(F.concluded, on: "2021-06-01"))
        #expect(derived.stage == .underReview)
        #expect(derived.step == .review)
        #expect(derived.organ == "济南市人民政府" && derived.level == "市级")
        #expect(derived.dueAt == F.day("2021-06-19"))
    }

    @Test("review answered: answered by the review, with 30 days to ask for recheck")
    func answeredByReview() throws {
        let derived = try #require(stage(F.concluded, on: "2021-06-20"))
        #expect(derived.stage == .answered)
        #expect(derived.step == .review)
        #expect(derived.nextStep == .recheck)
        #expect(derived.windowEndsAt == F.day("2021-07-15"))
    }

    @Test("recheck asked: under recheck, due 30 days after the request")
    func underRecheck() throws {
        let derived = try #require(stage(F.concluded, on: "2021-07-10"))
        #expect(derived.stage == .underRecheck)
        #expect(derived.organ == "山东省人民政府")
        #expect(derived.dueAt == F.day("2021-07-31"))
    }

    @Test("recheck answered: concluded, with the recheck organ and its date")
    func concluded() throws {
        let derived = try #require(stage(F.concluded, on: "2021-09-01"))
        #expect(derived.stage == .concluded)
        #expect(derived.organ == "山东省人民政府")
        #expect(derived.repliedAt == F.day("2021-07-28"))
        #expect(derived.dueAt == nil && !derived.overdue)
    }

    @Test("events after the day are ignored: before acceptance the matter has no stage")
    func laterEventsIgnored() {
        #expect(stage(F.concluded, on: "2021-03-11") == nil)
        #expect(stage(F.concluded, on: "2021-03-12")?.stage == .inHandling)
    }

    @Test("of several histories in a matter, the one with the latest event tells where it stands")
    func latestHistoryWins() throws {
        let reopened = Handling(organ: "济南市人民政府", level: "市级", acceptedAt: F.day("2021-10-08"))
        let matter = [F.petition("XF-1", "2021-03-10", handling: F.concluded),
                      F.petition("XF-2", "2021-10-01", level: "市级", handling: reopened)]
        let derived = try #require(MatterStage.derive(from: matter, asOf: F.day("2021-10-20"), limits: F.rules.limits))
        #expect(derived.stage == .inHandling)
        #expect(derived.petitionID == "XF-2")
        let before = try #require(MatterStage.derive(from: matter, asOf: F.day("2021-10-05"), limits: F.rules.limits))
        #expect(before.stage == .concluded)
    }
}
