import Foundation
import PetitionModel
import PetitionText
import PostgresNIO

/// Petitions, backlog cases and the detector's per-petition bytes:
/// `petition` (partitioned by city) with `petition_ref`, `petitioner`,
/// `backlog_case`, `petition_profile` and `block_key`, as on SQLite.
extension PostgresStore: PetitionRepository {
    static let petitionColumns = """
        p.rowid, p.id, p.received_at, p.channel, p.level, p.province, p.city, p.county, p.region_code, p.headcount, \
        p.respondent, p.category, p.title, p.content, p.handling
        """

    public func petitionCount() throws -> Int {
        try read { session in
            try session.scalar(PostgresQuery(unsafeSQL: "SELECT count(*) FROM petition_ref p WHERE true" + cityFilter("p")),
                               as: Int.self) ?? 0
        }
    }

    public func storedPetition(id: String) throws -> (rowID: Int64, petition: Petition)? {
        try read { session in
            try Self.petitions(locatedBy: "r.id = $1",
                               binds: { $0.append(id) }, in: session).first
        }
    }

    public func petition(rowID: Int64) throws -> Petition? {
        try read { session in
            try Self.petitions(locatedBy: "r.rowid = $1", binds: { $0.append(rowID) }, in: session).first?.petition
        }
    }

    public func backlogCase(id: String) throws -> BacklogCase? {
        try read { session in
            try Self.backlogCases(where: "case_id = $1", binds: { $0.append(id) }, in: session).first
        }
    }

    /// Every backlog case; in a city's view (``scoped(toCity:)``), the cases of
    /// that city and those that name no city. The nightly job profiles every
    /// case it is given against the petitions it holds: a province's thousands
    /// of cases cost a city's run about 5 s at 1,000,000 petitions, whatever
    /// the city's size, and a case of another city finds nothing in this one.
    /// A case names its city as a clerk wrote it, so it is compared with the
    /// names the city's petitions use, folded (煙台市 is 烟台市).
    public func backlogCases() throws -> [BacklogCase] {
        try read { session in
            let cases = try Self.backlogCases(where: "true", binds: { _ in }, in: session)
            guard region != nil else { return cases }
            let names = try session.column(PostgresQuery(unsafeSQL: """
                SELECT DISTINCT p.city FROM petition p WHERE p.city IS NOT NULL\(cityFilter("p"))
                """), as: String.self)
            let cities = Set(names.map(Self.foldedName))
            return cases.filter { backlogCase in
                guard let city = backlogCase.city, !city.isEmpty else { return true }
                return cities.contains(Self.foldedName(city))
            }
        }
    }

    /// A place name as the analyzer folds it (Traditional to Simplified, full width to half).
    static func foldedName(_ name: String) -> [UInt32] {
        FoldedText(name.trimmingCharacters(in: .whitespaces)).codePoints
    }

    public func timeline() throws -> [TimelineEntry] {
        try snapshot { session in
            var entries: [TimelineEntry] = []
            try session.forEachRow(PostgresQuery(unsafeSQL: """
                SELECT p.rowid, p.id, a.matter_id IS NOT NULL FROM petition p
                LEFT JOIN assignment a ON a.petition_rowid = p.rowid WHERE true\(cityFilter("p")) ORDER BY p.received_at, p.id
                """), batch: 20_000) { row in
                let (rowID, id, assigned) = try row.decode((Int64, String, Bool).self)
                entries.append(TimelineEntry(rowID: rowID, id: id, isAssigned: assigned))
                return true
            }
            return entries
        }
    }

    public func storedProfiles(of rowIDs: [Int64]) throws -> [Int64: StoredProfile] {
        guard !rowIDs.isEmpty else { return [:] }
        return try read { session in
            var profiles: [Int64: StoredProfile] = [:]
            for row in try session.rows("""
                SELECT petition_rowid, profile, vector, indexed IS NOT NULL FROM petition_profile
                WHERE petition_rowid = ANY(\(rowIDs))
                """) {
                let (rowID, profile, vector, indexed) = try row.decode((Int64, Data, Data?, Bool).self)
                profiles[rowID] = StoredProfile(profile: profile, vector: vector, hasIndexRecord: indexed)
            }
            return profiles
        }
    }

    public func forEachIndexRecord(_ body: (Int64, Data?, Data?) throws -> Bool) throws {
        try snapshot { session in
            // Storage order on SQLite is row order; here it is made so.
            let query = region == nil
                ? "SELECT petition_rowid, indexed, vector FROM petition_profile ORDER BY petition_rowid"
                : """
                  SELECT pp.petition_rowid, pp.indexed, pp.vector FROM petition_ref p
                  JOIN petition_profile pp ON pp.petition_rowid = p.rowid WHERE true\(cityFilter("p")) ORDER BY p.rowid
                  """
            try session.forEachRow(PostgresQuery(unsafeSQL: query), batch: 5000) { row in
                let (rowID, record, vector) = try row.decode((Int64, Data?, Data?).self)
                return try body(rowID, record, vector)
            }
        }
    }

