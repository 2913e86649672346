import Foundation
import PetitionText

/// A stable fingerprint of a record's content (FNV-1a, 64 bits), to tell an
/// unchanged re-import from an update without comparing every column. Every
/// backend stores the same fingerprint.
public enum RecordHash {
    public static func of(_ petition: Petition) -> String {
        var parts: [String?] = [petition.id, petition.receivedAt.description, petition.channel, petition.level,
                                petition.province, petition.city, petition.county, petition.regionCode,
                                petition.headcount.map(String.init), petition.respondent, petition.category,
                                petition.title, petition.content]
        for petitioner in petition.petitioners {
            parts += [petitioner.name, petitioner.idNumber, petitioner.phone]
        }
        // Only when present: a record without a history keeps the hash it had before histories existed.
        if let handling = petition.handling { parts.append(handling.storedJSON) }
        return hash(parts)
    }

    public static func of(_ backlogCase: BacklogCase) -> String {
        hash([backlogCase.caseID, backlogCase.title, backlogCase.summary, backlogCase.province, backlogCase.city,
              backlogCase.county, backlogCase.category, backlogCase.openedAt?.description, backlogCase.leader,
              backlogCase.status] + backlogCase.responsibleUnits)
    }

    private static func hash(_ parts: [String?]) -> String {
        var value: UInt64 = 0xcbf29ce484222325
        for part in parts {
            for byte in (part ?? "\u{0}").utf8 {
                value = (value ^ UInt64(byte)) &* 0x100000001b3
            }
            value = (value ^ 0x1F) &* 0x100000001b3
        }
        return String(value, radix: 16)
    }
}
