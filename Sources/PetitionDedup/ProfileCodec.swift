import Foundation
import PetitionModel
import PetitionText

/// Profiles as stored: a compact binary form (length-prefixed strings, varints),
/// which the nightly job reads for every petition; JSON took a fifth of its time.
/// A leading version byte lets the format change without misreading old rows;
/// a profile that cannot be read is computed again from its petition.
enum ProfileCodec {
    /// 2: the name's sound, account ids and primary concepts added at the end.
    static let version: UInt8 = 2

    static func encode(_ profile: PetitionProfile) -> Data {
        var writer = BinaryWriter()
        writer.byte(version)
        writer.strings(profile.idNumbers)
        writer.strings(profile.phones)
        writer.strings(profile.fullNames)
        writer.strings(profile.surnames)
        writer.optionalString(profile.primaryFullName)
        writer.integers(profile.birthYears)
        writer.byte(profile.filedByGroup ? 1 : 0)
        writer.optionalString(profile.province)
        writer.optionalString(profile.city)
        writer.optionalString(profile.county)
        writer.optionalString(profile.category)
        writer.integer(profile.levelRank.map { $0 + 1 } ?? 0)
        writer.integer(profile.day)
        let entities = profile.entities
        writer.strings(entities.estates.sorted())
        writer.strings(entities.organizations.sorted())
        writer.strings(entities.places.sorted())
        writer.strings(entities.rooms.sorted())
        writer.integers(entities.amounts.sorted())
        writer.integers(entities.areas.sorted())
        writer.integers(entities.years.sorted())
        writer.strings(entities.caseNumbers.sorted())
        writer.strings(profile.concepts)
        writer.integers(profile.words.map(Int.init))
        writer.integers(profile.counts.map(Int.init))
        writer.optionalString(profile.primaryNameSound)
        writer.strings(profile.accounts)
        writer.strings(profile.primaryConcepts)
        return writer.data
    }

    static func decode(_ data: Data) -> PetitionProfile? {
        var reader = BinaryReader(data)
        guard reader.byte() == version else { return nil }
        var profile = PetitionProfile()
        var entities = Entities()
        guard let ids = reader.strings(), let phones = reader.strings(), let fullNames = reader.strings(),
              let surnames = reader.strings(), let primary = reader.optionalString(), let birthYears = reader.integers(),
              let collective = reader.byte(), let province = reader.optionalString(), let city = reader.optionalString(),
              let county = reader.optionalString(), let category = reader.optionalString(), let level = reader.integer(),
              let day = reader.integer(), let estates = reader.strings(), let organizations = reader.strings(),
              let places = reader.strings(), let rooms = reader.strings(), let amounts = reader.integers(),
              let areas = reader.integers(), let years = reader.integers(), let caseNumbers = reader.strings(),
              let concepts = reader.strings(), let words = reader.integers(), let counts = reader.integers(),
              words.count == counts.count, let sound = reader.optionalString(), let accounts = reader.strings(),
              let primaryConcepts = reader.strings()
        else { return nil }
        profile.primaryConcepts = primaryConcepts
        profile.primaryNameSound = sound
        profile.accounts = accounts
        profile.idNumbers = ids
        profile.phones = phones
        profile.fullNames = fullNames
        profile.surnames = surnames
        profile.primaryFullName = primary
        profile.birthYears = birthYears
        profile.filedByGroup = collective == 1
        profile.province = province
        profile.city = city
        profile.county = county
        profile.category = category
        profile.levelRank = level > 0 ? level - 1 : nil
        profile.day = day
        entities.estates = Set(estates)
        entities.organizations = Set(organizations)
        entities.places = Set(places)
        entities.rooms = Set(rooms)
        entities.amounts = Set(amounts)
        entities.areas = Set(areas)
        entities.years = Set(years)
        entities.caseNumbers = Set(caseNumbers)
        profile.entities = entities
        profile.concepts = concepts
        profile.words = words.map { UInt32(truncatingIfNeeded: $0) }
        profile.counts = counts.map { UInt16(truncatingIfNeeded: $0) }
        return profile
    }

    /// What the store keeps of a petition for the detector: the encoded
    /// profile and the keys under which candidates find it.
    static func derivedData(_ profile: PetitionProfile) -> DerivedPetitionData {
        DerivedPetitionData(profile: encode(profile), keys: profile.blockingKeys.sorted())
    }
}
