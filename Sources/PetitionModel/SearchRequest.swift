import Foundation
import PetitionText

/// What an investigator asks for: a query and optional filters.
public struct SearchRequest: Sendable {
    public var query: SearchQuery
    /// Province, city or county name (or its beginning), or a region code prefix.
    public var region: String?
    public var category: String?
    public var level: String?
    public var channel: String?
    public var from: CalendarDate?
    public var to: CalendarDate?
    /// A petitioner's name, resident ID number or phone.
    public var petitioner: String?
    /// How far the petition's own handling history goes (its `handling_stage`).
    public var stage: Handling.Stage?
    public var limit = 20
    public var offset = 0
    /// When the caller stops waiting (a service request's deadline): the
    /// database stops the search then too, rather than finish it for nobody.
    public var deadline: ContinuousClock.Instant?

    public init(query: SearchQuery) {
        self.query = query
    }

    /// Whether anything besides the query narrows the search.
    public var hasFilters: Bool {
        [region, category, level, channel, petitioner].contains { !($0 ?? "").isEmpty } || from != nil || to != nil
            || stage != nil
    }
}
