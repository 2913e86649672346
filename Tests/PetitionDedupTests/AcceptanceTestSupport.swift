import PetitionDedup
import PetitionModel
import PetitionStore
import PetitionText

/// Small builders for the acceptance tests: dates written as clerks write them
/// in tests, petitions with only what the advice reads.
enum AcceptanceFixtures {
    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }

    static func petition(_ id: String, _ received: String, level: String? = "县级", channel: String? = "来信",
                         headcount: Int? = 1, handling: Handling? = nil) -> Petition {
        Petition(id: id, receivedAt: day(received), channel: channel, level: level, headcount: headcount,
                 content: "反映问题。", handling: handling)
    }

    /// Accepted by 历城区人民政府 (县级) on 2021-03-12: due 2021-05-11, or 2021-06-10 with the extension.
    static let inHandling = Handling(organ: "历城区人民政府", level: "县级", acceptedAt: day("2021-03-12"))

    /// The whole procedure: answered, reviewed by the city, rechecked by the province, concluded 2021-07-28.
    static let concluded = Handling(
        organ: "历城区人民政府", level: "县级", acceptedAt: day("2021-03-12"), repliedAt: day("2021-05-06"),
        review: .init(organ: "济南市人民政府", level: "市级", requestedAt: day("2021-05-20"), repliedAt: day("2021-06-15")),
        recheck: .init(organ: "山东省人民政府", level: "省级", requestedAt: day("2021-07-01"), repliedAt: day("2021-07-28")))

    static let rules = try! AcceptanceRules.bundled()
    static let advisor = AcceptanceAdvisor(rules: rules)
}
