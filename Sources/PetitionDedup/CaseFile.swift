import Foundation
import GRDB
import PetitionStore

/// Everything `petition show` tells about one petition or backlog case: the
/// record, its matter with the other petitions in time order, its class case
/// and its backlog case.
public struct CaseFile: Sendable {
    public struct Line: Sendable {
        public var id: String
        public var receivedAt: String
        public var level: String?
        public var channel: String?
        public var title: String?
        public var petitioner: String?
    }

    public struct MatterFile: Sendable {
        public var matterID: String
        public var classID: String?
        public var classSize: Int?
        public var petitions: [Line]
        public var escalations: [(id: String, from: String, to: String)]
    }

    public var petition: Petition?
    public var backlogCase: BacklogCase?
    public var matters: [MatterFile] = []

    /// The case file of a petition id or backlog case id; nil when neither exists.
    public static func load(id: String, store: PetitionStore) throws -> CaseFile? {
        try store.read { db in
            var file = CaseFile()
            var matterIDs: [String] = []
            if let (rowID, petition) = try PetitionStore.petition(id: id, in: db) {
                file.petition = petition
                if let matter = try String.fetchOne(db, sql: "SELECT matter_id FROM assignment WHERE petition_rowid = ?",
                                                    arguments: [rowID]) {
                    matterIDs = [matter]
                }
                if let caseID = try String.fetchOne(db, sql: "SELECT backlog_case_id FROM matter WHERE matter_id = ?",
                                                    arguments: [matterIDs.first]) {
                    file.backlogCase = try PetitionStore.backlogCase(caseID: caseID, in: db)
                }
            } else if let backlogCase = try PetitionStore.backlogCase(caseID: id, in: db) {
                file.backlogCase = backlogCase
                matterIDs = try String.fetchAll(db, sql: "SELECT matter_id FROM matter WHERE backlog_case_id = ? ORDER BY seq",
                                                arguments: [id])
            } else {
                return nil
            }
            for matter in matterIDs {
                let classID = try String.fetchOne(db, sql: "SELECT class_id FROM matter WHERE matter_id = ?", arguments: [matter])
                let classSize = try classID.map {
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM matter WHERE class_id = ?", arguments: [$0]) ?? 0
                }
                let lines = try Row.fetchAll(db, sql: """
                    SELECT p.id, p.received_at, p.level, p.channel, p.title,
                           (SELECT name FROM petitioner WHERE petition_rowid = p.rowid ORDER BY position LIMIT 1) AS name
                    FROM assignment a JOIN petition p ON p.rowid = a.petition_rowid
                    WHERE a.matter_id = ? ORDER BY p.received_at, p.id
                    """, arguments: [matter]).map {
                    Line(id: $0["id"], receivedAt: $0["received_at"], level: $0["level"], channel: $0["channel"],
                         title: $0["title"], petitioner: $0["name"])
                }
                let escalations = try Row.fetchAll(db, sql: """
                    SELECT p.id, e.from_level, e.to_level FROM escalation e
                    JOIN assignment a ON a.petition_rowid = e.petition_rowid JOIN petition p ON p.rowid = e.petition_rowid
                    WHERE a.matter_id = ? ORDER BY p.received_at
                    """, arguments: [matter]).map { (id: $0[0] as String, from: $0[1] as String, to: $0[2] as String) }
                file.matters.append(MatterFile(matterID: matter, classID: classID, classSize: classSize,
                                               petitions: lines, escalations: escalations))
            }
            return file
        }
    }
}

