import Foundation
import PetitionModel
import PetitionText

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
