import PetitionText

extension SearchRequest {
    /// What the audit trail records of a search, whichever door it came
    /// through: the query as typed and every filter, paging included, in the
    /// command line's option names. A filter is part of what was looked at
    /// (`--petitioner` names a person), so none may be left out.
    public func auditSubject(query text: String) -> String {
        let filters: [(String, String?)] = [
            ("--region", region), ("--category", category), ("--level", level), ("--channel", channel),
            ("--from", from?.description), ("--to", to?.description), ("--petitioner", petitioner),
            ("--stage", stage?.rawValue),
        ]
        let named = filters.compactMap { name, value in value.map { "\(name) \($0)" } }
        let paging = ["--limit \(limit)", "--offset \(offset)"]
        return ([text] + named + paging).joined(separator: " ")
    }
}
