import Foundation
import PetitionModel

/// Everything `petition show` tells about one petition or backlog case: the
/// record, its matter with the other petitions in time order, its class case
/// and its backlog case.
public struct CaseFile: Sendable {
    /// One petition of a matter as a case file lists it: the store's ``MatterMember``.
    public typealias Line = MatterMember

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
            let lines = try store.members(ofMatter: matter)
            file.matters.append(MatterFile(matterID: matter, classID: classID,
                                           classSize: try classID.map(store.matterCount(inClass:)),
                                           petitions: lines, escalations: try store.escalations(inMatter: matter)))
        }
        return file
    }
}

extension CaseFile {
    /// The case file as a role without a reveal sees it: every record in it masked.
    public var masked: CaseFile {
        var copy = self
        copy.petition = petition?.masked
        copy.backlogCase = backlogCase?.masked
        copy.matters = matters.map { matter in
            var matter = matter
            matter.petitions = matter.petitions.map(\.masked)
            return matter
        }
        return copy
    }
}
