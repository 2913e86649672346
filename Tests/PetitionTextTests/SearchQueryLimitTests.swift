import PetitionText
import Testing

/// A query's cost grows faster than its terms: one query may ask for a bounded number.
@Suite("Search query bounds")
struct SearchQueryLimitTests {
    @Test("more terms than allowed, OR-joined or excluded, are refused")
    func tooManyTerms() {
        let many = Array(repeating: "的", count: SearchQuery.maximumTerms + 1).joined(separator: " OR ")
        #expect(throws: SearchQuery.ParseError.tooManyTerms(limit: SearchQuery.maximumTerms)) { try SearchQuery(parsing: many) }
        let excluded = "房产证 " + (0...SearchQuery.maximumTerms).map { "-词\($0)" }.joined(separator: " ")
        #expect(throws: SearchQuery.ParseError.tooManyTerms(limit: SearchQuery.maximumTerms)) { try SearchQuery(parsing: excluded) }
    }

    @Test("the allowed number of terms is accepted")
    func allowedTerms() throws {
        let allowed = Array(repeating: "房产证", count: SearchQuery.maximumTerms).joined(separator: " OR ")
        #expect(try SearchQuery(parsing: allowed).groups.first?.count == SearchQuery.maximumTerms)
    }

    @Test("a query longer than allowed is refused before it is parsed")
    func tooLong() {
        let long = String(repeating: "房", count: SearchQuery.maximumLength + 1)
        #expect(throws: SearchQuery.ParseError.tooLong(limit: SearchQuery.maximumLength)) { try SearchQuery(parsing: long) }
    }
}
