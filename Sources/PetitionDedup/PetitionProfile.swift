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

/// Builds profiles. Holds an ICU segmenter: one builder per thread.
public final class ProfileBuilder {
    private let segmenter: WordSegmenter
    private let extractor = EntityExtractor()
    private let concepts = ProblemConcepts.standard
    private let persons = PersonReferences()
    private let groups = GroupReferences.standard

    public init() throws {
        segmenter = try WordSegmenter()
    }

    public func profile(of petition: Petition) -> PetitionProfile {
        var profile = PetitionProfile()
        for petitioner in petition.petitioners {
            if let id = petitioner.canonicalIDNumber { profile.idNumbers.append(id) }
            if let phone = petitioner.canonicalPhone { profile.phones.append(phone) }
            guard let name = petitioner.name.map(PersonName.init) else { continue }
            if let account = name.account {
                if !profile.accounts.contains(account) { profile.accounts.append(account) }
            } else if let surname = name.surname {
                if profile.surnames.isEmpty && !name.isMasked {
                    profile.primaryFullName = name.text
                    profile.primaryNameSound = name.sound
                }
                profile.surnames.append(surname)
                if !name.isMasked { profile.fullNames.append(name.text) }
            } else if profile.surnames.isEmpty, profile.primaryNameSound == nil, let sound = name.sound {
                // A name in Latin letters (Zhang Wei): its sound only.
                profile.primaryNameSound = sound
            }
        }
        let text = FoldedText([petition.title, petition.content].compactMap { $0 }.joined(separator: "\n"))
        // Numbers the text gives for the petitioner: phones and ID numbers.
        let numbers = Self.identifiers(in: text)
        for phone in numbers.phones where !profile.phones.contains(phone) { profile.phones.append(phone) }
        for id in numbers.ids where !profile.idNumbers.contains(id) { profile.idNumbers.append(id) }
        if let id = profile.idNumbers.first, let year = Int(id.dropFirst(6).prefix(4)) { profile.birthYears.append(year) }
        if let age = persons.statedAge(in: text) { profile.birthYears.append(petition.receivedAt.year - age) }
        profile.filedByGroup = (petition.headcount ?? 0) >= GroupReferences.groupSize || groups.isFiledByGroup(text)
        profile.province = petition.province
        profile.city = petition.city
        profile.county = petition.county
        profile.category = petition.category
        profile.levelRank = petition.levelRank
        profile.day = petition.receivedAt.dayNumber
        profile.entities = extractor.extract(text)
        let signalled = concepts.concepts(in: text)
        profile.concepts = signalled.keys.sorted()
        let inTitle = petition.title.map { concepts.concepts(in: FoldedText($0)).keys.sorted() } ?? []
        let most = signalled.values.max() ?? 0
        profile.primaryConcepts = !inTitle.isEmpty ? inTitle : signalled.filter { $0.value == most }.keys.sorted()
        var counts: [UInt32: Int] = [:]
        for word in segmenter.words(text) where word.range.count >= 2 && !WordStatistics.isNumeric(word.text) {
            counts[WordStatistics.hash(word.text), default: 0] += 1
        }
        profile.words = counts.keys.sorted()
        profile.counts = profile.words.map { UInt16(min(counts[$0]!, Int(UInt16.max))) }
        return profile
    }

    /// Mobile numbers and resident ID numbers written in the text, canonical.
    static func identifiers(in text: FoldedText) -> (phones: [String], ids: [String]) {
        var phones: [String] = [], ids: [String] = []
        IndexTokenizer().forEachToken(in: text) { token, bytes in
            guard token.kind == .word || token.kind == .canonicalNumber else { return true }
            let value = String(decoding: bytes, as: UTF8.self)
            if value.utf8.count == 11, value.hasPrefix("1"), value.allSatisfy(\.isNumber) {
                if !phones.contains(value) { phones.append(value) }
            } else if value.utf8.count == 18, let id = IdentifierForms.residentID(value), !ids.contains(id) {
                ids.append(id)
            }
            return true
        }
        return (phones, ids)
    }

}

/// A petitioner's name, full or masked (张某, 张某某, 张*, 张XX), in Latin
/// letters (Zhang Wei), or an account id standing for one (A00087964).
struct PersonName {
    let text: String
    let isMasked: Bool
    let surname: String?
    /// Toneless pinyin of a full name, nil for a masked one or an account.
    let sound: String?
    /// The name as an account id: letters and digits with at least one digit, upper-cased.
    let account: String?

    private static let compoundSurnames: Set<String> = ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "公孙", "夏侯"]

    init(_ raw: String) {
        let folded = CharacterFolding.standard.fold(raw).filter { !$0.isWhitespace }
        text = folded
        let characters = Array(folded)
        isMasked = characters.dropFirst().contains { "某*＊x×?？".contains($0) }
        let isIdentifier = !folded.isEmpty && folded.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic
            || CharacterClass($0.value) == .digit || "-_.".unicodeScalars.contains($0) }
        account = isIdentifier && folded.unicodeScalars.contains { CharacterClass($0.value) == .digit }
            ? folded.uppercased() : nil
        let syllables = Pinyin.standard.syllables(of: folded)
        sound = account == nil && !isMasked && !syllables.isEmpty ? syllables.joined() : nil
        guard account == nil, let first = characters.first,
              first.unicodeScalars.allSatisfy({ CharacterClass($0.value) == .han }) else {
            surname = nil
            return
        }
        let two = String(characters.prefix(2))
        surname = Self.compoundSurnames.contains(two) ? two : String(first)
    }
}
