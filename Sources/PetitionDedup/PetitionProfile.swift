import Foundation
import PetitionModel
import PetitionText

/// What the repeat detector knows of one petition: who raised it, what exactly
/// it names, what kind of problem it is, and its words. Computed once at import
/// and stored with the petition.
public struct PetitionProfile: Sendable, Equatable {
    /// Canonical resident ID numbers of the petitioners.
    public var idNumbers: [String] = []
    public var phones: [String] = []
    /// Names written in full (张伟).
    public var fullNames: [String] = []
    /// Surnames of every named petitioner, masked (张某) or not, first-named first.
    public var surnames: [String] = []
    /// The first-named petitioner's name when written in full.
    public var primaryFullName: String?
    /// The sound of the first-named petitioner's full name: toneless pinyin,
    /// so that 张伟, 张玮 and Zhang Wei meet.
    public var primaryNameSound: String?
    /// Identifiers of the petitioners that are not names: account ids of an
    /// online board or a hotline (A00087964), folded and upper-cased. One
    /// person may use two accounts and a group posts from many, so only
    /// agreement is evidence.
    public var accounts: [String] = []
    /// Birth years known for the first-named petitioner: from the ID number, or
    /// from an age written in the text (52岁 in 2023 → 1971).
    public var birthYears: [Int] = []
    /// Five or more people, or written as a group (等12人, 集体上访): a clue for
    /// matching only. Whether a petition is a 集体访 is ``Petition/isCollective``.
    public var filedByGroup = false
    public var province: String?
    public var city: String?
    public var county: String?
    public var category: String?
    public var levelRank: Int?
    public var day = 0
    public var entities = Entities()
    /// Problem concepts signalled, sorted.
    public var concepts: [String] = []
    /// The concepts the petition is about rather than mentions in passing:
    /// those of its title, else the most signalled ones of its text. Sorted.
    public var primaryConcepts: [String] = []
    /// Distinct word hashes, sorted, with their counts.
    public var words: [UInt32] = []
    public var counts: [UInt16] = []

    public init() {}

    /// Keys under which the petition is filed for candidate generation: a
    /// candidate shares at least one. A mistyped ID number still shares one of
    /// its three overlapping parts with the right one.
    public var blockingKeys: Set<String> {
        var keys: Set<String> = []
        for id in idNumbers {
            let characters = Array(id)
            keys.insert("id:" + id)
            keys.insert("ia:" + String(characters[0..<14]))
            keys.insert("ib:" + String(characters[6..<18]))
            keys.insert("ic:" + String(characters[0..<6] + characters[14..<18]))
        }
        for phone in phones { keys.insert("tel:" + phone) }
        for account in accounts { keys.insert("acct:" + account) }
        // Place names repeat across a province (every city has its 阳光花园): they
        // are keys within a county only, so that their lists stay short.
        let region = county ?? city ?? province ?? ""
        // Names are filed by their sound too, so that 绿地 finds 地绿 and 金茂 finds 金贸.
        for estate in entities.estates { keys.insert("est:\(Entities.soundKey(estate))|\(region)") }
        for organization in entities.organizations { keys.insert("org:\(Entities.soundKey(organization))|\(region)") }
        for place in entities.places { keys.insert("pla:\(Entities.soundKey(place))|\(region)") }
        for caseNumber in entities.caseNumbers { keys.insert("case:" + caseNumber) }
        for room in entities.rooms { keys.insert("room:\(room)|\(region)") }
        return keys
    }
}

