import Foundation
import PetitionText

/// What the repeat detector derives from a petition. The importer stores it
/// in the same transaction as the petition itself, so the two never disagree,
/// and forgets the petition's matter, so that the next nightly run scores the
/// changed text again.
public protocol PetitionDerivedDataWriter {
    func derivedData(for petition: Petition) -> DerivedPetitionData
    /// Another writer for another thread: each holds what may not be shared
    /// between threads (an ICU word segmenter).
    func makeWorker() throws -> any PetitionDerivedDataWriter
}
