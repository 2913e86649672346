import Foundation
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
    public static func load(id: String, store: any PetitionStorage) throws -> CaseFile? {
        var file = CaseFile()
        var matterIDs: [String] = []
        if let (_, petition) = try store.storedPetition(id: id) {
            file.petition = petition
            if let matter = try store.matterID(ofPetition: id) {
                matterIDs = [matter]
                if let caseID = try store.matter(matter)?.backlogCaseID { file.backlogCase = try store.backlogCase(id: caseID) }
            }
        } else if let backlogCase = try store.backlogCase(id: id) {
            file.backlogCase = backlogCase
            matterIDs = try store.matterIDs(ofBacklogCase: id)
        } else {
            return nil
        }
        for matter in matterIDs {
            let classID = try store.matter(matter)?.classID
            let lines = try store.members(ofMatter: matter).map {
                Line(id: $0.id, receivedAt: $0.receivedAt, level: $0.level, channel: $0.channel, title: $0.title,
                     petitioner: $0.petitioner)
            }
            file.matters.append(MatterFile(matterID: matter, classID: classID,
                                           classSize: try classID.map(store.matterCount(inClass:)),
                                           petitions: lines, escalations: try store.escalations(inMatter: matter)))
        }
        return file
    }
}
