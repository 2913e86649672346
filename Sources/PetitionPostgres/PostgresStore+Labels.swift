import PetitionModel
import PostgresNIO

/// Officials' judgments of pairs: `pair_label`, keyed by the pair, as on SQLite.
extension PostgresStore: PairLabelRepository {
    public func saveLabels(_ labels: [PairLabel]) throws {
        guard !labels.isEmpty else { return }
        try write { session in
            for label in labels {
                try session.execute("""
                    INSERT INTO pair_label (first_id, second_id, judgment, operator, labelled_at, source)
                    VALUES (\(label.first), \(label.second), \(label.judgment.rawValue), \(label.operatorName),
                            \(label.labelledAt), \(label.source))
                    ON CONFLICT (first_id, second_id) DO UPDATE SET judgment = excluded.judgment,
                        operator = excluded.operator, labelled_at = excluded.labelled_at, source = excluded.source
                    """)
            }
        }
    }

    public func pairLabels() throws -> [PairLabel] {
        try read { session in
            try session.rows("""
                SELECT first_id, second_id, judgment, operator, labelled_at, source FROM pair_label
                ORDER BY labelled_at, first_id, second_id
                """).map { row in
                let (first, second, judgment, operatorName, at, source) = try row.decode(
                    (String, String, String, String, String, String).self)
                return PairLabel(first, second, judgment: PairLabel.Judgment(rawValue: judgment) ?? .skipped,
                                 operatorName: operatorName, labelledAt: at, source: source)
            }
        }
    }
}
