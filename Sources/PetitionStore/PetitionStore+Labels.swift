import Foundation
import PetitionModel
import GRDB

/// Officials' judgments of pairs in SQLite: `pair_label`, keyed by the pair.
extension PetitionStore: PairLabelRepository {
    public func saveLabels(_ labels: [PairLabel]) throws {
        guard !labels.isEmpty else { return }
        try write { db in
            for label in labels {
                try db.execute(sql: """
                    INSERT INTO pair_label (first_id, second_id, judgment, operator, labelled_at, source)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (first_id, second_id) DO UPDATE SET judgment = excluded.judgment,
                        operator = excluded.operator, labelled_at = excluded.labelled_at, source = excluded.source
                    """, arguments: [label.first, label.second, label.judgment.rawValue, label.operatorName,
                                     label.labelledAt, label.source])
            }
        }
    }

    public func pairLabels() throws -> [PairLabel] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM pair_label ORDER BY labelled_at, first_id, second_id").map { row in
                PairLabel(row["first_id"], row["second_id"],
                          judgment: PairLabel.Judgment(rawValue: row["judgment"]) ?? .skipped,
                          operatorName: row["operator"], labelledAt: row["labelled_at"], source: row["source"])
            }
        }
    }
}
