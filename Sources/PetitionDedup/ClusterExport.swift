import Foundation
import PetitionModel

/// `dedup --clusters FILE`: one line per matter, as DOMAIN.md specifies.
public enum ClusterExport {
    public static func write(store: any PetitionStorage, to path: String) throws {
        let lines = try store.clusters().map { cluster in
            let object: [String: Any] = [
                "matter_id": cluster.matterID, "ids": cluster.ids,
                "class_id": cluster.classID ?? NSNull(), "backlog_case_id": cluster.backlogCaseID ?? NSNull(),
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self)
        }
        try PrivateFile.write(lines.joined(separator: "\n") + (lines.isEmpty ? "" : "\n"), to: path)
    }
}
