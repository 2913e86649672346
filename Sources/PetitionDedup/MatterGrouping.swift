import Foundation
import PetitionModel
import PetitionText

/// Matters as groups of petitions, and what is derived from them: class cases
/// and escalations.
struct MatterGrouping {
    let index: CorpusIndex
    /// Matter id of each index entry ("" for none).
    let matterOf: [String]
    /// Entry offsets grouped by matter sequence number, each group in time
    /// order: the members of matter `n` are `memberOffsets[memberStart[n]..<memberStart[n + 1]]`.
    /// Flat arrays rather than an array per matter: a million petitions make
    /// half a million matters.
    private let memberOffsets: [Int32]
    private let memberStart: [Int32]

    init(index: CorpusIndex, matterOf: [String]) {
        self.index = index
        self.matterOf = matterOf
        let sequences = matterOf.map { MatterID.sequence($0) ?? 0 }
        var start = [Int32](repeating: 0, count: (sequences.max() ?? 0) + 2)
        for sequence in sequences where sequence > 0 { start[sequence + 1] += 1 }
        for position in start.indices.dropFirst() { start[position] += start[position - 1] }
        var next = start
        var offsets = [Int32](repeating: 0, count: Int(start.last!))
        for (offset, sequence) in sequences.enumerated() where sequence > 0 {
            offsets[Int(next[sequence])] = Int32(offset)
            next[sequence] += 1
        }
        memberOffsets = offsets
        memberStart = start
    }

    /// Sequence numbers of the matters with members.
    private var sequences: [Int] {
        (1..<max(1, memberStart.count - 1)).filter { memberStart[$0] < memberStart[$0 + 1] }
    }

    /// Entry offsets of a matter's petitions, in time order.
    func members(of matter: String) -> [Int] {
        guard let sequence = MatterID.sequence(matter), sequence + 1 < memberStart.count else { return [] }
        return members(sequence)
    }

    private func members(_ sequence: Int) -> [Int] {
        memberOffsets[Int(memberStart[sequence])..<Int(memberStart[sequence + 1])].map(Int.init)
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

    /// The (region, place, problem) signatures a petition could share with a
    /// class case: every class place it names with every problem it is about.
    /// The region is the county, else the city: a place name without one is
    /// shared across a province (every city has its 时代广场), so a petition
    /// whose record gives neither joins no class.
    static func classSignatures(of profile: PetitionProfile) -> [String] {
        guard let region = profile.county ?? profile.city, !region.isEmpty else { return [] }
        var signatures: [String] = []
        for place in classPlaces(profile.entities) {
            for concept in profile.primaryConcepts {
                signatures.append("\(region)|\(place)|\(concept)")
            }
        }
        return signatures
    }

    /// Who raised a matter, as far as its first petition says: its first
    /// account, ID number or phone, else its first petitioner's full name; 0
    /// when it says nothing. Two matters of one petitioner are not a class.
    private func petitioner(of sequence: Int) -> UInt64 {
        guard let first = members(sequence).first, let features = index.features[first] else { return 0 }
        return features.accounts.first ?? features.ids.first ?? features.phones.first ?? features.primaryName
    }

    /// Class cases: at least two matters — different petitioners — with the same
    /// kind of problem at the same place of the same county.
    func classes() -> Classes {
        var signaturesOfMatter: [(matter: Int, signatures: [UInt64])] = []
        for sequence in sequences {
            var signatures: Set<UInt64> = []
            for offset in members(sequence) { signatures.formUnion(index.entries[offset].classSignatures) }
            if !signatures.isEmpty { signaturesOfMatter.append((sequence, Array(signatures))) }
        }
        var mattersOfSignature: [UInt64: Int] = [:]
        for (_, signatures) in signaturesOfMatter {
            for signature in signatures { mattersOfSignature[signature, default: 0] += 1 }
        }
        var chosen: [String: [String]] = [:]
        for (sequence, signatures) in signaturesOfMatter {
            let matter = MatterID.format(sequence)
            let best = signatures.max { a, b in
                let ca = mattersOfSignature[a]!, cb = mattersOfSignature[b]!
                return ca != cb ? ca < cb : index.signatureText[a]! > index.signatureText[b]!
            }
            if let best, mattersOfSignature[best]! >= 2 { chosen[index.signatureText[best]!, default: []].append(matter) }
        }
        var classes = Classes()
        for (signature, matters) in chosen where matters.count >= 2 {
            // Different petitioners: of several matters of one petitioner, the first stays.
            var seen: Set<UInt64> = []
            let sorted = matters.sorted().filter { matter in
                let who = petitioner(of: MatterID.sequence(matter) ?? 0)
                return who == 0 || seen.insert(who).inserted
            }
            guard sorted.count >= 2 else { continue }
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
        for sequence in sequences {
            let matter = MatterID.format(sequence)
            var highest: (rank: Int, offset: Int)?
            for offset in members(sequence) {
                let rank = Int(index.entries[offset].levelRank)
                guard rank >= 0 else { continue }
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
