import Foundation
import PetitionModel
import PetitionText

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
