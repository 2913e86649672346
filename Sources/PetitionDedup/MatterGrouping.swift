import Foundation
import PetitionStore
import PetitionText

/// Matters as groups of petitions, and what is derived from them: class cases
/// and escalations.
struct MatterGrouping {
    let index: CorpusIndex
    /// Matter id of each index entry.
    let matterOf: [String]
    /// Entry indices of each matter, in time order.
    let members: [String: [Int]]

    init(index: CorpusIndex, matterOf: [String]) {
        self.index = index
        self.matterOf = matterOf
        var members: [String: [Int]] = [:]
        for (offset, matter) in matterOf.enumerated() where !matter.isEmpty {
            members[matter, default: []].append(offset)
        }
        self.members = members
    }

    struct ClassGroup {
        let classID: String
        let place: String
        let concept: String
        let matters: [String]
    }

    struct Classes {
        var groups: [ClassGroup] = []
        var classOfMatter: [String: String] = [:]
        var signatureOfClass: [String: String] = [:]
    }

    /// Where a class case can stand: an estate, an employer or institution that
    /// is not a government body, or a village.
    static func classPlaces(_ entities: Entities) -> [String] {
        if !entities.estates.isEmpty { return entities.estates.sorted() }
        let employers = entities.organizations.filter { name in
            ["公司", "集团", "厂", "医院", "学校", "中学", "小学", "幼儿园", "合作社", "酒店", "超市", "商场"]
                .contains { name.hasSuffix($0) }
        }
        if !employers.isEmpty { return employers.sorted() }
        return entities.places.filter { $0.hasSuffix("村") }.sorted()
    }

    /// Class cases: at least two matters — different petitioners — with the same
    /// kind of problem at the same place of the same county.
    func classes() -> Classes {
        var signaturesOfMatter: [String: Set<String>] = [:]
        for (matter, offsets) in members {
            var signatures: Set<String> = []
            for offset in offsets {
                let profile = index.entries[offset].profile
                for place in Self.classPlaces(profile.entities) {
                    for concept in profile.concepts {
                        signatures.insert("\(profile.county ?? profile.city ?? "")|\(place)|\(concept)")
                    }
                }
            }
            signaturesOfMatter[matter] = signatures
        }
        var mattersOfSignature: [String: Int] = [:]
        for signatures in signaturesOfMatter.values {
            for signature in signatures { mattersOfSignature[signature, default: 0] += 1 }
        }
        var chosen: [String: [String]] = [:]
        for (matter, signatures) in signaturesOfMatter {
            let best = signatures.max { a, b in
                let ca = mattersOfSignature[a]!, cb = mattersOfSignature[b]!
                return ca != cb ? ca < cb : a > b
            }
            if let best, mattersOfSignature[best]! >= 2 { chosen[best, default: []].append(matter) }
        }
        var classes = Classes()
        for (signature, matters) in chosen where matters.count >= 2 {
            let sorted = matters.sorted()
            let classID = "C-" + sorted[0].dropFirst(2)
            let parts = signature.split(separator: "|", omittingEmptySubsequences: false)
            classes.groups.append(ClassGroup(classID: classID, place: String(parts[1]), concept: String(parts[2]),
                                             matters: sorted))
            classes.signatureOfClass[classID] = signature
            for matter in sorted { classes.classOfMatter[matter] = classID }
        }
        classes.groups.sort { $0.classID < $1.classID }
        return classes
    }

    struct Escalation {
        let rowID: Int64
        let id: String
        let matter: String
        let earlierID: String
        let fromLevel: String
        let toLevel: String
        let skippedLevels: Int
    }

    /// Petitions filed at a higher level than any earlier petition of their matter.
    func escalations() -> [Escalation] {
        var result: [Escalation] = []
        for (matter, offsets) in members {
            var highest: (rank: Int, offset: Int)?
            for offset in offsets {
                guard let rank = index.entries[offset].profile.levelRank else { continue }
                if let current = highest, rank > current.rank {
                    let entry = index.entries[offset], earlier = index.entries[current.offset]
                    result.append(Escalation(rowID: entry.rowID, id: entry.id, matter: matter, earlierID: earlier.id,
                                             fromLevel: Petition.levels[current.rank], toLevel: Petition.levels[rank],
                                             skippedLevels: rank - current.rank - 1))
                }
                if highest == nil || rank > highest!.rank { highest = (rank, offset) }
            }
        }
        return result.sorted { $0.rowID < $1.rowID }
    }
}