    public func saveProfiles(_ profiles: [(rowID: Int64, derived: DerivedPetitionData)]) throws {
        guard !profiles.isEmpty else { return }
        try write { session in try Self.save(profiles, in: session) }
    }

    public func saveIndexRecords(_ records: [(rowID: Int64, record: Data)]) throws {
        guard !records.isEmpty else { return }
        try write { session in
            for (rowID, record) in records {
                try session.execute("UPDATE petition_profile SET indexed = \(record) WHERE petition_rowid = \(rowID)")
            }
        }
    }

    public func profiledRowIDs() throws -> [Int64] {
        try read { session in
            try session.column(PostgresQuery(unsafeSQL: """
                SELECT pp.petition_rowid FROM petition_profile pp
                \(region == nil ? "" : "JOIN petition_ref p ON p.rowid = pp.petition_rowid WHERE true" + cityFilter("p"))
                ORDER BY pp.petition_rowid
                """), as: Int64.self)
        }
    }

    public func rowIDs(filedUnder key: String, limit: Int) throws -> [Int64] {
        try read { session in
            var binds = PostgresBindings()
            binds.append(key)
            binds.append(limit)
            return try session.query(sql: """
                SELECT b.petition_rowid FROM block_key b
                \(region == nil ? "" : "JOIN petition_ref p ON p.rowid = b.petition_rowid")
                WHERE b.key = $1\(cityFilter("p")) ORDER BY b.petition_rowid LIMIT $2
                """, binds).rows.map { try $0.decode(Int64.self) }
        }
    }

    public func keys(of rowID: Int64) throws -> [String] {
        try read { try $0.column("SELECT key FROM block_key WHERE petition_rowid = \(rowID)", as: String.self) }
    }

    /// Matches ranked by the check's text query at most. Ranking reads each
    /// match's vector (GIN keeps no positions), about 9 µs a row; a query
    /// whose "rare" words turn out common as substrings (市政府 inside 烟台市政府)
    /// can match tens of thousands. Past this many, the first found (in
    /// storage order) are ranked, which bounds a check's text query at about
    /// 10 ms whatever the words; FTS5 ranks every match in far less.
    static let rankedTextMatches = 1000

    /// The check's text candidates: each word's bigrams anywhere in the
    /// petition, not side by side (``TSQueryExpression/compile(_:adjacent:)``),
    /// so that the GIN index answers without reading rows, and the first
    /// ``rankedTextMatches`` found ranked by `ts_rank` (term frequency, with
    /// search's column weights): search's `ts_rank_cd` measures how close the
    /// terms stand, which an OR of single words hardly needs, at twice the cost.
    public func rowIDs(matching query: SearchQuery, limit: Int) throws -> [Int64] {
        let tsquery = TSQueryExpression.compile(query, adjacent: false)
        return try read { session in
            try session.column("""
                SELECT rowid FROM (
                    SELECT rowid, search FROM petition_search p WHERE search @@ \(tsquery)::tsquery \(unescaped: cityFilter("p"))
                    LIMIT \(Self.rankedTextMatches)
                ) found
                ORDER BY ts_rank(\(unescaped: Self.rankWeights), search, \(tsquery)::tsquery, 1) DESC, rowid LIMIT \(limit)
                """, as: Int64.self)
        }
    }

    public func candidates(_ rowIDs: [Int64]) throws -> [CandidateRecord] {
        guard !rowIDs.isEmpty else { return [] }
        return try read { session in
            // From petition_ref, not the partitioned table (see migration 5), one index lookup per row.
            try session.rows("""
                SELECT r.id, r.received_at, r.level, a.matter_id, pp.profile, pp.vector
                FROM unnest(\(rowIDs)::bigint[]) AS c(rowid)
                JOIN petition_ref r ON r.rowid = c.rowid
                JOIN petition_profile pp ON pp.petition_rowid = c.rowid
                LEFT JOIN assignment a ON a.petition_rowid = c.rowid
                """).map { row in
                let (id, receivedAt, level, matter, profile, vector) = try row.decode(
                    (String, String, String?, String?, Data, Data?).self)
                return CandidateRecord(id: id, receivedAt: receivedAt, level: level, matterID: matter, profile: profile,
                                       vector: vector)
            }
        }
    }
}

extension PostgresStore {
    /// Petitions found through `petition_ref` by a condition on `r`, then read
    /// from their own cities' partitions only. A condition on the partitioned
    /// table that does not name the city is planned against every partition,
    /// about 2 ms a query at 25 cities, on the intake check's path; with the
    /// cities given, the plan holds only theirs.
    static func petitions(locatedBy condition: String, binds: (inout PostgresBindings) -> Void,
                          orderBy: String = "p.rowid", in session: PostgresSession) throws -> [(rowID: Int64, petition: Petition)] {
        let located = try locate(condition, binds: binds, in: session)
        guard !located.rowIDs.isEmpty else { return [] }
        return try petitions(where: "p.city_code = ANY($1) AND p.rowid = ANY($2)",
                             binds: { $0.append(located.cities); $0.append(located.rowIDs) }, orderBy: orderBy, in: session)
    }

