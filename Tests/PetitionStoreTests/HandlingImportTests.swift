import Foundation
import PetitionModel
import PetitionStore
import PetitionText
import Testing

private let withHistory = """
    {"id": "XF-1", "received_at": "2021-03-10", "level": "县级", "title": "房产证", "content": "反映房产证办理问题。", "handling": {"organ": "历城区人民政府", "level": "县级", "accepted_at": "2021-03-12", "replied_at": "2021-05-06", "review": {"organ": "济南市人民政府", "level": "市级", "requested_at": "2021-05-20", "replied_at": "2021-06-15"}, "recheck": {"organ": "山东省人民政府", "level": "省级", "requested_at": "2021-07-01", "replied_at": "2021-07-28"}}}
    {"id": "XF-2", "received_at": "2021-04-01", "title": "拖欠工资", "content": "反映某公司拖欠工资。", "handling": {"organ": "历城区人力资源和社会保障局", "level": "县级", "accepted_at": "2021年4月3日"}}
    {"id": "XF-3", "received_at": "2021-04-02", "title": "物业", "content": "反映物业问题。"}
    """

/// Imports one petition line, which must be refused, and returns why.
private func refusal(_ handling: String) throws -> RecordError {
    let temporary = try TemporaryStore()
    let line = #"{"id": "XF-9", "received_at": "2021-03-10", "content": "反映问题。", "handling": "# + handling + "}"
    let summary = try temporary.importFile(try temporary.write("bad.jsonl", line))
    #expect(summary.added == 0)
    #expect(try temporary.store.petitionCount() == 0, "nothing half-written")
    return try #require(summary.rejected.first)
}

@Suite("Handling history")
struct HandlingImportTests {
    @Test("a handling history is stored with its petition and read back whole")
    func roundTrip() throws {
        let temporary = try TemporaryStore()
        let summary = try temporary.importFile(try temporary.write("h.jsonl", withHistory))
        #expect(summary.added == 3 && summary.rejected.isEmpty, "\(summary.rejected)")
        let store = temporary.store
        let (first, second, third) = (try store.storedPetition(id: "XF-1")?.petition,
                                      try store.storedPetition(id: "XF-2")?.petition,
                                      try store.storedPetition(id: "XF-3")?.petition)
        let handling = try #require(first?.handling)
        #expect(handling.organ == "历城区人民政府")
        #expect(handling.review?.organ == "济南市人民政府")
        #expect(handling.recheck?.repliedAt == CalendarDate(parsing: "2021-07-28"))
        #expect(handling.stage() == .concluded)
        #expect(second?.handling?.acceptedAt == CalendarDate(parsing: "2021-04-03"), "dates as clerks write them")
        #expect(second?.handling?.stage() == .inHandling)
        #expect(third?.handling == nil)
        #expect(try temporary.importFile(try temporary.write("h.jsonl", withHistory)).unchanged == 3)
    }

    @Test("search --stage finds the petitions whose history reached that stage")
    func stageFilter() throws {
        let temporary = try TemporaryStore()
        try temporary.importFile(try temporary.write("h.jsonl", withHistory))
        var request = SearchRequest(query: try SearchQuery(parsing: "反映"))
        request.stage = .concluded
        #expect(try temporary.store.search(request).hits.map(\.id) == ["XF-1"])
        request.stage = .inHandling
        #expect(try temporary.store.search(request).hits.map(\.id) == ["XF-2"])
        request.stage = .underReview
        #expect(try temporary.store.search(request).total == 0)
    }

    @Test("a handling history given as JSON in a CSV cell is read")
    func csvCell() throws {
        let temporary = try TemporaryStore()
        let csv = """
            id,received_at,content,handling
            CSV-1,2021-03-10,反映问题。,"{""organ"": ""历城区人民政府"", ""accepted_at"": ""2021-03-12""}"
            """
        let summary = try temporary.importFile(try temporary.write("h.csv", csv))
        #expect(summary.added == 1, "\(summary.rejected)")
        let petition = try temporary.store.storedPetition(id: "CSV-1")?.petition
        #expect(petition?.handling?.organ == "历城区人民政府")
    }

    @Test("a bad date in the history is refused, naming the field")
    func badDate() throws {
        let error = try refusal(#"{"organ": "历城区人民政府", "accepted_at": "2021-02-30"}"#)
        #expect(error.recordID == "XF-9")
        #expect(error.field == "handling.accepted_at")
        #expect(error.description.contains("不是有效日期"))
        #expect(try refusal(#"{"review": {"requested_at": "上周"}}"#).field == "handling.review.requested_at")
    }

    @Test("a reply before acceptance is refused, naming both fields")
    func replyBeforeAcceptance() throws {
        let error = try refusal(#"{"accepted_at": "2021-03-12", "replied_at": "2021-03-11"}"#)
        #expect(error.field == "handling.replied_at")
        #expect(error.message.contains("handling.replied_at（2021-03-11）早于 handling.accepted_at（2021-03-12）"))
    }

    @Test("a review or recheck out of order is refused, naming the field")
    func stepsOutOfOrder() throws {
        #expect(try refusal(#"{"replied_at": "2021-05-06", "review": {"requested_at": "2021-05-01"}}"#).field
                == "handling.review.requested_at")
        #expect(try refusal(#"{"review": {"requested_at": "2021-05-20", "replied_at": "2021-05-19"}}"#).field
                == "handling.review.replied_at")
        #expect(try refusal(#"{"review": {"replied_at": "2021-06-15"}, "recheck": {"requested_at": "2021-06-01"}}"#).field
                == "handling.recheck.requested_at")
    }

    @Test("acceptance before the petition was received is refused")
    func acceptedBeforeReceived() throws {
        let error = try refusal(#"{"accepted_at": "2021-03-01"}"#)
        #expect(error.field == "handling.accepted_at")
        #expect(error.message.contains("早于 received_at"))
    }

    @Test("an unknown level or a history that is not an object is refused")
    func badShapes() throws {
        #expect(try refusal(#"{"review": {"level": "乡级"}}"#).field == "handling.review.level")
        #expect(try refusal(#"["历城区人民政府"]"#).field == "handling")
        #expect(try refusal(#"{"review": "济南市人民政府"}"#).field == "handling.review")
    }
}