    /// The rows and their cities that a condition on `r` (`petition_ref`) finds.
    static func locate(_ condition: String, binds: (inout PostgresBindings) -> Void,
                       in session: PostgresSession) throws -> (rowIDs: [Int64], cities: [String]) {
        var bindings = PostgresBindings()
        binds(&bindings)
        let rows = try session.query(sql: "SELECT r.rowid, r.city_code FROM petition_ref r WHERE \(condition)", bindings).rows
        var rowIDs: [Int64] = [], cities: Set<String> = []
        for row in rows {
            let (rowID, city) = try row.decode((Int64, String).self)
            rowIDs.append(rowID)
            cities.insert(city)
        }
        return (rowIDs, cities.sorted())
    }

    /// Petitions with their petitioners, by a condition on `p`.
    static func petitions(where condition: String, binds: (inout PostgresBindings) -> Void, orderBy: String = "p.rowid",
                          in session: PostgresSession) throws -> [(rowID: Int64, petition: Petition)] {
        var bindings = PostgresBindings()
        binds(&bindings)
        let rows = try session.query(sql: "SELECT \(petitionColumns) FROM petition p WHERE \(condition) ORDER BY \(orderBy)",
                                     bindings).rows
        guard !rows.isEmpty else { return [] }
        var decoded: [(Int64, Petition)] = []
        for row in rows {
            let (rowID, id, receivedAt, channel, level, province, city, county, regionCode, headcount, respondent,
                 category, title, content, handling) = try row.decode(
                    (Int64, String, String, String?, String?, String?, String?, String?, String?, Int?, String?, String?,
                     String?, String, String?).self)
            decoded.append((rowID, Petition(
                id: id, receivedAt: CalendarDate(parsing: receivedAt)!, channel: channel, level: level,
                province: province, city: city, county: county, regionCode: regionCode, petitioners: [],
                headcount: headcount, respondent: respondent, category: category, title: title, content: content,
                handling: Handling(storedJSON: handling))))
        }
        var petitioners: [Int64: [Petitioner]] = [:]
        for row in try session.rows("""
            SELECT petition_rowid, name, id_number, phone FROM petitioner
            WHERE petition_rowid = ANY(\(decoded.map(\.0))) ORDER BY petition_rowid, position
            """) {
            let (rowID, name, idNumber, phone) = try row.decode((Int64, String?, String?, String?).self)
            petitioners[rowID, default: []].append(Petitioner(name: name, idNumber: idNumber, phone: phone))
        }
        return decoded.map { rowID, petition in
            var petition = petition
            petition.petitioners = petitioners[rowID] ?? []
            return (rowID, petition)
        }
    }

    static func backlogCases(where condition: String, binds: (inout PostgresBindings) -> Void,
                             in session: PostgresSession) throws -> [BacklogCase] {
        var bindings = PostgresBindings()
        binds(&bindings)
        return try session.query(sql: """
            SELECT case_id, title, summary, province, city, county, category, opened_at, leader, responsible_units, status
            FROM backlog_case WHERE \(condition) ORDER BY case_id
            """, bindings).rows.map { row in
            let (caseID, title, summary, province, city, county, category, openedAt, leader, units, status) = try row.decode(
                (String, String, String?, String?, String?, String?, String?, String?, String?, String, String?).self)
            let unitList = (try? JSONSerialization.jsonObject(with: Data(units.utf8))) as? [String] ?? []
            return BacklogCase(caseID: caseID, title: title, summary: summary, province: province, city: city,
                               county: county, category: category, openedAt: openedAt.flatMap(CalendarDate.init(parsing:)),
                               leader: leader, responsibleUnits: unitList, status: status)
        }
    }

    /// Stores petitions' derived data, replacing what the detector kept of
    /// them: their vector and index record belong to the text they were made from.
    static func save(_ profiles: [(rowID: Int64, derived: DerivedPetitionData)], in session: PostgresSession) throws {
        guard !profiles.isEmpty else { return }
        // The last of a row's entries wins, as successive statements do on SQLite.
        var latest: [Int64: DerivedPetitionData] = [:]
        var order: [Int64] = []
        for (rowID, derived) in profiles {
            if latest.updateValue(derived, forKey: rowID) == nil { order.append(rowID) }
        }
        var insert = MultiRowInsert("INSERT INTO petition_profile (petition_rowid, profile)", columns: 2, tail: """
            ON CONFLICT (petition_rowid) DO UPDATE SET profile = EXCLUDED.profile, vector = NULL, indexed = NULL
            """)
        var keys: [String] = [], keyRows: [Int64] = []
        for rowID in order {
            let derived = latest[rowID]!
            insert.add([.integer(rowID), .bytes(derived.profile)])
            for key in derived.keys {
                keys.append(key)
                keyRows.append(rowID)
            }
        }
        try insert.run(in: session)
        try session.execute("DELETE FROM block_key WHERE petition_rowid = ANY(\(order))")
        if !keys.isEmpty {
            try session.execute("""
                INSERT INTO block_key (key, petition_rowid) SELECT * FROM unnest(\(keys)::text[], \(keyRows)::bigint[])
                ON CONFLICT DO NOTHING
                """)
        }
    }
}
